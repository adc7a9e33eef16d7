"""Which of the phases the walk declared are the plan's stages: the ones a reader would list.

The walk declares a phase wherever a line says so; a few of those are not stages of the plan,
and only the whole plan tells which:

- a heading whose section holds the phase headings ("# Milestone v3.0" over "## Phase 12",
  "## 第一部分" over "### 阶段1"), with nothing of its own (no items, status or dates): a
  group of stages, one level above them;
- a row of a table of another level than the headings' phases (a milestone table's "M1" in a
  plan whose stages are "## Phase 1" headings) that no item is in: a view across the stages.
"""

from __future__ import annotations

from goaldash.model import Progress
from goaldash.parse.state import PhaseB, State


def _empty(b: PhaseB, progress: Progress | None) -> bool:
    return (
        (progress is None or progress.total == 0)
        and b.declared is None
        and b.start is None
        and b.end is None
        and b.span is None
    )


def prune(st: State, by_phase: dict[str | None, Progress]) -> None:
    """Leave out of `st.order` (and `st.phases`) the phases that are not the plan's stages."""
    if len(st.order) < 2:
        return
    dropped: list[str] = []
    heading_kinds = {b.decl.kind for b in st.phases.values() if b.origin == "heading"}
    for key in st.order:
        b = st.phases[key]
        progress = by_phase.get(key)
        if progress is not None and progress.total:
            continue
        if (b.holds_phases and _empty(b, progress)) or (
            b.origin == "table" and heading_kinds and b.decl.kind not in heading_kinds
        ):
            dropped.append(key)
    if dropped and len(dropped) < len(st.order):
        gone = set(dropped)
        st.order = [k for k in st.order if k not in gone]
        for key in gone:
            del st.phases[key]
