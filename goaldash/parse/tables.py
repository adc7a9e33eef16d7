"""Tables: task tables, phase status and milestone tables, timeline summaries."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from goaldash.model import Status, StatusRow, Task
from goaldash.parse.blocks import Table
from goaldash.parse.dates import date_range, revised
from goaldash.parse.idforms import KEYWORDS
from goaldash.parse.phases import PhaseDecl, parse_phase
from goaldash.parse.placeholders import is_placeholder, placeholders_in
from goaldash.parse.spans import Span, find_span
from goaldash.parse.status import percent_of, status_of
from goaldash.parse.wordforms import with_unaccented
from goaldash.parse.words import COLUMN, TOTAL, every_word
from goaldash.text import clean_plain


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
    """A cell's date: of a revised one ("~~2025-11-05~~ **2025-11-08**", "2026-10-15 (slipped
    from 2026-09-01)"), the current one."""
    value = _data(text)
    return revised(value)[0] if value is not None else None


def _original(text: str) -> date | None:
    """The date a revised cell replaced, if it was revised."""
    value = _data(text)
    return revised(value)[1] if value is not None else None


def is_task_table(table: Table) -> bool:
    """`Task ID | Task Name | ...`, or an id column and a task column in any language of
    `words.COLUMN` (`| ID | Tarea | Estado |`, `| ID | タスク | 状態 |`)."""
    if _column(table.header, "task id", "id") is None:
        return False
    if _column(table.header, "task name", "task", "name", "title") is not None:
        return True
    return any(_hnorm(h) in _TASK_WORDS for h in table.header)


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
    if cstatus is None:
        cstatus = columns(h).get("status")  # "Estado", "状態", "Статус"
    if cname is None:
        cname = next((i for i, c in enumerate(h) if _hnorm(c) in _TASK_WORDS), None)
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


def _words(kind: str) -> tuple[str, ...]:
    return with_unaccented(w for ws in COLUMN[kind].values() for w in ws)


_TASK_WORDS = frozenset(_words("task"))
_KINDS = ("phase", "id", "status", "progress", "start", "completed", "end", "estimate", "notes")
_COLUMN_WORDS = {kind: _words(kind) for kind in _KINDS}
_MILESTONE_WORDS = frozenset(w for w, kind in KEYWORDS.items() if kind == "milestone")
_TOTAL_WORDS = every_word(TOTAL)
_FRACTION = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\b")
_LEADING_ID = re.compile(r"^\s*((?:[A-Z]{1,3}-?)?\d{1,3}(?:\.\d{1,3})*[A-Za-z]?)(?:[.):]\s*|\s+|$)")
_BARE_ID = re.compile(r"^(?:[A-Z]{1,3}-?)?\d{1,3}(?:\.\d{1,3})*[A-Za-z]?$|^[A-Z]$")
_HEADER_NOISE = re.compile(r"[*_`~:()\[\]]")


def _hnorm(cell: str) -> str:
    return " ".join(_HEADER_NOISE.sub(" ", cell.lower()).split())


def _matches(header: str, word: str, exact: bool) -> bool:
    if header == word:
        return True
    if exact:
        return False
    if word.isascii():
        return header.startswith(word + " ") or header.endswith(" " + word)
    return header.startswith(word) or header.endswith(word)


def columns(header: list[str]) -> dict[str, int]:
    """Which column holds what, by the words of its header cell in any language of
    `words.COLUMN`: a cell that is a word wins over one that starts or ends with it."""
    normed = [_hnorm(h) for h in header]
    found: dict[str, int] = {}
    for exact in (True, False):
        for kind in _KINDS:
            if kind in found:
                continue
            taken = set(found.values())
            for word in _COLUMN_WORDS[kind]:
                free = (i for i, h in enumerate(normed) if i not in taken)
                i = next((i for i in free if _matches(normed[i], word, exact)), None)
                if i is not None:
                    found[kind] = i
                    break
    return found


