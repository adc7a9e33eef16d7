"""The checklist tree's nodes: what each stands for, its label, and how a plan's nodes are
added to the tree's parallel lists (children follow parents). The widget that draws them and
answers keys is `checklist.ChecklistTree`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from rich.text import Text

from goaldash.model import Blocker, Item, ItemState, Phase, Plan, Status
from goaldash.report.style import bar
from goaldash.schedule import blocker_overdue, phase_late
from goaldash.ui.cells import DIM, one_line, phase_label, status_text, warning_row


@dataclass(frozen=True, slots=True)
class Node:
    """What a tree node stands for."""

    kind: str
    """"phase", "section", "item", "blockers", "blocker", "warnings" or "warning"."""
    line: int | None
    key: str
    """Stable across reloads: the cursor and the folding follow it."""
    item: Item | None = None


MARK_GLYPH = {
    ItemState.DONE: ("☑", "green"),
    ItemState.IN_PROGRESS: ("◐", "yellow"),
    ItemState.OPEN: ("☐", ""),
}


def item_label(state: ItemState, text: str) -> Text:
    """A checklist item in the tree."""
    glyph, colour = MARK_GLYPH[state]
    t = Text.assemble((glyph + " ", colour))
    t.append(one_line(text) or "(empty)", style=DIM if state is ItemState.DONE else "")
    return t


def phase_node_label(ph: Phase, today: date) -> Text:
    """A phase in the tree: its name, a bar, counts and status."""
    label = Text.assemble((phase_label(ph), "bold"))
    label.append("  ")
    label.append_text(bar(ph.progress, 10))
    label.append(f" {ph.progress.done}/{ph.progress.total} ", style="bright_black")
    late = phase_late(ph, today)
    label.append_text(status_text(ph.status, late))
    return label


def blocker_line(b: Blocker, today: date) -> Text:
    """A blocker on one line: text, then owner and ETA."""
    overdue = blocker_overdue(b, today)
    t = Text.assemble(("✓ ", "green") if b.resolved else ("● ", "bold red"))
    t.append(one_line(b.text), style=DIM if b.resolved else "bold")
    if b.owner:
        t.append(f"  owner {one_line(b.owner)}", style=DIM)
    if b.eta or b.eta_text:
        eta = b.eta.isoformat() if b.eta else one_line(b.eta_text or "")
        t.append(f"  ETA {eta}" + (" overdue" if overdue else ""), style="red" if overdue else DIM)
    t.append(f"  :{b.line}", style=DIM)
    return t


def shape(plan: Plan) -> tuple[object, ...]:
    """Everything the tree's structure depends on (not the marks)."""
    return (
        tuple((i.line, i.text, i.section, i.parent, i.phase, i.depth) for i in plan.items),
        tuple((p.id, p.line) for p in plan.phases),
        plan.blockers,
        plan.warnings,
    )


BATCH = 200
"""Items added between two looks at the clock while a big plan is shown."""


@dataclass(slots=True)
class Cursor:
    """What the cursor is on, as `Tree.cursor_node` gave it (`.data`)."""

    data: Node


class TreeNodes:
    """The tree's nodes as parallel lists indexed by node number, and the adding of a plan's
    nodes to them (`ChecklistTree` holds the lists; this is how they are filled)."""

    _expanded: dict[str, bool]
    _data: list[Node]
    _labels: list[Text | None]
    _depth: list[int]
    _kids: list[list[int]]
    _open: list[bool]
    _roots: list[int]

    def _build(self, plan: Plan, today: date) -> Iterator[None]:
        """Add the plan's nodes, yielding every `BATCH` items (a turn of the event loop)."""
        seen: dict[str, int] = {}

        def keyed(key: str) -> str:
            # Keys name what a node is, not where: lines move when a line is added above.
            n = seen[key] = seen.get(key, 0) + 1
            return f"{key}\0{n}"

        phase_nodes: dict[str, int] = {}
        for ph in plan.phases:
            node = Node("phase", ph.line, keyed(f"phase\0{ph.id}"))
            phase_nodes[ph.id] = self._add(
                None, phase_node_label(ph, today), node, ph.status is not Status.DONE
            )
        sections: dict[tuple[str, str], int] = {}
        by_line: dict[int, int] = {}
        for n, item in enumerate(plan.items, 1):
            parent = by_line.get(item.parent) if item.parent is not None else None
            if parent is None:
                parent = self._section_node(item, phase_nodes, sections)
            node = Node("item", item.line, keyed(f"item\0{item.phase}\0{item.text}"), item)
            by_line[item.line] = self._add(parent, None, node, True)
            if n % BATCH == 0:
                yield
        if plan.blockers:
            head = Text.assemble((f"Blockers ({len(plan.open_blockers)} open)", "bold red"))
            at = self._add(None, head, Node("blockers", None, "blockers"), True)
            for b in plan.blockers:
                node = Node("blocker", b.line, keyed(f"blocker\0{b.text}"))
                self._add(at, blocker_line(b, today), node, False)
        if plan.warnings:
            head = Text.assemble((f"Warnings ({len(plan.warnings)})", "bold yellow"))
            at = self._add(None, head, Node("warnings", None, "warnings"), False)
            for i, w in enumerate(plan.warnings):
                self._add(at, warning_row(plan, w), Node("warning", w.line, f"warning:{i}"), False)

    def _add(self, parent: int | None, label: Text | None, data: Node, expand: bool) -> int:
        i = len(self._data)
        self._data.append(data)
        self._labels.append(label)
        self._kids.append([])
        self._open.append(self._expanded.get(data.key, expand))
        if parent is None:
            self._depth.append(0)
            self._roots.append(i)
        else:
            self._depth.append(self._depth[parent] + 1)
            self._kids[parent].append(i)
        return i

    def _section_node(
        self, item: Item, phase_nodes: dict[str, int], sections: dict[tuple[str, str], int]
    ) -> int | None:
        parts = item.section.split(" › ") if item.section else []
        top = phase_nodes.get(item.phase) if item.phase is not None else None
        rest = " › ".join(parts[1:]) if top is not None else item.section or "Checklist"
        if not rest:
            return top
        key = (item.phase or "", rest)
        if key not in sections:
            sections[key] = self._add(
                top,
                Text.assemble((one_line(rest), "italic")),
                Node("section", None, f"section:{key[0]}:{rest}"),
                True,
            )
        return sections[key]

    def _remember_folding(self) -> None:
        for i, node in enumerate(self._data):
            if self._kids[i]:
                self._expanded[node.key] = self._open[i]
