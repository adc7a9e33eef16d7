"""The block walk's state -> a `Plan`: phases completed from status tables, dates, the plan's
own status, and the warnings only the whole plan can tell."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from operator import attrgetter
from pathlib import PurePosixPath
from typing import Any

import goaldash.parse.frontmatter as fm
from goaldash.model import (
    Blocker,
    Item,
    ItemState,
    Phase,
    Plan,
    PlanDates,
    Progress,
    Status,
    Warning,
)
from goaldash.parse.ahead import placed_ahead
from goaldash.parse.basics import fingerprint
from goaldash.parse.dates import date_range
from goaldash.parse.events import event_statuses
from goaldash.parse.formats import detect_format, is_backup_path, looks_like_template
from goaldash.parse.phases import opens_with_phase
from goaldash.parse.placeholders import is_placeholder, placeholder_lines
from goaldash.parse.plandates import anchor as plan_anchor
from goaldash.parse.plandates import stated
from goaldash.parse.stages import (
    first_start,
    group_statuses,
    line_statuses,
    logged_ends,
    merge_gantt,
    prune,
    task_statuses,
)
from goaldash.parse.state import PhaseB, State, label_for
from goaldash.parse.status import frontmatter_status
from goaldash.parse.words import DOCUMENT_STATE, words_pattern
from goaldash.text import a_or_an, clean_plain, has_mojibake

_FINISHED_FOLDERS = ("completed", "done", "archive", "archived")
_PHASE_AND_STATE = attrgetter("phase", "state")
_STATE_INDEX = {ItemState.DONE: 0, ItemState.IN_PROGRESS: 1, ItemState.OPEN: 2}
_NONE = Progress()
_UNDER_WAY = (Status.IN_PROGRESS, Status.DONE)
_OPEN = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED)
_DOCUMENT_STATE = re.compile(rf"{words_pattern(DOCUMENT_STATE)}(?!\w)", re.IGNORECASE)


def _derived(progress: Progress) -> Status:
    if progress.total == 0:
        return Status.UNKNOWN
    if progress.done == progress.total:
        return Status.DONE
    if progress.done or progress.in_progress:
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def _progress_by_phase(items: tuple[Item, ...]) -> dict[str | None, Progress]:
    """Each phase's progress (None: items in no phase), counted in one pass in C."""
    counts = Counter(map(_PHASE_AND_STATE, items))
    done: dict[str | None, list[int]] = {}
    for (phase, state), n in counts.items():
        done.setdefault(phase, [0, 0, 0])[_STATE_INDEX[state]] += n
    return {phase: Progress(done=d, in_progress=p, open=o) for phase, (d, p, o) in done.items()}


