"""Plans as plain data: what the parse cache writes, and a strict reading of it back.

Every model class becomes a JSON array of its fields in declaration order; enums are their
values, dates ISO strings (`2026-11-21`), tuples arrays, None null; a plan's items (there may
be a hundred thousand) are kept by column, one array per field, after the rest of the plan
and a newline (their count in their field's place), and decoded when first asked for.
Nothing here can run code, whatever the bytes: the text goes through `json.loads` (plain
lists, strings, numbers) and every value is checked (exact type, known enum value, right
length) before an object is built from it. Anything else raises `Malformed`, and the cache
then ignores the entry: a cache is never trusted, and a bad one is never a traceback.

The writing is `goaldash.codec_write`; this module reads back (and gives both to its users),
with the checks of single values in `goaldash.codec_values`.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from goaldash.bulk import maker
from goaldash.codec_values import (
    _BOOLS,
    _INTS,
    _ITEM_STATE,
    _MARKS,
    _OPT_INTS,
    _OPT_STRS,
    _STATUS,
    _STRS,
    ERRORS,
    Malformed,
    _bad,
    _bool,
    _date,
    _format,
    _int,
    _list,
    _opt_int,
    _opt_num,
    _opt_status,
    _opt_str,
    _span,
    _status,
    _str,
    _strs,
)
from goaldash.codec_write import NAMES, encode_plan, facts_data
from goaldash.collector import collector_paused
from goaldash.lazyitems import LazyItems
from goaldash.model import (
    Adjustment,
    Blocker,
    Item,
    Phase,
    PhaseFacts,
    Plan,
    PlanDates,
    PlanFacts,
    Progress,
    StatusRow,
    Task,
    Warning,
)
from goaldash.parse.items import make_items

__all__ = ["ERRORS", "VERSION", "Malformed", "decode_plan", "encode_plan", "facts_data"]
__all__ += ["decode_items", "facts_of"]

VERSION = 3
"""The encoding's own version: part of the cache's schema."""


# -------------------------------------------------------------------------------- decoding


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
    # Written out: the checks `_CHECKS` gives, for the thousands there are.
    if type(v) is not list or len(v) != 3:
        raise _bad("progress")
    done, doing, open_ = v
    if type(done) is not int or type(doing) is not int or type(open_) is not int:
        raise _bad("progress")
    return Progress(done, doing, open_)


def _phases(v: Any) -> tuple[Phase, ...]:
    # A repository has tens of thousands of phases: they are checked a column at a time and
    # made a slot at a time for all of them (`bulk.maker`), as items are; one by one, by the
    # checks of `_CHECKS`, should the class no longer suit the maker.
    rows = _list(v)
    if _PHASES is None or not rows:
        return tuple(map(_row(Phase), rows))
    if not all(type(r) is list and len(r) == 15 for r in rows):
        raise _bad("phase")
    (
        pid,
        name,
        line,
        kind,
        status,
        declared,
        progress,
        span,
        *dates,
        milestone,
        rel,
        dated,
        placed,
    ) = (list(c) for c in zip(*rows, strict=True))
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
        and set(map(type, placed)) <= _BOOLS
    ):
        raise _bad("phase")
    return tuple(
        _PHASES(
            len(rows),
            *(pid, name, line, kind, map(_STATUS.__getitem__, status)),
            *(map(_opt_status, declared), _progresses(progress), span),
            *(map(_date, d) for d in dates),
            *(milestone, map(_span, rel), dated, placed),
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


class _Kept:
    """The items' field while a plan is decoded: their count, and their encoded columns."""

    __slots__ = ("count", "data")

    def __init__(self, count: Any, data: bytes) -> None:
        self.count, self.data = count, data


def _kept_items(v: Any) -> Sequence[Item]:
    # Decoded when first asked for, however few: most of a repository's bytes, and not
    # needed to draw its views (decoding the items of the plans of under 8 KiB of items with
    # their plans made a warm start of 1,000 plans show them all 0.15 s later).
    if type(v) is not _Kept or type(v.count) is not int or v.count < 0:
        raise _bad("item count")
    return LazyItems(v.count, v.data, decode_items)


def _items_decoded(data: bytes, count: int) -> tuple[Item, ...]:
    items = _items_of(json.loads(data))
    if len(items) != count:
        raise _bad("item list")
    return items


def decode_items(data: bytes, count: int) -> tuple[Item, ...]:
    """`count` items from their encoded columns; Malformed for anything else."""
    try:
        with collector_paused():
            return _items_decoded(data, count)
    except Malformed:
        raise
    except ERRORS as exc:
        raise Malformed(f"not sound items ({type(exc).__name__})") from None


_date_fields = _row(PlanDates)

_CHECKS: dict[type, tuple[Callable[[Any], Any], ...]] = {  # Progress, Phase: see _phases
    Progress: (_int, _int, _int),
    Phase: (
        *(_str, _str, _int, _str, _status, _opt_status, _progress, _opt_str),
        *(_date, _date, _date, _opt_str, _span, _bool, _bool),
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
        *(_date_fields, _phases, _kept_items, _rows(Task), _rows(Blocker)),
        *(_rows(Adjustment), _rows(StatusRow), _int, _rows(Warning), _int, _str),
    ),
}
"""Per class, the check (and conversion) of each field, in declaration order."""

_NAMES: dict[type, tuple[str, ...]] = {cls: NAMES[cls] for cls in (*_CHECKS, Item)}
"""Per class, its fields' names (those `codec_write` writes, `ROWS` and `Item`)."""

_plan_of: Callable[[Any], Plan] = _row(Plan)
"""The plan from the array `encode_plan` wrote before the newline, its items' field made a
`_Kept` by `decode_plan`; Malformed (or one of `ERRORS`) for anything else."""


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


_ITEMS_AT = _NAMES[Plan].index("items")


def decode_plan(blob: bytes) -> Plan:
    """The plan `encode_plan` wrote; Malformed for any other bytes (never anything else).
    Its items are decoded now when they are few, else when first asked for (`LazyItems`,
    which gives none and says it is broken should they not decode then).

    Python's cycle collector is off meanwhile, as while a plan is parsed: plain data makes no
    cycles, and a plan of a million items would have it walk the growing heap again and again
    (half the time of the decoding). It is turned back on after, if it was on."""
    head, newline, items = blob.partition(b"\n")
    if not newline:
        raise _bad("plan")
    try:
        with collector_paused():
            v = json.loads(head)
            if type(v) is list and len(v) > _ITEMS_AT:
                v[_ITEMS_AT] = _Kept(v[_ITEMS_AT], items)
            return _plan_of(v)
    except Malformed:
        raise
    except ERRORS as exc:
        raise Malformed(f"not a sound plan ({type(exc).__name__})") from None
