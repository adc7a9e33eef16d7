"""Blockers, timeline adjustments, tables and `key: value` fields, as the walk meets them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from goaldash.model import Adjustment, Blocker, Status
from goaldash.parse.blocks import ListItem, Table
from goaldash.parse.dates import date_range, first_date, period, revised
from goaldash.parse.phases import finished_phase
from goaldash.parse.placeholders import is_placeholder, placeholders_in
from goaldash.parse.sections import (
    SPAN_KEYS,
    blocker_column,
    estimated_completion,
    field_of,
    is_blocker_table,
    is_nothing,
    is_resolved,
    is_resolved_title,
    is_risk,
    is_risk_table,
    is_risks_title,
    is_status_header,
    parse_adjustment,
)
from goaldash.parse.state import PhaseB, State
from goaldash.parse.status import blocked_reason, percent_of, status_of
from goaldash.parse.tables import is_phase_table, is_task_table, status_rows_of, tasks_of
from goaldash.parse.words import COLUMN, COUNT_KEY, every_word
from goaldash.text import clean_plain


def blocker_entry(li: ListItem, st: State) -> None:
    parent = li.parent
    if parent is not None and parent.line in st.blocker_entries:
        f = field_of(li.rest or li.text)
        index = st.blocker_entries[parent.line]
        if f is None or is_placeholder(f[1]) or not f[1]:
            return
        key, value = f
        b = st.blockers[index]
        if key.startswith("impact") or key in ("blocks", "affects"):
            st.blockers[index] = replace(b, impact=clean_plain(value))
        elif key in ("owner", "assignee", "who", "responsible"):
            st.blockers[index] = replace(b, owner=clean_plain(value))
        elif key in ("eta", "due", "expected", "resolution date", "target", "target date", "when"):
            st.blockers[index] = replace(b, eta_text=clean_plain(value), eta=first_date(value))
        elif key in ("status", "state") and (status_of(value) is Status.DONE or is_resolved(value)):
            st.blockers[index] = replace(b, resolved=True)
        return
    if parent is not None:
        return
    text = li.rest or li.text.split("\n", 1)[0]
    if not text.strip() or is_nothing(text):
        return
    if is_placeholder(text):
        return
    resolved = li.mark in ("x", "X") or is_resolved(text) or _resolved_section(st)
    st.blocker_entries[li.line] = len(st.blockers)
    st.blockers.append(
        Blocker(
            text=clean_plain(text.replace("~~", "")).strip(),
            line=li.line,
            resolved=resolved,
            phase=st.scope.key if st.scope else None,
        )
    )


def _resolved_section(st: State) -> bool:
    """Whether the blockers section being read holds resolved ones ("### Resolved Blockers")."""
    if st.blocker_level == 99:
        return st.label is not None and is_resolved_title(st.label)
    level = st.blocker_level or 0
    return any(h.level >= level and is_resolved_title(h.text) for h in st.headings)


def adjustment(li: ListItem, st: State, *, strict: bool) -> None:
    adj = parse_adjustment(li.rest or li.text, strict=strict)
    if adj is None:
        return
    st.adjustments.append(
        Adjustment(
            line=li.line,
            change=clean_plain(adj.change),
            date=adj.date,
            reason=clean_plain(adj.reason) if adj.reason else None,
            impact_days=adj.impact_days,
        )
    )


def table(t: Table, st: State) -> None:
    phase = st.scope.key if st.scope else None
    if is_task_table(t) and not is_phase_table(t):
        tasks, holes = tasks_of(t, phase)
        st.tasks.extend(tasks)
        st.holes += holes
        return
    if is_blocker_table(t.header):
        if not is_risk_table(t.header, _under_risks(st)):
            _blocker_table(t, st)  # "| Blocker | Owner | Status |", "| # | Problema | Estado |"
        return
    found = status_rows_of(t)
    if found is None:
        st.holes += sum(placeholders_in(c) for _, row in t.rows for c in row)
        st.holes += sum(placeholders_in(c) for c in t.header)
        if st.blocker_level is not None:
            _blocker_table(t, st)
        elif len(t.header) <= 4:
            _log_table(t, st)
        return
    st.holes += found.holes
    st.status_rows.extend(found.rows)
    st.row_decls.update(found.decls)
    for s in found.summary:
        st.summary_spans.setdefault(s.phase, s.span)
    for row in found.rows:
        if row.status is Status.BLOCKED:
            text = row.label + (f" — {row.notes}" if row.notes else "")
            st.blockers.append(Blocker(text=clean_plain(text), line=row.line, phase=row.phase))


def _under_risks(st: State) -> bool:
    """Is the block being read in a section of risks ("## Risks and Mitigations",
    "**Riesgos:**"), and not of blockers?"""
    if st.blocker_level is not None:
        return False
    return (st.label is not None and is_risks_title(st.label)) or any(
        is_risks_title(h.text) for h in st.headings
    )


def _log_table(t: Table, st: State) -> None:
    """A dated log ("| Date | Event |"): a row saying a phase was finished ("Фаза 1
    завершена: ...", "Phase 2 completed") dates that phase's end."""
    for _, row in t.rows:
        if len(row) < 2 or (when := first_date(row[0])) is None:
            continue
        for cell in row[1:]:
            if (key := finished_phase(cell.strip())) is not None:
                st.finished.setdefault(key, when)
                break


def _blocker_table(t: Table, st: State) -> None:
    header = [h.lower().replace("*", "").strip() for h in t.header]

    def col(*names: str) -> int | None:
        for n in names:
            for i, h in enumerate(header):
                if h.startswith(n):
                    return i
        return None

    ctext = col("blocker", "issue", "description", "item", "what")
    ctext = ctext if ctext is not None else blocker_column(t.header) or 0
    cimpact, cowner, ceta = col("impact"), col("owner", "who"), col("eta", "due")
    cstatus = next((i for i, h in enumerate(t.header) if is_status_header(h)), None)
    section_resolved = _resolved_section(st) if st.blocker_level is not None else False
    for line, row in t.rows:

        def cell(i: int | None, row: list[str] = row) -> str:
            return row[i].strip() if i is not None and i < len(row) else ""

        text = cell(ctext)
        if not text or is_placeholder(text) or is_nothing(text):
            continue
        if any(is_risk(c) for i, c in enumerate(row) if i != ctext):
            continue  # "| Vendor outage | Risk | Monitoring |": a risk, in a mixed table
        status = cell(cstatus)
        resolved = section_resolved or is_resolved(text) or _closed(status)
        eta = cell(ceta)
        st.blockers.append(
            Blocker(
                text=clean_plain(text.replace("~~", "")).strip(),
                line=line,
                impact=clean_plain(cell(cimpact)) or None,
                owner=clean_plain(cell(cowner)) or None,
                eta=first_date(eta) if eta else None,
                eta_text=clean_plain(eta) or None,
                resolved=resolved,
            )
        )


def _closed(status: str) -> bool:
    """A blocker row's status that says it no longer blocks: done, resolved, closed."""
    if not status or is_placeholder(status):
        return False
    return status_of(status) is Status.DONE or is_resolved(status)


_COUNT_KEYS = every_word(COUNT_KEY)
# "3/4", "3 / 4", "3 of 4": not a date ("3/4/2026") nor a part of a bigger number.
_FRACTION = re.compile(r"(?<![\d/.])(\d{1,4})\s*(?:/|of|de|из|von|sur|su)\s*(\d{1,4})(?![\d/.])")
_COMPLETED_KEYS = every_word(COLUMN["completed"])
# A line keyed by an end, a start or a stretch of time, in any language of the table:
# "**Target:** 2026-04-15", "**Fecha límite:** 15/04/2026", "**Start:** 2026-04-16 12:18",
# "**Timeline:** 2026-03-01 to 2026-03-14" (a stretch is read only when a range of dates).
_END_KEYS = every_word(COLUMN["end"])
_START_KEYS = every_word(COLUMN["start"])


def field(key: str, value: str, st: State) -> None:
    """A paragraph's `key: value` line: a status, a date or an estimate, of the phase in
    scope or of the plan."""
    if is_placeholder(value) or not value:
        return
    if key == "status":
        status = status_of(value)
        percent = percent_of(value)
        if percent is not None and percent < 100 and status is Status.DONE:
            status = Status.IN_PROGRESS if percent > 0 else Status.NOT_STARTED  # "65% Complete"
        if st.scope is not None:
            if not st.scope.fresh:
                return  # a task's status line further down the phase, not the phase's own
            b = st.phases[st.scope.key]
            if status is not None and b.declared is None:
                b.declared, b.declared_from = status, "status line"
                b.why = blocked_reason(value) if status is Status.BLOCKED else ""
            if status is Status.DONE and b.end is None and (d := first_date(value)):
                b.end, b.dated = d, True
        elif st.plan_status_text is None and not st.phases:
            st.plan_status_text = value
            st.plan_status = status
    elif key == "current estimated completion" or key == "estimated completion":
        current, was = estimated_completion(value)
        st.estimate = st.estimate or current
        st.estimate_was = st.estimate_was or was
    elif st.scope is not None and key in _END_KEYS:
        b = st.phases[st.scope.key]
        if b.end is None and (d := _revised(value, b)):
            b.end, b.dated = d, True
    elif st.scope is not None and key in _COUNT_KEYS and (m := _FRACTION.search(value)):
        # "**Plans:** 3/4 plans executed": some of the phase done.
        b = st.phases[st.scope.key]
        done, total = int(m.group(1)), int(m.group(2))
        if b.declared is None and 0 <= done <= total and total:
            b.declared = (
                Status.DONE if done == total else Status.IN_PROGRESS if done else Status.NOT_STARTED
            )
            b.declared_from = "count line"
    elif st.scope is not None and key in _COMPLETED_KEYS and (d := first_date(value)):
        # "**Closed:** 2026-02-23 — signed off", "**Concluído:** 12/03": when it ended.
        st.phases[st.scope.key].take_dates(None, d, None)
    elif st.scope is not None and key in _START_KEYS:
        month = period(value)  # "**Start:** March 2027": its first day
        st.phases[st.scope.key].take_dates(first_date(value) or (month and month[0]), None, None)
    elif st.scope is not None and key in SPAN_KEYS and (span := date_range(value)):
        st.phases[st.scope.key].take_dates(span[0], span[1], None)
    elif st.scope is None and not st.phases:
        st.plan_fields.setdefault(key, value)


def _revised(value: str, b: PhaseB) -> date | None:
    """The end a due line gives its phase, keeping the one it replaced as the original end."""
    current, original = revised(value)
    if current is not None and original is not None:
        b.original_end = b.original_end or original
    if current is None and (month := period(value)):
        return month[1]  # "**Target:** March 2027", "**ETA:** Q1 2027": its last day
    return current
