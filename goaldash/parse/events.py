"""A milestone's dated event line, and what a reader takes from it.

Under a milestone's heading, a line wholly in bold holding one date is the day the milestone
is checked: "**Milestone review on 2024-03-12**", "**Meilensteinsitzung am 12.04.2017**",
"**Revue du jalon le 03/02/2025**", "**2025年3月12日 レビュー**". A reader takes:

- its date as the milestone's end (a milestone is a point: the day it is reached), unless
  the heading or a field wrote one first; a start line ("**Kick-off 2024-01-08**") is not;
- when it names a review, meeting or sign-off (`words.REVIEW`) and the outcome is written
  after it in the section, that the meeting was held: the milestone is done;
- when it names one dated after the plan's latest held meeting, with nothing written after
  it, that the milestone is not reached yet. A due or target line never makes one done.

The parse depends on the file's bytes alone (its cache is kept by them), so "now" here is the
plan's own: the latest meeting whose outcome it records, not the day it is read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from goaldash.model import Progress, Status
from goaldash.parse.dates import find_dates
from goaldash.parse.phases import says_start
from goaldash.parse.state import State
from goaldash.parse.words import REVIEW

_BOLD_LINE = re.compile(r"^\s*(?:\*\*(?P<a>[^*\n]+)\*\*|__(?P<b>[^_\n]+)__)\s*$")
_WORDS = sorted({w.lower() for ws in REVIEW.values() for w in ws}, key=len, reverse=True)
_WIDE = tuple(w for w in _WORDS if all(unicodedata.east_asian_width(c) in "WF" for c in w))
_PHRASES = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _WORDS if re.search(r"[\s-]", w))
    + r")(?![^\W\d_])"
)
_SINGLE = tuple(w for w in _WORDS if w not in _WIDE and not re.search(r"[\s-]", w))
_TOKEN = re.compile(r"[^\W\d_]+")
_TYPO_MIN = 7  # a word this long or longer is still read with one letter wrong


@dataclass(frozen=True, slots=True)
class Event:
    """A milestone's bold dated line."""

    when: date
    review: bool


def event_of(line: str) -> Event | None:
    """The event a paragraph's first line states, if it is wholly bold and holds one date."""
    m = _BOLD_LINE.match(line)
    if m is None:
        return None
    inner = m.group("a") or m.group("b") or ""
    found = find_dates(inner)
    if len(found) != 1 or found[0].until is not None or says_start(inner):
        return None
    words = inner[: found[0].start] + " " + inner[found[0].end :]
    return Event(found[0].value, names_review(words))


def names_review(text: str) -> bool:
    """Does `text` name a review, meeting or sign-off? A word of `words.REVIEW` as a word, the
    start of one ("meetings") or the end of a compound ("Meilensteinsitzung"), read through one
    wrong, missing or extra letter in the longer words, as a reader reads through a typo."""
    low = text.lower()
    if any(w in low for w in _WIDE) or _PHRASES.search(low):
        return True
    for token in _TOKEN.findall(low):
        for w in _SINGLE:
            if token.startswith(w) or token.endswith(w):
                return True
            if len(w) >= _TYPO_MIN and len(token) >= len(w) - 1 and _near_end(token, w):
                return True
    return False


def _near_end(token: str, word: str) -> bool:
    """Is `word` the start or the end of `token`, one letter changed, missing or added?"""
    n = len(word)
    return any(
        _one_apart(part, word)
        for size in (n - 1, n, n + 1)
        if size <= len(token)
        for part in (token[:size], token[-size:])
    )


def _one_apart(a: str, b: str) -> bool:
    """Are `a` and `b` one edit apart (a letter changed, added or left out)?"""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def take_event(text: str, st: State) -> None:
    """A paragraph of the milestone in scope whose first line is its event line: the date,
    what it names, and whether anything is written after it (in the paragraph, or in a later
    block of the section: `followed`)."""
    scope = st.scope
    if scope is None:
        return
    b = st.phases.get(scope.key)
    if b is None or b.decl.kind != "milestone" or b.event is not None:
        return
    first, _, more = text.partition("\n")
    ev = event_of(first)
    if ev is None:
        return
    b.event, b.event_review = ev.when, ev.review
    b.take_dates(None, ev.when, None)
    if more.strip():
        b.event_recorded = True
    else:
        st.pending_event = b.key


def followed(st: State) -> None:
    """A block other than a heading after an event line that ended its paragraph: the outcome
    is written, if the block is in the same milestone's section."""
    key, st.pending_event = st.pending_event, None
    if key is not None and st.scope is not None and st.scope.key == key:
        st.phases[key].event_recorded = True


def event_statuses(st: State, by_phase: dict[str | None, Progress]) -> None:
    """The status a milestone's review line gives, where nothing else states one and it has
    no items of its own: held (its outcome written), done; later than the latest held one
    and nothing written, not started; else unknown (see the module's docstring)."""
    reviews = [st.phases[k] for k in st.order if st.phases[k].event_review]
    if not reviews:
        return
    held = [b.event for b in reviews if b.event is not None and b.event_recorded]
    now = max(held) if held else None
    for b in reviews:
        progress = by_phase.get(b.key)
        if b.declared is not None or b.event is None or (progress is not None and progress.total):
            continue
        if b.event_recorded:
            b.declared, b.declared_from = Status.DONE, "review line"
        elif now is not None and b.event > now:
            b.declared, b.declared_from = Status.NOT_STARTED, "review line"