def assemble(
    path: str,
    group: str,
    text: str,
    meta: dict[str, Any],
    st: State,
    data: bytes,
) -> Plan:
    warnings = st.warnings
    items = tuple(st.items)
    by_phase = _progress_by_phase(items)
    progress = sum(by_phase.values(), _NONE)

    # Status table rows fill in phases (and create phases the headings did not declare).
    level: str | None = None  # the kind (phase, milestone) of the first table's new phases
    named = {k.casefold(): k for k, b in st.phases.items() if b.decl.named}
    for i, row in enumerate(st.status_rows):
        phase = row.phase
        if phase is None:
            continue
        if phase not in st.phases and phase.casefold() in named:
            # "| Inmediata | ... |" for "## FASE INMEDIATA (Semanas 1-2)": that stage
            phase = named[phase.casefold()]
            row = st.status_rows[i] = replace(row, phase=phase)
        b = st.phases.get(phase)
        if b is None:
            decl = st.row_decls.get(row.line)  # as the table read it
            if decl is None or (level not in (None, decl.kind) and decl.id == decl.name):
                continue  # rows named, not numbered, in a table of another level (milestones)
            level = level or decl.kind
            b = PhaseB(key=phase, decl=decl, line=row.line, primary=False, origin="table")
            st.phases[phase] = b
            st.order.append(phase)
        if row.status is not Status.UNKNOWN:
            if b.declared is None:
                b.declared, b.declared_from = row.status, "status table"
            elif b.declared is not row.status:
                warnings.append(
                    Warning(
                        "contradiction",
                        f"{label_for(b.decl)} is {row.status.words} in the status table "
                        f"(line {row.line}) but {b.declared.words} by its {b.declared_from}",
                        row.line,
                    )
                )
                if b.declared_from == "checkbox":
                    # A phase list's box left unticked, a table saying "Complete": the table
                    # states it, the box is stale (GSD's "- [ ] **Phase 1**" and its Progress).
                    b.declared, b.declared_from = row.status, "status table"
        b.take_dates(row.start, row.end, row.original_end)
    for key, span in st.summary_spans.items():
        if key in st.phases and st.phases[key].span is None:
            st.phases[key].span = span
    merge_gantt(text, st)
    prune(st, by_phase)  # groups of stages and tables across them are not stages
    group_statuses(st)  # "## ✅ Completed phases" over phases that say nothing
    line_statuses(st)  # "**Status:** Phase 1~3 done, Phase 5 in progress"
    task_statuses(st, by_phase)  # a task table's status column, where no box is
    event_statuses(st, by_phase)  # "**Milestone review on 2024-03-12**", then its outcome
    logged_ends(st, by_phase)  # "| 2026-02-27 | Phase 1 completed |"
    first_start(st, by_phase)  # "**Start date:** ..." at the top: when the first phase began
    for key, line in st.unticked.items():
        b = st.phases[key]
        if b.declared is Status.DONE:  # a box left open says "not done", and only that
            warnings.append(
                Warning(
                    "contradiction",
                    f"{label_for(b.decl)} is done by its {b.declared_from} but its box "
                    f"(line {line}) is not ticked",
                    line,
                )
            )

    # Dates: an anchor for relative spans, then each phase's start and end.
    anchor = plan_anchor(meta, st)
    if anchor is None:
        dated = [b.start for b in st.phases.values() if b.start and b.span is None]
        if not dated:
            for key in st.order:
                b = st.phases[key]
                if b.start and b.span and b.span.start is not None:
                    anchor = b.start - timedelta(days=b.span.start)
                    break
        else:
            anchor = min(dated)
    cursor: float = 0.0
    phases: list[Phase] = []
    with_blocker = {x.phase for x in st.blockers}  # one set, not a search of them per phase
    own = [_derived(by_phase.get(k, _NONE)) for k in st.order]  # each phase's items' status
    known = [st.phases[k].declared or d for k, d in zip(st.order, own, strict=True)]
    ahead = placed_ahead(st, known, text)
    for key, derived in zip(st.order, own, strict=True):
        b = st.phases[key]
        pprog = by_phase.get(key, _NONE)
        if key in ahead:
            derived = Status.NOT_STARTED
        status = b.declared if b.declared is not None else derived
        if b.declared is Status.DONE and pprog.open + pprog.in_progress > 0:
            warnings.append(
                Warning(
                    "contradiction",
                    f"{label_for(b.decl)} says complete but {pprog.open + pprog.in_progress} "
                    f"of its {pprog.total} items are not done",
                    b.line,
                )
            )
        relative: tuple[float, float] | None = None
        if b.span is not None:
            if b.span.start is not None and b.span.end is not None:
                relative = (b.span.start, b.span.end)
            else:
                relative = (cursor, cursor + max(1.0, round(b.span.duration + 0.499)))
            cursor = relative[1]
        start, end = b.start, b.end
        if anchor is not None and relative is not None:
            # A written date wins; the span fills in whichever end is not written.
            start = start or anchor + timedelta(days=relative[0])
            end = end or anchor + timedelta(days=max(relative[0], relative[1] - 1))
        name = b.decl.name
        phases.append(
            Phase(
                id=key,
                name=clean_plain(name),
                line=b.line,
                kind=b.decl.kind,
                status=status,
                declared_status=b.declared,
                progress=pprog,
                span=clean_plain(b.span.text) if b.span else None,
                start=start,
                end=end,
                original_end=b.original_end,
                milestone=b.decl.milestone,
                relative=relative,
                dated=b.dated,
                placed=key in ahead and b.declared is None,
            )
        )
        if status is Status.BLOCKED and key not in with_blocker:
            with_blocker.add(key)
            st.blockers.append(
                Blocker(
                    text=clean_plain(
                        f"{label_for(b.decl)}: {name} is blocked"
                        + (f" ({b.why})" if b.why and b.declared is Status.BLOCKED else "")
                    ),
                    line=b.line,
                    phase=key,
                )
            )

    # Frontmatter and the plan's own status.
    title_raw = fm.as_text(meta.get("title")) or st.title or PurePosixPath(path).name
    title = clean_plain(title_raw.replace("**", ""))
    status_value = fm.as_text(meta.get("status")) or fm.as_text(meta.get("lifecycle"))
    if isinstance(meta.get("status"), list) or (status_value and "|" in status_value):
        status_value = None  # "[draft | active | completed]": a template's menu, not a value
    if status_value is None and st.plan_status_text and not opens_with_phase(st.plan_status_text):
        status_value = st.plan_status_text
    declared = (
        frontmatter_status(status_value)
        if status_value and not is_placeholder(status_value)
        else None
    )
    if declared is not None and status_value == st.plan_status_text and st.plan_status is not None:
        declared = st.plan_status
    if declared is Status.UNKNOWN:
        declared = None
    if (
        declared is Status.NOT_STARTED
        and status_value
        and _DOCUMENT_STATE.match(status_value.strip(" *_`"))
        and any(p.declared_status in _UNDER_WAY for p in phases)
    ):
        # "**Status:** Draft" over milestones a table calls Complete: the document's state,
        # not the work's; the phases say the work is under way.
        declared = Status.IN_PROGRESS
    if declared is not None and declared.closed and ahead:
        # A finished plan's stages that say nothing are not "not started": nothing is known.
        phases = [
            replace(p, status=Status.UNKNOWN, placed=False) if p.placed else p for p in phases
        ]
    dropped = {p.id for p in phases if p.status is Status.CANCELLED}
    if dropped:  # what a dropped phase left undone is no work left (`Progress.of`)
        kept = (Progress(done=v.done) if k in dropped else v for k, v in by_phase.items())
        progress = sum(kept, _NONE)
    if declared is not None:
        status = declared
    else:
        status = _derived(progress)
        if not items and phases:
            status = Status.of_phases({p.status for p in phases}) or status
        elif status is Status.NOT_STARTED and any(p.status in _UNDER_WAY for p in phases):
            status = Status.IN_PROGRESS  # no box ticked, but a phase says it is under way
        elif status is Status.NOT_STARTED and any(p.status is Status.BLOCKED for p in phases):
            status = Status.BLOCKED  # nothing begun, and a phase says it cannot be (of_phases)
        if status is Status.DONE:  # every box ticked: done, whatever a phase still says,
            for p in phases:  # which is said too
                if p.declared_status in _OPEN:
                    warnings.append(
                        Warning(
                            "contradiction",
                            f"{label_for(st.phases[p.id].decl)} says {p.declared_status.words} "
                            "but every item of the plan is done",
                            p.line,
                        )
                    )
    if declared is Status.DONE and progress.open + progress.in_progress:
        warnings.append(
            Warning(
                "contradiction",
                f"plan says {status_value!s} but {progress.open + progress.in_progress} of "
                f"{progress.total} items are not done",
            )
        )
    elif declared is Status.NOT_STARTED and progress.total and progress.done == progress.total:
        # The status line is shown (what the file states), and so is its contradiction.
        every = "the one item is" if progress.total == 1 else f"all {progress.total} items are"
        warnings.append(Warning("contradiction", f"plan says {status_value!s} but {every} done"))
    finished_folder = next(
        (p for p in PurePosixPath(path).parts[:-1] if p.lower() in _FINISHED_FOLDERS), None
    )
    if finished_folder and progress.open + progress.in_progress:
        warnings.append(
            Warning(
                "contradiction",
                f"in {a_or_an(finished_folder)} {finished_folder}/ folder but "
                f"{progress.open + progress.in_progress} of {progress.total} items are open",
            )
        )
    by_id = {p.id: p for p in phases}  # ids are unique: one lookup per row, not a search
    for row in st.status_rows:
        if row.progress is None or row.phase is None:
            continue
        ph = by_id.get(row.phase)
        if ph is None or ph.progress.total == 0:
            continue
        if abs(row.progress - ph.progress.percent) > 20:
            warnings.append(
                Warning(
                    "contradiction",
                    f"status table says {row.label} is {row.progress:g}% done but its checkboxes "
                    f"say {ph.progress.percent:g}% ({ph.progress.done}/{ph.progress.total})",
                    row.line,
                )
            )
    expires = fm.as_date(meta.get("expires"))
    if has_mojibake(text):
        warnings.append(
            Warning("encoding", "holds mis-decoded symbols (UTF-8 read as Mac Roman or cp1252)")
        )

    # Dates of the plan as a whole.
    starts = [p.start for p in phases if p.start]
    ends = [p.end for p in phases if p.end]
    timeline = st.plan_fields.get("timeline")
    trange = date_range(timeline) if timeline and not is_placeholder(timeline) else None
    said = stated(meta, st)  # the plan's own dates; its phases' fill in what it leaves out
    plan_start = said.start or (min(starts) if starts else (trange[0] if trange else None))
    plan_end = said.end or (max(ends) if ends else (trange[1] if trange else None))
    originals = [p.original_end for p in phases if p.original_end]
    original_end = st.estimate_was or said.original_end or (max(originals) if originals else None)
    estimate = st.estimate
    impact = sum(a.impact_days or 0 for a in st.adjustments)
    if estimate is None and impact and plan_end:
        original_end = original_end or plan_end
        estimate = plan_end + timedelta(days=round(impact))
    completed = fm.as_date(meta.get("completed_date") or meta.get("completed"))
    if completed and plan_end is None:
        plan_end = completed

    placeholders = st.holes
    template = looks_like_template(path, title_raw, placeholders, text, progress.done)
    lines = placeholder_lines(text) if placeholders else []
    if template:  # at its first placeholder, where filling it in starts
        message = f"template: {placeholders} placeholders; not counted in progress"
        warnings.append(Warning("template", message, lines[0][0] if lines else None))
    elif placeholders:
        # One warning a line (the first few), each naming where the slot to fill is.
        for line, n in lines:
            what = "a template placeholder" if n == 1 else f"{n} template placeholders"
            warnings.append(Warning("placeholder", f"{what} left in the plan", line))
        if not lines:
            message = f"{placeholders} template placeholders left in the plan"
            warnings.append(Warning("placeholder", message))
    owner = (
        fm.as_text(meta.get("owner"))
        or fm.as_text(meta.get("assignee"))
        or st.plan_fields.get("owner")
    )
    if owner and is_placeholder(owner):
        owner = None
    fmt = detect_format(path, text, meta, title_raw, bool(st.tasks), bool(st.status_rows), items)
    return Plan(
        path=path,
        group=group,
        format=fmt,
        title=title,
        status=status,
        progress=progress,
        template=template,
        backup=is_backup_path(path),
        declared_status=clean_plain(status_value) if status_value else None,
        owner=clean_plain(owner) if owner else None,
        dates=PlanDates(
            start=plan_start,
            end=plan_end,
            original_end=original_end,
            estimated_completion=estimate,
            anchor=anchor,
            expires=expires,
        ),
        phases=tuple(phases),
        items=items,
        tasks=tuple(st.tasks),
        blockers=tuple(st.blockers),
        adjustments=tuple(st.adjustments),
        status_rows=tuple(st.status_rows),
        placeholders=placeholders,
        warnings=tuple(warnings),
        size=len(data),
        fingerprint=fingerprint(data),
    )
