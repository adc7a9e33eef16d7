"""Plans as plain data: what the parse cache writes, and a strict reading of it back.

Every model class becomes a JSON array of its fields in declaration order; enums are their
values, dates ISO strings (`2026-11-21`), tuples arrays, None null; a plan's items (there may
be a hundred thousand) are kept by column, one array per field. Nothing here can run code,
whatever the bytes: the text goes through `json.loads` (plain lists, strings, numbers) and
every value is checked (exact type, known enum value, right length) before an object is
built from it. Anything else raises `Malformed`, and the cache then ignores the entry: a
cache is never trusted, and a bad one is never a traceback.

The writing is `goaldash.codec_write`; this module reads back (and gives both to its users).

This module is core: it must not import Textual.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from goaldash.bulk import maker
from goaldash.codec_write import NAMES, encode_plan, facts_data, plan_data
from goaldash.model import (
    MARK_STATES,
    Adjustment,
    Blocker,
    Item,
    ItemState,
    Phase,
    PhaseFacts,
    Plan,
    PlanDates,
    PlanFacts,
    PlanFormat,
    Progress,
    StatusRow,
    Task,
    Warning,
)
from goaldash.model import Status as _Status
from goaldash.parse.basics import collector_paused
from goaldash.parse.items import make_items

__all__ = ["ERRORS", "VERSION", "Malformed", "decode_plan", "encode_plan", "facts_data"]
__all__ += ["facts_of", "plan_data", "plan_of"]

VERSION = 1
"""The encoding's own version: part of the cache's schema."""


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

# -------------------------------------------------------------------------------- decoding


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


def _row(cls: type) -> Callable[[Any], Any]:
    """The decoder of one small class: an array of its fields, each checked by its own."""

    def decode(v: Any) -> Any:
        checks = _CHECKS[cls]
        return cls(*[check(x) for check, x in zip(checks, _list(v, len(checks)), strict=True)])

    return decode


def _rows(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """The decoder of an array of rows of `cls`: the rows' columns each checked by its field's
    check, and the objects made at once (`bulk.maker`), not one `cls(...)` at a time."""
    one, make = _row(cls), maker(cls)

    def decode(v: Any) -> tuple[Any, ...]:
        rows = _list(v)
        if make is None or len(rows) < 2:
            return tuple(map(one, rows))
        checks = _CHECKS[cls]
        if not all(type(r) is list and len(r) == len(checks) for r in rows):
            raise _bad("array")
        columns = zip(*rows, strict=True)
        return tuple(make(len(rows), *map(map, checks, columns)))

    return decode


_INTS = frozenset({int})
_STRS = frozenset({str})
_OPT_INTS = frozenset({int, _NONE})
_OPT_STRS = frozenset({str, _NONE})
_BOOLS = frozenset({bool})
_MARKS = frozenset(MARK_STATES)


def _items_of(v: Any) -> tuple[Item, ...]:
    # Each column is checked whole (the set of its values' exact types), then the items are
    # built by one `map`: no Python-level step per item but the constructor's own.
    lines, columns, states, marks, texts, depths, phases, sections, parents = _list(v, 9)
    n = len(_list(lines))
    if not all(type(c) is list and len(c) == n for c in v):
        raise _bad("item list")
    if not (
        set(map(type, lines)) <= _INTS
        and set(map(type, columns)) <= _INTS
        and set(map(type, states)) <= _STRS
        and set(map(type, marks)) <= _STRS
        and set(marks) <= _MARKS
        and set(map(type, texts)) <= _STRS
        and set(map(type, depths)) <= _INTS
        and set(map(type, phases)) <= _OPT_STRS
        and set(map(type, sections)) <= _STRS
        and set(map(type, parents)) <= _OPT_INTS
    ):
        raise _bad("item list")
    # The columns read are let go as soon as they are turned into what the items hold (the
    # data is fresh from `json.loads`, this call's to use up): a state's, a phase id's or a
    # section's string for each of a million items is tens of megabytes.
    kinds = list(map(_ITEM_STATE.__getitem__, states))  # KeyError: an unknown state
    states.clear()
    # Items share a handful of phase ids and section names: one string each, as the parser
    # made them, instead of one per item (a tenth less memory for a big repository).
    shared: dict[str | None, str | None] = {}
    phase_of = list(map(shared.setdefault, phases, phases))
    phases.clear()
    section_of: list[Any] = list(map(shared.setdefault, sections, sections))
    sections.clear()
    return tuple(
        make_items(n, lines, columns, kinds, marks, texts, depths, phase_of, section_of, parents)
    )


def _progress(v: Any) -> Progress:
    # Written out, as `_phase` is: the checks `_CHECKS` gives, for the thousands there are.
    if type(v) is not list or len(v) != 3:
        raise _bad("progress")
    done, doing, open_ = v
    if type(done) is not int or type(doing) is not int or type(open_) is not int:
        raise _bad("progress")
    return Progress(done, doing, open_)


def _phase(v: Any) -> Phase:
    f = _list(v, 14)
    pid, name, line, kind, status, declared, progress, span, *dates, milestone, rel, dated = f
    if not (
        type(pid) is str
        and type(name) is str
        and type(line) is int
        and type(kind) is str
        and (span is None or type(span) is str)
        and (milestone is None or type(milestone) is str)
        and type(dated) is bool
    ):
        raise _bad("phase")
    start, end, original_end = map(_date, dates)
    return Phase(
        *(pid, name, line, kind, _status(status), _opt_status(declared), _progress(progress)),
        *(span, start, end, original_end, milestone, _span(rel), dated),
    )


def _phases(v: Any) -> tuple[Phase, ...]:
    # A repository has tens of thousands of phases: they are checked a column at a time and
    # made a slot at a time for all of them (`bulk.maker`), as items are; `_phase` when the class
    # changed under this code.
    rows = _list(v)
    if _PHASES is None or not rows:
        return tuple(map(_phase, rows))
    if not all(type(r) is list and len(r) == 14 for r in rows):
        raise _bad("phase")
    pid, name, line, kind, status, declared, progress, span, *dates, milestone, rel, dated = (
        list(c) for c in zip(*rows, strict=True)
    )
    if not (
        set(map(type, pid)) <= _STRS
        and set(map(type, name)) <= _STRS
        and set(map(type, line)) <= _INTS
        and set(map(type, kind)) <= _STRS
        and set(map(type, status)) <= _STRS
        and set(map(type, declared)) <= _OPT_STRS
        and set(map(type, span)) <= _OPT_STRS
        and set(map(type, milestone)) <= _OPT_STRS
        and set(map(type, dated)) <= _BOOLS
    ):
        raise _bad("phase")
    return tuple(
        _PHASES(
            len(rows),
            *(pid, name, line, kind, map(_STATUS.__getitem__, status)),
            *(map(_opt_status, declared), _progresses(progress), span),
            *(map(_date, d) for d in dates),
            *(milestone, map(_span, rel), dated),
        )
    )


def _progresses(rows: list[Any]) -> Iterable[Progress]:
    if _PROGRESSES is None:
        return map(_progress, rows)
    if not all(type(r) is list and len(r) == 3 for r in rows):
        raise _bad("progress")
    columns = [list(c) for c in zip(*rows, strict=True)] if rows else [[], [], []]
    if not all(set(map(type, c)) <= _INTS for c in columns):
        raise _bad("progress")
    return _PROGRESSES(len(rows), *columns)


_PHASES = maker(Phase)
_PROGRESSES = maker(Progress)


_date_fields = _row(PlanDates)

_CHECKS: dict[type, tuple[Callable[[Any], Any], ...]] = {  # Progress, Phase: see _phase
    Progress: (_int, _int, _int),
    Phase: (
        *(_str, _str, _int, _str, _status, _opt_status, _progress, _opt_str),
        *(_date, _date, _date, _opt_str, _span, _bool),
    ),
    Task: (_str, _str, _int, _str, _opt_str, _opt_str, _opt_str, _strs, _status, _opt_str),
    Blocker: (_str, _int, _opt_str, _opt_str, _date, _opt_str, _bool, _opt_str),
    Adjustment: (_int, _str, _date, _opt_str, _opt_num),
    StatusRow: (_int, _str, _status, _str, _opt_num, _date, _date, _str, _opt_str, _date),
    Warning: (_str, _str, _opt_int),
    PlanDates: (_date,) * 6,
    PhaseFacts: (_str, _str, _opt_status, _int),
    PlanFacts: (_str, _str, _bool, _bool, _opt_str, _date, _rows(PhaseFacts)),  # see facts_of
    Plan: (
        *(_str, _str, _format, _str, _status, _progress, _bool, _bool, _opt_str, _opt_str),
        *(_date_fields, _phases, _items_of, _rows(Task), _rows(Blocker)),
        *(_rows(Adjustment), _rows(StatusRow), _int, _rows(Warning), _int, _str),
    ),
}
"""Per class, the check (and conversion) of each field, in declaration order."""

_NAMES: dict[type, tuple[str, ...]] = {cls: NAMES[cls] for cls in (*_CHECKS, Item)}
"""Per class, its fields' names (those `codec_write` writes, `ROWS` and `Item`)."""

