"""Which of the phases the walk declared are the plan's stages (the ones a reader would list),
and what the plan as a whole says of them: group headings, task tables, logs, its top status
and start lines, its mermaid gantt chart.

The walk declares a phase wherever a line says so; a few of those are not stages of the plan,
and only the whole plan tells which:

- a heading whose section holds the phase headings ("# Milestone v3.0" over "## Phase 12",
  "## 第一部分" over "### 阶段1"), with nothing of its own (no items, status or dates): a
  group of stages, one level above them;
- a row of a table of another level than the headings' phases (a milestone table's "M1" in a
  plan whose stages are "## Phase 1" headings) that no item is in: a view across the stages.
"""

from __future__ import annotations

import re
from dataclasses import replace

from goaldash.model import Progress, Status
from goaldash.parse.dates import first_date
from goaldash.parse.mermaid import GanttSection, gantt_sections, name_key
from goaldash.parse.phases import PhaseDecl, parse_phase_as, stated_phases
from goaldash.parse.placeholders import is_placeholder
from goaldash.parse.state import PhaseB, State
from goaldash.parse.words import COLUMN, every_word

_START_KEYS = every_word(COLUMN["start"])


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
    if len(st.order) < 2 or not st.heading_phases:
        return  # each rule is about heading phases: none, nothing to leave out (quickly)
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


def first_start(st: State, by_phase: dict[str | None, Progress]) -> None:
    """The plan's start date, written at its top ("**Start date:** 2025-10-17", "**Data de
    Início:** 08/10/2025", "**시작일**: ..."), is when its first phase began, if that phase has
    begun (a status that says so, or a ticked box) and gives no start of its own."""
    if not st.order:
        return
    b = st.phases[st.order[0]]
    if b.start is not None:
        return
    progress = by_phase.get(b.key)
    begun = b.declared in (Status.IN_PROGRESS, Status.DONE) or (
        b.declared is None and progress is not None and (progress.done or progress.in_progress)
    )
    if not begun:
        return
    for key, value in st.plan_fields.items():
        if key in _START_KEYS and not is_placeholder(value) and (d := first_date(value)):
            if b.end is None or d <= b.end:
                b.start, b.dated = d, True
            return


def group_statuses(st: State) -> None:
    """A phase that states no status of its own, nor has one in a status table, takes the one
    its group's heading states ("## ✅ Phase 0-5: 完了済み" over "### Phase 0", "## Completed
    phases", "## 🚧 En curso"): a reader reads the phases under it so."""
    if not st.heading_phases:
        return  # only headings have groups
    for key in st.order:
        b = st.phases[key]
        if b.declared is None and b.group is not None and b.group is not Status.UNKNOWN:
            b.declared, b.declared_from = b.group, "section heading"


def task_statuses(st: State, by_phase: dict[str | None, Progress]) -> None:
    """A phase with no checkbox whose tasks are rows of a task table with a status column
    (GoalKit's `| T-001 | Name | ... | Status |`) stands where its tasks do: all done, done;
    some done or under way, in progress; all blocked, blocked; else not started."""
    if not st.tasks:
        return
    by: dict[str, list[Status]] = {}
    for task in st.tasks:
        if task.phase is not None and task.status not in (Status.UNKNOWN, Status.CANCELLED):
            by.setdefault(task.phase, []).append(task.status)
    for key, statuses in by.items():
        b = st.phases.get(key)
        progress = by_phase.get(key)
        if b is None or b.declared is not None or (progress is not None and progress.total):
            continue
        kinds = set(statuses)
        if kinds == {Status.DONE}:
            status = Status.DONE
        elif kinds & {Status.DONE, Status.IN_PROGRESS}:
            status = Status.IN_PROGRESS
        elif kinds == {Status.BLOCKED}:
            status = Status.BLOCKED
        else:
            status = Status.NOT_STARTED
        b.declared, b.declared_from = status, "task table"


def logged_ends(st: State, by_phase: dict[str | None, Progress]) -> None:
    """A finished phase (by its status, or all its boxes ticked) dated by a log row
    ("| 2026-02-27 | Фаза 1 завершена |") ends on that date, unless it writes an end."""
    for key, when in st.finished.items():
        b = st.phases.get(key)
        if b is None or b.end is not None or (b.start is not None and b.start > when):
            continue
        progress = by_phase.get(key)
        ticked = progress is not None and progress.total > 0 and progress.done == progress.total
        if b.declared is Status.DONE or (b.declared is None and ticked):
            b.end, b.dated = when, True


