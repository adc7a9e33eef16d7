"""Template placeholders: `[Phase Name]`, `[X%]`, `[Date]`, `YYYY-MM-DD`, `[e.g., ...]`."""

from __future__ import annotations

import re

from goaldash.parse.status import is_status_word

# A bracketed run that is not a link (`[text](url)`, `[text][ref]`), not a checkbox, and not a
# footnote. Nested brackets are not placeholders. A bracket inside a word or a path is an index
# or a route, not a slot: `list[str]`, `app/[id]/page.tsx`, `[id].tsx`.
_BRACKET = re.compile(
    r"(?<![\\!\]\w/.-])\[([^\[\]\n]{1,120})\](?![(\[\w/-]|\.\w|:\s*(?:https?:|[./#]))"
)
_DATE_TOKEN = re.compile(r"(?<![\w/-])(?:YYYY-MM-DD|YYYY-MM|MM/DD/YYYY|DD/MM/YYYY|YYYY)(?![\w/-])")
# Markers that are data, not placeholders: spec-kit's [P] and [US1], ids like [T001], [WIP].
_MARKER = re.compile(r"^(?:P\??|P\d|US\d+|T\d+|[A-Z]{1,3}\d*|\d+|[xX ~/-]|\^.*|!\w+)$")
_WORDY = re.compile(r"[^\W\d_]")  # a letter of any script: [氏名], [الاسم]
_CODE_SPAN = re.compile(r"(`+)[^`\n]{0,400}?\1")
# A one-word slot says what goes there by its shape: a menu (`[Draft|Active]`, `[Feature/Goal]`),
# a pattern (`[###-name]`, `[X%]`, `[...]`). Any other single word is a tag: `[Backend]`.
_SLOT_SHAPE = re.compile(r"[/|#%]|\.\.\.|…|^[A-Z]$")
_ALONE_BEFORE = re.compile(r"[\s>*_+|#.)\d-]*(?:\[[ xX~/-]\][\s*_]*)?(?:[^\[\]:]{1,40}:[\s*_]*)?")
_LONG_WORD = re.compile(r"\w{3,}")
_ANY_BRACKET = re.compile(r"\[[^\[\]\n]{0,120}\]")


def _is_placeholder_body(body: str) -> bool:
    body = body.strip()
    if not body or _MARKER.match(body):
        return False
    lower = body.lower()
    if lower.startswith(("e.g", "eg.", "i.e", "optional", "todo:", "tbd")):
        return True
    if body[0] in "\"'" or ("," in body and all(" " not in p.strip() for p in body.split(","))):
        return False  # a list value: `["cli", "setup"]`, `[main, develop]`, `[S01,S02]`
    if " " not in body and any(c.isdigit() for c in body) and "%" not in body:
        return False  # an id or a version: [AUTH-US1], [v1.0], [ADR-005]
    if any(ch in body for ch in "✅🔄⏳❌") or "‚úÖ" in body:
        return "/" in body or " " in body  # [✅/🔄/⏳/❌] is a menu; [🔄] is a status mark
    if "/" in body and " " not in body and len(body) < 12 and not _WORDY.search(body):
        return True
    return bool(_WORDY.search(body))


def _counts(m: re.Match[str], text: str) -> bool:
    """Whether the bracket `m` in `text` is a slot to fill."""
    body = m.group(1)
    if not _is_placeholder_body(body):
        return False
    end = m.end()
    if text[end : end + 3].lstrip("*_").startswith(":"):
        return False  # a label or a legend: "[Research]: ...", "**[Story]**: which story"
    if _SLOT_SHAPE.search(body):
        return True
    if " " in body.strip():
        return not is_status_word(body)  # "[In progress]", "[진행 중]": a status tag
    # One word: a slot when it stands alone as a value ("**Date:** [DATE]", a cell, a task);
    # a tag when it heads or qualifies text ("[Backend] Add login", "Fix [infra] flake").
    start = m.start()
    left = text.rfind("\n", max(0, start - 200), start) + 1
    right = text.find("\n", end, end + 200)
    before = _ANY_BRACKET.sub("", text[left:start])
    after = _ANY_BRACKET.sub("", text[end : right if right >= 0 else end + 200])
    return bool(_ALONE_BEFORE.fullmatch(before)) and not _LONG_WORD.search(after)


def _uncode(text: str) -> str:
    """`text` without its code spans (`list[str]`, `` `[ID] [P?] [Story] Description` ``)."""
    return _CODE_SPAN.sub("", text) if "`" in text else text


def placeholders_in(text: str) -> int:
    """How many placeholders `text` holds."""
    if "YYYY" not in text and text.count("[") <= text.count("[ ]") + text.count("[x]"):
        return 0  # no date token and no bracket but checkboxes: the common case, quickly
    text = _uncode(text)
    count = sum(1 for m in _BRACKET.finditer(text) if _counts(m, text))
    return count + len(_DATE_TOKEN.findall(text))


def placeholder_lines(text: str, limit: int = 5) -> list[tuple[int, int]]:
    """The first `limit` lines of `text` that hold placeholders, as (line, how many), 1-based;
    lines of fenced code are passed over."""
    out: list[tuple[int, int]] = []
    fence = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            mark = stripped[:3]
            fence = "" if fence == mark else fence or mark
            continue
        if fence or ("[" not in line and "YYYY" not in line):
            continue
        n = placeholders_in(line)
        if n:
            out.append((number, n))
            if len(out) >= limit:
                break
    return out


def is_placeholder(text: str) -> bool:
    """True when `text` is nothing but placeholders (and punctuation): no data in it."""
    if "[" not in text and "YYYY" not in text:
        return False  # no bracket, no date token: no placeholder at all (most text, quickly)
    stripped = text.strip().strip("*_`").strip()
    if not stripped:
        return False
    rest = _BRACKET.sub(lambda m: "" if _is_placeholder_body(m.group(1)) else m.group(0), stripped)
    rest = _DATE_TOKEN.sub("", rest)
    if rest == stripped:
        return False
    return not re.search(r"\w", rest)


def has_placeholder(text: str) -> bool:
    """True when `text` contains at least one placeholder."""
    return placeholders_in(text) > 0
