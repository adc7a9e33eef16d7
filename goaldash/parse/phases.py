"""Recognising phase and milestone declarations, and what their headings say."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from goaldash.model import Status
from goaldash.parse.dates import date_range, find_dates
from goaldash.parse.idforms import KEYWORDS, SPACED_KEYWORDS, alternation, id_last, spelled
from goaldash.parse.spans import Span, find_span
from goaldash.parse.status import (
    ATTENTION,
    LIGHTS,
    blocked_reason,
    heading_status,
    partly,
    says_more,
    status_of,
)
from goaldash.parse.words import COLUMN, NOTED, every_word, words_pattern
from goaldash.text import repair_mojibake

_KIND = {w.upper(): kind for w, kind in KEYWORDS.items()}  # upper: Turkish ı and I agree


def _kind(m: re.Match[str]) -> str:
    word = m.group("kw") or m.group("kw2")
    return _KIND.get(re.sub(r"\s+", " ", word).upper(), "phase")


# A word of `words.PHASE`, then the id: after a space, or at once in the scripts written
# without spaces ("フェーズ2", "阶段3").
_KW_SPACED = r"(?P<kw>" + SPACED_KEYWORDS + r")\s+"
_KW = r"(?:" + _KW_SPACED + r"|(?P<kw2>" + alternation(set(KEYWORDS), wide=True) + r")\s*)"
# An id: a number ("2", "2.1", "3b"), letters and a number ("M2", "S-03"), a Roman numeral
# ("II", "XIV") or one letter ("A").
_ID = (
    r"(?P<id>\d+(?:\.\d+)*[a-z]?|[A-Z]{1,2}-?\d+(?:\.\d+)*[a-z]?"
    r"|(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})|[A-Z])"
)
# Emoji, status marks and list numbering that may stand before the keyword.
_LEAD = r"^[\s*_>]*(?:\d{1,3}[.)]\s+)?(?P<lead>(?:[^\w\s*_\[]\ufe0f?\s*){0,3})[\s*_]*"
# What may follow the id in a heading: a separator, a parenthesis, the end, or non-ASCII.
_AFTER = r"(?P<sep>\s*[:：.]\s*|\s*[-–—]\s+|\s*(?=\()|\s*$|\s+(?=[^\x00-\x7f]))"
_PHASE = re.compile(_LEAD + _KW + _ID + _AFTER + r"(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
# `Phase 横断: ...`: an id in another script, only when a colon follows.
_PHASE_OTHER = re.compile(
    _LEAD + _KW_SPACED + r"(?P<id>[^\x00-\x7f\s:：]{1,8})(?P<sep>\s*[:：]\s*)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# The keywords an ASCII text can hold (`re.IGNORECASE` folds ASCII letters only to ASCII):
# `may_declare` looks for these before `_PHASE` is tried. Derived, so a keyword added to
# `KEYWORDS` (and `_KW`) is looked for too.
ASCII_KEYWORDS = tuple(k for k in KEYWORDS if k.isascii())
_COLON = re.compile(r"\s*[:：]|\s+[-–—]\s")
"""The separators `strict_colon` takes after the id: a colon, or a dash with a space each
side ("**Phase 1 — Foundation**"), never words ("**Phase 1 is complete when:**")."""


_BOLD = re.compile(
    r"^\s*(?:\d{1,3}[.)]\s+)?(?P<lead>(?:[^\w\s*_\[]\ufe0f?\s*){0,3})\*\*(?P<inner>[^*]+?)\*\*(?P<after>.*)$",
    re.DOTALL,
)
# "(Weeks 1-2)", and the full-width "（完了: 2026-02-12）" and "【已完成】" of Chinese and Japanese.
_PAREN = re.compile(r"[(（【]([^()（）【】]*)[)）】]")
_TAG = re.compile(r"\[([^\[\]]+)\](?![(\[])")
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
    word: str = ""
    """The phase word the line declares it by, lowercased ("fase", "etapa"); "" for an id alone."""
    named: bool = False
    """Its id is a name ("### MS Idee", "### Milestone Beta"), not a running id."""
    why: str = ""
    """What blocks it, as a blocked status in its heading says ("⚠️ Blocked by #140")."""

    @property
    def key(self) -> str:
        """The id a phase is known by in the plan: numbered milestones get an `M` prefix."""
        if self.kind == "milestone" and not self.named and not self.id.upper().startswith("M"):
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
    if "[" in head:  # "[DONE]", "[OBSOLETE - no changes needed]": a status tag
        tags = [t for t in _TAG.finditer(head) if annotation_status(t.group(1)) is not None]
        for t in reversed(tags):
            notes.append(t.group(1))
            head = head[: t.start()] + " " + head[t.end() :]
    # Suffixes after spaced dashes: "Name - ✅ COMPLETED", "Story 1 - Add Tasks - ✅ COMPLETE".
    # Trailing parts that state a status (or hold no words) are annotations; the rest is name.
    parts = [x for x in re.split(r"\s+[-–—]\s+|\s+[-–—]$", head) if x.strip()] or [""]
    while len(parts) > 1 and not re.search(r"\w", parts[0]):
        notes.append(parts.pop(0))  # "Phase 0 ✅ — Name": marks before the name
    alone = parts[0].strip()
    if len(parts) == 1 and " " not in alone and annotation_status(alone) and not says_more(alone):
        notes.append(parts.pop())  # "Fase 2 - Concluído", "第2阶段：已完成": a status, no name
        parts = [""]
    if len(parts) == 1 and _when(parts[0]):
        notes.append(parts.pop())  # "v1.2 — Due by December 15, 2026": a date, no name
        parts = [""]
    while len(parts) > 1 and (
        annotation_status(parts[-1]) is not None
        or not re.search(r"\w", parts[-1])
        or _when(parts[-1])  # "Name - Closed Aug 20, 2026"
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
    name = name.strip(" *_:")
    if name and not re.search(r"\w", name):  # marks alone ("Q3 2026 🔮 (Planned)"): no name
        notes.append(name)
        name = ""
    if name.startswith("`") and name.endswith("`") and name.count("`") == 2:
        name = name[1:-1]  # wholly code: "`Setup`"; "`.clang-tidy` Configuration" keeps its
    return name.strip(), notes


_WHEN_KEYS = every_word(COLUMN["end"]) | every_word(COLUMN["start"])
_WHEN_KEYS |= every_word(COLUMN["completed"])
_WHEN_JOINS = {"by", "on", "at", "of", "el", "le", "am", "the"}


def _when(part: str) -> bool:
    """Does a part of a heading only say when: a date, after nothing but its key or a status
    word ("Due by December 15, 2026", "Closed Aug 20, 2026", "target: 2027-03-01"), with a
    few words at most after it ("2026-03-01 (hard)")? A name that holds a date ("Sprint
    ending 2026-03-01") is a name."""
    if not any(c.isdigit() for c in part):
        return False
    found = find_dates(part)
    if not found:
        return False
    before = part[: found[0].start].strip(" *_:：,-–—(").casefold()
    after = part[found[-1].end :].strip(" *_.,;)")
    if len(after.split()) > 3:
        return False
    if not before or annotation_status(before) is not None:
        return True
    words = before.split()
    while words and words[-1] in _WHEN_JOINS:
        words.pop()
    return " ".join(words) in _WHEN_KEYS


def annotation_status(note: str) -> Status | None:
    """The status a heading annotation states, strictly: it must start with a status word."""
    note = note.strip().strip("*_` ")
    if not note:
        return None
    if partly(note):  # "✅ Partially complete": in progress, whatever the mark
        return Status.IN_PROGRESS
    lead = re.match(r"^((?:[^\w\s]\ufe0f?\s*)+)", note)
    if lead:
        marks, words = lead.group(1), note[lead.end() :]
        by_emoji = status_of(marks)
        if by_emoji is not None and not set(marks) - LIGHTS - {" ", "\ufe0f"}:
            said = heading_status(words)  # "⏳ IN PROGRESS": the word says
            if said is None and set(marks) & ATTENTION and re.search(r"\w", words):
                return None  # "⚠️ MUST COMPLETE BEFORE 3.3": a note, no status
            return said or by_emoji
        if by_emoji is not None:
            return by_emoji
        note = words
    return heading_status(note)


_START_WORD = re.compile(
    r"(?<![^\W\d_])" + words_pattern(COLUMN["start"]) + r"(?![^\W\d_])", re.IGNORECASE
)


_NOTED = re.compile(r"(?<![^\W\d_])" + words_pattern(NOTED) + r"(?![^\W\d_])", re.IGNORECASE)


def says_start(note: str) -> bool:
    """A note that dates a start ("✅ Kicked off 2026-03-03", "Iniciado: 08/10", "开始 3/1"):
    its mark is the kick-off's, not the phase's status."""
    return _START_WORD.search(note) is not None and bool(find_dates(note))


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
        if found and end is None and not _NOTED.search(note) and not partly(note):
            # Not "(INSERTED 2026-10-02)" (when it was written in), nor the day part of it
            # was done ("✅ 一部完了（2026-02-15）").
            if _START_WORD.search(note):
                start = found[0].value
            else:
                end = found[0].value
    return start, end, original


_STRUCK_WHOLE = re.compile(r"^([\s>]*)~~([^~]+)~~(.*)$", re.DOTALL)
# The name alone struck, the id left: "Phase 3: ~~Schema Tool~~ (merged into Phase 2)".
_STRUCK_NAME = re.compile(r"^(\s*)~~([^~]+)~~(.*)$", re.DOTALL)


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

    `strict_colon` asks for a colon (or a spaced dash, `_COLON`) after the id (bold
    paragraphs and list items, where "**Phase 1 is complete when:**" must not count).
    """
    if not may_declare(text):
        return None  # no keyword, no declaration: most lines, told apart quickly
    m, struck = _matched(text)
    if not m:
        return None
    sep = m.group("sep")
    if strict_colon and not _COLON.match(sep):
        return None
    kind = _kind(m)
    ident = m.group("id")
    if ident.isalpha() and len(ident) == 1 and ident not in "NXABCDEFGHIJKLMOPQRSTUVWYZ":
        return None
    word = " ".join((m.group("kw") or m.group("kw2") or "").split()).lower()
    status = Status.CANCELLED if struck else None
    return _declaration(kind, ident, m.group("rest"), status, m.group("lead"), word)


def declares(text: str) -> bool:
    """Does `parse_phase` find a declaration in `text`? (Its pattern only: quicker.)"""
    return may_declare(text) and _matched(text)[0] is not None


_LINK = re.compile(r"\[([^\[\]\n]{1,200})\](?:\([^()\s]{0,2000}\)|\[[^\[\]\n]{0,100}\])")


def unlinked(text: str) -> str:
    """`text` with its links as their words: "[v1.2](https://…/milestone/5) — Due …" reads
    "v1.2 — Due …", as a reader sees it."""
    return _LINK.sub(r"\1", text) if "](" in text or "][" in text else text


def _matched(text: str) -> tuple[re.Match[str] | None, bool]:
    """The declaration's match on the first line of `text` (emphasis, links and a strike
    through the whole taken off, the id put after the word), and whether it was struck."""
    text = unlinked(repair_mojibake(text).replace("**", "").replace("__", "").split("\n", 1)[0])
    struck = _STRUCK_WHOLE.match(text)
    if struck:  # "~~Phase 3: Name~~ (dropped)": the phase is cancelled
        text = struck.group(1) + struck.group(2) + struck.group(3)
    text = id_last(text)
    if m := _PHASE.match(text):
        return m, bool(struck)
    written = spelled(text)
    m = _PHASE.match(written) if written is not None else _PHASE_OTHER.match(text)
    return m, bool(struck)


def parse_phase_as(kind: str, ident: str, rest: str) -> PhaseDecl:
    """The phase a line declares by its id alone (`levels` tells which lines do): `rest` is
    what follows the id, its name and annotations."""
    rest = unlinked(repair_mojibake(rest).replace("**", "").replace("__", ""))
    struck = _STRUCK_WHOLE.match(rest)
    if struck:
        rest = struck.group(1) + struck.group(2) + struck.group(3)
    return _declaration(kind, ident, rest, Status.CANCELLED if struck else None, "")


# Digits of other scripts, as ids are written: Arabic-Indic ١٢, Persian ۱۲, full-width １２.
_DIGITS = str.maketrans(
    {**{0x660 + i: str(i) for i in range(10)}, **{0x6F0 + i: str(i) for i in range(10)}}
    | {0xFF10 + i: str(i) for i in range(10)}
)


def _declaration(
    kind: str, ident: str, rest: str, status: Status | None, lead: str, word: str = ""
) -> PhaseDecl:
    if not ident.isascii():
        ident = ident.translate(_DIGITS)
    struck = _STRUCK_NAME.match(rest)
    if struck:  # what follows the struck name is a note on it: "~~Name~~ COMPLETED"
        after = struck.group(3).strip()
        joint = " - " if after and after[0] not in "([（" else " "
        rest = struck.group(2) + joint + after
    name, notes = _annotations(rest)
    if status is None:
        status = _status_from_lead(lead)
    for note in notes:
        if status is None and not says_start(note):
            status = annotation_status(note)
    if status is None and struck:  # struck out with no word on why: dropped
        status = Status.CANCELLED
    span = None
    milestone = None
    for note in notes:
        span = span or find_span(note)
        if mm := _MILESTONE_REF.search(note):
            milestone = mm.group(1)
    start, end, original = _dates(notes, status)
    why = ""
    if status is Status.BLOCKED:
        why = next((r for note in notes if (r := blocked_reason(note))), "")
    return PhaseDecl(
        kind, ident, name, status, span, start, end, original, milestone, word, why=why
    )


_REFERENCE = re.compile(_LEAD + _KW + _ID + r"(?![\w.])", re.IGNORECASE)


def phase_reference(text: str) -> str | None:
    """The phase key a label names, e.g. "Milestone 1 Verification" -> "M1"; else None."""
    m = _REFERENCE.match(repair_mojibake(text).replace("**", ""))
    if not m:
        return None
    ident = m.group("id")
    kind = _kind(m)
    if kind == "milestone" and not ident.upper().startswith("M"):
        return "M" + ident
    return ident


_STATED = re.compile(
    _LEAD + _KW + r"(?P<id>\d{1,3})(?:\s*[~〜～–-]\s*(?P<to>\d{1,3}))?(?![\w.])", re.IGNORECASE
)
_CLAUSE = re.compile(r"[,;，；、()（）→]|\s[-–—]\s")


def opens_with_phase(text: str) -> bool:
    """Does a status line open with a phase's clause ("✅ Phase 0-5 完了 → Phase 6.1 完了 →
    ...")? Its marks then are the phases', not the plan's own status."""
    return _STATED.match(text.replace("**", "").strip()) is not None


