"""The goaldash dashboard: a Textual app over what the core reads.

The UI thread only draws. Three workers do the rest and post messages back:
- the scan (a thread) reads every plan once and sends them in batches as they are read;
- the file watcher (watchfiles, async) turns file events into re-read jobs;
- the IO worker (a thread) runs jobs one at a time, in order: re-reading changed files,
  ticks and undos (through `goaldash.edit`, the only code that writes a user's file).
Running jobs one by one means a tick and the re-read after it can never race each other.
"""

from __future__ import annotations

import gc
import os
import queue
import subprocess
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

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

from goaldash.contradictions import cross_check
from goaldash.editor import editor_command
from goaldash.model import Item, Plan, Progress
from goaldash.report.style import bar
from goaldash.ui import render
from goaldash.ui.help import HelpScreen
from goaldash.ui.plan_screen import PlanScreen
from goaldash.ui.views import (
    BlockersView,
    DashState,
    OverviewView,
    StandupView,
    TimelineView,
    View,
    WarningsView,
    parse_key,
)
from goaldash.ui.widgets import Later, RowList

if TYPE_CHECKING:
    import anyio

    from goaldash.config import Config
    from goaldash.edit import EditResult
    from goaldash.standup import Standup

TABS = ("overview", "blockers", "timeline", "warnings", "standup")

EditorRunner = Callable[[list[str]], None]


# -- messages from the workers ----------------------------------------------------------------


class PlansRead(Message):
    """Plans read (or read again), and paths that stopped being plans."""

    def __init__(
        self,
        plans: list[Plan],
        removed: Iterable[str] = (),
        *,
        scanned: int | None = None,
        candidates: int | None = None,
        final: bool = False,
        replace_all: bool = False,
        empty_folder: bool = False,
    ) -> None:
        super().__init__()
        self.plans = plans
        self.removed = list(removed)
        self.scanned = scanned
        self.candidates = candidates
        self.final = final
        self.replace_all = replace_all
        self.empty_folder = empty_folder


class Ticked(Message):
    """A tick or an undo was written (or found already done)."""

    def __init__(
        self,
        result: EditResult,
        rel: str,
        undone: bool,
        before: str,
        shown: threading.Event | None = None,
    ) -> None:
        super().__init__()
        self.shown = shown
        """Set once the tick is on screen: the worker parses the file only then."""
        self.result = result
        self.rel = rel
        self.undone = undone
        self.before = before
        """Fingerprint of the bytes the change was made to."""


class Refused(Message):
    """A tick or an undo was refused; the file is being read again."""

    def __init__(self, message: str, undo_of: EditResult | None = None) -> None:
        super().__init__()
        self.message = message
        self.undo_of = undo_of


class StandupReady(Message):
    """Git answered (or could not) for the standup span asked in round `round`."""

    def __init__(self, round: int, result: Standup | None, error: str | None) -> None:
        super().__init__()
        self.round = round
        self.result = result
        self.error = error


class ScanFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


