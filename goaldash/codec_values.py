"""The checks of the parse cache's single values (`goaldash.codec` decodes plans with them):
each takes a value fresh from `json.loads` and gives it back as the model holds it, or raises
`Malformed`. Part of the codec, apart for its length.

This module is core: it must not import Textual.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from goaldash.model import MARK_STATES, ItemState, PlanFormat
from goaldash.model import Status as _Status


class Malformed(ValueError):
    """The data is not a sound encoding of the model."""


ERRORS = (ValueError, TypeError, KeyError, IndexError, RecursionError)
"""What decoding hostile data may raise: Malformed, json's errors and bad UTF-8 (all
ValueErrors), an unhashable value used as a key, an unknown enum value, a date that is not
one, an integer of too many digits, nesting too deep for the json reader."""

_STATUS = {s.value: s for s in _Status}
_ITEM_STATE = {s.value: s for s in ItemState}
_FORMAT = {f.value: f for f in PlanFormat}
_DATE_LEN = len("2026-11-21")
_NONE = type(None)
_INTS = frozenset({int})
_STRS = frozenset({str})
_OPT_INTS = frozenset({int, _NONE})
_OPT_STRS = frozenset({str, _NONE})
_BOOLS = frozenset({bool})
_MARKS = frozenset(MARK_STATES)


def _bad(what: str) -> Malformed:
    return Malformed(f"not a sound {what}")


def _int(v: Any) -> int:
    if type(v) is not int:
        raise _bad("integer")
    return v


def _opt_int(v: Any) -> int | None:
    return None if v is None else _int(v)


def _str(v: Any) -> str:
    if type(v) is not str:
        raise _bad("string")
    return v


def _opt_str(v: Any) -> str | None:
    return None if v is None else _str(v)


def _bool(v: Any) -> bool:
    if type(v) is not bool:
        raise _bad("boolean")
    return v


def _num(v: Any) -> float:
    # json keeps 3 and 3.0 apart, so a number comes back as the type it was written from.
    if type(v) is not float and type(v) is not int:
        raise _bad("number")
    return v


def _opt_num(v: Any) -> float | None:
    return None if v is None else _num(v)


def _date(v: Any) -> date | None:
    if v is None:
        return None
    if type(v) is not str or len(v) != _DATE_LEN:
        raise _bad("date")
    return date.fromisoformat(v)  # ValueError when it is no date


def _status(v: Any) -> _Status:
    if type(v) is not str:
        raise _bad("status")
    return _STATUS[v]  # KeyError: a status goaldash does not know


def _opt_status(v: Any) -> _Status | None:
    return None if v is None else _status(v)


def _format(v: Any) -> PlanFormat:
    if type(v) is not str:
        raise _bad("format")
    return _FORMAT[v]


def _list(v: Any, n: int = -1) -> list[Any]:
    if type(v) is not list or (n >= 0 and len(v) != n):
        raise _bad("array")
    return v


def _strs(v: Any) -> tuple[str, ...]:
    return tuple(_str(x) for x in _list(v))


def _span(v: Any) -> tuple[float, float] | None:
    if v is None:
        return None
    lo, hi = _list(v, 2)
    return (_num(lo), _num(hi))
