"""Bytes of one plan file -> Plan. The heart of the engine; it never raises."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import PurePosixPath
from typing import Any

from goaldash.model import (
    MARK_STATES,
    Adjustment,
    Blocker,
    Item,
    Phase,
    Plan,
    PlanDates,
    Progress,
    Status,
    StatusRow,
    Task,
    Warning,
)
from goaldash.parse import PARSER_VERSION
from goaldash.parse import frontmatter as fm
from goaldash.parse.basics import as_of, fingerprint, unread_plan
from goaldash.parse.blocks import Document, Heading, ListItem, Paragraph, Table, walk
from goaldash.parse.dates import Span, date_range, find_dates, first_date
from goaldash.parse.formats import detect_format, is_backup_path, looks_like_template
from goaldash.parse.phases import (
    PhaseDecl,
    label_of,
    parse_bold_phase,
    parse_phase,
    phase_reference,
)
from goaldash.parse.placeholders import is_placeholder, placeholders_in
from goaldash.parse.sections import (
    estimated_completion,
    field_of,
    is_adjustments_title,
    is_blockers_title,
    is_nothing,
    key_values,
    parse_adjustment,
)
from goaldash.parse.status import frontmatter_status, percent_of, status_of
from goaldash.parse.tables import is_task_table, status_rows_of, tasks_of
from goaldash.text import clean as _clean
from goaldash.text import has_mojibake, plain

__all__ = ["PARSER_VERSION", "as_of", "decode", "fingerprint", "parse_plan", "unread_plan"]
"""Bumped whenever parsing changes what it produces (the parse cache is keyed by it)."""

_BINARY_SNIFF = 8192
_FINISHED_FOLDERS = ("completed", "done", "archive", "archived")
_NOT_PHASES = re.compile(
    r"\b(?:rollout|roll-out|rollback|roll-back|release plan|deployment plan)\b", re.I
)
_BLOCKED_ITEM = re.compile(r"(?:^|[\s(\[—–-])(?:BLOCKED|Blocked)\b|⛔|🚫|\(blocked\b", re.UNICODE)


def _may_be_blocked(text: str) -> bool:
    """Could `_BLOCKED_ITEM` match? (Substring tests, far cheaper than its search.)"""
    return "locked" in text or "LOCKED" in text or "⛔" in text or "🚫" in text


@dataclass(slots=True)
class _PhaseB:
    """A phase while it is being built."""

    key: str
    decl: PhaseDecl
    line: int
    primary: bool
    declared: Status | None = None
    declared_from: str = ""
    start: date | None = None
    end: date | None = None
    original_end: date | None = None
    span: Span | None = None
    dated: bool = False


@dataclass(slots=True)
class _Scope:
    """Which phase the blocks being read belong to, and how that phase was opened."""

    key: str
    level: int  # heading level of the phase heading; 0 for a bold paragraph phase
    label: str
    fresh: bool = True  # nothing but paragraphs read since the phase opened


@dataclass(slots=True)
class _State:
    phases: dict[str, _PhaseB] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    scope: _Scope | None = None
    headings: list[Heading] = field(default_factory=list)
    label: str | None = None
    blocker_level: int | None = None  # heading level of the blockers section; 99 for a label
    adjust_level: int | None = None
    items: list[Item] = field(default_factory=list)
    item_phase: dict[int, str | None] = field(default_factory=dict)  # ListItem line -> phase key
    tasks: list[Task] = field(default_factory=list)
    blockers: list[Blocker] = field(default_factory=list)
    blocker_entries: dict[int, int] = field(default_factory=dict)  # ListItem line -> blocker index
    adjustments: list[Adjustment] = field(default_factory=list)
    status_rows: list[StatusRow] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    holes: int = 0
    plan_status_text: str | None = None
    plan_status: Status | None = None
    plan_fields: dict[str, str] = field(default_factory=dict)
    estimate: date | None = None
    estimate_was: date | None = None
    summary_spans: dict[str, Span] = field(default_factory=dict)
    title: str | None = None
    not_containers: set[int] = field(default_factory=set)  # lines of headings holding no phases
    section_key: tuple[object, ...] | None = None
    section_text: str = ""


def clean(text: str) -> str:
    """File text made fit for display: no control characters, no emphasis markers."""
    return plain(_clean(text))


def decode(data: bytes) -> tuple[str, list[Warning]]:
    """Bytes -> text: a UTF-8 BOM is dropped; bytes that are not UTF-8 become U+FFFD."""
    warnings: list[Warning] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        warnings.append(
            Warning(
                "encoding",
                "not valid UTF-8: undecodable bytes are shown as \ufffd (ticking still works)",
            )
        )
    return text, warnings


def parse_plan(path: str, data: bytes, *, group: str = "", today: date | None = None) -> Plan:
    """Read one plan. `path` is relative to the root (POSIX). Never raises.

    With `today`, the day-dependent warnings are added too (`as_of`); without it the result
    depends on the bytes alone, which is what the parse cache stores.
    """
    try:
        plan = _parse(path, data, group)
    except RecursionError:
        problem = "too deeply nested to read"
    except Exception as exc:  # a parser bug must not take the dashboard down with it
        problem = f"could not be parsed ({type(exc).__name__}: {clean(str(exc))[:200]})"
    else:
        return as_of(plan, today) if today is not None else plan
    return unread_plan(path, group, "parse-error", problem, data)


def _parse(path: str, data: bytes, group: str) -> Plan:
    if b"\x00" in data[:_BINARY_SNIFF]:
        message = "looks like a binary file, not markdown: not read"
        return unread_plan(path, group, "binary", message, data)
    text, warnings = decode(data)
    doc = walk(text)
    st = _State(warnings=warnings)
    meta: dict[str, Any] = {}
    if doc.frontmatter is not None:
        meta, problem = fm.load(doc.frontmatter)
        if problem:
            st.warnings.append(Warning("frontmatter", problem, 1))
        st.holes += placeholders_in(doc.frontmatter)
    _read_blocks(doc, st)
    return _assemble(path, group, text, doc, meta, st, data)


# --------------------------------------------------------------------------- block walk


def _section(st: _State) -> str:
    """The item's section ("Phase 1 › Exit gate"): the same for every item until a heading,
    a label or the scope changes, so it is worked out once for all of them."""
    scope = st.scope
    key = (
        id(scope),
        scope.label if scope is not None else None,
        scope.level if scope is not None else None,
        id(st.headings[-1]) if st.headings else None,
        st.label,
    )
    if key != st.section_key:
        st.section_key, st.section_text = key, _section_text(st)
    return st.section_text


def _section_text(st: _State) -> str:
    parts: list[str] = []
    if st.scope is not None:
        parts.append(st.scope.label)
        deeper = [h for h in st.headings if h.level > st.scope.level] if st.scope.level else []
        if st.label:
            parts.append(st.label)
        elif deeper:
            parts.append(deeper[-1].text)
    else:
        if st.headings:
            parts.append(st.headings[-1].text)
        if st.label:
            parts.append(st.label)
    return " › ".join(clean(p).replace("**", "").strip() for p in parts if p.strip())


def _not_phase_container(st: _State, outer: Heading) -> bool:
    """Is `outer` a section whose "Phase N" headings are not the plan's phases?

    A rollout or release section's stages are not phases; but a document whose title says
    "Rollout plan" (its level-1 heading) is a plan whose phases are real.
    """
    if outer.line in st.not_containers:
        return True
    return outer.level > 1 and _NOT_PHASES.search(outer.text) is not None


def _register(st: _State, decl: PhaseDecl, line: int, *, primary: bool) -> _PhaseB | None:
    """Add a declared phase; returns None when a primary declaration repeats an id."""
    key = decl.key
    existing = st.phases.get(key)
    if existing is not None:
        if primary and existing.primary:
            return None  # "Phase 1" again under "Rollout Plan": not this plan's phase 1
        if primary:
            existing.primary = True
            existing.decl = _merge_decl(existing.decl, decl)
        _apply_decl(existing, decl, "heading" if primary else "list")
        return existing
    b = _PhaseB(key=key, decl=decl, line=line, primary=primary)
    _apply_decl(b, decl, "heading" if primary else "list")
    st.phases[key] = b
    st.order.append(key)
    return b


def _merge_decl(old: PhaseDecl, new: PhaseDecl) -> PhaseDecl:
    return replace(
        new,
        name=new.name or old.name,
        status=new.status or old.status,
        span=new.span or old.span,
        milestone=new.milestone or old.milestone,
    )


def _apply_decl(b: _PhaseB, decl: PhaseDecl, source: str) -> None:
    if decl.status is not None and b.declared is None:
        b.declared, b.declared_from = decl.status, source
    if decl.span is not None and b.span is None and not is_placeholder(decl.span.text):
        b.span = decl.span
    if decl.start and b.start is None:
        b.start, b.dated = decl.start, True
    if decl.end and b.end is None:
        b.end, b.dated = decl.end, True
    if decl.original_end and b.original_end is None:
        b.original_end = decl.original_end


def _label_for(decl: PhaseDecl) -> str:
    return f"{decl.kind.title()} {decl.id}"


def _read_blocks(doc: Document, st: _State) -> None:
    for block in doc.blocks:
        if isinstance(block, Heading):
            _heading(block, st)
        elif isinstance(block, Paragraph):
            _paragraph(block, st)
        elif isinstance(block, ListItem):
            _list_item(block, st)
        elif isinstance(block, Table):
            _table(block, st)


def _heading(h: Heading, st: _State) -> None:
    st.holes += placeholders_in(h.text)
    first = st.title is None
    if h.level == 1 and first:
        st.title = h.text.strip()
    while st.headings and st.headings[-1].level >= h.level:
        st.headings.pop()
    st.headings.append(h)
    st.label = None
    if st.scope is not None:
        if st.scope.level == 0 or h.level <= st.scope.level:
            st.scope = None
        else:
            st.scope.fresh = False
    if st.blocker_level is not None and (st.blocker_level == 99 or h.level <= st.blocker_level):
        st.blocker_level = None
    if st.adjust_level is not None and (st.adjust_level == 99 or h.level <= st.adjust_level):
        st.adjust_level = None
    if is_blockers_title(h.text):
        st.blocker_level = h.level
    elif is_adjustments_title(h.text):
        st.adjust_level = h.level
    if h.level == 1 and first:
        return
    decl = parse_phase(h.text)
    if decl is not None:
        outer = st.headings[:-1]
        if any(_not_phase_container(st, o) for o in outer):
            return
        b = _register(st, decl, h.line, primary=True)
        if b is None:
            # A second "Phase 1" (a rollout plan, a summary): its siblings are not phases either.
            if outer:
                st.not_containers.add(outer[-1].line)
            return
        st.scope = _Scope(b.key, h.level, _label_for(decl))


def _paragraph(p: Paragraph, st: _State) -> None:
    st.holes += placeholders_in(p.text)
    if p.item is not None:
        return  # a later paragraph of a list item: details, not structure
    decl = parse_bold_phase(p.text)
    if decl is not None and st.scope is not None and decl.key.startswith(st.scope.key + "."):
        # "**Phase 6.1: ...**" inside Phase 6: a part of the phase, read as a section label.
        st.label = f"{_label_for(decl)}: {decl.name}" if decl.name else _label_for(decl)
        return
    if decl is not None:
        outer = st.headings
        if any(_not_phase_container(st, o) for o in outer):
            decl = None
    if decl is not None:
        b = _register(st, decl, p.line, primary=True)
        if b is not None:
            st.scope = _Scope(b.key, 0, _label_for(decl))
            st.label = None
        else:
            st.scope = None
            if st.headings:
                st.not_containers.add(st.headings[-1].line)
        return
    label = label_of(p.text)
    if label is not None:
        ref = phase_reference(label)
        known = ref is not None and ref in st.phases and st.phases[ref].primary
        if ref is not None and known and (st.scope is None or st.scope.key != ref):
            # "**Milestone 1 Verification**:" - the items that follow belong to milestone 1.
            st.scope = _Scope(ref, 0, _label_for(st.phases[ref].decl), fresh=False)
        st.label = label
        if st.blocker_level == 99:
            st.blocker_level = None
        if st.adjust_level == 99:
            st.adjust_level = None
        if is_blockers_title(label):
            st.blocker_level = 99
        elif is_adjustments_title(label):
            st.adjust_level = 99
    for key, value in key_values(p.text):
        _field(key, value, p.line, st)


def _field(key: str, value: str, line: int, st: _State) -> None:
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
            if status is Status.DONE and b.end is None and (d := first_date(value)):
                b.end, b.dated = d, True
        elif st.plan_status_text is None and not st.phases:
            st.plan_status_text = value
            st.plan_status = status
    elif key == "current estimated completion" or key == "estimated completion":
        current, was = estimated_completion(value)
        st.estimate = st.estimate or current
        st.estimate_was = st.estimate_was or was
    elif st.scope is not None and key in ("target date", "due", "due date", "deadline", "end date"):
        b = st.phases[st.scope.key]
        if b.end is None and (d := _revised(value, b)):
            b.end, b.dated = d, True
    elif st.scope is not None and key in ("start date", "started"):
        b = st.phases[st.scope.key]
        if b.start is None and (d := first_date(value)):
            b.start, b.dated = d, True
    elif st.scope is None and not st.phases:
        st.plan_fields.setdefault(key, value)


def _revised(value: str, b: _PhaseB) -> date | None:
    m = re.search(r"~~([^~]+)~~(.*)", value)
    if m:
        old, new = first_date(m.group(1)), first_date(m.group(2))
        if old and new:
            b.original_end = b.original_end or old
            return new
    found = find_dates(value)
    return found[-1].value if found else None


def _item_phase(li: ListItem, st: _State) -> str | None:
    parent = li.task_parent
    while parent is not None:
        if parent.line in st.item_phase:
            return st.item_phase[parent.line]
        parent = parent.task_parent
    return st.scope.key if st.scope is not None else None


def _list_item(li: ListItem, st: _State) -> None:
    st.holes += placeholders_in(li.text)
    text = li.rest
    if st.scope is not None:
        st.scope.fresh = False
    if li.mark is not None:
        phase = _item_phase(li, st)
        if li.depth == 0 or li.task_parent is None:
            decl = parse_phase(text, strict_colon=True)
            if decl is not None:
                status = {" ": Status.NOT_STARTED}.get(li.mark) or MARK_STATES[li.mark].value
                decl = replace(decl, status=Status(status))
                b = _register(st, decl, li.line, primary=False)
                if b is not None:
                    b.declared, b.declared_from = Status(status), "checkbox"
                    phase = b.key
        st.item_phase[li.line] = phase
        parent = li.task_parent
        st.items.append(
            Item(
                line=li.line,
                column=li.column,
                state=MARK_STATES[li.mark],
                mark=li.mark,
                text=text,
                depth=li.depth,
                phase=phase,
                section=_section(st),
                parent=parent.line if parent is not None else None,
            )
        )
        if (
            st.blocker_level is None
            and li.mark == " "
            and _may_be_blocked(text)
            and _BLOCKED_ITEM.search(text)
            and not is_placeholder(text)
        ):
            st.blockers.append(Blocker(text=clean(text), line=li.line, phase=phase))
    elif li.depth == 0 and st.scope is None:
        decl = parse_phase(li.text, strict_colon=True)
        # An overview line creates a phase only when it states a status ("1. ✅ **Phase 1:
        # Research** - COMPLETE"); a bare mention only adds to a phase declared elsewhere.
        if decl is not None and (decl.status is not None or decl.key in st.phases):
            _register(st, decl, li.line, primary=False)
    if st.blocker_level is not None:
        _blocker_entry(li, st)
    elif st.adjust_level is not None and li.parent is None:
        _adjustment(li, st, strict=False)
    elif li.parent is None and "impact" in text.lower():
        _adjustment(li, st, strict=True)


def _blocker_entry(li: ListItem, st: _State) -> None:
    parent = li.parent
    if parent is not None and parent.line in st.blocker_entries:
        f = field_of(li.rest or li.text)
        index = st.blocker_entries[parent.line]
        if f is None or is_placeholder(f[1]) or not f[1]:
            return
        key, value = f
        b = st.blockers[index]
        if key.startswith("impact") or key in ("blocks", "affects"):
            st.blockers[index] = replace(b, impact=clean(value))
        elif key in ("owner", "assignee", "who", "responsible"):
            st.blockers[index] = replace(b, owner=clean(value))
        elif key in ("eta", "due", "expected", "resolution date", "target", "target date", "when"):
            st.blockers[index] = replace(b, eta_text=clean(value), eta=first_date(value))
        elif key in ("status", "state") and status_of(value) is Status.DONE:
            st.blockers[index] = replace(b, resolved=True)
        return
    if parent is not None:
        return
    text = li.rest or li.text.split("\n", 1)[0]
    if not text.strip() or is_nothing(text):
        return
    if is_placeholder(text):
        return
    resolved = li.mark in ("x", "X") or text.strip().startswith("~~")
    st.blocker_entries[li.line] = len(st.blockers)
    st.blockers.append(
        Blocker(
            text=clean(text.replace("~~", "")).strip(),
            line=li.line,
            resolved=resolved,
            phase=st.scope.key if st.scope else None,
        )
    )


def _adjustment(li: ListItem, st: _State, *, strict: bool) -> None:
    adj = parse_adjustment(li.rest or li.text, strict=strict)
    if adj is None:
        return
    st.adjustments.append(
        Adjustment(
            line=li.line,
            change=clean(adj.change),
            date=adj.date,
            reason=clean(adj.reason) if adj.reason else None,
            impact_days=adj.impact_days,
        )
    )


def _table(t: Table, st: _State) -> None:
    phase = st.scope.key if st.scope else None
    if is_task_table(t):
        tasks, holes = tasks_of(t, phase)
        st.tasks.extend(tasks)
        st.holes += holes
        return
    found = status_rows_of(t)
    if found is None:
        st.holes += sum(placeholders_in(c) for _, row in t.rows for c in row)
        st.holes += sum(placeholders_in(c) for c in t.header)
        if st.blocker_level is not None:
            _blocker_table(t, st)
        return
    rows, summary, holes = found
    st.holes += holes
    st.status_rows.extend(rows)
    for s in summary:
        st.summary_spans.setdefault(s.phase, s.span)
    for row in rows:
        if row.status is Status.BLOCKED:
            text = row.label + (f" — {row.notes}" if row.notes else "")
            st.blockers.append(Blocker(text=clean(text), line=row.line, phase=row.phase))


def _blocker_table(t: Table, st: _State) -> None:
    header = [h.lower().replace("*", "").strip() for h in t.header]

    def col(*names: str) -> int | None:
        for n in names:
            for i, h in enumerate(header):
                if h.startswith(n):
                    return i
        return None

    ctext = col("blocker", "issue", "description", "item", "what")
    ctext = 0 if ctext is None else ctext
    cimpact, cowner, ceta, cstatus = (
        col("impact"),
        col("owner", "who"),
        col("eta", "due"),
        col("status"),
    )
    for line, row in t.rows:

        def cell(i: int | None, row: list[str] = row) -> str:
            return row[i].strip() if i is not None and i < len(row) else ""

        text = cell(ctext)
        if not text or is_placeholder(text) or is_nothing(text):
            continue
        eta = cell(ceta)
        st.blockers.append(
            Blocker(
                text=clean(text),
                line=line,
                impact=clean(cell(cimpact)) or None,
                owner=clean(cell(cowner)) or None,
                eta=first_date(eta) if eta else None,
                eta_text=clean(eta) or None,
                resolved=status_of(cell(cstatus)) is Status.DONE,
            )
        )


# --------------------------------------------------------------------------- assembly


def _derived(progress: Progress) -> Status:
    if progress.total == 0:
        return Status.UNKNOWN
    if progress.done == progress.total:
        return Status.DONE
    if progress.done or progress.in_progress:
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def _anchor(meta: dict[str, Any], st: _State) -> date | None:
    created = fm.as_date(meta.get("created") or meta.get("created_date") or meta.get("date"))
    if created:
        return created
    for key in ("date", "start date", "started", "created", "kickoff"):
        value = st.plan_fields.get(key)
        if value and (d := first_date(value)):
            return d
    timeline = st.plan_fields.get("timeline")
    if timeline:
        rng = date_range(timeline)
        if rng:
            return rng[0]
        if d := first_date(timeline):
            return d
    return None


def _assemble(
    path: str,
    group: str,
    text: str,
    doc: Document,
    meta: dict[str, Any],
    st: _State,
    data: bytes,
) -> Plan:
    warnings = st.warnings
    items = tuple(st.items)
    progress = Progress.of(items)

    # Status table rows fill in phases (and create phases the headings did not declare).
    for row in st.status_rows:
        if row.phase is None:
            continue
        b = st.phases.get(row.phase)
        if b is None:
            decl = parse_phase(row.label) or parse_phase("phase " + row.label.strip("* "))
            if decl is None:
                continue
            b = _PhaseB(key=row.phase, decl=decl, line=row.line, primary=False)
            st.phases[row.phase] = b
            st.order.append(row.phase)
        if row.status is not Status.UNKNOWN:
            if b.declared is None:
                b.declared, b.declared_from = row.status, "status table"
            elif b.declared is not row.status:
                warnings.append(
                    Warning(
                        "contradiction",
                        f"{_label_for(b.decl)} is {row.status.words} in the status table "
                        f"(line {row.line}) but {b.declared.words} by its {b.declared_from}",
                        row.line,
                    )
                )
        if row.start and b.start is None:
            b.start, b.dated = row.start, True
        if row.end and b.end is None:
            b.end, b.dated = row.end, True
        if row.original_end and b.original_end is None:
            b.original_end = row.original_end
    for key, span in st.summary_spans.items():
        if key in st.phases and st.phases[key].span is None:
            st.phases[key].span = span

    by_phase: dict[str | None, list[Item]] = {}
    for item in items:
        by_phase.setdefault(item.phase, []).append(item)

    # Dates: an anchor for relative spans, then each phase's start and end.
    anchor = _anchor(meta, st)
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
    for key in st.order:
        b = st.phases[key]
        phase_items = by_phase.get(key, [])
        pprog = Progress.of(phase_items)
        derived = _derived(pprog)
        status = b.declared if b.declared is not None else derived
        if b.declared is Status.DONE and pprog.open + pprog.in_progress > 0:
            warnings.append(
                Warning(
                    "contradiction",
                    f"{_label_for(b.decl)} says complete but {pprog.open + pprog.in_progress} "
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
                name=clean(name),
                line=b.line,
                kind=b.decl.kind,
                status=status,
                declared_status=b.declared,
                progress=pprog,
                span=clean(b.span.text) if b.span else None,
                start=start,
                end=end,
                original_end=b.original_end,
                milestone=b.decl.milestone,
                relative=relative,
                dated=b.dated,
            )
        )
        if status is Status.BLOCKED and not any(x.phase == key for x in st.blockers):
            st.blockers.append(
                Blocker(
                    text=clean(f"{_label_for(b.decl)}: {name} is blocked"), line=b.line, phase=key
                )
            )

    # Frontmatter and the plan's own status.
    title_raw = fm.as_text(meta.get("title")) or st.title or PurePosixPath(path).name
    title = clean(title_raw.replace("**", ""))
    status_value = fm.as_text(meta.get("status")) or fm.as_text(meta.get("lifecycle"))
    if isinstance(meta.get("status"), list) or (status_value and "|" in status_value):
        status_value = None  # "[draft | active | completed]": a template's menu, not a value
    if status_value is None and st.plan_status_text:
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
    if declared is not None:
        status = declared
    else:
        status = _derived(progress)
        if not items and phases:
            statuses = {p.status for p in phases}
            if statuses == {Status.DONE}:
                status = Status.DONE
            elif Status.DONE in statuses or Status.IN_PROGRESS in statuses:
                status = Status.IN_PROGRESS
            elif statuses == {Status.BLOCKED} or (
                Status.BLOCKED in statuses and Status.IN_PROGRESS not in statuses
            ):
                status = Status.BLOCKED
            elif (
                statuses <= {Status.NOT_STARTED, Status.UNKNOWN} and Status.NOT_STARTED in statuses
            ):
                status = Status.NOT_STARTED
    if declared is Status.DONE and progress.open + progress.in_progress:
        warnings.append(
            Warning(
                "contradiction",
                f"plan says {status_value!s} but {progress.open + progress.in_progress} of "
                f"{progress.total} items are not done",
            )
        )
    finished_folder = next(
        (p for p in PurePosixPath(path).parts[:-1] if p.lower() in _FINISHED_FOLDERS), None
    )
    if finished_folder and progress.open + progress.in_progress:
        warnings.append(
            Warning(
                "contradiction",
                f"in a {finished_folder}/ folder but "
                f"{progress.open + progress.in_progress} of {progress.total} items are open",
            )
        )
    for row in st.status_rows:
        if row.progress is None or row.phase is None:
            continue
        ph = next((p for p in phases if p.id == row.phase), None)
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
    plan_start = min(starts) if starts else (trange[0] if trange else None)
    plan_end = max(ends) if ends else (trange[1] if trange else None)
    originals = [p.original_end for p in phases if p.original_end]
    original_end = st.estimate_was or (max(originals) if originals else None)
    estimate = st.estimate
    impact = sum(a.impact_days or 0 for a in st.adjustments)
    if estimate is None and impact and plan_end:
        original_end = original_end or plan_end
        estimate = plan_end + timedelta(days=round(impact))
    completed = fm.as_date(meta.get("completed_date") or meta.get("completed"))
    if completed and plan_end is None:
        plan_end = completed

    placeholders = st.holes
    template = looks_like_template(path, title_raw, placeholders, text)
    if template:
        warnings.append(
            Warning("template", f"template: {placeholders} placeholders; not counted in progress")
        )
    elif placeholders:
        warnings.append(
            Warning("placeholder", f"{placeholders} template placeholders left in the plan")
        )
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
        declared_status=clean(status_value) if status_value else None,
        owner=clean(owner) if owner else None,
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