@dataclass(frozen=True, slots=True)
class _Job:
    kind: str
    """"reread", "tick", "undo" or "rescan"."""
    rels: frozenset[str] = frozenset()
    line: int = 0
    text: str = ""
    fingerprint: str = ""
    result: EditResult | None = None
    items: tuple[Item, ...] | None = None


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
        self.root = root.resolve()
        self.state = DashState(self.root, today or date.today())
        self.config = config
        self.watching = watch
        self.editor_runner = editor_runner
        self.undo_stack: list[tuple[str, EditResult]] = []
        self._raw: dict[str, Plan] = {}
        self._jobs: queue.Queue[_Job] = queue.Queue()
        self._scan_done = threading.Event()
        self._stop = threading.Event()
        self._dirty: set[str] = set(TABS)
        self._redraw_pending = False
        self._fixed_today = today is not None
        self._standup_round = 0
        self._standup_stale = True

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
        self._stop.set()

    # -- state ----------------------------------------------------------------------------

    def plan(self, path: str) -> Plan | None:
        """The current copy of the plan at `path` (with cross-file warnings)."""
        for p in self.state.plans:
            if p.path == path:
                return p
        return None

    def _recompute(self) -> None:
        self.state.plans = cross_check([self._raw[k] for k in sorted(self._raw)])

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
            found.first(View).redraw(self.state)

    def _draw_status(self) -> None:
        s = self.state
        counted = s.counted()
        total = sum((p.progress for p in counted), Progress())
        t = Text.assemble(("goaldash ", "bold"))
        t.append(render.shown(s.root.name or str(s.root)), style="cyan")
        t.append(f"  {len(counted)} plan{'s' * (len(counted) != 1)}  ")
        t.append_text(bar(total, 12))
        t.append(f" {total.done}/{total.total} ({total.percent:g}%)")
        blockers = sum(len(p.open_blockers) for p in counted)
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
        nb = blockers
        nw = sum(len(p.warnings) for p in s.visible())
        tabs.get_tab("blockers").label = f"2 Blockers ({nb})" if nb else "2 Blockers"
        tabs.get_tab("warnings").label = f"4 Warnings ({nw})" if nw else "4 Warnings"

    # -- messages -------------------------------------------------------------------------

    def on_plans_read(self, msg: PlansRead) -> None:
        changed = False
        if msg.replace_all:
            keep = {p.path for p in msg.plans}
            for path in [k for k in self._raw if k not in keep]:
                del self._raw[path]
                changed = True
        for plan in msg.plans:
            old = self._raw.get(plan.path)
            if old is not None and old == plan:
                continue  # our own write, already shown; or a save that changed nothing
            self._raw[plan.path] = plan
            changed = True
        for path in msg.removed:
            if self._raw.pop(path, None) is not None:
                changed = True
                self.notify(f"{render.shown(path)} is gone", markup=False, timeout=3)
        s = self.state
        if msg.scanned is not None:
            s.scanned = msg.scanned
        if msg.candidates is not None:
            s.candidates = msg.candidates
        if msg.final:
            s.scanning = False
            s.empty_folder = msg.empty_folder
        if changed:
            self._recompute()
            self._standup_stale = True
            if not s.scanning and self.active_tab == "standup":
                self.refresh_standup()
        if msg.final or (changed and not s.scanning):
            self.redraw()  # a change while live: show it now
        if msg.final:
            # A big repository leaves a few hundred thousand long-lived objects (the plans);
            # a full collection walking them all stalls a redraw for a tenth of a second. They
            # hold no reference cycles, and reference counting still frees superseded ones.
            gc.freeze()
        elif changed or msg.scanned is not None:
            self._redraw_soon()  # while scanning: at most a few times a second

    def _redraw_soon(self) -> None:
        if not self._redraw_pending:
            self._redraw_pending = True
            self.set_timer(0.25, self._redraw_due)

    def _redraw_due(self) -> None:
        if self._redraw_pending:
            self.redraw()

    def on_ticked(self, msg: Ticked) -> None:
        from goaldash.watch import ticked_plan

        r = msg.result
        shown = self._raw.get(msg.rel)
        if r.changed and not r.moved and shown is not None and shown.fingerprint == msg.before:
            # Show the tick now; the parser's reading of the written file follows. (An item
            # that moved was ticked in bytes the view has not shown: the reading will.)
            self._raw[msg.rel] = ticked_plan(shown, r.line, r.new_mark, r.fingerprint)
            self._recompute()
            self._standup_stale = True  # a tick is an uncommitted change
            if self.active_tab == "standup":
                self.refresh_standup()
            self.redraw()
        if msg.shown is not None:
            self.call_after_refresh(msg.shown.set)
        if not msg.undone and r.changed:
            self.undo_stack.append((msg.rel, r))
        verb = "undone" if msg.undone else r.state.value.replace("_", " ")
        if not r.changed:
            verb = f"already {verb}"
        moved = f" (found at line {r.line})" if r.moved else ""
        self.notify(
            f"{verb}  {render.shown(msg.rel)}:{r.line}{moved}  {render.shown(r.text)}",
            markup=False,
            timeout=2.5,
        )

    def on_refused(self, msg: Refused) -> None:
        if msg.undo_of is not None:
            self.notify(f"Undo refused: {msg.message}", markup=False, severity="error", timeout=8)
            return
        self.notify(
            f"Not ticked: {msg.message}. The file was read again; nothing was written.",
            markup=False,
            severity="error",
            timeout=8,
        )

    def on_scan_failed(self, msg: ScanFailed) -> None:
        self.state.scanning = False
        self.notify(msg.message, markup=False, severity="error", timeout=15)
        self.redraw()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.screen is self.screen_stack[0]:
            self._draw_tab(self.active_tab)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id or "overview"
        if pane == "standup" and self._standup_stale:
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
            self.state.query = event.value
            self.redraw()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            event.input.display = bool(self.state.query)
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
        self._standup_round += 1
        self._standup_stale = False
        self.state.standup_busy = True
        self._dirty.add("standup")
        if self.active_tab == "standup" and self.screen is self.screen_stack[0]:
            self._draw_tab("standup")
            self._focus_list()
        self.standup_worker(self._standup_round, self.state.standup_span)

    def action_standup_span(self, step: int) -> None:
        """Step through the spans: yesterday, today, 3d, 7d, 14d, 30d."""
        from goaldash.standup import SPANS

        span = self.state.standup_span
        at = SPANS.index(span) if span in SPANS else 1
        nxt = SPANS[max(0, min(len(SPANS) - 1, at + step))]
        if self.active_tab != "standup" or self.screen is not self.screen_stack[0]:
            self.action_show_tab("standup")
        if nxt != self.state.standup_span:
            self.state.standup_span = nxt
            self.refresh_standup()

    def now(self) -> datetime:
        """The time standup counts to (on the pretended day, when one was given)."""
        now = datetime.now().astimezone()
        if self._fixed_today:
            now = datetime.combine(self.state.today, now.time()).astimezone()
        return now

    @work(thread=True, exclusive=True, group="standup")
    def standup_worker(self, round: int, span: str) -> None:
        """Git's answer for `span`, once the plans are read (so they can be compared)."""
        from goaldash.standup import StandupError, standup

        self._scan_done.wait(timeout=120)
        try:
            result = standup(self.root, span, self.now(), self._config(), plans=self.state.plans)
        except StandupError as exc:
            self.post_message(StandupReady(round, None, str(exc)))
        except Exception as exc:  # never a traceback on screen
            self.post_message(StandupReady(round, None, f"standup failed: {exc}"))
        else:
            self.post_message(StandupReady(round, result, None))

    def on_standup_ready(self, msg: StandupReady) -> None:
        if msg.round != self._standup_round:
            return  # an answer to a span (or a state of the files) since replaced
        s = self.state
        s.standup, s.standup_error, s.standup_busy = msg.result, msg.error, False
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
        self.state.query = ""
        self.redraw()
        self._focus_list()

    def action_toggle_finished(self) -> None:
        self.state.hide_finished = not self.state.hide_finished
        self.notify(
            "Finished plans hidden" if self.state.hide_finished else "Finished plans shown",
            timeout=2,
        )
        self.redraw()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_rescan(self) -> None:
        self._standup_stale = True
        self.state.scanning = True
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
        if not self.undo_stack:
            self.notify("Nothing to undo.", timeout=2)
            return
        rel, result = self.undo_stack.pop()
        self._jobs.put(_Job("undo", frozenset({rel}), result=result))

    def request_tick(self, plan: Plan, item: Item) -> None:
        """Toggle `item` of `plan` in its file (in the IO worker)."""
        self._jobs.put(
            _Job(
                "tick",
                frozenset({plan.path}),
                line=item.line,
                text=item.text,
                fingerprint=plan.fingerprint,
                items=plan.items,
            )
        )

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
        self._jobs.put(_Job("reread", frozenset({rel})))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Show finished plans" if self.state.hide_finished else "Hide finished plans",
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

    # -- workers --------------------------------------------------------------------------

    def _config(self) -> Config:
        from goaldash.config import load_config

        if self.config is None:
            self.config = load_config(self.root)
        return self.config

    @work(thread=True, exclusive=True, group="scan")
    def scan_plans(self) -> None:
        """Read every plan, posting them in batches as they come."""
        from goaldash.cache import ParseCache
        from goaldash.config import ConfigError
        from goaldash.discover import candidates
        from goaldash.report.jsonout import fragment
        from goaldash.scan import read_batches

        worker = get_current_worker()
        self._scan_done.clear()
        try:
            try:
                config = self._config()
            except ConfigError as exc:
                self.post_message(ScanFailed(str(exc)))
                return
            found = candidates(self.root, config)
            empty = not found and not any(True for _ in self.root.iterdir())
            self.post_message(PlansRead([], scanned=0, candidates=len(found)))
            cache = ParseCache.for_root(self.root)
            if cache.warning is not None:  # thread-safe: a toast, not the terminal
                self.notify(cache.warning, markup=False, severity="warning", timeout=10)
            seen: list[Plan] = []
            for done, batch in read_batches(found, self.state.today, cache, keep_json=fragment):
                if worker.is_cancelled:
                    return
                seen.extend(batch)
                self.post_message(PlansRead(batch, scanned=done))
            self.post_message(
                PlansRead(
                    seen,
                    scanned=len(found),
                    final=True,
                    replace_all=True,
                    empty_folder=empty,
                )
            )
            cache.save()
        except OSError as exc:
            self.post_message(ScanFailed(f"cannot read {self.root}: {exc}"))
        finally:
            self._scan_done.set()

    @work(thread=True, group="io")
    def io_worker(self) -> None:
        """Run re-reads, ticks and undos one at a time, in the order they were asked."""
        worker = get_current_worker()
        while not self._stop.is_set() and not worker.is_cancelled:
            try:
                job = self._jobs.get(timeout=0.1)
            except queue.Empty:
                continue
            if not self._scan_done.wait(timeout=30):
                continue
            try:
                self._run(job)
            except Exception as exc:  # never let one bad job kill the worker
                self.post_message(Refused(f"{type(exc).__name__}: {exc}"))

    def _run(self, job: _Job) -> None:
        from goaldash.edit import EditError, set_item_state, undo
        from goaldash.watch import reread

        rels = set(job.rels)
        if job.kind == "tick":
            (rel,) = rels
            try:
                result = set_item_state(
                    self.root / rel,
                    job.line,
                    None,
                    expect_text=job.text,
                    expect_fingerprint=job.fingerprint,
                    known_items=job.items,
                )
                shown = threading.Event()
                self.post_message(
                    Ticked(result, rel, undone=False, before=job.fingerprint, shown=shown)
                )
                # Parsing holds the interpreter; let the UI show the tick first.
                shown.wait(timeout=0.5)
            except EditError as exc:
                self.post_message(Refused(str(exc)))
        elif job.kind == "undo":
            (rel,) = rels
            assert job.result is not None
            try:
                done = undo(job.result)
                self.post_message(Ticked(done, rel, undone=True, before=job.result.fingerprint))
            except EditError as exc:
                self.post_message(Refused(str(exc), undo_of=job.result))
        # Every job ends with the files read again, so the view shows what is on disk.
        while True:  # fold in whatever else is already queued
            try:
                more = self._jobs.get_nowait()
            except queue.Empty:
                break
            if more.kind == "reread":
                rels |= more.rels
            else:
                self._jobs.put(more)
                break
        known = set(self._raw)
        out = reread(self.root, rels, self._config(), self.state.today, known.__contains__)
        if out.rescan:
            self.config = None
            self.call_from_thread(self.action_rescan)
        if out.plans or out.removed:
            self.post_message(PlansRead(out.plans, out.removed))

    @work(group="watch", exclusive=True)
    async def watch_files(self) -> None:
        """Turn file events into re-read jobs (the IO worker trusts a fresh stat, not them)."""
        from goaldash.watch import changed_since, watch

        # watchfiles polls `is_set()` from its thread and calls `set()` when cancelled: a
        # threading.Event does both, and also stops the IO worker at exit.
        stop = cast("anyio.Event", self._stop)

        def lost(since_ns: int) -> set[str]:  # a restarted watcher missed events: look
            return changed_since(self.root, since_ns, self._config(), list(self._raw))

        try:
            async for rels in watch(self.root, stop, lost):
                self._jobs.put(_Job("reread", frozenset(rels)))
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
