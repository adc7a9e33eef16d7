"""Stages written ahead of the work: which of a plan's stages that say nothing of themselves
are not started by their place (`placed_ahead`), and whether a stage's section says anything
of its progress that goaldash cannot place (then it is not silent, and stays unknown).

This module is core: it must not import Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from goaldash.model import Status
from goaldash.parse.state import State
from goaldash.parse.status import status_of


def placed_ahead(st: State, known: list[Status], text: str) -> set[str]:
    """The keys of the stages (of statuses `known`, in `st.order`) that say nothing of
    themselves (no status, no items, and no word of one in their heading or the start of
    their section) but come after a stage that does, with none after them under way: the
    work not yet reached ("## Phase 1 ✅", "## Phase 2 🔄", then "## Phase 3", "## Phase 4"
    as written before they begin). A stage that says nothing before one under way stays
    unknown: it may be done or skipped. So does one whose section says something goaldash
    cannot place ("- in review", "about half done", "3/5")."""
    ahead = Status.ahead(known)
    if not ahead:
        return set()
    keys = [st.order[i] for i in sorted(ahead)]
    stage_lines = sorted({b.line for b in st.phases.values()})
    bounds: list[tuple[str, int, int]] = []  # (key, first line, line after its section)
    for k in keys:
        line = st.phases[k].line
        i = bisect_right(stage_lines, line)
        bounds.append((k, line, stage_lines[i] if i < len(stage_lines) else 0))
    at = _offsets(text, sorted({n for _, a, b in bounds for n in (a, b) if n}))
    return {
        k
        for k, a, b in bounds
        if not _says_something(text[at[a] : min(at.get(b, len(text)), at[a] + SAYS_WITHIN)])
    }


_SAYS = re.compile(r"\d\s*%|(?<![\w./-])\d{1,4}\s*/\s*\d{1,4}(?![\w./-])")
SAYS_WITHIN = 2000
"""Characters of a stage's section looked at for a word of its status."""


def _offsets(text: str, lines: list[int]) -> dict[int, int]:
    """Where each of the (1-based, sorted) `lines` starts in `text`, in one pass."""
    out: dict[int, int] = {}
    at, current = 0, 1
    for n in lines:
        while current < n and at < len(text):
            at = (text.find("\n", at) + 1) or len(text)
            current += 1
        out[n] = at
    return out


def _says_something(section: str) -> bool:
    """Does a stage's heading and section state anything of its progress: a status word, a
    percentage, a count ("in review", "about half done", "3/5")?"""
    return status_of(section) is not None or _SAYS.search(section) is not None
