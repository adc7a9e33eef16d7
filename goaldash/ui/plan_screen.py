"""One plan: its phases with bars, and its checklist as a tree you can tick."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.tree import TreeNode

from goaldash.model import Item, ItemState, Phase, Plan, Status
from goaldash.report.style import bar
from goaldash.schedule import is_late
from goaldash.ui import render
from goaldash.ui.widgets import ChecklistTree, Row, RowList

if TYPE_CHECKING:
    from goaldash.ui.app import GoalDashApp


@dataclass(frozen=True, slots=True)
class Node:
    """What a tree node stands for."""

    kind: str
    """"phase", "section", "item", "blockers", "blocker", "warnings" or "warning"."""
    line: int | None
    key: str
    """Stable across reloads: the cursor and the folding follow it."""
    item: Item | None = None


class PlanScreen(Screen[None]):
    """The detail of one plan."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "app.pop_screen", "Back"),
        Binding("x", "tick", "Tick"),
        Binding("space", "tick", "Tick", show=False),
        Binding("u", "app.undo", "Undo"),
        Binding("e", "edit", "Edit"),
        Binding("tab", "app.focus_next", "Phases/checklist", show=False),
    ]

    def __init__(self, path: str, line: int | None = None) -> None:
        super().__init__()
        self.path = path
        self.start_line = line
        self._expanded: dict[str, bool] = {}
        self._plan: Plan | None = None
        self._tree_plan: Plan | None = None
        self._pending: tuple[str | None, float] | None = None
        """The cursor's key and the scroll to put back once the tree is redrawn."""

    @property
    def dash(self) -> GoalDashApp:
        from goaldash.ui.app import GoalDashApp

        assert isinstance(self.app, GoalDashApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Static(id="plan-head")
        yield RowList(id="phases")
        tree = ChecklistTree(Text("checklist"), id="checklist")
        tree.show_root = False
        tree.auto_expand = True
        yield tree
        yield Footer()

    @property
    def checklist(self) -> ChecklistTree:
        return self.query_one(ChecklistTree)

    def on_mount(self) -> None:
        self.refresh_plan()
        self.checklist.focus()
        if self.start_line is not None:
            self.focus_line(self.start_line)

    def on_resize(self) -> None:
        if self._plan is not None:
            self._draw_phases(self._plan)

    # -- drawing ------------------------------------------------------------------------

    def refresh_plan(self) -> None:
        """Redraw from the app's current copy of the plan; cursor and folding survive."""
        plan = self.dash.plan(self.path)
        if plan is None:
            self.query_one("#plan-head", Static).update(
                Text(f"{render.shown(self.path)} is no longer a plan (deleted or renamed).")
            )
            return
        if self._plan is not None and plan == self._plan:
            return
        self._plan = plan
        self._draw_head(plan)
        self._draw_phases(plan)
        self._draw_tree(plan)

    def _draw_head(self, plan: Plan) -> None:
        today = self.dash.state.today
        late = is_late(plan, today)
        t = Text.assemble((render.shown(plan.title) or plan.path, "bold"))
        t.append(f"  {render.shown(plan.path)}", style="bright_black")
        t.append("\n")
        t.append_text(bar(plan.progress, 24))
        t.append(f" {render.counts(plan.progress)}  ")
        t.append_text(render.status_text(plan.status, late))
        t.append(f"  {plan.format.value}", style="bright_black")
        if plan.owner:
            t.append(f"  owner {render.shown(plan.owner)}", style="bright_black")
        d = plan.dates
        if d.start or d.end:
            t.append(f"  {render.short_date(d.start, today)} → {render.short_date(d.end, today)}")
        if d.estimated_completion and d.estimated_completion != d.end:
            t.append(
                f"  est. {d.estimated_completion.isoformat()}",
                style="magenta" if d.end and d.estimated_completion > d.end else "",
            )
        nb = len(plan.open_blockers)
        if nb:
            t.append(f"  ⚑ {nb} blocker{'s' * (nb != 1)}", style="bold red")
        if plan.warnings:
            t.append(f"  ⚠ {len(plan.warnings)}", style="yellow")
        if plan.template or plan.backup:
            t.append("\nA template or stale copy: not counted in the totals.", style="yellow")
        self.query_one("#plan-head", Static).update(t)

    def _draw_phases(self, plan: Plan) -> None:
        phases = self.query_one("#phases", RowList)
        width = max(40, (phases.scrollable_content_region.width or self.size.width or 80) - 1)
        rows = [
            Row(f"phase:{p.id}:{p.line}", render.phase_row(p, self.dash.state.today, width))
            for p in plan.phases
        ]
        phases.display = bool(rows)
        phases.show_rows(rows)

    @staticmethod
    def _phase_label(ph: Phase, today: date) -> Text:
        label = Text.assemble((render.phase_label(ph), "bold"))
        label.append("  ")
        label.append_text(bar(ph.progress, 10))
        label.append(f" {ph.progress.done}/{ph.progress.total} ", style="bright_black")
        late = ph.end is not None and ph.end < today and ph.status is not Status.DONE
        label.append_text(render.status_text(ph.status, late))
        return label

    @staticmethod
    def _shape(plan: Plan) -> tuple[object, ...]:
        """Everything the tree's structure depends on (not the marks)."""
        return (
            tuple((i.line, i.text, i.section, i.parent, i.phase, i.depth) for i in plan.items),
            tuple((p.id, p.line) for p in plan.phases),
            plan.blockers,
            plan.warnings,
        )

    def _relabel(self, old: Plan, plan: Plan) -> None:
        """Only marks and counts changed (a tick): relabel those nodes, touch nothing else."""
        today = self.dash.state.today
        changed = {
            new.line: new
            for was, new in zip(old.items, plan.items, strict=True)
            if was.mark != new.mark
        }
        phases = {p.line: p for p in plan.phases}  # the same lines as the tree's: same shape
        for node in self._walk(self.checklist.root):
            data = node.data
            if not isinstance(data, Node):
                continue
            if data.kind == "item" and data.line in changed:
                item = changed[data.line]
                node.data = Node("item", item.line, data.key, item)
                node.set_label(render.item_label(item.state, item.text))
            elif data.kind == "phase" and data.line in phases:
                node.set_label(self._phase_label(phases[data.line], today))

    def _draw_tree(self, plan: Plan) -> None:
        old = self._tree_plan
        self._tree_plan = plan
        if old is not None and self._shape(old) == self._shape(plan):
            self._relabel(old, plan)
            return
        tree = self.checklist
        cursor = tree.cursor_node
        keep = cursor.data.key if cursor is not None and isinstance(cursor.data, Node) else None
        if self._pending is not None:
            # Redrawn again before the last redraw put the cursor back: it belongs there.
            keep, scroll_y = self._pending
        else:
            scroll_y = tree.scroll_y
        self._pending = (keep, scroll_y)
        self._remember_folding(tree.root)
        tree.clear()
        today = self.dash.state.today
        # Keys name what a node is, not where: lines move when a line is added above them.
        seen: dict[str, int] = {}

        def keyed(*parts: object) -> str:
            key = "\0".join(map(str, parts))
            seen[key] = seen.get(key, 0) + 1
            return f"{key}\0{seen[key]}"

        phase_nodes: dict[str, TreeNode[object]] = {}
        for ph in plan.phases:
            key = keyed("phase", ph.id)
            phase_nodes[ph.id] = self._add(
                tree.root,
                self._phase_label(ph, today),
                Node("phase", ph.line, key),
                ph.status is not Status.DONE,
            )
        sections: dict[tuple[str, str], TreeNode[object]] = {}
        by_line: dict[int, TreeNode[object]] = {}
        for item in plan.items:
            parent = by_line.get(item.parent) if item.parent is not None else None
            if parent is None:
                parent = self._section_node(tree, item, phase_nodes, sections)
            node = self._add(
                parent,
                render.item_label(item.state, item.text),
                Node("item", item.line, keyed("item", item.phase, item.text), item),
                True,
            )
            by_line[item.line] = node
        if plan.blockers:
            head = self._add(
                tree.root,
                Text.assemble((f"Blockers ({len(plan.open_blockers)} open)", "bold red")),
                Node("blockers", None, "blockers"),
                True,
            )
            for b in plan.blockers:
                self._add(
                    head,
                    render.blocker_line(b, today),
                    Node("blocker", b.line, keyed("blocker", b.text)),
                    False,
                )
        if plan.warnings:
            head = self._add(
                tree.root,
                Text.assemble((f"Warnings ({len(plan.warnings)})", "bold yellow")),
                Node("warnings", None, "warnings"),
                False,
            )
            for i, w in enumerate(plan.warnings):
                self._add(
                    head,
                    render.warning_row(plan, w),
                    Node("warning", w.line, f"warning:{i}"),
                    False,
                )
        self.call_after_refresh(self._restore)

    def _restore(self) -> None:
        """After a redraw: the cursor back on the same node, the scroll where it was."""
        if self._pending is None:
            return
        (key, scroll_y), self._pending = self._pending, None
        tree = self.checklist
        # The tree numbers its lines lazily: a redraw may not be numbered yet, and a node
        # with no line number puts the cursor on the first line. Asking for the last line
        # numbers them.
        if tree.last_line < 0:
            return
        tree.scroll_to(y=scroll_y, animate=False, immediate=True)
        nodes = self._walk(tree.root)
        for node in nodes:
            if key is not None and isinstance(node.data, Node) and node.data.key == key:
                tree.move_cursor(node)
                return
        if tree.cursor_node is None and nodes:
            # First look: the cursor on the next thing to do (the first open item shown).
            for node in nodes:
                item = node.data.item if isinstance(node.data, Node) else None
                if item is not None and item.state is not ItemState.DONE and self._shown(node):
                    tree.move_cursor(node)
                    return
            tree.move_cursor(nodes[0])

    @staticmethod
    def _shown(node: TreeNode[object]) -> bool:
        parent = node.parent
        while parent is not None and not parent.is_root:
            if not parent.is_expanded:
                return False
            parent = parent.parent
        return True

    def _section_node(
        self,
        tree: ChecklistTree,
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
            top = tree.root
        if not rest:
            return top
        key = (item.phase or "", rest)
        if key not in sections:
            sections[key] = self._add(
                top,
                Text.assemble((render.shown(rest), "italic")),
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
        for child in self._walk(node):
            if isinstance(child.data, Node) and child.children:
                self._expanded[child.data.key] = child.is_expanded

    def _walk(self, node: TreeNode[object]) -> list[TreeNode[object]]:
        out: list[TreeNode[object]] = []
        stack = list(reversed(node.children))
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(reversed(n.children))
        return out

    def focus_line(self, line: int) -> None:
        """Put the cursor on the node at `line` (a blocker, an item, a phase), or the nearest."""
        best: TreeNode[object] | None = None
        best_line = 0
        for node in self._walk(self.checklist.root):
            data = node.data
            if isinstance(data, Node) and data.line is not None and best_line <= data.line <= line:
                best, best_line = node, data.line
        if best is None:
            return
        parent = best.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.checklist.focus()
        self.call_after_refresh(self.checklist.move_cursor, best)

    # -- actions ------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: RowList.OptionSelected) -> None:
        event.stop()
        key = event.option_list.highlighted_key if isinstance(event.option_list, RowList) else None
        if key and self._plan is not None:
            line = int(key.rsplit(":", 1)[1])
            self.focus_line(line)

    def selected(self) -> Node | None:
        node = self.checklist.cursor_node
        return node.data if node is not None and isinstance(node.data, Node) else None

    def action_tick(self) -> None:
        data = self.selected()
        if self.focused is not self.checklist or data is None or data.item is None:
            self.notify("Put the cursor on a checklist item to tick it.", severity="warning")
            return
        assert self._plan is not None
        self.dash.request_tick(self._plan, data.item)

    def action_edit(self) -> None:
        data = self.selected()
        line = data.line if data is not None and data.line else 1
        if self.focused is self.query_one("#phases", RowList) and self._plan is not None:
            key = self.query_one("#phases", RowList).highlighted_key
            if key:
                line = int(key.rsplit(":", 1)[1])
        self.dash.open_editor(self.path, line)

    @property
    def today(self) -> date:
        return self.dash.state.today
