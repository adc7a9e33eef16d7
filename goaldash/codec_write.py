"""Plans as plain data, written: what the parse cache keeps (`goaldash.codec` reads it back,
and says the format).

This module is core: it must not import Textual.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from operator import attrgetter
from typing import Any

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

ROWS: tuple[type, ...] = (Progress, Phase, Task, Blocker, Adjustment, StatusRow, Warning)
ROWS += (PlanDates, PhaseFacts, PlanFacts, Plan)
"""The classes written as an array of their fields (items are written by column)."""
NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls)) for cls in (*ROWS, Item)
}
"""Per class, its fields' names in declaration order: the order they are written in."""

_ROW_CLASSES = frozenset(ROWS)
_WRITTEN_AS_IS = frozenset({"str", "int", "bool", "float", "None", "Status", "PlanFormat"})
"""Annotations of the fields whose values json writes as they are (an enum is a str)."""


def _row_reader(cls: type) -> tuple[Callable[[Any], tuple[Any, ...]], tuple[int, ...]]:
    """How `plain` reads a row of `cls`: its fields at once, and which of them are more than
    json writes as they are (by their annotation; any but `_WRITTEN_AS_IS` is looked at)."""
    names = NAMES[cls]
    getter = attrgetter(*names) if len(names) > 1 else (lambda v: (getattr(v, names[0]),))
    deeper = tuple(
        i
        for i, f in enumerate(fields(cls))
        if not set(str(f.type).replace(" ", "").split("|")) <= _WRITTEN_AS_IS
    )
    return getter, deeper


_ROW_READERS = {cls: _row_reader(cls) for cls in _ROW_CLASSES}


def plain(v: Any) -> Any:
    """One field's value as json writes it (enums are str subclasses: json writes the value)."""
    kind = type(v)
    if kind is date:
        return v.isoformat()
    if kind is tuple:
        return [plain(x) for x in v]
    if kind in _ROW_CLASSES:
        # All fields read at once; only those that may hold a date, a tuple or a row are
        # looked at again (a plan may have a hundred thousand phases or status rows).
        getter, deeper = _ROW_READERS[kind]
        values = list(getter(v))
        for i in deeper:
            x = values[i]
            if x is not None:  # most dates are not there: written as they are
                values[i] = x.isoformat() if type(x) is date else plain(x)
        return values
    return v


def facts_data(facts: PlanFacts) -> list[Any]:
    """A plan's facts as plain data."""
    return [plain(getattr(facts, name)) for name in NAMES[PlanFacts]]


def encode_plan(plan: Plan) -> bytes:
    """The plan as compact JSON text (UTF-8): an array of its fields (`plain`) with the
    items' count in their place, a newline, then the items, an array per column (a hundred
    thousand items decode several times faster from nine arrays of plain values than from a
    hundred thousand small arrays).

    A path that is not UTF-8 holds lone surrogates (`os.fsdecode`): they are written as
    such ("surrogatepass"), which `json.loads` reads back from bytes the same way."""
    # Written a field at a time and the items a column at a time, each column let go once
    # written: a plan of a million items is tens of megabytes of text, never held as Python
    # lists of lists. (`json.dumps` of an array is its values', between brackets, by commas.)
    # The items come last, after a newline (which JSON text never holds: json escapes it in
    # strings), their count in their field's place: the plan can be decoded without them,
    # and they when first asked for (`goaldash.lazyitems`).
    parts = [b"["]
    for n, name in enumerate(NAMES[Plan]):
        if n:
            parts.append(b",")
        if name == "items":
            parts.append(b"%d" % len(plan.items))
        else:
            parts.append(_utf8(_dumps(plain(getattr(plan, name)))))
    parts.append(b"]\n[")
    for m, field in enumerate(NAMES[Item]):
        if m:
            parts.append(b",")
        parts.append(_utf8(_dumps(list(map(attrgetter(field), plan.items)))))
    parts.append(b"]")
    return b"".join(parts)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
