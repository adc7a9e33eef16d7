"""Stage words and ids written other than as "Phase 2": the id before the word ("第二阶段",
"3단계"), spelled as a word ("Phase Two", "المرحلة الأولى"), or as an ordinal before the word
("Second Phase", "1. Aşama", "1ª Fase", "2e étape"). Each is rewritten as the word and then
the number, the form `phases` reads.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import re

from goaldash.parse.wordforms import escape, with_unaccented
from goaldash.parse.words import (
    MILESTONE,
    NUMBER_WORDS,
    NUMERALS,
    ORDINAL_PREFIX,
    ORDINAL_SUFFIX,
    PHASE,
    STEP,
    every_word,
)

_MILESTONE_WORDS = every_word(MILESTONE)
KEYWORDS = {
    w: "milestone" if w in _MILESTONE_WORDS else "phase"
    for w in with_unaccented(w for ws in PHASE.values() for w in ws)
}


def alternation(words: set[str], *, wide: bool) -> str:
    """Words written with spaces between words (`wide` False) or without (Chinese, Japanese,
    Korean), longest first."""
    chosen = [w for w in words if all(ord(c) >= 0x2E80 for c in w if not c.isspace()) == wide]
    chosen.sort(key=len, reverse=True)
    return "|".join(escape(w).replace(r"\ ", r"\s+") for w in chosen)


SPACED_KEYWORDS = alternation(set(KEYWORDS), wide=False)
"""The stage words written with spaces between words, as a pattern's alternatives."""
# Emoji and emphasis that may stand before an id written before its word.
_OWN_LEAD = r"^(?P<lead>[\s*_>]*(?:[^\w\s*_\[]\ufe0f?\s*){0,3}[\s*_]*)"
_WIDE_WORDS = alternation(set(KEYWORDS) | every_word(STEP), wide=True)
_NUMERAL = "[" + "".join(NUMERALS) + "]"
_PREFIX = "(?:" + "|".join(re.escape(p) for p in ORDINAL_PREFIX) + ")"
# The id before the word: an ordinal ("第二阶段", "第3段階", "제1단계") or a number ("3단계",
# "2차") written against the word; "8.1 마일스톤 정의" is a section's number before a title
# ("8.1 Milestones").
_ID_FIRST = re.compile(
    _OWN_LEAD
    + r"(?:"
    + _PREFIX
    + r"\s*(?P<ord>"
    + _NUMERAL
    + r"{1,3}|\d{1,3})\s*|(?P<num>\d{1,3}(?:\.\d+)?))(?P<word>"
    + _WIDE_WORDS
    + r")(?P<rest>.*)$",
    re.DOTALL,
)


def id_last(text: str) -> str:
    """ "第二阶段：名前" -> "阶段 2：名前", "3단계: 이름" -> "단계 3: 이름": the id after the word,
    where `_PHASE` reads it."""
    if text.isascii():
        return text
    m = _ID_FIRST.match(text)
    if not m:
        return text
    ordinal = m.group("ord")
    ident = m.group("num") if ordinal is None else _numeral(ordinal)
    if ident is None:
        return text
    rest = m.group("rest")
    if rest and not rest[0].isspace() and rest[0] not in ":：.-–—(":
        rest = " " + rest
    return f"{m.group('lead')}{m.group('word')} {ident}{rest}"


def _numeral(text: str) -> str | None:
    """Chinese numerals up to 99 -> digits: 二 -> 2, 十一 -> 11, 二十 -> 20."""
    if text.isdigit():
        return str(int(text))
    digits = [NUMERALS.get(c) for c in text]
    if None in digits:
        return None
    if "十" not in text:
        return "".join(d for d in digits if d) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    value = (int(NUMERALS[tens]) if tens else 1) * 10 + (int(NUMERALS[units]) if units else 0)
    return str(value)


def _fold(word: str) -> str:
    """A number word's key, the same whatever its case: Turkish "İkinci" and "ikinci" agree."""
    return word.casefold().replace("\u0307", "").replace("ı", "i")


_NUMBER_OF = {
    _fold(w): str(n) for ws in NUMBER_WORDS.values() for n, row in enumerate(ws, 1) for w in row
}
# A stage word with its number spelled ("Phase Two", "المرحلة الأولى") or as an ordinal before
# it ("Second Phase", "1. Aşama", "1ª Fase", "2e phase"), nothing but a separator after: read
# as the word and the number ("Phase 2"). Tried only when the text does not declare as it is.
_NUMBER_WORDS = {w for ws in NUMBER_WORDS.values() for row in ws for w in row}
_NUMBER_WORD = "|".join(re.escape(w) for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
_SUFFIX = "|".join(re.escape(x) for x in sorted(ORDINAL_SUFFIX, key=len, reverse=True))
_ENDS = r"(?P<rest>(?:\s*[:：(]|\s*[-–—]\s|\s*$).*)$"
_SPELLED_AFTER = re.compile(
    _OWN_LEAD + r"(?P<word>" + SPACED_KEYWORDS + r")\s+"
    r"(?P<n>" + _NUMBER_WORD + r")(?!\w)" + _ENDS,
    re.IGNORECASE | re.DOTALL,
)
# A stage word of the scripts without spaces and a Chinese numeral after it, as a digit is
# ("阶段一：需求", "阶段 二"), a separator or a space after: not "阶段一览" ("stages at a glance").
_NUMERAL_AFTER = re.compile(
    _OWN_LEAD
    + r"(?P<word>"
    + alternation(set(KEYWORDS), wide=True)
    + r")\s*(?P<c>"
    + _NUMERAL
    + r"{1,3})(?P<rest>(?:\s*[:：(（]|\s*[-–—]|\s|$).*)$",
    re.DOTALL,
)
_SPELLED_BEFORE = re.compile(
    _OWN_LEAD + r"(?:(?P<d>\d{1,2})(?:" + _SUFFIX + r")|(?P<n>" + _NUMBER_WORD + r"))\s+"
    r"(?P<word>" + SPACED_KEYWORDS + r")(?!\w)" + _ENDS,
    re.IGNORECASE | re.DOTALL,
)


def spelled(text: str) -> str | None:
    """ "Phase Two: X", "Second Phase: X", "1. Aşama: X", "阶段二：X" -> "Phase 2: X", "Phase 2: X",
    "Aşama 1: X", "阶段 2：X"; None when the text has no such number."""
    if not text.isascii() and (c := _NUMERAL_AFTER.match(text)):
        number = _numeral(c.group("c"))
        if number is None:
            return None
        return f"{c.group('lead')}{c.group('word')} {number}{c.group('rest')}"
    m = _SPELLED_AFTER.match(text) or _SPELLED_BEFORE.match(text)
    if not m:
        return None
    digits, word = m.groupdict().get("d"), m.group("n")
    number = digits or _NUMBER_OF.get(_fold(word or ""))
    if number is None:
        return None
    return f"{m.group('lead')}{m.group('word')} {int(number)}{m.group('rest')}"
