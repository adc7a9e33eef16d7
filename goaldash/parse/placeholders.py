"""Template placeholders: `[Phase Name]`, `[X%]`, `[Date]`, `YYYY-MM-DD`, `[e.g., ...]`."""

from __future__ import annotations

import re

# A bracketed run that is not a link (`[text](url)`, `[text][ref]`), not a checkbox, and not a
# footnote. Nested brackets are not placeholders.
_BRACKET = re.compile(r"(?<![\\!\]])\[([^\[\]\n]{1,120})\](?![(\[]|:\s*(?:https?:|[./#]))")
_DATE_TOKEN = re.compile(r"\b(?:YYYY-MM-DD|YYYY-MM|MM/DD/YYYY|DD/MM/YYYY|YYYY)\b")
# Markers that are data, not placeholders: spec-kit's [P] and [US1], ids like [T001], [WIP].
_MARKER = re.compile(r"^(?:P\??|P\d|US\d+|T\d+|[A-Z]{1,3}\d*|\d+|[xX ~/-]|\^.*|!\w+)$")
_WORDY = re.compile(r"[A-Za-z]")


def _is_placeholder_body(body: str) -> bool:
    body = body.strip()
    if not body or _MARKER.match(body):
        return False
    if body.lower().startswith(("e.g", "eg.", "i.e", "optional", "todo:", "tbd")):
        return True
    if any(ch in body for ch in "✅🔄⏳❌") or "‚úÖ" in body:
        return True  # [✅/🔄/⏳/❌]
    if "/" in body and " " not in body and len(body) < 12 and not _WORDY.search(body):
        return True
    return bool(_WORDY.search(body))


def placeholders_in(text: str) -> int:
    """How many placeholders `text` holds."""
    if "YYYY" not in text and text.count("[") <= text.count("[ ]") + text.count("[x]"):
        return 0  # no date token and no bracket but checkboxes: the common case, quickly
    count = sum(1 for m in _BRACKET.finditer(text) if _is_placeholder_body(m.group(1)))
    return count + len(_DATE_TOKEN.findall(text))


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
