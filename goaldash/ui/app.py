"""The goaldash dashboard: a Textual app over the workspace (`goaldash.workspace`).

The UI thread only draws. Workers do the rest (`goaldash.workspace.worker`) and post what they
did back as `Reported` messages, which the UI thread applies to the workspace:
- the scan (a thread) reads every plan once and sends them in batches as they are read;
- the file watcher (watchfiles, async) turns file events into re-read jobs;
- the IO worker (a thread) runs jobs one at a time, in order: re-reading changed files,
  ticks and undos (through `goaldash.edit`, the only code that writes a user's file).
Running jobs one by one means a tick and the re-read after it can never race each other.
"""

from __future__ import annotations

import gc
import os
import subprocess
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from goaldash.editor import editor_command
from goaldash.model import Item, Plan
from goaldash.report.style import bar
from goaldash.ui import render
from goaldash.ui.help import HelpScreen
from goaldash.ui.plan_screen import PlanScreen
from goaldash.ui.views import (
    BlockersView,
    OverviewView,
    StandupView,
    TimelineView,
    View,
    WarningsView,
    parse_key,
)
from goaldash.ui.widgets import Later, RowList
from goaldash.workspace import (
    Event,
    Notice,
    PlansRead,
    Refused,
    RescanNeeded,
    ScanFailed,
    StandupAnswer,
    Ticked,
    Workspace,
    worker,
)

if TYPE_CHECKING:
    from goaldash.config import Config

TABS = ("overview", "blockers", "timeline", "warnings", "standup")

EditorRunner = Callable[[list[str]], None]


# -- messages from the workers ----------------------------------------------------------------


class Reported(Message):
    """What a worker did (a workspace event), for the UI thread to apply and show."""

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event


# -- the command palette ----------------------------------------------------------------------


class PlanCommands(Provider):
    """ "Open plan: …" for every plan. Titles are shown literally (never as markup)."""

    def _plans(self) -> list[Plan]:
        app = self.app
        return app.state.plans if isinstance(app, GoalDashApp) else []

    def _display(self, plan: Plan, query: str | None) -> tuple[str, Content]:
        name = f"Open plan: {render.shown(plan.title) or plan.path}  ({render.shown(plan.path)})"
        content = Content(name)
        if query:
            _score, offsets = self.matcher(query).fuzzy_search.match(query, name)
            for offset in offsets:
                content = content.stylize("bold reverse", offset, offset + 1)
        return name, content

    async def discover(self) -> Hits:
        for plan in self._plans():
            name, content = self._display(plan, None)
            yield DiscoveryHit(content, self._opener(plan.path), text=name)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for plan in self._plans():
            name, content = self._display(plan, query)
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, content, self._opener(plan.path), text=name)

    def _opener(self, path: str) -> Callable[[], None]:
        def open_plan() -> None:
            app = self.app
            if isinstance(app, GoalDashApp):
                app.open_plan(path)

        return open_plan