def _kind_of(header: str) -> str:
    words = _hnorm(header).split(" ")
    return "milestone" if any(w in _MILESTONE_WORDS for w in words) else "phase"


_MILESTONE_ID = re.compile(r"^\s*[*_`]*(?:M|MS)-?\d{1,3}(?:\.\d{1,3})?[*_`]*\s*$")


def stage_columns(table: Table) -> dict[str, int]:
    """`columns`, and for a table keyed by an id column whose ids are all milestones' (`| ID |
    Scope | Status |` with `M0`, `M1`...), the first other column as the milestones' names."""
    cols = columns(table.header)
    if "phase" in cols or cols.get("id") != 0 or len(table.rows) < 2:
        return cols
    if not all(_MILESTONE_ID.match(_cell(row, 0) or "") for _, row in table.rows):
        return cols
    taken = set(cols.values())
    name = next((i for i in range(1, len(table.header)) if i not in taken), None)
    return cols if name is None else {**cols, "phase": name}


def is_phase_table(table: Table) -> bool:
    """A table whose first column names the phases (`Milestone ID`, `Phase`, `Фаза`, `#` of
    milestones), read before it could be taken for a task table."""
    cols = stage_columns(table)
    if "phase" not in cols or min(cols.get("id", 99), cols["phase"]) != 0:
        return False
    return any(k in cols for k in ("status", "progress", "end", "completed"))


def _decl(label: str, ident: str | None, kind: str) -> PhaseDecl | None:
    """The phase a row names: its id cell, the id its label opens with, or else its label."""
    decl = parse_phase(label)
    if decl is not None:
        return decl
    name = clean_plain(label).strip(" *_`")
    if ident and _BARE_ID.match(ident.strip("*` ")):
        key = ident.strip("*` ")
    elif m := _LEADING_ID.match(name):
        key, name = m.group(1), name[m.end() :]
    else:
        name = re.sub(r"^[^\w(]+|[^\w)]+$", "", name)  # status marks around the label
        if not name or name.lower() in _TOTAL_WORDS:
            return None
        key = name
    return PhaseDecl(kind, key, name.strip(), None, None, None, None, None, None)


def _by_id(decl: PhaseDecl | None) -> bool:
    """Does a row name its phase by an id (`Phase 3: Beta`, `3`, `M2`), not by a label alone?"""
    return decl is not None and decl.id != decl.name


def _ids_alone(decls: Iterable[PhaseDecl | None]) -> bool:
    """Do the rows of a phase column name their phases by ids alone (`| 1 |`, `| M2 |`)?"""
    found = [d for d in decls if d is not None]
    return bool(found) and not any(d.name for d in found)


def _name_column(header: list[str], cols: dict[str, int]) -> int | None:
    """For a phase column holding ids alone, the column naming the phases: the first one not
    read as something else (`| Phase | Name | Status |`, `| Milestone | Scope | Due |`), as
    the first other column names milestones keyed by an `ID` column (`stage_columns`)."""
    taken = set(cols.values())
    return next((i for i in range(len(header)) if i not in taken), None)


def _status_cell(row: list[str], i: int) -> int:
    """Where a row's status is: column `i`, or a neighbour when the row's cells are shifted
    (a row with a cell more or fewer than the header)."""
    if status_of(_cell(row, i)) is not None or not _data(_cell(row, i)):
        return i
    for j in (i - 1, i + 1, i - 2, i + 2):
        if 0 < j < len(row) and status_of(row[j]) is not None:
            return j
    return i


def _progress(text: str | None) -> float | None:
    if not text:
        return None
    if m := _FRACTION.match(text):  # GSD's "3/4" plans complete
        done, total = int(m.group(1)), int(m.group(2))
        return 100.0 * done / total if total else None
    return percent_of(text)