plan_of: Callable[[Any], Plan] = _row(Plan)
"""The plan `plan_data` gave `v` from; Malformed (or one of `ERRORS`) for anything else."""


def facts_of(v: Any) -> PlanFacts:
    """The facts `facts_data` gave `v` from; Malformed (or one of `ERRORS`) for anything else.

    Written out: a warm run decodes every plan's facts, and nothing else of most plans."""
    path, group, template, backup, declared, expires, phases = _list(v, 7)
    if not (
        type(path) is str
        and type(group) is str
        and type(template) is bool
        and type(backup) is bool
        and (declared is None or type(declared) is str)
        and type(phases) is list
    ):
        raise _bad("plan facts")
    return PlanFacts(path, group, template, backup, declared, _date(expires), _phase_facts(phases))


def _phase_facts(rows: list[Any]) -> tuple[PhaseFacts, ...]:
    out = []
    for row in rows:
        pid, kind, declared, line = _list(row, 4)
        if type(pid) is not str or type(kind) is not str or type(line) is not int:
            raise _bad("phase facts")
        out.append(PhaseFacts(pid, kind, _opt_status(declared), line))
    return tuple(out)


def decode_plan(blob: bytes) -> Plan:
    """The plan `encode_plan` wrote; Malformed for any other bytes (never anything else).

    Python's cycle collector is off meanwhile, as while a plan is parsed: plain data makes no
    cycles, and a plan of a million items would have it walk the growing heap again and again
    (half the time of the decoding). It is turned back on after, if it was on."""
    try:
        with collector_paused():
            return plan_of(json.loads(blob))
    except Malformed:
        raise
    except ERRORS as exc:
        raise Malformed(f"not a sound plan ({type(exc).__name__})") from None
