"""Recognising phase and milestone declarations, and what their headings say."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from goaldash.model import Status
from goaldash.parse.dates import Span, date_range, find_dates, find_span
from goaldash.parse.status import heading_status, status_of
from goaldash.text import repair_mojibake

_KEYWORDS = {
    "phase": "phase",
    "stage": "phase",
    "giai đoạn": "phase",
    "fase": "phase",
    "etapa": "phase",
    "étape": "phase",
    "フェーズ": "phase",
    "阶段": "phase",
    "階段": "phase",
    "milestone": "milestone",
}
_KW = r"(?P<kw>phase|stage|giai đoạn|fase|etapa|étape|フェーズ|阶段|階段|milestone)"
_ID = r"(?P<id>\d+(?:\.\d+)*[a-z]?|[A-Z]{1,2}-?\d+(?:\.\d+)*[a-z]?|[A-Z])"
# Emoji, status marks and list numbering that may stand before the keyword.
_LEAD = r"^[\s*_>]*(?:\d{1,3}[.)]\s+)?(?P<lead>(?:[^\w\s*_\[]\ufe0f?\s*){0,3})[\s*_]*"
# What may follow the id in a heading: a separator, a parenthesis, the end, or non-ASCII.
_AFTER = r"(?P<sep>\s*[:：.]\s*|\s*[-–—]\s+|\s*(?=\()|\s*$|\s+(?=[^\x00-\x7f]))"
_PHASE = re.compile(
    _LEAD + _KW + r"\s+" + _ID + _AFTER + r"(?P<rest>.*)$", re.IGNORECASE | re.DOTALL
)
# `Phase 横断: ...`: an id in another script, only when a colon follows.
_PHASE_OTHER = re.compile(
    _LEAD + _KW + r"\s+(?P<id>[^\x00-\x7f\s:：]{1,8})(?P<sep>\s*[:：]\s*)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# The keywords an ASCII text can hold (`re.IGNORECASE` folds ASCII letters only to ASCII):
# `may_declare` looks for these before `_PHASE` is tried. Derived, so a keyword added to
# `_KEYWORDS` (and `_KW`) is looked for too.
ASCII_KEYWORDS = tuple(k for k in _KEYWORDS if k.isascii())
_COLON = re.compile(r"\s*[:：]")
_BOLD = re.compile(
    r"^\s*(?:\d{1,3}[.)]\s+)?(?P<lead>(?:[^\w\s*_\[]\ufe0f?\s*){0,3})\*\*(?P<inner>[^*]+?)\*\*(?P<after>.*)$",
    re.DOTALL,
)
_PAREN = re.compile(r"\(([^()]*)\)")
_MILESTONE_REF = re.compile(r"\bmilestone\s+(M?\d+(?:\.\d+)*)", re.IGNORECASE)
_STRUCK = re.compile(r"~~([^~]+)~~\s*\**\s*([^*~()]+?)\s*\**(?=$|[\s,;)])")


@dataclass(frozen=True, slots=True)
class PhaseDecl:
    """A phase or milestone as one line declares it."""

    kind: str
    id: str
    name: str
    status: Status | None
    span: Span | None
    start: date | None
    end: date | None
    original_end: date | None
    milestone: str | None

    @property
    def key(self) -> str:
        """The id a phase is known by in the plan: milestones get an `M` prefix."""
        if self.kind == "milestone" and not self.id.upper().startswith("M"):
            return "M" + self.id
        return self.id


def _status_from_lead(lead: str) -> Status | None:
    lead = lead.strip()
    return status_of(lead) if lead else None


def _annotations(rest: str) -> tuple[str, list[str]]:
    """Split the text after the id into the name and its annotations (parentheses, suffixes)."""
    if not rest or rest.isspace():
        return "", []  # "Phase 3" alone: a table's label, say
    notes = [m.group(1) for m in _PAREN.finditer(rest)]
    head = _PAREN.sub(" ", rest)
    # Suffixes after spaced dashes: "Name - ✅ COMPLETED", "Story 1 - Add Tasks - ✅ COMPLETE".
    # Trailing parts that state a status (or hold no words) are annotations; the rest is name.
    parts = [x for x in re.split(r"\s+[-–—]\s+|\s+[-–—]$", head) if x.strip()] or [""]
    while len(parts) > 1 and (
        annotation_status(parts[-1]) is not None or not re.search(r"\w", parts[-1])
    ):
        notes.append(parts.pop())
    if len(parts) > 1 and not notes:
        # "Phase 4: Implementation - Code changes using Serena tools": a description.
        notes.append(" - ".join(parts[1:]))
        parts = parts[:1]
    name = " - ".join(parts)
    # An emoji after the name starts an annotation: "安全性修正 🔴", "Export 🎯 MVP".
    m = re.search(r"\s[\u2190-\u2bff\U0001f000-\U0001faff]", name)
    if m and name[: m.start()].strip():
        notes.append(name[m.start() :].strip())
        name = name[: m.start()]
    return name.strip(" *_:`"), notes


def annotation_status(note: str) -> Status | None:
    """The status a heading annotation states, strictly: it must start with a status word."""
    note = note.strip().strip("*_` ")
    if not note:
        return None
    m = re.match(r"^((?:[^\w\s]\ufe0f?\s*)+)", note)
    if m:
        by_emoji = status_of(m.group(1))
        if by_emoji is not None:
            return by_emoji
        note = note[m.end() :]
    return heading_status(note)


def _dates(notes: list[str], status: Status | None) -> tuple[date | None, date | None, date | None]:
    start = end = original = None
    for note in notes:
        if m := _STRUCK.search(note):
            old, new = find_dates(m.group(1)), find_dates(m.group(2))
            if old and new:
                original, end = old[0].value, new[0].value
                continue
        rng = date_range(note)
        if rng:
            start, end = rng
            continue
        found = find_dates(note)
        if found and end is None:
            if re.search(r"\bstart", note, re.IGNORECASE):
                start = found[0].value
            else:
                end = found[0].value
    return start, end, original


def may_declare(text: str) -> bool:
    """Could `parse_phase` find a declaration in `text`? False only when it surely cannot: an
    ASCII text (emphasis marks aside) holding none of the keywords."""
    if not text.isascii():
        return True
    if "**" in text or "__" in text:
        text = text.replace("**", "").replace("__", "")
    low = text.lower()  # as re.IGNORECASE folds ASCII; `in` is far quicker than a search
    for keyword in ASCII_KEYWORDS:  # noqa: SIM110 - a loop, not any(): twice as quick
        if keyword in low:
            return True
    return False


def parse_phase(text: str, *, strict_colon: bool = False) -> PhaseDecl | None:
    """Read a phase declaration from a heading's or bold label's text, or None.

    `strict_colon` asks for a colon after the id (bold paragraphs and list items, where
    "**Phase 1 is complete when:**" must not count).
    """
    if not may_declare(text):
        return None  # no keyword, no declaration: most lines, told apart quickly
    text = repair_mojibake(text).replace("**", "").replace("__", "")
    text = text.split("\n", 1)[0]
    m = _PHASE.match(text) or _PHASE_OTHER.match(text)
    if not m:
        return None
    sep = m.group("sep")
    if strict_colon and not _COLON.match(sep):
        return None
    kind = _KEYWORDS.get(m.group("kw").lower(), "phase")
    ident = m.group("id")
    if ident.isalpha() and len(ident) == 1 and ident not in "NXABCDEFGHIJKLMOPQRSTUVWYZ":
        return None
    rest = m.group("rest")
    name, notes = _annotations(rest)
    status = _status_from_lead(m.group("lead"))
    for note in notes:
        if status is None:
            status = annotation_status(note)
    span = None
    milestone = None
    for note in notes:
        span = span or find_span(note)
        if mm := _MILESTONE_REF.search(note):
            milestone = mm.group(1)
    start, end, original = _dates(notes, status)
    return PhaseDecl(kind, ident, name, status, span, start, end, original, milestone)


_REFERENCE = re.compile(_LEAD + _KW + r"\s+" + _ID + r"(?![\w.])", re.IGNORECASE)


def phase_reference(text: str) -> str | None:
    """The phase key a label names, e.g. "Milestone 1 Verification" -> "M1"; else None."""
    m = _REFERENCE.match(repair_mojibake(text).replace("**", ""))
    if not m:
        return None
    ident = m.group("id")
    kind = _KEYWORDS.get(m.group("kw").lower(), "phase")
    if kind == "milestone" and not ident.upper().startswith("M"):
        return "M" + ident
    return ident


def parse_bold_phase(text: str) -> PhaseDecl | None:
    """A phase declared by a paragraph that opens with bold: `**Phase 1: Name** (Weeks 1-2)`."""
    m = _BOLD.match(text.split("\n", 1)[0])
    if not m:
        return None
    return parse_phase(m.group("lead") + m.group("inner") + m.group("after"), strict_colon=True)


def label_of(text: str) -> str | None:
    """The label of a paragraph that is only a bold label: `**Exit gate:**` -> "Exit gate"."""
    first = text.strip()
    if "\n" in first:
        return None
    m = re.match(r"^\*\*([^*]{1,80}?)\*\*\s*:?\s*(?:\([^)]*\))?\s*:?\s*$", first)
    if not m:
        m = re.match(r"^__([^_]{1,80}?)__\s*:?\s*$", first)
    if not m:
        return None
    return m.group(1).strip().rstrip(":").strip()
