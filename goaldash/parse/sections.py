"""Recognisers for sections and lines with a meaning: blockers, adjustments, `**Key:** value`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from goaldash.parse.dates import find_dates, first_date
from goaldash.parse.placeholders import is_placeholder

_BLOCKERS_TITLE = re.compile(
    r"^[^\w]*(?:current\s+|active\s+|open\s+|known\s+)?(?:blockers?|impediments?)"
    r"(?:\s*(?:/|&|and)\s*(?:concerns?|risks?|issues?))?\b[^\w]*(?:\(.*\))?[\s:]*$",
    re.IGNORECASE,
)
_ADJUST_TITLE = re.compile(
    r"^[^\w]*(?:timeline|schedule)\s+(?:adjustments?|changes?|revisions?)\b"
    r"|^[^\w]*changes to (?:the )?original plan",
    re.IGNORECASE,
)
_KEY_VALUE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<key>[A-Za-z][\w /-]{0,40}?)\s*"
    r"(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*(?P<value>.*?)\s*$"
)
_NONE = re.compile(
    r"^[\s*_]*(?:none|n/?a|nothing|no (?:current |active |open )?blockers?|-|—)\b"
    r"[\s.*_]*(?:yet|currently|at this time)?[\s.]*$",
    re.IGNORECASE,
)
_ADJUSTMENT = re.compile(r"^\s*(?:\*\*)?(?P<date>[^:]{4,40}?)(?:\*\*)?\s*:\s*(?P<body>.+)$")
_IMPACT = re.compile(
    r"impact\s*:?\s*(?P<n>[+-]?\s*\d+(?:\.\d+)?)\s*(?P<unit>days?|d|weeks?|w|hours?|h)\b",
    re.IGNORECASE,
)
_WAS = re.compile(r"\(\s*was\s+([^)]*)\)", re.IGNORECASE)


def is_blockers_title(text: str) -> bool:
    """A heading or bold label that opens a list of blockers."""
    return bool(_BLOCKERS_TITLE.match(text.replace("*", "").strip()))


def is_adjustments_title(text: str) -> bool:
    """A heading or bold label that opens a list of timeline adjustments."""
    return bool(_ADJUST_TITLE.match(text.replace("*", "").strip()))


def is_nothing(text: str) -> bool:
    """ "None", "N/A", "No blockers": an entry saying there is nothing."""
    return bool(_NONE.match(text))


_CELL_SEPARATOR = re.compile(r"\s+\|\s+")


def key_values(text: str) -> list[tuple[str, str]]:
    """`**Key:** value` / `**Key**: value` lines of a paragraph, keys lowercased."""
    out: list[tuple[str, str]] = []
    if "**" not in text and "__" not in text:
        return out  # a key is bold: no bold, no keys (a long paragraph, quickly)
    for row in text.split("\n"):
        if "**" not in row and "__" not in row:
            continue
        for line in _CELL_SEPARATOR.split(row):
            m = _KEY_VALUE.match(line)
            if m and ("**" in line or "__" in line):
                out.append((m.group("key").strip().lower(), m.group("value").strip("*_ ")))
    return out


def field_of(text: str) -> tuple[str, str] | None:
    """`Impact: x` or `**Owner:** y` -> ("impact", "x"), on one list item's text."""
    line = text.split("\n", 1)[0]
    m = re.match(
        r"^\s*(?:\*\*|__)?([A-Za-z][\w /-]{0,30}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$", line
    )
    if not m:
        return None
    return m.group(1).strip().lower(), m.group(2).strip("*_ ")


@dataclass(frozen=True, slots=True)
class AdjustmentText:
    """The pieces of an adjustment line."""

    date: date | None
    change: str
    reason: str | None
    impact_days: float | None


def parse_adjustment(text: str, *, strict: bool) -> AdjustmentText | None:
    """`2026-01-10: What changed - Reason - Impact: +3 days`.

    `strict` (outside an adjustments section) asks for both a leading date and an impact.
    """
    line = text.split("\n", 1)[0].strip()
    if not line or is_placeholder(line):
        return None
    when = None
    body = line
    m = _ADJUSTMENT.match(line)
    if m:
        found = find_dates(m.group("date"))
        if found:
            when = found[0].value
            body = m.group("body")
    impact = None
    im = _IMPACT.search(body)
    if im:
        n = float(im.group("n").replace(" ", ""))
        unit = im.group("unit").lower()
        impact = n * 7 if unit.startswith("w") else n / 8 if unit.startswith("h") else n
        body = (body[: im.start()] + body[im.end() :]).strip()
    if strict and (when is None or impact is None):
        return None
    parts = [p.strip(" -–—*") for p in re.split(r"\s+[-–—]\s+", body) if p.strip(" -–—*")]
    change = parts[0] if parts else body
    reason = " - ".join(parts[1:]) or None
    return AdjustmentText(when, change, reason, impact)


def estimated_completion(value: str) -> tuple[date | None, date | None]:
    """`DATE (was DATE)` -> (current, original)."""
    if is_placeholder(value):
        return None, None
    was = _WAS.search(value)
    original = first_date(was.group(1)) if was else None
    current = first_date(_WAS.sub("", value))
    return current, original
