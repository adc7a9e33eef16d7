"""The dates a plan states for itself: in its frontmatter (`due: 2026-06-30`,
`start_date: 2026-01-05`) or in a line at its top, before its first phase
(`**Target completion:** 2026-06-30`, `Start date: 2026-03-02`).

A reader takes such a date as the plan's own: the phases' dates fill in only what the plan
does not state, and its start anchors the spans written relative to it (`Weeks 1-2`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import goaldash.parse.frontmatter as fm
from goaldash.parse.dates import date_range, first_date, period, revised
from goaldash.parse.placeholders import is_placeholder
from goaldash.parse.state import State
from goaldash.parse.words import COLUMN, every_word

_END_FIELDS = ("due", "due_date", "deadline", "target", "target_date", "end", "end_date", "eta")
"""Frontmatter keys of the plan's end."""
_START_FIELDS = ("start", "start_date")
"""Frontmatter keys of the plan's start."""
_END_KEYS = every_word(COLUMN["end"])
_START_KEYS = every_word(COLUMN["start"])


@dataclass(frozen=True, slots=True)
class Stated:
    """The plan's own dates, each None where it states none."""

    start: date | None = None
    end: date | None = None
    original_end: date | None = None
    """The end it states it once had (`**Due:** 2026-10-15 (was 2026-09-01)`)."""


def _meta_date(value: Any) -> tuple[date | None, date | None]:
    """A frontmatter date as (current, original): a YAML date, or one written as text."""
    if (d := fm.as_date(value)) is not None:
        return d, None
    if isinstance(value, str) and not is_placeholder(value):
        return _revised(value)
    return None, None


def _revised(value: str) -> tuple[date | None, date | None]:
    """An end as (current, original): a month or quarter ("Q1 2027") is its last day."""
    current, original = revised(value)
    if current is None and (month := period(value)):
        return month[1], None
    return current, original


def _start(value: str) -> date | None:
    """A start: a month or quarter ("March 2027") is its first day."""
    month = period(value)
    return first_date(value) or (month[0] if month else None)


def stated(meta: dict[str, Any], st: State) -> Stated:
    """The start and end the plan states, its frontmatter before its top lines."""
    start = end = original = None
    for key in _START_FIELDS:
        if start is None:
            value = meta.get(key)
            start = fm.as_date(value) or (_start(value) if isinstance(value, str) else None)
    for key in _END_FIELDS:
        if end is None:
            end, original = _meta_date(meta.get(key))
    for key, value in st.plan_fields.items():
        if is_placeholder(value):
            continue
        if start is None and key in _START_KEYS:
            start = _start(value)
        elif end is None and key in _END_KEYS:
            end, original = _revised(value)
    return Stated(start, end, original if end else None)


def anchor(meta: dict[str, Any], st: State) -> date | None:
    """The day relative spans count from: the plan's stated start, its creation date, or a
    date or timeline line at its top."""
    start = next((d for key in _START_FIELDS if (d := fm.as_date(meta.get(key)))), None)
    created = fm.as_date(meta.get("created") or meta.get("created_date") or meta.get("date"))
    if start or created:
        return start or created
    for key in ("date", "start date", "started", "created", "kickoff"):
        value = st.plan_fields.get(key)
        if value and (d := first_date(value)):
            return d
    timeline = st.plan_fields.get("timeline")
    if timeline:
        rng = date_range(timeline)
        if rng:
            return rng[0]
        if d := first_date(timeline):
            return d
    return None
