"""Bytes of one plan file -> Plan. The heart of the engine; it never raises."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import goaldash.parse.frontmatter as fm
from goaldash.collector import collector_paused
from goaldash.model import MARK_STATES, Blocker, Plan, Status, Warning
from goaldash.parse import fastblocks
from goaldash.parse.assemble import assemble
from goaldash.parse.basics import unread_plan
from goaldash.parse.blocks import Block, Heading, ListItem, Paragraph, Table, walk_markdown_it
from goaldash.parse.dates import read_dates_of
from goaldash.parse.document import ItemRun, unread_message
from goaldash.parse.encoding import decode, is_binary
from goaldash.parse.events import followed, take_event
from goaldash.parse.itemruns import plain, plain_items, run_items, take_run
from goaldash.parse.items import make_item
from goaldash.parse.levels import outline
from goaldash.parse.phases import (
    annotation_status,
    label_of,
    may_declare,
    parse_bold_phase,
    parse_phase,
    phase_reference,
)
from goaldash.parse.placeholders import is_placeholder, placeholders_in
from goaldash.parse.records import adjustment, blocker_entry, field, table
from goaldash.parse.register import (
    another_series,
    not_phase_container,
    part_of,
    register,
    repeated,
)
from goaldash.parse.sections import (
    date_fields,
    flags_blocked,
    is_adjustments_title,
    is_blockers_title,
    key_values,
    status_line,
)
from goaldash.parse.state import Scope, State, label_for
from goaldash.parse.status import BLOCKED_OPENERS, heading_status
from goaldash.text import clean_plain

__all__ = ["decode", "parse_plan"]

_MARKS = re.compile(r"^[^\w~]+")


def parse_plan(path: str, data: bytes, *, group: str = "") -> Plan:
    """Read one plan. `path` is relative to the root (POSIX). Never raises.

    The result depends on the bytes alone (and the path and group), which is what the parse
    cache stores: the warnings of the day and of the other plans are `goaldash.checks`'.
    """
    try:
        with collector_paused():
            plan = _parse(path, data, group)
    except RecursionError:
        problem = "too deeply nested to read"
    except Exception as exc:  # a parser bug must not take the dashboard down with it
        problem = f"could not be parsed ({type(exc).__name__}: {clean_plain(str(exc))[:200]})"
    else:
        return plan
    return unread_plan(path, group, "parse-error", problem, data)


def _parse(path: str, data: bytes, group: str) -> Plan:
    if is_binary(data):
        message = "looks like a binary file, not markdown: not read"
        return unread_plan(path, group, "binary", message, data)
    text, warnings = decode(data)
    read_dates_of(text)  # how its 04/03/2026 reads: day or month first
    # The blocks are read as the walk makes them, a batch at a time, so that a big file's
    # blocks are never all kept at once; a walk that declines (after handing some over,
    # perhaps) leaves the text to markdown-it, whose blocks are read afresh.
    shape = outline(text)  # phases by their ids alone
    st = State(warnings=list(warnings), outline=shape)
    doc = fastblocks.scan(text, lambda batch: _read_blocks(batch, st))
    if doc is None:
        st = State(warnings=list(warnings), outline=shape)
        doc = walk_markdown_it(text)
        blocks: list[Block | ItemRun] = [*doc.blocks]
        doc.blocks = []
        _read_blocks(blocks, st)
    # Before the warnings of the blocks (none come while they are read; assembly adds them).
    first_warnings = [  # nothing is left out silently
        Warning("parse-error", unread_message(doc, first, last), first)
        for first, last in doc.unread
    ]
    meta: dict[str, Any] = {}
    if doc.frontmatter is not None:
        meta, problem = fm.load(doc.frontmatter)
        if problem:
            first_warnings.append(Warning("frontmatter", problem, 1))
        st.holes += placeholders_in(doc.frontmatter)
    st.warnings[len(warnings) : len(warnings)] = first_warnings
    doc.lines = []
    return assemble(path, group, text, meta, st, data)


# --------------------------------------------------------------------------- block walk


def _section(st: State) -> str:
    """The item's section ("Phase 1 › Exit gate"): the same for every item until a heading or
    a paragraph changes the scope, the headings or the label (both mark it stale), so it is
    worked out once for all of them."""
    if st.section_stale:
        st.section_text, st.section_stale = _section_text(st), False
    return st.section_text


def _section_text(st: State) -> str:
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
    return " › ".join(clean_plain(p).replace("**", "").strip() for p in parts if p.strip())


def _read_blocks(blocks: list[Block | ItemRun], st: State) -> None:
    """Read `blocks` (the next ones of the file), emptying the list as they are: each block is
    let go once read, so the items of a big flat list are freed as their `Item`s are made."""
    blocks.reverse()
    while blocks:
        block = blocks.pop()
        if st.pending_event is not None and type(block) is not Heading:
            followed(st)  # "**Review on 2024-03-12**", then its outcome
        if type(block) is ItemRun:  # the most common first: a run of plain items
            _plain_run(block, st)
        elif type(block) is ListItem:
            if plain(block) and st.blocker_level is None and st.adjust_level is None:
                _item_run(block, blocks, st)
            else:
                _list_item(block, st)
        elif type(block) is Heading:
            _heading(block, st)
        elif type(block) is Paragraph:
            _paragraph(block, st)
        elif type(block) is Table:
            table(block, st)


def _plain_run(run: ItemRun, st: State) -> None:
    """A run of plain items by column: made in bulk when none needs a closer look (nor opens
    a phase, as `_item_run` asks), else read one by one as the `ListItem`s they stand for."""
    if (
        st.blocker_level is None
        and st.adjust_level is None
        and st.outline.items.keys().isdisjoint(run.lines)
    ):
        scope = st.scope
        items = run_items(run, scope.key if scope else None, _section(st))
        if items is not None:
            if scope is not None:
                scope.fresh = False
            st.items.extend(items)
            return
    for li in run.list_items():
        _list_item(li, st)


def _item_run(first: ListItem, blocks: list[Block | ItemRun], st: State) -> None:
    """`first` and the plain items after it: made in bulk when none needs a closer look."""
    run = take_run(first, blocks)
    scope = st.scope
    items = plain_items(run, scope.key if scope else None, _section(st)) if run[1:] else None
    if items is not None and st.outline.items and any(li.line in st.outline.items for li in run):
        items = None  # a phase opens in the run: its items are read one by one
    if items is None:
        for li in run:
            _list_item(li, st)
        return
    if scope is not None:
        scope.fresh = False
    st.items.extend(items)


def _heading(h: Heading, st: State) -> None:
    st.section_stale = True
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
    if decl is None and st.scope is None:
        decl = st.outline.headings.get(h.line)  # "## M1 - Name" beside "## M2 - Name"
    if decl is not None:
        outer = st.headings[:-1]
        if any(not_phase_container(st, o) for o in outer):
            return
        scope = st.scope
        if scope is not None and scope.level:
            inside = st.phases[scope.key]
            if decl.key == scope.key or part_of(decl, inside.decl):
                # "### Phase 6 Overview" in "## Phase 6", "#### Etapa 0.1" in "### Fase 0": a
                # section of the phase, a step of it.
                return
        if scope is None and another_series(st, decl, h.level):
            return  # "#### M1" under "## 8. Milestones" after "## 3. Phase 1": checkpoints
        parent = outer[-1].line if outer else 0
        b = register(st, decl, h.line, primary=True, origin="heading")
        st.heading_phases = True
        if b is None:
            repeated(st, decl, h, parent, outer)
            return
        if b.origin == "heading" and b.line == h.line:
            b.level, b.parent = h.level, parent
            if scope is None and outer:
                # "## ✅ Phase 0-5: Completed" over "### Phase 0": what the group says.
                b.group = _group_status(outer[-1].text)
        if scope is not None and scope.level and b.key != scope.key:
            st.phases[scope.key].holds_phases = True  # "# Milestone v3" over "## Phase 12"
        st.scope = Scope(b.key, h.level, label_for(decl))


def _group_status(text: str) -> Status | None:
    """The status a group's heading states: "✅ Phase 0-5: 完了", "Completed phases", "🚧 En
    curso". A mark alone states one only when it is the done mark: "📋 Tasks by Priority" is
    a title with an icon, not a to-do list."""
    status = annotation_status(text)
    if status is None or status is Status.DONE:
        return status
    return annotation_status(_MARKS.sub("", text))


def _paragraph(p: Paragraph, st: State) -> None:
    st.section_stale = True
    st.holes += placeholders_in(p.text)
    if p.item is not None:
        return  # a later paragraph of a list item: details, not structure
    decl = parse_bold_phase(p.text) or st.outline.paragraphs.get(p.line)
    if decl is not None and st.scope is not None and decl.key.startswith(st.scope.key + "."):
        # "**Phase 6.1: ...**" inside Phase 6: a part of the phase, read as a section label.
        st.label = f"{label_for(decl)}: {decl.name}" if decl.name else label_for(decl)
        return
    if decl is not None:
        outer = st.headings
        if any(not_phase_container(st, o) for o in outer):
            decl = None
        elif st.scope is None and st.heading_phases:
            # "**Phase 4: Next** (Future)" under "## Next Steps", in a plan whose phases are
            # its headings: a mention in prose, not a stage of another level.
            decl = None
    if decl is not None:
        b = register(st, decl, p.line, primary=True, origin="bold")
        if b is not None:
            st.scope = Scope(b.key, 0, label_for(decl))
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
            st.scope = Scope(ref, 0, label_for(st.phases[ref].decl), fresh=False)
        st.label = label
        if st.blocker_level == 99:
            st.blocker_level = None
        if st.adjust_level == 99:
            st.adjust_level = None
        if is_blockers_title(label):
            st.blocker_level = 99
        elif is_adjustments_title(label):
            st.adjust_level = 99
    take_event(p.text, st)  # "**Milestone review on 2024-03-12**" under a milestone
    said = status_line(p.text)  # "**Status:** ✅ Complete", "**ステータス**: 完了"
    if said is None and st.scope is not None and "\n" not in p.text and _says_blocked(p.text):
        said = p.text  # a line of its own saying its phase is blocked: "⚠️ Blocked by #123"
    if said is not None:
        field("status", said, st)
    for key, value in key_values(p.text):
        if key != "status" or said is None:
            field(key, value, st)
    for key, value in date_fields(p.text):  # "Due: 2026-03-10", "📅 Due 2026-07-01"
        field(key, value, st)


def _says_blocked(line: str) -> bool:
    """Does `line` open by saying it is blocked ("Blocked by the vendor", "⚠️ Blocked by
    #123")? Most lines open with a word, read by one anchored match; marks first, as a
    heading's note is read."""
    lead = line.lstrip(" \t*_`>")
    if lead and not lead[0].isalnum():
        return annotation_status(line) is Status.BLOCKED
    first = _FIRST_WORD.match(lead)
    if first is not None and first.group().casefold() not in BLOCKED_OPENERS and lead.isascii():
        return False  # most lines: no blocked status opens with their first word
    return heading_status(line) is Status.BLOCKED


_FIRST_WORD = re.compile(r"[^\W_]+")


def _item_phase(parent: ListItem | None, st: State) -> str | None:
    """The phase of an item nested in `parent`: that of the nearest enclosing item that has
    one (a task-list item's, or a stage's own bullet, "- **Phase 2: Build**"), else the
    section's."""
    while parent is not None:
        if parent.line in st.item_phase:
            return st.item_phase[parent.line]
        parent = parent.parent
    return st.scope.key if st.scope is not None else None


def _list_item(li: ListItem, st: State) -> None:
    # This runs once per item, a million times on a big file: each step costs what it must.
    mark = li.mark
    # No placeholder without a bracket or a date token (a checkbox's bracket aside).
    if "YYYY" in li.text or li.text.count("[") > (mark is not None):
        st.holes += placeholders_in(li.text)
    text = li.rest
    scope = st.scope
    if mark is None and li.parent is None and (scope is None or scope.fresh):
        # "- Status: Completed": a bullet of the phase's own (or the plan's, above the phases)
        # says its status; the bullets before it ("- PR0003-PR0007") leave that place open.
        said = status_line(li.text)
        if said is not None:
            field("status", said, st)
        if st.blocker_level is None and st.adjust_level is None:
            for key, value in date_fields(li.text):  # "- **End:** 2026-06-01"
                field(key, value, st)
    elif scope is not None:
        scope.fresh = False
    if mark is not None:
        if li.parent is None:
            task_parent = None
            phase = scope.key if scope is not None else None
        else:
            task_parent = li.task_parent
            phase = _item_phase(li.parent, st)
        if li.parent is None and li.line in st.outline.items:
            phase = _listed_phase(li, st)
        elif (li.depth == 0 or task_parent is None) and may_declare(text):
            decl = parse_phase(text, strict_colon=True)
            if decl is not None:
                # A stage's box ticked says it is done (or under way: "[-]"); left open, only
                # that it is not done: its tasks or a status table say whether it began.
                status = None if mark == " " else Status(MARK_STATES[mark].value)
                decl = replace(decl, status=status or decl.status)
                b = register(st, decl, li.line, primary=False)
                if b is not None:
                    if status is not None:
                        b.declared, b.declared_from = status, "checkbox"
                    else:
                        st.unticked.setdefault(b.key, li.line)
                    phase = b.key
        if li.children > 1:
            # Items nested in this one look its phase up. (An item with a mark opened with a
            # paragraph; anything nested in it is a further child.)
            st.item_phase[li.line] = phase
        st.items.append(
            make_item(
                li.line,
                li.column,
                MARK_STATES[mark],
                mark,
                text,
                li.depth,
                phase,
                st.section_text if not st.section_stale else _section(st),
                task_parent.line if task_parent is not None else None,
            )
        )
        if (
            mark == " "
            and st.blocker_level is None
            and ("locked" in text or "LOCKED" in text or "⛔" in text or "🚫" in text)
            and flags_blocked(text)
            and not is_placeholder(text)
        ):
            st.blockers.append(Blocker(text=clean_plain(text), line=li.line, phase=phase))
    elif li.depth == 0 and scope is None:
        decl = parse_phase(li.text, strict_colon=True)
        # An overview line creates a phase only when it states a status ("1. ✅ **Phase 1:
        # Research** - COMPLETE"); a bare mention only adds to a phase declared elsewhere.
        # After the heading phases have begun, a line naming another phase ("- Phase 1.5:
        # Done" under "### In two weeks") is a remark, not a stage.
        # A line with more nested under it ("- **Phase 2: Build**" over its tasks) is the
        # stage's own, status or not: what is nested is its work.
        known = decl is not None and decl.key in st.phases
        stage = decl is not None and li.children > 1 and not st.heading_phases
        if decl is not None and (
            known or stage or (decl.status is not None and not st.heading_phases)
        ):
            b = register(st, decl, li.line, primary=False, origin="overview")
            if stage and b is not None:
                st.item_phase[li.line] = b.key
    if st.blocker_level is not None:
        blocker_entry(li, st)
    elif st.adjust_level is not None and li.parent is None:
        adjustment(li, st, strict=False)
    elif li.parent is None and "impact" in text.lower():
        adjustment(li, st, strict=True)


def _listed_phase(li: ListItem, st: State) -> str | None:
    """A top-level task item that opens a phase by its id (`levels.outline`): Kiro's
    `- [ ] 3. Name`, GSD's `- [x] **S01: Name**`. The items after it, up to the next such
    item or heading, are its items; a ticked box (or one in progress) is its status."""
    scope = st.scope
    if scope is not None and scope.level > 0:
        return scope.key  # inside a heading's phase: a task of it
    decl = st.outline.items[li.line]
    b = register(st, decl, li.line, primary=False)
    if b is None:
        return None
    mark = li.mark or " "
    if mark != " " and b.declared is None:
        b.declared, b.declared_from = Status(MARK_STATES[mark].value), "checkbox"
    st.scope = Scope(b.key, 0, label_for(b.decl), fresh=False)
    st.section_stale = True
    return b.key
