"""Status words and emoji -> Status."""

from __future__ import annotations

import re

from goaldash.model import Status
from goaldash.text import repair_mojibake

# Emoji first: they are unambiguous in status cells. Variation selectors are ignored.
_EMOJI: dict[str, Status] = {
    "✅": Status.DONE,
    "✔": Status.DONE,
    "☑": Status.DONE,
    "🟢": Status.DONE,
    "🔄": Status.IN_PROGRESS,
    "🚧": Status.IN_PROGRESS,
    "🟡": Status.IN_PROGRESS,
    "🏗": Status.IN_PROGRESS,
    "⚠": Status.IN_PROGRESS,
    "⏳": Status.NOT_STARTED,
    "⬜": Status.NOT_STARTED,
    "⏸": Status.NOT_STARTED,
    "🔜": Status.NOT_STARTED,
    "📋": Status.NOT_STARTED,
    "❌": Status.BLOCKED,
    "🔴": Status.BLOCKED,
    "⛔": Status.BLOCKED,
    "🛑": Status.BLOCKED,
    "🚫": Status.BLOCKED,
}

# Words, longest and most specific first; matched as whole words, any case.
_WORDS: list[tuple[re.Pattern[str], Status]] = [
    (re.compile(p, re.IGNORECASE), s)
    for p, s in [
        (
            r"\bnot[ _-]?started\b|\bnot[ _-]?begun\b|\bnot yet\b|\bto[ _-]?do\b|\btodo\b",
            Status.NOT_STARTED,
        ),
        (
            r"\bin[ _-]?progress\b|\bongoing\b|\bwip\b|\bstarted\b|\bunderway\b|\bcurrent\b",
            Status.IN_PROGRESS,
        ),
        (
            r"\bactive\b|\bexecuting\b|\bin[ _-]?review\b|\bpartial(ly)?\b|\bdelayed\b"
            r"|\bat[ _-]?risk\b",
            Status.IN_PROGRESS,
        ),
        (r"\bblocked\b|\bon[ _-]?hold\b|\bstuck\b|\bwaiting\b|\bawaiting\b", Status.BLOCKED),
        (
            r"\bcomplete[d]?\b|\bdone\b|\bfinished\b|\bclosed\b|\bshipped\b|\bresolved\b",
            Status.DONE,
        ),
        (
            r"\bmerged\b|\bdelivered\b|\bimplemented\b|\bfixed\b|\barchived\b|\bsuperseded\b",
            Status.DONE,
        ),
        (
            r"\bpending\b|\bplanned\b|\bproposed\b|\bfuture\b|\bdraft\b|\bdeferred\b|\bbacklog\b",
            Status.NOT_STARTED,
        ),
        (r"\bqueued\b|\bscheduled\b|\bupcoming\b|\bnext\b|\bnew\b", Status.NOT_STARTED),
        # A few non-English words seen in real plans.
        (r"完成|完了|已完成|hoàn thành|concluído|concluido|terminé", Status.DONE),
        (r"進行中|进行中|đang|em andamento", Status.IN_PROGRESS),
        (r"未開始|未开始|未着手|chưa", Status.NOT_STARTED),
    ]
]


def status_of(text: str) -> Status | None:
    """The status a short text (a table cell, a heading suffix) states, or None.

    Emoji win over words ("⏸️ PENDING USER APPROVAL" is not started). Mojibake is repaired
    first, so `‚úÖ` reads as ✅.
    """
    text = repair_mojibake(text)
    for ch in text:
        status = _EMOJI.get(ch)
        if status is not None:
            return status
    for pattern, status in _WORDS:
        if pattern.search(text):
            return status
    return None


def frontmatter_status(value: str) -> Status:
    """Map a frontmatter `status:` / `lifecycle:` value to a Status."""
    return status_of(value) or Status.UNKNOWN


_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")


def percent_of(text: str) -> float | None:
    """The first percentage in `text` (0-100), or None."""
    m = _PERCENT.search(text)
    if not m:
        return None
    value = float(m.group(1))
    return value if 0 <= value <= 100 else None
