"""The dashboard's main screen: a status line, the tabs of `goaldash.ui.tabs` (one view each),
the `/` filter box and the footer; and the standup tab's questions to git.

Every view reads the workspace it is given, and remembers the workspace's version it was
drawn at. The screen draws the tab in sight; a tab (or the whole screen, when a plan screen
over it is closed) that comes into sight is drawn again if the workspace changed since.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Input

from goaldash.ui.messages import OpenEditor, OpenPlan, Reported
from goaldash.ui.tabs import TABS, cycle_bindings, labels
from goaldash.ui.views import View, parse_key
from goaldash.ui.widgets import FilterInput, KeyLine, Later, RowList, StatusLine, TabBar
from goaldash.workspace import StandupAnswer, Workspace, worker


class MainScreen(Screen[None]):
    """The tabs over the workspace."""

    BINDINGS: ClassVar[list[BindingType]] = [*cycle_bindings()]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._views: dict[str, View] = {}
        """Each tab's view, by tab id: made in `compose`, some mounted just after it."""

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield TabBar(labels(), TABS[0].id, id="tab-bar")
        with Container(id="tabs"):
            for number, tab in enumerate(TABS, 1):
                view = self._views[tab.id] = tab.view(self.workspace, id=f"{tab.id}-view")
                view.display = number == 1
                # The first tab is drawn in the first frame; the others just after it.
                yield view if number == 1 else Later(view)
        yield FilterInput(
            placeholder="filter: words in titles, paths, phases, blockers", id="filter"
        )
        yield KeyLine()

    def on_mount(self) -> None:
        self.query_one("#filter", FilterInput).display = False
        self.redraw()

    # -- drawing --------------------------------------------------------------------------

    @property
    def active_tab(self) -> str:
        """The tab in sight."""
        return self.query_one(TabBar).active

    @property
    def on_top(self) -> bool:
        """True when this screen is the one in sight."""
        return self.app.screen is self

    def view(self, tab: str) -> View:
        """`tab`'s view: mounted, or not yet (a hidden tab's, just after the first frame)."""
        return self._views[tab]

    def redraw(self) -> None:
        """Draw the status line and the tab in sight; the others when they come into sight."""
        if not self.is_attached:
            return  # the app quit before this screen was up
        self.query_one(StatusLine).redraw(self.workspace)
        self.query_one(TabBar).set_labels(labels(self.workspace.summary()))
        if self.on_top:
            # Under a plan screen the tabs wait: they are drawn when they are seen again.
            self.draw_tab(self.active_tab)
            if self.app.focused is None or not self.app.focused.display:
                self.focus_list()

    def draw_tab(self, tab: str) -> None:
        """Draw `tab` if the workspace changed since it was last drawn."""
        view = self._views[tab]
        if not view.is_mounted:
            return  # a hidden tab, mounted after the first paint: drawn when it is shown
        if view.drawn != self.workspace.version:
            view.drawn = self.workspace.version
            view.redraw()

    def on_screen_resume(self) -> None:
        # Back from a plan screen (or help): what changed meanwhile is drawn now.
        self.redraw()

    def focus_list(self) -> None:
        """Put the keyboard on the list of the tab in sight (not while typing a filter)."""
        if not self.is_attached or not self.app.is_running:
            return  # called back while the app shuts down
        if not self.on_top or self.query_one("#filter").has_focus:
            return
        self._focus_rows(self.view(self.active_tab))

    def _focus_rows(self, view: View) -> bool:
        """Put the keyboard on `view`'s list, if it is shown (`on_view_arrived` does, for a
        view chosen before it was mounted)."""
        if not view.is_mounted or not view.rows.display:
            return False
        view.rows.focus()
        return True

    def show_tab(self, tab: str) -> None:
        """Bring `tab` into sight (a view not yet mounted is drawn once it is, `View.on_resize`)."""
        bar = self.query_one(TabBar)
        if tab != bar.active:
            for shown, view in self._views.items():
                view.display = shown == tab  # mounted or not yet (`Later`)
            bar.active = tab
            if tab == "standup" and self.workspace.standup_stale:
                self.refresh_standup()
        self.draw_tab(tab)
        self.call_after_refresh(self.focus_list)

    def on_tab_bar_chosen(self, event: TabBar.Chosen) -> None:
        self.show_tab(event.tab)

    def on_view_arrived(self, event: View.Arrived) -> None:
        if event.view.display:  # chosen while it was not yet mounted
            self.call_after_refresh(self.focus_list)

    def on_option_list_option_selected(self, event: RowList.OptionSelected) -> None:
        rows = event.option_list
        if isinstance(rows, RowList) and rows.highlighted_key:
            path, line = parse_key(rows.highlighted_key)
            self.post_message(OpenPlan(path, line))

    # -- the filter box -------------------------------------------------------------------

    def open_filter(self) -> None:
        box = self.query_one("#filter", FilterInput)
        box.display = True
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", FilterInput)
        box.value = ""
        box.display = False
        self.workspace.set_query("")
        self.redraw()
        self.leave_filter()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.workspace.set_query(event.value)
            self.redraw()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            event.input.display = bool(self.workspace.query)
            self.leave_filter()  # the filter kept

    def leave_filter(self) -> None:
        """Take the keyboard out of the filter box: the keys are the dashboard's again."""
        if not self._focus_rows(self.view(self.active_tab)):
            self.set_focus(None)

    # -- the editor -----------------------------------------------------------------------

    def action_edit(self) -> None:
        """Edit the plan under the cursor: at the row's line, else at its current phase."""
        rows = self.view(self.active_tab).rows
        if not rows.highlighted_key:
            self.notify("Put the cursor on a plan first.", severity="warning")
            return
        path, line = parse_key(rows.highlighted_key)
        if line is None:
            plan = self.workspace.plan(path)
            cur = plan.current_phase if plan else None
            line = cur.line if cur else 1
        self.post_message(OpenEditor(path, line))

    # -- standup --------------------------------------------------------------------------

    def refresh_standup(self) -> None:
        """Ask git again what moved in the current span (in a worker)."""
        round = self.workspace.begin_standup()
        self.show_standup()
        self.ask_git(round, self.workspace.standup_span)

    @work(thread=True, exclusive=True, group="standup")
    def ask_git(self, round: int, span: str) -> None:
        """Git's answer for `span`, once the plans are read (so they can be compared)."""
        self.post_message(Reported(worker.read_standup(self.workspace, round, span)))

    def standup_answered(self, answer: StandupAnswer) -> None:
        if self.workspace.apply_standup(answer):
            self.show_standup()

    def show_standup(self) -> None:
        if self.active_tab == "standup" and self.on_top:
            self.draw_tab("standup")
            self.focus_list()