class FilterInput(Input):
    """The `/` filter box: escape clears it, enter keeps it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.clear_filter", "Clear filter"),
    ]


# -- the app ----------------------------------------------------------------------------------


class GoalDashApp(App[None]):
    """The dashboard."""

    CSS_PATH = Path(__file__).with_name("goaldash.tcss")
    TITLE = "goaldash"
    AUTO_FOCUS = None
    COMMANDS = App.COMMANDS | {PlanCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show_tab('overview')", "Overview", show=False),
        Binding("2", "show_tab('blockers')", "Blockers", show=False),
        Binding("3", "show_tab('timeline')", "Timeline", show=False),
        Binding("4", "show_tab('warnings')", "Warnings", show=False),
        # The tab labels show 1-5; the footer keeps room for the rest.
        Binding("5,s", "show_tab('standup')", "Standup", key_display="s"),
        Binding("left_square_bracket", "standup_span(-1)", "Shorter span", show=False),
        Binding("right_square_bracket", "standup_span(1)", "Longer span", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("f", "toggle_finished", "Hide done"),
        Binding("e", "edit", "Edit", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("r", "rescan", "Reload", show=False),
        Binding("question_mark", "help", "Keys"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        root: Path,
        today: date | None = None,
        *,
        config: Config | None = None,
        watch: bool = True,
        editor_runner: EditorRunner | None = None,
    ) -> None:
        super().__init__()
        self.workspace = Workspace.at(root, today, config)
        """The one source of truth: every view and screen reads it."""
        self.watching = watch
        self.editor_runner = editor_runner
        self._dirty: set[str] = set(TABS)
        self._redraw_pending = False

    @property
    def state(self) -> Workspace:
        """The workspace, by the name scripts and the bench use."""
        return self.workspace

    @property
    def root(self) -> Path:
        return self.workspace.root

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with TabbedContent(initial="overview", id="tabs"):
            with TabPane("1 Overview", id="overview"):
                yield OverviewView(id="overview-view")
            with TabPane("2 Blockers", id="blockers"):
                yield Later(BlockersView(id="blockers-view"))
            with TabPane("3 Timeline", id="timeline"):
                yield Later(TimelineView(id="timeline-view"))
            with TabPane("4 Warnings", id="warnings"):
                yield Later(WarningsView(id="warnings-view"))
            with TabPane("5 Standup", id="standup"):
                yield Later(StandupView(id="standup-view"))
        yield FilterInput(
            placeholder="filter: words in titles, paths, phases, blockers", id="filter"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filter", FilterInput).display = False
        self.redraw()
        # Parsing starts once the first screen is up, so it never delays the first paint.
        self.call_after_refresh(self.scan_plans)
        self.io_worker()
        if self.watching:
            self.watch_files()

    def on_unmount(self) -> None:
        self.workspace.stop.set()

    # -- state ----------------------------------------------------------------------------

    def plan(self, path: str) -> Plan | None:
        """The current copy of the plan at `path` (with cross-file warnings)."""
        return self.workspace.plan(path)

    def view(self, tab: str) -> View:
        return self.query_one(f"#{tab}-view", View)

    @property
    def active_tab(self) -> str:
        return self.query_one("#tabs", TabbedContent).active or "overview"

    def redraw(self) -> None:
        """Draw the status line and the visible tab; the others when they are shown."""
        self._redraw_pending = False
        if not self.is_running:
            return  # a timer fired while the app shuts down: its widgets are going
        self._dirty = set(TABS)
        self._draw_status()
        if self.screen is self.screen_stack[0]:
            # Under a plan screen the tabs wait: they are drawn when they are seen again.
            self._draw_tab(self.active_tab)
            if self.focused is None or not self.focused.display:
                self._focus_list()
        for screen in self.screen_stack:
            if isinstance(screen, PlanScreen):
                screen.refresh_plan()

    def _draw_tab(self, tab: str) -> None:
        if tab in self._dirty:
            found = self.query(f"#{tab}-view")
            if not found:
                return  # a hidden tab, mounted after the first paint: drawn when it is shown
            self._dirty.discard(tab)
            found.first(View).redraw(self.workspace)

    def _draw_status(self) -> None:
        s = self.workspace
        sums = s.summary()
        total = sums.progress
        t = Text.assemble(("goaldash ", "bold"))
        t.append(render.shown(s.root.name or str(s.root)), style="cyan")
        t.append(f"  {sums.plans} plan{'s' * (sums.plans != 1)}  ")
        t.append_text(bar(total, 12))
        t.append(f" {total.done}/{total.total} ({total.percent:g}%)")
        blockers = sums.open_blockers
        if blockers:
            t.append(f"  ⚑ {blockers} blocker{'s' * (blockers != 1)}", style="bold red")
        if s.query:
            t.append(f"  filter “{render.shown(s.query)}”", style="bold yellow")
        if s.hide_finished:
            t.append("  finished hidden", style="yellow")
        if s.scanning:
            t.append(f"  reading {s.scanned}/{s.candidates}…", style="italic bright_black")
        t.append(f"  today {s.today.isoformat()}", style="bright_black")
        self.query_one("#status", Static).update(t)
        tabs = self.query_one("#tabs", TabbedContent)
        nb, nw = sums.open_blockers, sums.warnings
        tabs.get_tab("blockers").label = f"2 Blockers ({nb})" if nb else "2 Blockers"
        tabs.get_tab("warnings").label = f"4 Warnings ({nw})" if nw else "4 Warnings"

    # -- what the workers did -------------------------------------------------------------

    def _emit(self, event: Event) -> None:
        """A worker's report, posted to the UI thread (callable from any thread)."""
        self.post_message(Reported(event))

    def on_reported(self, msg: Reported) -> None:
        match msg.event:
            case PlansRead() as read:
                self._plans_read(read)
            case Ticked() as ticked:
                self._ticked(ticked)
            case Refused() as refused:
                self._refused(refused)
            case StandupAnswer() as answer:
                self._standup_answered(answer)
            case ScanFailed(message):
                self.workspace.scan_failed()
                self.notify(message, markup=False, severity="error", timeout=15)
                self.redraw()
            case Notice(message, severity, timeout):
                self.notify(message, markup=False, severity=severity, timeout=timeout)
            case RescanNeeded():
                self.action_rescan()

    def _plans_read(self, msg: PlansRead) -> None:
        ws = self.workspace
        applied = ws.apply_plans(msg)
        for path in applied.gone:
            self.notify(f"{render.shown(path)} is gone", markup=False, timeout=3)
        if applied.changed and not ws.scanning and self.active_tab == "standup":
            self.refresh_standup()
        if msg.final or (applied.changed and not ws.scanning):
            self.redraw()  # a change while live: show it now
        if msg.final:
            # A big repository leaves a few hundred thousand long-lived objects (the plans);
            # a full collection walking them all stalls a redraw for a tenth of a second. They
            # hold no reference cycles, and reference counting still frees superseded ones.
            gc.freeze()
        elif applied.changed or msg.scanned is not None:
            self._redraw_soon()  # while scanning: at most a few times a second

    def _redraw_soon(self) -> None:
        if not self._redraw_pending:
            self._redraw_pending = True
            self.set_timer(0.25, self._redraw_due)

    def _redraw_due(self) -> None:
        if self._redraw_pending:
            self.redraw()

    def _ticked(self, msg: Ticked) -> None:
        if self.workspace.apply_tick(msg):
            if self.active_tab == "standup":
                self.refresh_standup()
            self.redraw()
        if msg.shown is not None:
            self.call_after_refresh(msg.shown.set)
        r = msg.result
        verb = "undone" if msg.undone else r.state.value.replace("_", " ")
        if not r.changed:
            verb = f"already {verb}"
        moved = f" (found at line {r.line})" if r.moved else ""
        self.notify(
            f"{verb}  {render.shown(msg.rel)}:{r.line}{moved}  {render.shown(r.text)}",
            markup=False,
            timeout=2.5,
        )

    def _refused(self, msg: Refused) -> None:
        if msg.undo_of is not None:
            self.notify(f"Undo refused: {msg.message}", markup=False, severity="error", timeout=8)
            return
        self.notify(
            f"Not ticked: {msg.message}. The file was read again; nothing was written.",
            markup=False,
            severity="error",
            timeout=8,
        )

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.screen is self.screen_stack[0]:
            self._draw_tab(self.active_tab)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id or "overview"
        if pane == "standup" and self.workspace.standup_stale:
            self.refresh_standup()
        self._draw_tab(pane)
        self.call_after_refresh(self._focus_list)

    def _focus_list(self) -> None:
        if not self.is_running:
            return
        if isinstance(self.screen, PlanScreen) or self.query_one("#filter").has_focus:
            return
        view = self.view(self.active_tab)
        if view.rows.display:
            view.rows.focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self.redraw)

    def on_option_list_option_selected(self, event: RowList.OptionSelected) -> None:
        rows = event.option_list
        if (
            isinstance(rows, RowList)
            and rows.screen is self.screen_stack[0]
            and rows.highlighted_key
        ):
            path, line = parse_key(rows.highlighted_key)
            self.open_plan(path, line)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.workspace.set_query(event.value)
            self.redraw()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            event.input.display = bool(self.workspace.query)
            self._focus_list()

    # -- actions --------------------------------------------------------------------------

    def open_plan(self, path: str, line: int | None = None) -> None:
        """Show one plan (on top of the dashboard), at `line` when given."""
        while isinstance(self.screen, (PlanScreen, HelpScreen)):
            self.pop_screen()
        if self.plan(path) is None:
            self.notify(f"{render.shown(path)} is not a plan any more", markup=False)
            return
        self.push_screen(PlanScreen(path, line))

    def action_show_tab(self, tab: str) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.query_one("#tabs", TabbedContent).active = tab
        self._draw_tab(tab)
        self.call_after_refresh(self._focus_list)

    # -- standup --------------------------------------------------------------------------

    def refresh_standup(self) -> None:
        """Ask git again what moved in the current span (in a worker)."""
        round = self.workspace.begin_standup()
        self._show_standup()
        self.standup_worker(round, self.workspace.standup_span)

    def action_standup_span(self, step: int) -> None:
        """Step through the spans: yesterday, today, 3d, 7d, 14d, 30d."""
        if self.active_tab != "standup" or self.screen is not self.screen_stack[0]:
            self.action_show_tab("standup")
        if self.workspace.step_standup_span(step):
            self.refresh_standup()

    def _standup_answered(self, msg: StandupAnswer) -> None:
        if self.workspace.apply_standup(msg):
            self._show_standup()

    def _show_standup(self) -> None:
        self._dirty.add("standup")
        if self.active_tab == "standup" and self.screen is self.screen_stack[0]:
            self._draw_tab("standup")
            self._focus_list()

    def action_filter(self) -> None:
        if isinstance(self.screen, PlanScreen):
            self.pop_screen()
        box = self.query_one("#filter", FilterInput)
        box.display = True
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", FilterInput)
        box.value = ""
        box.display = False
        self.workspace.set_query("")
        self.redraw()
        self._focus_list()

    def action_toggle_finished(self) -> None:
        hidden = self.workspace.toggle_finished()
        self.notify(
            "Finished plans hidden" if hidden else "Finished plans shown",
            timeout=2,
        )
        self.redraw()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_rescan(self) -> None:
        self.workspace.begin_rescan()
        self.redraw()
        self.scan_plans()

    def action_edit(self) -> None:
        if isinstance(self.screen, PlanScreen):
            self.screen.action_edit()
            return
        rows = self.view(self.active_tab).rows
        if not rows.highlighted_key:
            self.notify("Put the cursor on a plan first.", severity="warning")
            return
        path, line = parse_key(rows.highlighted_key)
        if line is None:
            plan = self.plan(path)
            cur = plan.current_phase if plan else None
            line = cur.line if cur else 1
        self.open_editor(path, line)

    def action_undo(self) -> None:
        if not self.workspace.request_undo():
            self.notify("Nothing to undo.", timeout=2)

    def request_tick(self, plan: Plan, item: Item) -> None:
        """Toggle `item` of `plan` in its file (in the IO worker)."""
        self.workspace.request_tick(plan, item)

    def open_editor(self, rel: str, line: int) -> None:
        """Open the file at `line` in the user's editor, the app suspended; then read it again."""
        cmd = editor_command(self.root / rel, line, os.environ)
        try:
            if self.editor_runner is not None:
                self.editor_runner(cmd)
            else:
                with self.suspend():
                    subprocess.run(cmd, check=False)
        except Exception as exc:  # SuspendNotSupported, OSError: say so, keep running
            self.notify(f"Could not run {cmd[0]}: {exc}", markup=False, severity="error")
        self.workspace.request_reread({rel})

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Show finished plans" if self.workspace.hide_finished else "Hide finished plans",
            "Plans whose checklist is complete or whose status is done",
            self.action_toggle_finished,
        )
        yield SystemCommand("Filter", "Filter the views by text", self.action_filter)
        yield SystemCommand("Reload", "Read every plan file again", self.action_rescan)
        yield SystemCommand("Undo", "Undo the last tick", self.action_undo)
        for tab in TABS:
            yield SystemCommand(
                f"Show {tab}", f"Switch to the {tab} tab", lambda t=tab: self.action_show_tab(t)
            )

    # -- workers (goaldash.workspace.worker does the work) ----------------------------------

    @work(thread=True, exclusive=True, group="scan")
    def scan_plans(self) -> None:
        """Read every plan, posting them in batches as they come."""
        this = get_current_worker()
        worker.scan(self.workspace, self._emit, lambda: this.is_cancelled)

    @work(thread=True, group="io")
    def io_worker(self) -> None:
        """Run re-reads, ticks and undos one at a time, in the order they were asked."""
        this = get_current_worker()
        worker.run_jobs(self.workspace, self._emit, lambda: this.is_cancelled)

    @work(thread=True, exclusive=True, group="standup")
    def standup_worker(self, round: int, span: str) -> None:
        """Git's answer for `span`, once the plans are read (so they can be compared)."""
        self._emit(worker.read_standup(self.workspace, round, span))

    @work(group="watch", exclusive=True)
    async def watch_files(self) -> None:
        """Turn file events into re-read jobs."""
        try:
            await worker.follow_files(self.workspace)
        except Exception as exc:  # a watcher that dies must say so, not freeze the view
            self.notify(
                f"Stopped watching files ({render.shown(str(exc))}); press r to read them again.",
                markup=False,
                severity="warning",
            )


def run(root: Path, today: date | None = None, config: Config | None = None) -> int:
    """Run the dashboard until the user quits."""
    GoalDashApp(root, today, config=config).run()
    return 0
