"""A plan as a tree: its phases, their sections and checklist items, then its blockers and
warnings. Redrawn from each new copy of the plan, the cursor and the folding stay on the same
nodes; a tick (only marks changed) relabels the nodes it changed and touches nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from goaldash.model import Blocker, Item, ItemState, Phase, Plan
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


def _shape(plan: Plan) -> tuple[object, ...]:
    """Everything the tree's structure depends on (not the marks)."""
    return (
        tuple((i.line, i.text, i.section, i.parent, i.phase, i.depth) for i in plan.items),
        tuple((p.id, p.line) for p in plan.phases),
        plan.blockers,
        plan.warnings,
    )


def walk(node: TreeNode[object]) -> list[TreeNode[object]]:
    """Every node under `node`, in the order shown."""
    out: list[TreeNode[object]] = []
    stack = list(reversed(node.children))
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(n.children))
    return out


class ChecklistTree(Tree[object]):
    """The plan's checklist. `space` ticks instead of folding (enter folds)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "screen.tick", "Tick", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("checklist"), id=id)
        self.show_root = False
        self.auto_expand = True
        self._expanded: dict[str, bool] = {}
        self._plan: Plan | None = None
        self._pending: tuple[str | None, float] | None = None
        """The cursor's key and the scroll to put back once the tree is redrawn."""

    def selected(self) -> Node | None:
        """What the cursor is on."""
        node = self.cursor_node
        return node.data if node is not None and isinstance(node.data, Node) else None

    def show_plan(self, plan: Plan, today: date) -> None:
        """Show `plan`: the cursor stays on the same node, the folding as it was."""
        old = self._plan
        self._plan = plan
        if old is not None and _shape(old) == _shape(plan):
            self._relabel(old, plan, today)
            return
        cursor = self.cursor_node
        keep = cursor.data.key if cursor is not None and isinstance(cursor.data, Node) else None
        if self._pending is not None:
            # Redrawn again before the last redraw put the cursor back: it belongs there.
            keep, scroll_y = self._pending
        else:
            scroll_y = self.scroll_y
        self._pending = (keep, scroll_y)
        self._remember_folding(self.root)
        self.clear()
        # Keys name what a node is, not where: lines move when a line is added above them.
        seen: dict[str, int] = {}

        def keyed(*parts: object) -> str:
            key = "\0".join(map(str, parts))
            seen[key] = seen.get(key, 0) + 1
            return f"{key}\0{seen[key]}"

        phase_nodes: dict[str, TreeNode[object]] = {}
        for ph in plan.phases:
            phase_nodes[ph.id] = self._add(
                self.root,
                phase_node_label(ph, today),
                Node("phase", ph.line, keyed("phase", ph.id)),
                not ph.status.closed,
            )
        sections: dict[tuple[str, str], TreeNode[object]] = {}
        by_line: dict[int, TreeNode[object]] = {}
        for item in plan.items:
            parent = by_line.get(item.parent) if item.parent is not None else None
            if parent is None:
                parent = self._section_node(item, phase_nodes, sections)
            by_line[item.line] = self._add(
                parent,
                item_label(item.state, item.text),
                Node("item", item.line, keyed("item", item.phase, item.text), item),
                True,
            )
        if plan.blockers:
            head = self._add(
                self.root,
                Text.assemble((f"Blockers ({len(plan.open_blockers)} open)", "bold red")),
                Node("blockers", None, "blockers"),
                True,
            )
            for b in plan.blockers:
                node = Node("blocker", b.line, keyed("blocker", b.text))
                self._add(head, blocker_line(b, today), node, False)
        if plan.warnings:
            head = self._add(
                self.root,
                Text.assemble((f"Warnings ({len(plan.warnings)})", "bold yellow")),
                Node("warnings", None, "warnings"),
                False,
            )
            for i, w in enumerate(plan.warnings):
                node = Node("warning", w.line, f"warning:{i}")
                self._add(head, warning_row(plan, w), node, False)
        self.call_after_refresh(self._restore)

    def focus_line(self, line: int) -> None:
        """Put the cursor on the node at `line` (a blocker, an item, a phase), or the nearest."""
        best: TreeNode[object] | None = None
        best_line = 0
        for node in walk(self.root):
            data = node.data
            if isinstance(data, Node) and data.line is not None and best_line <= data.line <= line:
                best, best_line = node, data.line
        if best is None:
            return
        parent = best.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.focus()
        self.call_after_refresh(self.move_cursor, best)

    def _relabel(self, old: Plan, plan: Plan, today: date) -> None:
        """Only marks and counts changed (a tick): relabel those nodes, touch nothing else."""
        changed = {
            new.line: new
            for was, new in zip(old.items, plan.items, strict=True)
            if was.mark != new.mark
        }
        phases = {p.line: p for p in plan.phases}  # the same lines as the tree's: same shape
        for node in walk(self.root):
            data = node.data
            if not isinstance(data, Node):
                continue
            if data.kind == "item" and data.line in changed:
                item = changed[data.line]
                node.data = Node("item", item.line, data.key, item)
                node.set_label(item_label(item.state, item.text))
            elif data.kind == "phase" and data.line in phases:
                node.set_label(phase_node_label(phases[data.line], today))

    def _restore(self) -> None:
        """After a redraw: the cursor back on the same node, the scroll where it was."""
        if self._pending is None:
            return
        (key, scroll_y), self._pending = self._pending, None
        # The tree numbers its lines lazily: a redraw may not be numbered yet, and a node
        # with no line number puts the cursor on the first line. Asking for the last line
        # numbers them.
        if self.last_line < 0:
            return
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        nodes = walk(self.root)
        for node in nodes:
            if key is not None and isinstance(node.data, Node) and node.data.key == key:
                self.move_cursor(node)
                return
        if self.cursor_node is None and nodes:
            # First look: the cursor on the next thing to do (the first open item shown).
            for node in nodes:
                item = node.data.item if isinstance(node.data, Node) else None
                if item is not None and item.state is not ItemState.DONE and _unfolded(node):
                    self.move_cursor(node)
                    return
            self.move_cursor(nodes[0])

    def _section_node(
        self,
        item: Item,
        phase_nodes: dict[str, TreeNode[object]],
        sections: dict[tuple[str, str], TreeNode[object]],
    ) -> TreeNode[object]:
        parts = item.section.split(" › ") if item.section else []
        top = phase_nodes.get(item.phase) if item.phase is not None else None
        if top is not None:
            rest = " › ".join(parts[1:])
        else:
            rest = item.section or "Checklist"
            top = self.root
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

    def _add(
        self, parent: TreeNode[object], label: Text, data: Node, expand: bool
    ) -> TreeNode[object]:
        expand = self._expanded.get(data.key, expand)
        node = parent.add(label, data=data, expand=expand)
        if data.kind in ("item", "blocker", "warning"):
            node.allow_expand = False
        return node

    def _remember_folding(self, node: TreeNode[object]) -> None:
        for child in walk(node):
            if isinstance(child.data, Node) and child.children:
                self._expanded[child.data.key] = child.is_expanded


def _unfolded(node: TreeNode[object]) -> bool:
    """True when no folded node hides `node`."""
    parent = node.parent
    while parent is not None and not parent.is_root:
        if not parent.is_expanded:
            return False
        parent = parent.parent
    return True
