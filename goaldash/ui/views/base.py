"""What every tab of the main screen is made of: a heading, a list of rows, and a message in
words when there is nothing to list.

A view holds the workspace, never a copy of what it shows: it redraws itself from it when told
to (and when its width changes), keeping its cursor and scroll position across redraws (see
`RowList.show_rows`).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from goaldash.text import counted
from goaldash.ui.widgets import Row, RowList
from goaldash.workspace import Workspace


def row_key(path: str, line: int | None = None) -> str:
    """The key of a row that opens `path` (at `line`)."""
    return path if line is None else f"{path}\0{line}"


def parse_key(key: str) -> tuple[str, int | None]:
    """Back from `row_key`."""
    parts = key.split("\0")
    return parts[0], int(parts[1]) if len(parts) > 1 else None


class View(Vertical):
    """A tab's content: an optional heading line, the list, and a message when it is empty."""

    class Arrived(Message):
        """The view was mounted (a hidden tab's, just after the first frame: `Later`)."""

        def __init__(self, view: View) -> None:
            super().__init__()
            self.view = view

    def __init__(self, workspace: Workspace, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.workspace = workspace
        """What the view shows (read at each redraw)."""
        self.drawn = -1
        """The workspace's version this view was last drawn at (`Workspace.version`)."""

    def compose(self) -> ComposeResult:
        yield Static(classes="view-head")
        yield RowList(classes="view-list")
        yield Static(classes="view-empty")

    def on_mount(self) -> None:
        self.post_message(self.Arrived(self))

    @property
    def rows(self) -> RowList:
        return self.query_one(RowList)

    def show(self, head: Text | None, rows: list[Row], empty: str) -> None:
        """Redraw: the heading (hidden when None), the rows, or the empty message."""
        head_w = self.query_one(".view-head", Static)
        head_w.display = head is not None and bool(rows)
        if head is not None:
            head_w.update(head)
        self.rows.display = bool(rows)
        self.rows.show_rows(rows)
        msg = self.query_one(".view-empty", Static)
        msg.display = not rows
        msg.update(Text(empty))

    @property
    def width(self) -> int:
        """Cells available to a row."""
        w = self.rows.scrollable_content_region.width or self.size.width or 80
        return max(40, w - 1)

    def redraw(self) -> None:
        """Show the workspace as it is now."""
        raise NotImplementedError

    def on_resize(self) -> None:
        # Rows are laid out for a width: a tab drawn while hidden is drawn again once shown.
        if self.size.width:
            self.redraw()


def empty_message(ws: Workspace, what: str) -> str:
    """Why a view is empty, in words."""
    if ws.scanning:
        return f"Reading plans… ({ws.scanned} of {counted(ws.candidates, 'file')})"
    if ws.empty_folder:
        return f"{ws.root} is empty: there is nothing to read."
    if not ws.plans:
        if ws.candidates == 0:
            return (
                f"No markdown files in {ws.root}.\n\n"
                "goaldash reads plans written in markdown: implementation plans, roadmaps, "
                "task lists (tasks.md, spec-kit, Kiro, GoalKit). Try `goaldash --demo`."
            )
        return (
            f"Looked at {counted(ws.candidates, 'markdown file')} in {ws.root}; "
            f"{'it is not a plan' if ws.candidates == 1 else 'none is a plan'}.\n\n"
            "A plan has task-list items (- [ ] …), phase or milestone headings, or a phase "
            "status table. Add paths in .goaldash.toml ([include]) if yours live elsewhere."
        )
    if ws.query:
        return f"No {what} matches “{ws.query}”. Press / to change the filter."
    if ws.hide_finished:
        return f"No {what} among unfinished plans (finished plans are hidden: press f)."
    return f"No {what}."