def status_rows_of(table: Table) -> StatusTable | None:
    """Rows of a phase status / milestone / timeline summary table, or None if it is none."""
    cols = stage_columns(table)
    clabel = cols.get("phase")
    cid = cols.get("id")
    if clabel is None:
        return None
    kind = _kind_of(table.header[clabel]) if cid is None else _kind_of(table.header[cid])
    cstatus, cprogress = cols.get("status"), cols.get("progress")
    cstart, cend, cdone = cols.get("start"), cols.get("end"), cols.get("completed")
    cnotes, cest = cols.get("notes"), cols.get("estimate")
    if cstatus is None and cprogress is None and cend is None and cest is None and cdone is None:
        return None
    labels = [_cell(row, clabel) for _, row in table.rows]
    named = [x for x in labels if _data(x)]
    if len(set(named)) < len(named):
        return None  # a phase column that repeats: it groups the rows (tasks), it is no list
    found = StatusTable([], [], 0, {})
    rows, summary = found.rows, found.summary
    holes = 0
    decls = {line: _decl(label, _data(_cell(row, cid)), kind) for (line, row), label in
             zip(table.rows, labels, strict=True) if _data(label)}  # fmt: skip
    cname = _name_column(table.header, cols) if _ids_alone(decls.values()) else None
    bare: set[int] = set()  # lines of the rows that name a phase and say nothing of it
    for line, row in table.rows:
        holes += _holes(row)
        label = _cell(row, clabel)
        if not _data(label):
            continue
        decl = decls[line]
        if decl is not None and cname is not None:
            decl = replace(decl, name=clean_plain(_data(_cell(row, cname)) or "").strip(" *_`"))
        key = None
        if decl is not None:
            key = decl.id
            if kind == "milestone" and key.isdigit():
                key = "M" + key
        if cest is not None and key is not None:
            est = _data(_cell(row, cest))
            span = find_span(est) if est else None
            if span is not None:
                summary.append(SummaryRow(key, span, line))
        shift = _status_cell(row, cstatus) - cstatus if cstatus is not None else 0

        def at(i: int | None, row: list[str] = row, shift: int = shift) -> int | None:
            return None if i is None else i + shift

        status_text = _cell(row, at(cstatus))
        progress_text = _data(_cell(row, at(cprogress)))
        no_status = cstatus is None or _data(status_text) is None
        end_text = _cell(row, at(cdone)) if _date(_cell(row, at(cdone))) else _cell(row, at(cend))
        if no_status and progress_text is None and not _date(end_text):
            if not _by_id(decl):
                continue
            bare.add(line)  # "| Phase 3: Beta |": a phase, if the table's other rows say more
        status = status_of(status_text) if _data(status_text) else None
        progress = _progress(progress_text)
        if status is None and progress is None and _data(status_text):
            progress = percent_of(status_text)  # "| Phase 2 | 60% |": a status column's share
        if status is None and progress is not None:
            status = (
                Status.DONE
                if progress >= 100
                else Status.IN_PROGRESS
                if progress > 0
                else Status.NOT_STARTED
            )
        start_text = _cell(row, at(cstart))
        start, end = _date(start_text), _date(end_text)
        if cstart is not None and cstart == cend:
            rng = date_range(start_text)
            start, end = rng if rng else (None, end)
        elif end is None and start is None and cend is not None and (rng := date_range(end_text)):
            start, end = rng  # "2025-10-08 ~ 2025-11-20" in one cell
        rows.append(
            StatusRow(
                line=line,
                label=label,
                status=status or Status.UNKNOWN,
                status_text=status_text,
                progress=progress,
                start=start,
                end=end,
                notes=_data(_cell(row, at(cnotes))) or "",
                phase=key,
                original_end=_original(end_text),
            )
        )
        if decl is not None:
            found.decls[line] = decl
    if bare and all(row.line in bare for row in rows):
        # No row says anything of its phase: a template's table, a list of phases. Nothing.
        rows[:] = []
        found.decls = {}
    found.holes = holes
    return found
