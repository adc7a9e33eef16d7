"""Relative spans and durations as plans write them: "Weeks 1-2", "Day 3", "Est: 3 days".

They count from an anchor (the plan's start) rather than naming a day, so they are read apart
from the calendar dates of `parse.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A relative span ("Weeks 1-2") or a duration ("Est: 3 days")."""

    text: str
    """As written, e.g. "Weeks 1-2"."""
    start: float | None
    """Offset in days from the anchor where it begins; None for a bare duration."""
    end: float | None
    """Offset in days where it ends (exclusive); None for a bare duration."""
    duration: float
    """Length in days."""


_NUM = r"(\d+(?:\.\d+)?)"
_RANGE = _NUM + r"(?:\s*(?:-|–|—|to)\s*" + _NUM + r")?"
_WEEKS = re.compile(r"\b(?:weeks?|wks?|tuần|semanas?)\s+" + _RANGE + r"\b", re.IGNORECASE)
_DAYS = re.compile(r"\b(?:days?|ngày|dias?)\s+" + _RANGE + r"\b", re.IGNORECASE)
_SPRINTS = re.compile(r"\b(?:sprints?)\s+" + _RANGE + r"\b", re.IGNORECASE)
_UNITS = r"(hours?|hrs?|h|minutes?|mins?|days?|d|weeks?|wks?|w|months?|ngày|tuần|semanas?|dias?)"
_DURATION = re.compile(
    r"(?:\b(?:est(?:imate)?|duration|effort)\s*[:.]?\s*)?~?" + _RANGE + r"\s*" + _UNITS + r"(?!\w)",
    re.IGNORECASE,
)
# What every `_DURATION` match holds: a digit, then a unit. Its search is a tenth of the cost of
# `_DURATION`'s, whose optional prefix is tried at every position of the text.
_DURATION_TAIL = re.compile(r"\d\s*" + _UNITS + r"(?!\w)", re.IGNORECASE)
_UNIT_DAYS = {"h": 1 / 8, "d": 1.0, "w": 7.0, "m": 30.0}


def _unit(word: str) -> float:
    word = word.lower()
    if word in ("tuần", "semana", "semanas"):
        return 7.0
    if word in ("ngày", "dia", "dias"):
        return 1.0
    if word.startswith("mo"):
        return 30.0
    if word.startswith("mi"):
        return 1 / 480
    return _UNIT_DAYS.get(word[0], 1.0)


def find_span(text: str) -> Span | None:
    """The first relative span or duration in `text`, e.g. in a phase heading's parentheses.

    `Weeks 1-2` covers days 0-14, `Week 6` days 35-42, `Days 6-10` days 5-10, `Day 1` day 0-1;
    `Est: 3 days` and `(2 hours)` are durations (hours count as working hours, 8 to a day).
    """
    for pattern, unit in ((_WEEKS, 7.0), (_DAYS, 1.0), (_SPRINTS, 14.0)):
        m = pattern.search(text)
        if m:
            a = float(m.group(1))
            b = float(m.group(2) or a)
            if b >= a:
                return Span(m.group(0), (a - 1) * unit, b * unit, (b - a + 1) * unit)
    if _DURATION_TAIL.search(text) and (m := _DURATION.search(text)):
        high = float(m.group(2) or m.group(1))
        days = high * _unit(m.group(3))
        if days > 0:
            return Span(m.group(0).strip(), None, None, days)
    return None
