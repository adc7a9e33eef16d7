"""A plan as a tree: its phases, their sections and checklist items, then its blockers and
warnings. Redrawn from each new copy of the plan, the cursor and the folding stay on the same
nodes; a tick (only marks changed) relabels the nodes it changed and touches nothing else.

The tree is virtual (a Line API `ScrollView`): it holds its nodes as plain lists and draws only
the lines on screen, an item's label made when its line is first drawn. Textual's `Tree` lays
out and measures every node whenever one is added, which held the UI for seconds on a plan of
100,000 items; here a big plan's nodes are added in batches, one batch per turn of the event
loop, so the first screen shows at once and keys are answered while the rest comes in."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from goaldash.lazyitems import LazyItems
from goaldash.model import ItemState, Plan
from goaldash.ui.widgets.checklist_nodes import (
    Cursor,
    Node,
    TreeNodes,
    item_label,
    phase_node_label,
    shape,
)
from goaldash.ui.widgets.moves import MOVES

SLICE = 0.008
"""Seconds of adding nodes before the event loop gets a turn (to answer keys, to draw)."""

RESHOW_EVERY = 0.5
"""While a big plan's nodes are added, the lines are worked out again at most this often (s)."""


class ChecklistTree(TreeNodes, ScrollView, can_focus=True):
    """The plan's checklist. `space` ticks; enter folds and unfolds (so do left and right)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "screen.tick", "Tick", show=False),
        Binding("enter", "toggle_fold", "Fold", show=False),
        *MOVES,
        Binding("left", "fold", "Fold", show=False),
        Binding("right", "unfold", "Unfold", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"checklist--cursor", "checklist--guides"}

    DEFAULT_CSS = """
    ChecklistTree {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        & > .checklist--guides { color: $text-muted; }
        & > .checklist--cursor {
            text-style: $block-cursor-blurred-text-style;
            background: $block-cursor-blurred-background;
        }
        &:focus > .checklist--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._expanded: dict[str, bool] = {}
        """Folding by node key, kept across redraws."""
        self._plan: Plan | None = None
        self._today: date | None = None
        # The nodes, as parallel lists indexed by node number (children follow parents).
        self._data: list[Node] = []
        self._labels: list[Text | None] = []
        """A node's label; None for an item, whose label is made when first drawn."""
        self._depth: list[int] = []
        self._kids: list[list[int]] = []
        self._open: list[bool] = []
        self._roots: list[int] = []
        self._made: dict[int, Text] = {}
        """Items' labels made so far (only the drawn ones)."""
        self._shown: list[int] = []
        """The node numbers on the lines, top to bottom (those no folded node hides)."""
        self._cursor = 0
        """The cursor's line (an index into `_shown`)."""
        self._pending: tuple[str | None, float] | None = None
        """The cursor's key and the scroll to put back once the tree is built."""
        self._building = 0
        self._reshown = 0.0
        """Bumped by each new build: a batch of an older build stops."""
        self._waiting: Plan | None = None
        """The plan last asked for (its items may still be decoding on a worker)."""
        self._decoding = False
        """True while the items of the plan last asked for are decoded on a worker."""

    # -- what the screen asks ------------------------------------------------------------

    @property
    def building(self) -> bool:
        """True while a big plan's nodes are still being added."""
        return self._pending is not None

    @property
    def cursor_row(self) -> int:
        """The cursor's line, from 0 at the top."""
        return self._cursor

    @property
    def line_count(self) -> int:
        """How many lines the tree has (those no folded node hides)."""
        return len(self._shown)

    @property
    def cursor_node(self) -> Cursor | None:
        """What the cursor is on (as `Tree.cursor_node`: the `Node` is its `.data`)."""
        node = self.selected()
        return Cursor(node) if node is not None else None

    def selected(self) -> Node | None:
        """What the cursor is on."""
        if not self._shown:
            return None
        return self._data[self._shown[self._cursor]]

    def show_plan(self, plan: Plan, today: date) -> None:
        """Show `plan`: the cursor stays on the same node, the folding as it was. Items the
        cache left encoded are decoded on a worker first (never here, on the UI thread)."""
        items = plan.items
        self._waiting = plan
        if isinstance(items, LazyItems) and not items.decoded:
            self._decoding, self._today = True, today
            self._decode()
            return
        self._decoding = False
        old = self._plan
        self._plan, self._today = plan, today
        if old is not None and shape(old) == shape(plan) and self._pending is None:
            self._relabel(old, plan, today)
            return
        now = self.selected()
        keep = now.key if now is not None else None
        scroll_y = self.scroll_y
        if self._pending is not None:
            # Redrawn again before the last build finished: the cursor belongs where it was.
            keep, scroll_y = self._pending
        self._pending = (keep, scroll_y)
        self._remember_folding()
        self._data, self._labels, self._depth, self._kids, self._open = [], [], [], [], []
        self._roots, self._made, self._shown, self._cursor = [], {}, [], 0
        self._building += 1
        build = self._build(plan, today)
        self._batch(self._building, build)

    def focus_line(self, line: int) -> None:
        """Put the cursor on the node at `line` (a blocker, an item, a phase), or the nearest."""
        if self._pending is not None or self._decoding:
            if self._pending is not None:
                self._pending = (None, 0.0)  # the build puts the cursor nowhere back
            self.call_later(self._focus_line_when_built, line)
            return
        best, best_line = -1, 0
        for i, node in enumerate(self._data):
            if node.line is not None and best_line <= node.line <= line:
                best, best_line = i, node.line
        if best < 0:
            return
        self.focus()
        self._reveal(best)

    def _focus_line_when_built(self, line: int) -> None:
        if self._pending is not None or self._decoding:
            self.set_timer(0.02, lambda: self._focus_line_when_built(line))
            return
        self.focus_line(line)

    @work(thread=True, group="decode")
    def _decode(self) -> None:
        """Decode the items of the plan last asked for, then show it (no arguments: a
        worker's are written out in its description, a plan's items and all)."""
        plan, today = self._waiting, self._today
        if plan is not None and today is not None:
            _ = plan.items[:1]  # decodes them all
            self.app.call_from_thread(self._decoded, plan, today)

    def _decoded(self, plan: Plan, today: date) -> None:
        if plan is self._waiting and self.is_attached:  # not since given another plan
            self.show_plan(plan, today)

    # -- building --------------------------------------------------------------------------

    def _batch(self, build_no: int, build: Iterator[None]) -> None:
        """Add the first batch of nodes now (a small plan is all of it); the rest on a worker
        that yields to the event loop after each batch, so keys are answered meanwhile."""
        if not self._step(build):
            self.run_worker(self._fill(build_no, build), group="checklist", exclusive=True)

    async def _fill(self, build_no: int, build: Iterator[None]) -> None:
        # A message pump never yields while its queue holds messages, so batches chained by
        # `call_later` would starve the app's keys: an await of the loop itself does not.
        while build_no == self._building and self.is_attached:
            await asyncio.sleep(0.002)  # a real pause: a key's bubbling takes several turns
            if build_no != self._building or not self.is_attached or self._step(build):
                return

    def _step(self, build: Iterator[None]) -> bool:
        """Add one batch; True when the build is done (the cursor is then put back)."""
        start = time.monotonic()
        while not (done := next(build, StopIteration) is StopIteration):
            if time.monotonic() - start >= SLICE:
                break
        now = time.monotonic()
        if done or not self._shown or now - self._reshown >= RESHOW_EVERY:
            self._reshow()  # O(nodes): not after every batch, or a big plan costs n²
            self._reshown = now
        if done:
            self._restore()
        return done

    def _reshow(self, keep: int | None = None) -> None:
        """Work out the lines again (after folding or a batch); the cursor stays on node
        `keep` (else on the node it was on)."""
        if keep is None and self._shown:
            keep = self._shown[min(self._cursor, len(self._shown) - 1)]
        shown: list[int] = []
        stack = list(reversed(self._roots))
        kids, is_open = self._kids, self._open
        while stack:
            i = stack.pop()
            shown.append(i)
            if is_open[i] and kids[i]:
                stack.extend(reversed(kids[i]))
        self._shown = shown
        if keep is not None:
            try:
                self._cursor = shown.index(keep)
            except ValueError:
                self._cursor = min(self._cursor, max(0, len(shown) - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, len(shown))
        self.refresh()

    def _restore(self) -> None:
        """After a build: the cursor back on the same node, the scroll where it was."""
        if self._pending is None:
            return
        (key, scroll_y), self._pending = self._pending, None
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        if key is not None:
            for row, i in enumerate(self._shown):
                if self._data[i].key == key:
                    self._move(row)
                    return
        # First look: the cursor on the next thing to do (the first open item shown).
        for row, i in enumerate(self._shown):
            item = self._data[i].item
            if item is not None and item.state is not ItemState.DONE:
                self._move(row)
                return
        self._move(0)

    def _relabel(self, old: Plan, plan: Plan, today: date) -> None:
        """Only marks and counts changed (a tick): relabel those nodes, touch nothing else."""
        changed = {
            new.line: new
            for was, new in zip(old.items, plan.items, strict=True)
            if was.mark != new.mark
        }
        phases = {p.line: p for p in plan.phases}  # the same lines as the tree's: same shape
        for i, data in enumerate(self._data):
            if data.kind == "item" and data.line in changed:
                self._data[i] = Node("item", data.line, data.key, changed[data.line])
                self._made.pop(i, None)
            elif data.kind == "phase" and data.line in phases:
                self._labels[i] = phase_node_label(phases[data.line], today)
        self.refresh()

    # -- the cursor and folding -------------------------------------------------------------

    def _reveal(self, i: int) -> None:
        """Unfold what hides node `i` and put the cursor on it."""
        parent_of = {k: p for p, kids in enumerate(self._kids) for k in kids} if i else {}
        p = parent_of.get(i)
        while p is not None:
            self._open[p] = True
            p = parent_of.get(p)
        self._reshow(keep=i)
        self._move(self._cursor)

    def _move(self, row: int) -> None:
        if not self._shown:
            return
        self._cursor = max(0, min(row, len(self._shown) - 1))
        height = self.scrollable_content_region.height or 1
        top = round(self.scroll_y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + height:
            self.scroll_to(y=self._cursor - height + 1, animate=False, immediate=True)
        self.refresh()

    def action_cursor_up(self) -> None:
        self._move(self._cursor - 1)  # no wrap from the first line to the last

    def action_cursor_down(self) -> None:
        self._move(self._cursor + 1)

    def action_page_up(self) -> None:
        self._move(self._cursor - max(1, self.scrollable_content_region.height - 1))

    def action_page_down(self) -> None:
        self._move(self._cursor + max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._shown) - 1)

    def _set_open(self, open_: bool) -> bool:
        if not self._shown:
            return False
        i = self._shown[self._cursor]
        if not self._kids[i] or self._open[i] == open_:
            return False
        self._open[i] = open_
        self._expanded[self._data[i].key] = open_
        self._reshow(keep=i)
        self._move(self._cursor)
        return True

    def action_toggle_fold(self) -> None:
        if self._shown:
            self._set_open(not self._open[self._shown[self._cursor]])

    def action_fold(self) -> None:
        """Fold the node under the cursor, or go to its parent."""
        if self._set_open(False) or not self._shown:
            return
        i = self._shown[self._cursor]
        for row in range(self._cursor - 1, -1, -1):
            if self._depth[self._shown[row]] < self._depth[i]:
                self._move(row)
                return

    def action_unfold(self) -> None:
        self._set_open(True)

    def on_click(self, event: events.Click) -> None:
        row = event.y + round(self.scroll_y)
        if 0 <= row < len(self._shown):
            self._move(row)
            i = self._shown[row]
            glyph_at = 2 * self._depth[i]
            if self._kids[i] and glyph_at <= event.x < glyph_at + 2:
                self.action_toggle_fold()

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = y + round(self.scroll_y)
        base = self.rich_style
        if row >= len(self._shown):
            return Strip.blank(width, base)
        i = self._shown[row]
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        guides = self.get_component_rich_style("checklist--guides")
        depth = self._depth[i]
        if depth:
            line.append("  " * depth, style=guides)
        if self._kids[i]:
            line.append("▾ " if self._open[i] else "▸ ", style=guides)
        else:
            line.append("  ")
        line.append_text(self._label(i))
        line.truncate(width, overflow="ellipsis", pad=True)
        if row == self._cursor:  # the whole line, so the selected row keeps its contrast
            line.stylize(self.get_component_rich_style("checklist--cursor"))
        segments = list(line.render(self.app.console))
        return Strip(segments).crop_extend(0, width, base).apply_style(base or Style())

    def _label(self, i: int) -> Text:
        label = self._labels[i]
        if label is not None:
            return label
        made = self._made.get(i)
        if made is None:
            item = self._data[i].item
            assert item is not None
            made = self._made[i] = item_label(item.state, item.text)
        return made

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._shown))