def stated_phases(text: str) -> list[tuple[list[str], Status]]:
    """The phases a status line states, clause by clause: "80% - Phase 1~3 완료, Phase 5 진행
    중" -> [(["1", "2", "3"], done), (["5"], in progress)]; "Phase 2 done" -> [(["2"], done)]."""
    out: list[tuple[list[str], Status]] = []
    for clause in _CLAUSE.split(text.replace("**", "")):
        m = _STATED.match(clause.strip())
        if m is None or _kind(m) != "phase":
            continue
        status = annotation_status(clause.strip()[m.end() :])
        if status is None or status is Status.UNKNOWN:
            continue
        first, last = int(m.group("id")), int(m.group("to") or m.group("id"))
        if first <= last <= first + 50:
            out.append(([str(n) for n in range(first, last + 1)], status))
    return out


def finished_phase(text: str) -> str | None:
    """The phase key a log entry says was finished: "Фаза 1 завершена: ...", "Phase 2
    completed", "Fase 3 concluída"; None when it names none or says something else."""
    m = _REFERENCE.match(repair_mojibake(text).replace("**", ""))
    if not m:
        return None
    rest = re.split(r"[:：;,.(—–-]", text[m.end() :].replace("**", ""), maxsplit=1)[0]
    if annotation_status(rest) is not Status.DONE:
        return None
    ident = m.group("id")
    if _kind(m) == "milestone" and not ident.upper().startswith("M"):
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