def line_statuses(st: State) -> None:
    """The plan's top status line may state its phases ("In progress (Phase 1~3 done, Phase 5
    under way)", "Estado: Fase 2 concluída"): a phase that states nothing itself, nor has a
    status table row, stands as that line says (over its boxes, as any stated status)."""
    if not st.plan_status_text or not st.order:
        return
    for ids, status in stated_phases(st.plan_status_text):
        for key in ids:
            b = st.phases.get(key)
            if b is not None and b.declared is None:
                b.declared, b.declared_from = status, "plan's status line"


def merge_gantt(text: str, st: State) -> None:
    """Mermaid gantt sections fill in the dates the plan's phases do not write (a section
    matches a phase by id, a task a phase by name); a plan with no phases takes the sections
    as its phases, with the status their tasks' tags tell."""
    sections = gantt_sections(text)
    if not sections:
        return
    if not st.order:
        for sec in sections:
            key = sec.first if sec.first == sec.last else sec.label
            if key in st.phases:
                continue
            decl = PhaseDecl("phase", key, sec.name, None, None, None, None, None, None)
            b = PhaseB(key=key, decl=decl, line=sec.line, primary=False)
            b.start, b.end, b.dated = sec.start, sec.end, True
            if sec.status is not Status.UNKNOWN:
                b.declared, b.declared_from = sec.status, "gantt chart"
            st.phases[key] = b
            st.order.append(key)
        return
    for sec in sections:
        if sec.first == sec.label and sec.label not in st.phases:
            _labelled_stage(text, sec, st)
    by_name: dict[str, PhaseB] = {}
    for key in st.order:
        b = st.phases[key]
        if (b.start is None or b.end is None) and (name := name_key(b.decl.name)):
            by_name.setdefault(name, b)
    for sec in sections:
        first, last = st.phases.get(sec.first), st.phases.get(sec.last)
        if first is not None and first.start is None and sec.start:
            first.start, first.dated = sec.start, True
        if last is not None and last.end is None and sec.end:
            last.end, last.dated = sec.end, True
        for task in sec.tasks:
            named = by_name.get(name_key(task.name))
            if named is None:
                continue
            if named.start is None and task.start:
                named.start, named.dated = task.start, True
            if named.end is None and task.end:
                named.end, named.dated = task.end, True
        if sec.first == sec.last and sec.first in st.phases and sec.tasks:
            # "section Phase 6" with five tasks over "### Phase 6.1" ... "### Phase 6.5":
            # the tasks are the sub-phases, in order.
            subs = [st.phases[k] for k in st.order if _sub_of(k, sec.first)]
            if len(subs) == len(sec.tasks):
                for sub, task in zip(subs, sec.tasks, strict=True):
                    if sub.start is None and task.start:
                        sub.start, sub.dated = task.start, True
                    if sub.end is None and task.end:
                        sub.end, sub.dated = task.end, True


def _sub_of(key: str, parent: str) -> bool:
    """Is `key` a sub-phase of `parent`, one level down: "6.2" of "6", not "6.2.1"."""
    return key.startswith(parent + ".") and "." not in key[len(parent) + 1 :]


def _labelled_stage(text: str, sec: GanttSection, st: State) -> None:
    """A gantt section with no id ("section UI Redesign") whose label is a heading of the
    file ("## 🎨 UI Redesign (done: 2026-02-14)"): that heading is a stage, named by its label,
    in file order among the phases; its heading's status and dates, else the section's."""
    m = re.search(
        rf"^#{{1,6}}[ \t]+[^\w\n]{{0,6}}{re.escape(sec.label)}(?P<rest>(?:[ \t(（][^\n]*)?)$",
        text,
        re.MULTILINE,
    )
    if m is None:
        return
    line = text.count("\n", 0, m.start()) + 1
    decl = replace(parse_phase_as("phase", sec.label, m.group("rest")), name=sec.label)
    b = PhaseB(key=sec.label, decl=decl, line=line, primary=True, origin="gantt heading")
    b.start, b.end = decl.start or sec.start, decl.end or sec.end
    b.dated = b.start is not None or b.end is not None
    status = decl.status or (sec.status if sec.status is not Status.UNKNOWN else None)
    if status is not None:
        b.declared, b.declared_from = status, "heading"
    at = next((i for i, k in enumerate(st.order) if st.phases[k].line > line), len(st.order))
    st.phases[b.key] = b
    st.order.insert(at, b.key)
