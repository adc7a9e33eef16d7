"""Tables: task tables, phase status and milestone tables, timeline summaries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from goaldash.model import Status, StatusRow, Task
from goaldash.parse.blocks import Table
from goaldash.parse.dates import Span, date_range, find_dates, find_span
from goaldash.parse.phases import PhaseDecl, parse_phase
from goaldash.parse.placeholders import is_placeholder, placeholders_in
from goaldash.parse.status import percent_of, status_of

_STRUCK = re.compile(r"~~([^~]+)~~")


def _norm(cell: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", cell.lower().replace("*", "")).strip()


def _column(header: list[str], *names: str) -> int | None:
    normed = [_norm(h) for h in header]
    for name in names:
        for i, h in enumerate(normed):
            if h == name:
                return i
    for name in names:
        for i, h in enumerate(normed):
            if h.startswith(name) or h.endswith(name):
                return i
    return None


def _cell(row: list[str], i: int | None) -> str:
    if i is None or i >= len(row):
        return ""
    return row[i].strip()


def _holes(row: list[str]) -> int:
    """Placeholders in a row's cells (looked for only in cells with a bracket or a date token)."""
    return sum(placeholders_in(c) for c in row if "[" in c or "YYYY" in c)


def _data(text: str) -> str | None:
    """A cell's text unless it is empty, a dash, or a placeholder."""
    text = text.strip()
    if not text or text in ("-", "—", "–", "n/a", "N/A", "TBD", "tbd") or is_placeholder(text):
        return None
    return text


def _date(text: str) -> date | None:
    value = _data(text)
    if value is None:
        return None
    found = find_dates(value)
    # A revised date "~~2025-11-05~~ **2025-11-08**" means the last one.
    return found[-1].value if found else None


def _original(text: str) -> date | None:
    if "~~" not in text:
        return None
    m = _STRUCK.search(text)
    if not m:
        return None
    found = find_dates(m.group(1))
    return found[0].value if found else None


def is_task_table(table: Table) -> bool:
    """`Task ID | Task Name | ...`"""
    return _column(table.header, "task id", "id") is not None and (
        _column(table.header, "task name", "task", "name", "title") is not None
    )


def tasks_of(table: Table, phase: str | None) -> tuple[list[Task], int]:
    """The tasks of a task table and the number of placeholders in it."""
    h = table.header
    cid = _column(h, "task id", "id")
    cname = _column(h, "task name", "task", "name", "title")
    cdesc = _column(h, "description", "desc")
    cowner = _column(h, "owner", "assignee", "responsible")
    ceffort = _column(h, "effort", "estimate", "est")
    cdod = _column(h, "dod", "definition of done", "done when")
    cdeps = _column(h, "dependencies", "depends on", "deps", "blocked by")
    cstatus = _column(h, "status", "state")
    tasks: list[Task] = []
    holes = 0
    for line, row in table.rows:
        holes += _holes(row)
        ident = _data(_cell(row, cid))
        if ident is None:
            continue
        deps_text = _data(_cell(row, cdeps)) or ""
        deps = tuple(
            d.strip()
            for d in re.split(r"[,;]|\band\b|→", deps_text)
            if d.strip() and d.strip().lower() not in ("none", "-", "n/a")
        )
        status_text = _cell(row, cstatus)
        tasks.append(
            Task(
                id=ident.strip("*` "),
                name=_data(_cell(row, cname)) or "",
                line=line,
                description=_data(_cell(row, cdesc)) or "",
                owner=_data(_cell(row, cowner)),
                effort=_data(_cell(row, ceffort)),
                dod=_data(_cell(row, cdod)),
                depends_on=deps,
                status=(status_of(status_text) or Status.UNKNOWN)
                if _data(status_text)
                else Status.UNKNOWN,
                phase=phase,
            )
        )
    return tasks, holes


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """A timeline summary row: a phase and its estimate."""

    phase: str
    span: Span
    line: int


@dataclass(slots=True)
class StatusTable:
    """What a phase status / milestone / timeline summary table holds."""

    rows: list[StatusRow]
    """Its status rows; rows whose status is a placeholder are not data and are left out."""
    summary: list[SummaryRow]
    """Its estimate rows."""
    holes: int
    """How many placeholders it holds."""
    decls: dict[int, PhaseDecl]
    """The phase each status row names, by the row's line (rows naming no phase are not in
    it), so that the assembly need not read the label again."""


def status_rows_of(table: Table) -> StatusTable | None:
    """Rows of a phase status / milestone / timeline summary table, or None if it is none."""
    h = table.header
    clabel = _column(h, "phase", "milestone", "stage", "sprint")
    if clabel is None:
        return None
    cstatus = _column(h, "status", "state")
    cprogress = _column(h, "progress", "complete", "completion", "done")
    cstart = _column(h, "start", "start date", "begin")
    cend = _column(
        h, "end", "end date", "target date", "target", "due", "due date", "deadline", "date"
    )
    cnotes = _column(h, "notes", "note", "comments")
    cest = _column(h, "estimate", "duration", "effort", "timeline", "weeks", "days")
    if cstatus is None and cprogress is None and cend is None and cest is None:
        return None
    found = StatusTable([], [], 0, {})
    rows, summary = found.rows, found.summary
    milestones = _norm(h[clabel]).startswith("milestone")
    holes = 0
    for line, row in table.rows:
        holes += _holes(row)
        label = _cell(row, clabel)
        if not _data(label):
            continue
        decl = parse_phase(label) or parse_phase("phase " + label.strip("* "))
        key = None
        if decl is not None:
            milestone = decl.kind == "milestone" or milestones
            key = "M" + decl.id.lstrip("Mm") if milestone else decl.id
        if cest is not None and key is not None:
            est = _data(_cell(row, cest))
            span = find_span(est) if est else None
            if span is not None:
                summary.append(SummaryRow(key, span, line))
        status_text = _cell(row, cstatus)
        no_status = cstatus is None or _data(status_text) is None
        if no_status and (cprogress is None or _data(_cell(row, cprogress)) is None):
            continue
        status = status_of(status_text) if _data(status_text) else None
        progress_text = _data(_cell(row, cprogress))
        progress = percent_of(progress_text) if progress_text else None
        if status is None and progress is not None:
            status = (
                Status.DONE
                if progress >= 100
                else Status.IN_PROGRESS
                if progress > 0
                else Status.NOT_STARTED
            )
        start_text, end_text = _cell(row, cstart), _cell(row, cend)
        start, end = _date(start_text), _date(end_text)
        if cstart is not None and cstart == cend:
            rng = date_range(start_text)
            start, end = rng if rng else (None, end)
        rows.append(
            StatusRow(
                line=line,
                label=label,
                status=status or Status.UNKNOWN,
                status_text=status_text,
                progress=progress,
                start=start,
                end=end,
                notes=_data(_cell(row, cnotes)) or "",
                phase=key,
                original_end=_original(end_text),
            )
        )
        if decl is not None:
            found.decls[line] = decl
    found.holes = holes
    return found
