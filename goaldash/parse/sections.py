"""Recognisers for sections and lines with a meaning: blockers, adjustments, `**Key:** value`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from goaldash.parse.dates import find_dates, first_date, period
from goaldash.parse.placeholders import is_placeholder
from goaldash.parse.status import STATUS_EMOJI
from goaldash.parse.words import (
    BEING,
    BLOCKED_BY,
    BLOCKED_FLAG,
    BLOCKERS,
    COLUMN,
    CURRENTLY,
    ISSUES,
    NO,
    NOTHING,
    OPEN_QUALIFIER,
    RESOLVED,
    RISKS,
    SPAN,
    STATUS_KEY,
    every_word,
    words_pattern,
)

_NOUN = words_pattern(BLOCKERS)
_ISSUE = words_pattern(ISSUES)
_QUALIFIER = words_pattern(OPEN_QUALIFIER, CURRENTLY)
_RESOLVED_WORD = words_pattern(RESOLVED)
_JOIN = r"(?:\s*(?:[/&,+、・与與和及및]|and|y|e|et|und|и|ve|và)\s*|\s*)"
# "Current Blockers", "🚧 Blockers & Risks", "3. Bloqueadores actuales", "阻塞问题", "Resolved
# blockers (2)", "Known release blockers", "Blockers / needs Kim", "Blockers for launch": the
# title ends with a blocker word (three words at most before it, a qualifier and a second noun
# around it, a "/ ..." or "for ..." after it), so a phase heading that mentions blocking
# ("Foundational (阻塞性前置任务)", "How blockers are handled") is not one.
_BLOCKERS_TITLE = re.compile(
    rf"^[^\w(]*(?:\d+(?:\.\d+)*[.)]?\s+)?(?:[^\W\d_]{{2,15}}\s+){{0,3}}?"
    rf"(?:(?P<q1>{_QUALIFIER}|{_RESOLVED_WORD})\s*(?:的|の)?)?"
    rf"(?:{_ISSUE}{_JOIN})?{_NOUN}(?:{_JOIN}{_ISSUE})?"
    rf"(?:\s*(?P<q2>{_QUALIFIER}|{_RESOLVED_WORD}))?"
    rf"(?:\s+/\s+[^/\n]{{1,40}}|\s+(?:for|before|to)\s+[^\W\d_][^\n]{{0,40}})?"
    rf"[^\w(]*(?:\([^()]{{0,80}}\))?[^\w]*$",
    re.IGNORECASE,
)
_RISK = words_pattern(RISKS)
# "Risks", "Key risks", "Risks and Mitigations", "2. Riesgos", "⚠️ 风险与缓解": a title opening
# with a risk word (three words at most before it).
_RISKS_TITLE = re.compile(
    rf"^[^\w(]*(?:\d+(?:\.\d+)*[.)]?\s+)?(?:[^\W\d_]{{2,15}}\s+){{0,3}}?{_RISK}"
    rf"(?:(?<=[\u2e80-\U0002ffff])|(?![^\W\d_]))",
    re.IGNORECASE,
)
_RISK_ONLY = re.compile(rf"^[^\w]*{_RISK}[^\w]*$", re.IGNORECASE)
_RISK_HEADER = re.compile(rf"^{_RISK}(?:\s*(?:#|id|description|name|item))?$", re.IGNORECASE)
_BLOCKER_NOUN = re.compile(rf"^(?:{_QUALIFIER}\s*)?{_NOUN}", re.IGNORECASE)
_RESOLVED_QUALIFIER = re.compile(rf"^{_RESOLVED_WORD}$", re.IGNORECASE)
_RESOLVED_ONLY = re.compile(rf"^[^\w]*{_RESOLVED_WORD}[^\w(]*(?:\([^()]{{0,80}}\))?[^\w]*$", re.I)
_DECORATION = re.compile(r"[*_`]+")
_LEAD = re.compile(r"^[^\w~(\[]*")
_NOTHING_WORD = re.compile(rf"^{words_pattern(NOTHING)}", re.IGNORECASE)
_NO_WORD = re.compile(rf"^{words_pattern(NO)}(?!\w)", re.IGNORECASE)
_ABOUT_BLOCKING = re.compile(rf"{_NOUN}|{_ISSUE}|{words_pattern(CURRENTLY)}", re.IGNORECASE)
_ONLY_NOW = re.compile(rf"^(?:[\s.,;!]*{words_pattern(CURRENTLY)})+[\s.,;!]*$", re.IGNORECASE)
_UPPER_RESOLVED = re.compile(r"\b(?:RESOLVED|FIXED|SOLVED|UNBLOCKED)\b")
# "RESOLVED: x", "✅ Resolved - x", "[FIXED] x", "x (fixed)", "x — resolved", "x ✅ resolved".
_RESOLVED_MARK = re.compile(
    rf"^[^\w~]*{_RESOLVED_WORD}(?!\w)|[(\[]\s*{_RESOLVED_WORD}(?!\w)"
    rf"|\s[-–—|:]\s*{_RESOLVED_WORD}(?!\w)|[^\w\s]\s*{_RESOLVED_WORD}[^\w]*$",
    re.IGNORECASE,
)
_STATUS_WORD = words_pattern(COLUMN["status"])
_STATUS_HEADER = re.compile(rf"^{_STATUS_WORD}(?!\w)", re.IGNORECASE)
_ID_HEADER = re.compile(r"^(?:#|id|no\.?|n°|№|nr\.?|\d+)?$", re.IGNORECASE)
_BLOCKER_HEADER = re.compile(
    rf"^(?:{_QUALIFIER}\s*)?(?:{_NOUN}|{_ISSUE})(?:\s*(?:#|id|description|name|item))?$",
    re.IGNORECASE,
)

_ADJUST_TITLE = re.compile(
    r"^[^\w]*(?:timeline|schedule)\s+(?:adjustments?|changes?|revisions?)\b"
    r"|^[^\w]*changes to (?:the )?original plan",
    re.IGNORECASE,
)
_KEY_VALUE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<key>[^\W\d_][\w /-]{0,40}?)\s*"
    r"(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])\s*(?P<value>.*?)\s*$"
)
_ADJUSTMENT = re.compile(r"^\s*(?:\*\*)?(?P<date>[^:]{4,40}?)(?:\*\*)?\s*:\s*(?P<body>.+)$")
_IMPACT = re.compile(
    r"impact\s*:?\s*(?P<n>[+-]?\s*\d+(?:\.\d+)?)\s*(?P<unit>days?|d|weeks?|w|hours?|h)\b",
    re.IGNORECASE,
)
# The flag word, not inside another word ("unblocked", "is_blocked_by"); `_` may be emphasis
# ("__BLOCKED__"), but not inside a word.
_FLAG = re.compile(
    rf"(?<![^\W_])(?<![^\W_]_){words_pattern(BLOCKED_FLAG)}(?![^\W_])(?!_[^\W_])", re.IGNORECASE
)
_REASON = re.compile(rf"[:(\[—–]|-\s|{words_pattern(BLOCKED_BY)}(?!\w)", re.IGNORECASE)
_BEING = re.compile(rf"(?<!\w){words_pattern(BEING)}$", re.IGNORECASE)
# Ids and tags an item's text may open with, before the words ("B4", "T012 [P]", "#12",
# "CHK-903:", "2.3"): a flag after them opens the item's words.
_ITEM_IDS = re.compile(
    r"(?:(?:#?[A-Z]{0,6}-?\d{1,6}(?:\.\d{1,3})*[.:)]?|\[\w{1,8}\])(?:[\s*_]+|\Z))*"
)
_AROUND = frozenset("*_ \t\ufe0f") | STATUS_EMOJI
"""What may stand around the flag word without changing it: emphasis, status emoji, spaces."""
_WAS = re.compile(r"\(\s*was\s+([^)]*)\)", re.IGNORECASE)


def is_blockers_title(text: str) -> bool:
    """A heading or bold label that opens a list of blockers."""
    return bool(_BLOCKERS_TITLE.match(_DECORATION.sub("", text).strip()))


def is_resolved_title(text: str) -> bool:
    """A blockers heading whose entries are resolved: "Resolved blockers", "Bloqueos resueltos"."""
    text = _DECORATION.sub("", text).strip()
    if _RESOLVED_ONLY.match(text):
        return True  # "### Resolved" under "## Blockers"
    m = _BLOCKERS_TITLE.match(text)
    if m is None:
        return False
    return any(q and _RESOLVED_QUALIFIER.match(q) for q in (m.group("q1"), m.group("q2")))


def is_resolved(text: str) -> bool:
    """A blocker entry marked resolved: struck through (`~~x~~`), or a resolved word at its
    start, in parentheses, after a dash or at its end ("RESOLVED: x", "x (fixed)",
    "x ✅ resolved", "x — gelöst"); a "resolved" inside the sentence ("until it is resolved")
    is not a mark."""
    head = _LEAD.sub("", text.strip())
    if head.startswith("~~") or head.startswith(("✅", "✔", "☑")):
        return True
    lead = text.lstrip()
    if lead.startswith(("✅", "✔", "☑")) or _UPPER_RESOLVED.search(text):
        return True
    return bool(_RESOLVED_MARK.search(_DECORATION.sub("", text)))


def flags_blocked(text: str) -> bool:
    """An open item's text flags it blocked: ⛔ or 🚫, or the flag word (`BLOCKED_FLAG`) set
    off as a flag, emphasis and status emoji around it changing nothing. It opens the text, a
    parenthesis or a bracket capitalised, emphasised or after an emoji ("BLOCKED: x",
    "**BLOCKED** x", "(blocked on x)", "(🔴 blocked on x)"); anywhere else, capitalised,
    emphasised, or after an emoji or a dash, it is followed by what blocks it ("— **Blocked**
    by x", "*blocked* by x", "🔴 blocked on x", "**Blocked:** x") or ends the text, unless a
    verb makes it a predicate there: the item is then about blocking ("explain what to do when
    a job is BLOCKED"), as it is with a word after it ("Handle BLOCKED state")."""
    if "⛔" in text or "🚫" in text:
        return True
    return any(_flag_at(text, m.start(), m.end()) for m in _FLAG.finditer(text))


def _flag_at(text: str, start: int, end: int) -> bool:
    """Is the flag word at `start`..`end` of `text` set off as a flag (`flags_blocked`)?"""
    i, marked = start, False
    while i > 0 and text[i - 1] in _AROUND:
        i -= 1
        marked = marked or text[i] not in " \t"
    capital = text[start].isupper()
    bracket = i > 0 and text[i - 1] in "(["
    if bracket or i == 0 or (i <= 40 and _ITEM_IDS.fullmatch(text, 0, i)):
        return capital or marked or bracket
    if not (capital or marked or (text[i - 1] in "—–-" and i < start)):
        return False
    j = end
    while j < len(text) and text[j] in _AROUND:
        j += 1
    if _REASON.match(text, j):
        return True  # what blocks it follows
    if j < len(text) and text[j].isalnum():
        return False  # a word follows: "BLOCKED state"
    return _BEING.search(text, max(0, i - 16), i) is None  # the word before it, at most


def is_status_header(cell: str) -> bool:
    """A table header cell naming the status column ("Status", "Estado", "状态")."""
    return bool(_STATUS_HEADER.match(_LEAD.sub("", _DECORATION.sub("", cell)).strip()))


def blocker_column(header: list[str]) -> int | None:
    """The column of a table that names its blockers: the first past an id column."""
    cells = [_LEAD.sub("", _DECORATION.sub("", h)).strip() for h in header]
    return next((i for i, c in enumerate(cells) if not _ID_HEADER.match(c)), None)


def is_blocker_table(header: list[str]) -> bool:
    """A table of blockers, risks or issues with a status column: its first column past an
    id names the blocker ("| Blocker | Owner | Status |", "| # | Problema | Estado |"). One of
    risks is read as none (`is_risk_table`)."""
    first = blocker_column(header)
    if first is None or not _BLOCKER_HEADER.match(_DECORATION.sub("", header[first]).strip()):
        return False
    return any(map(is_status_header, header))


def is_risks_title(text: str) -> bool:
    """A heading or bold label that opens a section of risks ("Risks", "Risks and
    Mitigations", "Riesgos"), and not of blockers ("Risks and blockers" is one of blockers)."""
    text = _DECORATION.sub("", text).strip()
    return bool(_RISKS_TITLE.match(text)) and not _BLOCKERS_TITLE.match(text)


def is_risk(cell: str) -> bool:
    """A cell that says risk and nothing else: the type of a row in a mixed table."""
    return bool(_RISK_ONLY.match(_DECORATION.sub("", cell)))


def is_risk_table(header: list[str], under_risks: bool) -> bool:
    """A table of risks, not of blockers, whatever its status column says: its key column
    (the first past an id) names risks ("| Risk | Likelihood | Status |"), or it is in a
    section of risks (`under_risks`) and its key column does not name blockers. A risk may
    come to block the work; it does not block it yet (a list of risks is no blockers either)."""
    first = blocker_column(header)
    key = _LEAD.sub("", _DECORATION.sub("", header[first])).strip() if first is not None else ""
    return bool(_RISK_HEADER.match(key)) or (under_risks and not _BLOCKER_NOUN.match(key))


def is_adjustments_title(text: str) -> bool:
    """A heading or bold label that opens a list of timeline adjustments."""
    return bool(_ADJUST_TITLE.match(text.replace("*", "").strip()))


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def is_nothing(text: str) -> bool:
    """ "None", "N/A", "No blockers", "⚠️ **NONE** - nothing blocked", "Keine", "なし",
    "Nenhum bloqueio no momento": an entry saying there is nothing. "No API key" and
    "Keine Testdaten" are blockers: a "no" counts only before a blocker word or a "now"."""
    t = _LEAD.sub("", _DECORATION.sub("", text.split("\n", 1)[0])).strip()
    if not t or t in ("-", "—", "–"):
        return True
    if len(t) > 120:
        return False
    m = _NOTHING_WORD.match(t)
    if m is not None:
        rest = t[m.end() :]
        if rest[:1].isalnum():
            # Part of a longer word ("Nonexistent"), unless the script has no spaces ("暂无阻塞").
            if _wide(t[m.end() - 1]) and _ABOUT_BLOCKING.match(rest):
                return True
        else:
            rest = rest.strip()
            if not rest.strip(".!,;") or rest[0] in "-–—:(/" or _ONLY_NOW.match(rest):
                return True
            if _ABOUT_BLOCKING.search(rest[:40]):
                return True
    m = _NO_WORD.match(t)
    if m is not None and len(t) <= 60 and bool(_ABOUT_BLOCKING.search(t, m.end())):
        return True
    return len(t) <= 60 and _only_none(t)


def _only_none(text: str) -> bool:
    """A line made of a none word, blocker nouns and "currently" words in any order: "Derzeit
    keine", "Блокеров нет", "ブロッカーなし", "블로커 없음", "Engel yok", "Hiện tại không có"."""
    rest, said = text, False
    for pattern, is_none in _NONE_PARTS:
        rest, n = pattern.subn(" ", rest)
        said = said or (is_none and n > 0)
    return said and not re.search(r"\w", rest)


# The parts of a none line, taken out in turn (a noun with its inflection: "Блокеров"); the
# none word last, so that "không có" is a none word after "hiện tại" is taken.
_NONE_PARTS = (
    (re.compile(rf"{_NOUN}(?:(?<=[^\W\d_])(?<![\u2e80-\ufaff])[^\W\d_]{{0,3}})?", re.I), False),
    (re.compile(rf"{_ISSUE}", re.I), False),
    (re.compile(words_pattern(CURRENTLY), re.I), False),
    (re.compile(words_pattern(NOTHING, NO), re.I), True),
)
_CELL_SEPARATOR = re.compile(r"\s+[|·•]\s+")


# At a line's start, or after a "·" or "•" between fields of one line ("**Date:** 2026-07-29 ·
# **Status:** ON HOLD"); the value ends at the line's end or the next such separator ("|" is
# not one: "**Status:** Draft | In Progress | Complete" is a template's menu).
_STATUS_LINE = re.compile(
    r"(?:^[ \t>]*(?:[-*+][ \t]+)?|[ \t][·•][ \t]+)(?:\*\*|__)?"
    + words_pattern(STATUS_KEY)
    + r"(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*(?P<value>[^\n]*?)[ \t]*"
    r"(?=$|[ \t][·•][ \t])",
    re.I | re.M,
)


def status_line(text: str) -> str | None:
    """The value of the first status line of a paragraph or list item (`**Status:** ✅ Complete`,
    `- Status: Completed`, `**ステータス**: 完了`, `Статус: завершена`), the keys being
    `words.STATUS_KEY`'s; None when it has none."""
    if ":" not in text and "：" not in text:
        return None
    m = _STATUS_LINE.search(text)
    return m.group("value").strip("*_ ") if m else None


SPAN_KEYS = every_word(COLUMN["estimate"]) | every_word(SPAN)
"""Keys of a line giving a stretch of time ("**Timeline:** 2026-03-01 to 2026-03-14")."""
_DATE_KEY = words_pattern(
    COLUMN["end"], COLUMN["start"], COLUMN["completed"], {"": tuple(SPAN_KEYS)}
)
_EMPHASIS = r"(?:\*\*|__|\*|_)?"
# A line of its own keyed by a date word, however it is dressed: "Due: 2026-03-10",
# "*Due: 2026-06-01*", "📅 Due 2026-07-01", "Deadline — 15 April 2026", "- **End:** 2026-06-01",
# "**Deadline** — 15 April 2026". Every run is bounded, so a line is read in one pass.
_DATE_LINE = re.compile(
    r"^[ \t>]{0,8}(?:[-*+][ \t]{1,4})?"
    r"(?:[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]{1,4}[ \t]{0,3})?"  # 📅, 🗓️, ⏰
    + _EMPHASIS
    + rf"(?P<key>{_DATE_KEY})(?!\w)"
    + _EMPHASIS
    + r"[ \t]{0,3}(?P<sep>[:：]|[-–—])?[ \t]{0,3}"
    + _EMPHASIS
    + r"(?P<value>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)


_DIGIT = re.compile(r"\d")


def date_fields(text: str) -> list[tuple[str, str]]:
    """The lines of a paragraph or list item keyed by a date word (an end, a start, a
    finish or a stretch of time: `words.COLUMN`'s), keys lowercased, whatever the key's
    emphasis or separator: `Due: 2026-03-10`, `📅 Due 2026-07-01`, `Deadline — 15 April 2026`.

    The value must hold a date (or, after a colon, a month or quarter with its year: `Target:
    March 2027`); without a colon it must open with one, so that a sentence
    that happens to start with a key word ("End-to-end tests by 2026-03-01") is not read."""
    out: list[tuple[str, str]] = []
    if not _DIGIT.search(text):
        return out  # every date holds a digit: most paragraphs, told apart quickly
    for m in _DATE_LINE.finditer(text):
        value = m.group("value").strip().strip("*_ ").strip()
        found = find_dates(value)
        colon = m.group("sep") in (":", "：")
        if found and not colon and found[0].start != 0:
            continue
        if not found and not (colon and period(value)):  # "Target: March 2027" is a date
            continue
        out.append((" ".join(m.group("key").lower().split()), value))
    return out


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
