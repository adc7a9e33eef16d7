"""Dates and spans as people write them in plans.

The regular expressions isolate a candidate, and the calendar check is `datetime.date`'s
own. A general parser such as dateutil is not used: its fuzzy mode reads dates into any
number in free text, which is exactly what must not happen here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

_ISO = r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
ISO_DATE = re.compile(r"(?<![\d-])" + _ISO + r"(?![\d])")
# "Dec 28, 2025", "December 28 2025", "Dec 16-20, 2025"
_MDY = re.compile(
    r"\b"
    + _MONTH
    + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–~]\s*(?P<d2>\d{1,2}))?,?\s+(?P<y>\d{4})\b",
    re.IGNORECASE,
)
# "28 Dec 2025"
_DMY = re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b", re.IGNORECASE)
_SLASH = re.compile(r"(?<![\d/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])")


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text, with where it was."""

    value: date
    start: int
    end: int
    until: date | None = None
    """The second date of a range written in one piece ("Dec 16-20, 2025")."""


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order of appearance."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in ISO_DATE.finditer(text):
        d = _make(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            found.append(FoundDate(d, m.start(), m.end()))
            taken.append(m.span())
    for m in _SLASH.finditer(text):
        d = _make(int(m["y"]), int(m["m"]), int(m["d"]))
        if d and free(*m.span()):
            found.append(FoundDate(d, m.start(), m.end()))
            taken.append(m.span())
    for m in _MDY.finditer(text):
        mon = _MONTHS[m["mon"].lower().rstrip(".")]
        d = _make(int(m["y"]), mon, int(m["d"]))
        if d and free(*m.span()):
            until = _make(int(m["y"]), mon, int(m["d2"])) if m["d2"] else None
            found.append(FoundDate(d, m.start(), m.end(), until))
            taken.append(m.span())
    for m in _DMY.finditer(text):
        mon = _MONTHS[m["mon"].lower().rstrip(".")]
        d = _make(int(m["y"]), mon, int(m["d"]))
        if d and free(*m.span()):
            found.append(FoundDate(d, m.start(), m.end()))
            taken.append(m.span())
    found.sort(key=lambda f: f.start)
    return found


def first_date(text: str) -> date | None:
    """The first date in `text`, or None."""
    found = find_dates(text)
    return found[0].value if found else None


_RANGE_SEP = re.compile(r"^\s*(?:[-–—~]|to|until|through|→|->|\.\.)\s*$", re.IGNORECASE)


def date_range(text: str) -> tuple[date, date] | None:
    """A range such as `2025-10-08 ~ 2025-11-20`, `Dec 16-20, 2025` or `Jan 5 to Feb 2, 2026`."""
    found = find_dates(text)
    for f in found:
        if f.until:
            return (f.value, f.until)
    for a, b in pairwise(found):
        if _RANGE_SEP.match(text[a.end : b.start]) and a.value <= b.value:
            return (a.value, b.value)
    return None


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
