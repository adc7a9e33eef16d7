"""The goaldash dashboard: a Textual app over the workspace (`goaldash.workspace`).

The app wires things together. It holds the workspace (the one source of truth every screen
reads), starts the workers, applies what they report and says when to draw again; the screens
draw. The UI thread never reads a file, parses or runs git: the workers do
(`goaldash.workspace.worker`) and post what they did back as `Reported` messages:
- the scan (a thread) reads every plan once and sends them in batches as they are read;
- the file watcher (watchfiles, async) turns file events into re-read jobs;
- the IO worker (a thread) runs jobs one at a time, in order: re-reading changed files,
  ticks and undos (through `goaldash.edit`, the only code that writes a user's file);
- standup (a thread, run by the main screen) asks git what moved.
Running jobs one by one means a tick and the re-read after it can never race each other.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from goaldash.collector import end_start_pause
from goaldash.editor import editor_command
from goaldash.model import Plan
from goaldash.ui.cells import one_line
from goaldash.ui.messages import OpenEditor, OpenPlan, Reported
from goaldash.ui.screens.main import MainScreen
from goaldash.ui.tabs import next_tab, tab_bindings
from goaldash.ui.throttle import Throttle
from goaldash.ui.toasts import ITEM_CELLS, TOAST_CSS, cut, toast_text
from goaldash.ui.views.base import row_key
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
    from textual.command import Provider

    from goaldash.config import Config
    from goaldash.ui.screens.help import HelpScreen
    from goaldash.ui.screens.plan import PlanScreen
    from goaldash.workspace.reader import Reader

EditorRunner = Callable[[list[str]], None]

REDRAW_EVERY = 0.5
"""While plans are being read, the views are drawn again at most this often (seconds). A
reading done within this time is drawn once, when it is done: a warm start of 1,000 plans
drew them half-read at 0.25 s, which put off drawing them all by 0.05-0.1 s."""


def screens() -> tuple[type[PlanScreen], type[HelpScreen]]:
    """The plan's screen and the keys' (imported when first asked for: not before the first
    frame, which shows neither)."""
    from goaldash.ui.screens.help import HelpScreen
    from goaldash.ui.screens.plan import PlanScreen

    return PlanScreen, HelpScreen


def plan_commands() -> type[Provider]:
    """The palette's plans (imported when the palette first opens)."""
    from goaldash.ui.palette import PlanCommands

    return PlanCommands


class GoalDashApp(App[None]):
    """The dashboard."""

    CSS_PATH = Path(__file__).with_name("goaldash.tcss")
    CSS = TOAST_CSS
    TITLE = "goaldash"
    AUTO_FOCUS = None
    COMMANDS = App.COMMANDS | {plan_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # The tab labels show their numbers; the footer keeps room for the rest.
        *tab_bindings(),
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
        open_path: str | None = None,
        reader: Reader | None = None,
    ) -> None:
        super().__init__()
        self.workspace = Workspace.at(root, today, config)
        """The one source of truth: every view and screen reads it."""
        self.open_path = open_path
        """A plan to open once the scan has read it (`goaldash FILE`), relative to `root`."""
        self.main = MainScreen(self.workspace)
        self.watching = watch
        self.editor_runner = editor_runner
        self._soon = Throttle(self, REDRAW_EVERY, self.redraw)
        """Redraws while plans are being read: a few a second, not one per batch."""
        self._drawn = -1
        """The workspace's version last drawn."""
        self._reader = reader
        """The child process already reading the plans (`workspace.reader`), for the first
        scan; None when this process reads them."""
        self._since: int | None = reader.started if reader is not None else time.time_ns()
        """When the first reading began: the file watcher, started once it is done, reads
        again what changed from then until it was in place. None once it is started."""

    def plan(self, path: str) -> Plan | None:
        """The current copy of the plan at `path` (with cross-file warnings)."""
        return self.workspace.plan(path)

    def get_default_screen(self) -> Screen[None]:
        return self.main

    def on_mount(self) -> None:
        # Decoding (and parsing, without a reader) starts once the first screen is up, so it
        # never delays the first paint. The file watcher (whose module brings the parser)
        # starts once the plans are read and shown (`_start_watching`).
        reader, self._reader = self._reader, None
        self.call_after_refresh(self.scan_plans, reader)
        self.io_worker()
        self.call_after_refresh(end_start_pause)  # the first frame is drawn

    def on_unmount(self) -> None:
        self.workspace.stop.set()  # the scan worker, cancelled, lets its reader go

    # -- drawing ----------------------------------------------------------------------------

    def redraw(self) -> None:
        """Draw the main screen and the plans shown over it, from the workspace as it is."""
        self._soon.cancel()
        if not self.is_running:
            return  # a timer fired while the app shuts down: its widgets are going
        self._drawn = self.workspace.version
        self.main.redraw()
        if len(self.screen_stack) > 1:  # the plan's screen is imported once one is opened
            plan_screen, _ = screens()
            for screen in self.screen_stack:
                if isinstance(screen, plan_screen):
                    screen.refresh_plan()

    def on_resize(self) -> None:
        self.call_after_refresh(self.redraw)

    # -- what the workers did ---------------------------------------------------------------

    def emit(self, event: Event) -> None:
        """A worker's report, posted to the UI thread (callable from any thread)."""
        self.post_message(Reported(event))

    def on_reported(self, msg: Reported) -> None:
        match msg.event:
            case PlansRead() as read:
                self._plans_read(read)
            case Ticked() as ticked:
                self._ticked(ticked)
            case Refused(message, undo_of=None) as refused:
                self.workspace.apply_refused(refused)
                said = f"Not ticked: {self._here(message).removesuffix('; nothing written')}"
                self.notify(said, markup=False, severity="error", timeout=8)
            case Refused(message) as refused:
                self.workspace.apply_refused(refused)
                said = f"Undo refused: {self._here(message)}"
                self.notify(said, markup=False, severity="error", timeout=8)
            case StandupAnswer() as answer:
                self.main.standup_answered(answer)
            case ScanFailed(message):
                self.workspace.scan_failed()
                self.notify(message, markup=False, severity="error", timeout=15)
                self.redraw()
                self.call_after_refresh(self._start_watching)
            case Notice(message, severity, timeout):
                self.notify(message, markup=False, severity=severity, timeout=timeout)
            case RescanNeeded():
                self.action_rescan()
        self.settle()

    def settle(self) -> None:
        """After an event: say the workspace's notes, and draw again if it changed since it
        was last drawn (while scanning, a few times a second), so no view is left behind."""
        for note in self.workspace.take_notes():
            self.notify(note, markup=False, timeout=2)
        if self.workspace.version != self._drawn:
            if self.workspace.scanning:
                self._soon.soon()
            else:
                self.redraw()

    def _plans_read(self, msg: PlansRead) -> None:
        ws = self.workspace
        applied = ws.apply_plans(msg)
        for path in applied.gone:
            self.notify(f"{one_line(path)} is gone", markup=False, timeout=3)
        if applied.changed and not ws.scanning and self.main.active_tab == "standup":
            self.main.refresh_standup()
        if msg.final or (applied.changed and not ws.scanning):
            self.redraw()  # a change while live: show it now
        if self.open_path is not None and (msg.final or ws.plan(self.open_path) is not None):
            path, self.open_path = self.open_path, None  # `goaldash FILE`: open it once read
            if ws.plan(path) is None:
                self.notify(f"{path} is not among the plans read here", markup=False)
            else:
                self.redraw()  # its row is there, with the cursor on it for when it is closed
                self.main.view("overview").rows.select_key(row_key(path))
                self.open_plan(path)
        if msg.shown is not None:
            self.call_after_refresh(msg.shown.set)  # drawn: the scan may go on
        if msg.final:
            self.call_after_refresh(self._start_watching)
            # A big repository leaves a few hundred thousand long-lived objects (the plans);
            # a full collection walking them all stalls a redraw for a tenth of a second. They
            # hold no reference cycles, and reference counting still frees superseded ones.
            gc.freeze()
        elif applied.changed or msg.scanned is not None:
            self._soon.soon()  # while scanning: at most a few times a second

    def _ticked(self, msg: Ticked) -> None:
        if self.workspace.apply_tick(msg):
            if self.main.active_tab == "standup":
                self.main.refresh_standup()
            self.redraw()
        if msg.shown is not None:
            self.call_after_refresh(msg.shown.set)
        r = msg.result
        verb = "undone" if msg.undone else r.state.value.replace("_", " ")
        if not r.changed:
            verb = f"already {verb}"
        moved = f" (found at line {r.line})" if r.moved else ""
        said = f"{verb}: {cut(r.text, ITEM_CELLS)}  {msg.rel}:{r.line}{moved}"
        self.notify(said, markup=False, timeout=2.5)

    # -- toasts -------------------------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast in one or two lines (`toasts.toast_text`): a long path shortened in
        its middle, a long message cut."""
        text = toast_text(message) if not markup else message
        super().notify(text, title=title, severity=severity, timeout=timeout, markup=markup)

    def _here(self, message: str) -> str:
        """`message` with the paths under the root written relative to it."""
        return message.replace(f"{self.workspace.root}{os.sep}", "")

    # -- what the screens ask -----------------------------------------------------------------

    def on_open_plan(self, msg: OpenPlan) -> None:
        self.open_plan(msg.path, msg.line)

    def on_open_editor(self, msg: OpenEditor) -> None:
        self.open_editor(msg.path, msg.line)

    def open_plan(self, path: str, line: int | None = None) -> None:
        """Show one plan (on top of the dashboard), at `line` when given."""
        plan_screen, help_screen = screens()
        while isinstance(self.screen, (plan_screen, help_screen)):
            self.pop_screen()
        if self.plan(path) is None:
            self.notify(f"{one_line(path)} is not a plan any more", markup=False)
            return
        self.push_screen(plan_screen(self.workspace, path, line))

    def open_editor(self, rel: str, line: int) -> None:
        """Open the file at `line` in the user's editor, the app suspended; then read it again.

        The editor is looked for first (on a worker: it reads the PATH's folders); a missing
        one, one that cannot start or one that fails gets a one-line message, and the app
        always comes back (Textual's `suspend` does not resume when its block raises)."""
        cmd = editor_command(self.workspace.root / rel, line, os.environ)
        if self.editor_runner is None:
            self._find_editor(cmd, rel)
            return
        try:
            self.editor_runner(cmd)
        except Exception as exc:
            self.notify(f"Could not run {cmd[0]}: {exc}", markup=False, severity="error")
        self.workspace.request_reread({rel})

    @work(thread=True, group="editor", exit_on_error=False)
    def _find_editor(self, cmd: list[str], rel: str) -> None:
        if shutil.which(cmd[0]) is None:
            said = f"No editor {one_line(cmd[0])!r} found: set $EDITOR (or $VISUAL) to one."
            self.call_from_thread(self.notify, said, markup=False, severity="error", timeout=8)
            return
        self.call_from_thread(self._run_editor, cmd, rel)

    def _run_editor(self, cmd: list[str], rel: str) -> None:
        problem: str | None = None
        try:
            with self.suspend():
                try:
                    code = subprocess.run(cmd, check=False).returncode
                except OSError as exc:
                    problem = f"Could not run {cmd[0]}: {exc.strerror or exc}"
                else:
                    if code != 0:
                        problem = f"{cmd[0]} exited with status {code}."
        except SuspendNotSupported as exc:
            problem = f"Could not run {cmd[0]}: {exc}"
        if problem is not None:
            self.notify(one_line(problem), markup=False, severity="error", timeout=8)
        self.workspace.request_reread({rel})

    # -- actions (the keys) -----------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.main.show_tab(tab)

    def action_cycle_tab(self, step: int) -> None:
        """tab / l: the next tab; shift+tab / h: the previous one (round the ends)."""
        self.action_show_tab(next_tab(self.main.active_tab, step))

    def action_standup_span(self, step: int) -> None:
        """Step through the spans: yesterday, today, 3d, 7d, 14d, 30d."""
        if self.main.active_tab != "standup" or not self.main.on_top:
            self.action_show_tab("standup")
        if self.workspace.step_standup_span(step):
            self.main.refresh_standup()

    def action_filter(self) -> None:
        if isinstance(self.screen, screens()[0]):
            self.pop_screen()
        self.main.open_filter()

    def action_toggle_finished(self) -> None:
        hidden = self.workspace.toggle_finished()
        self.notify("Finished plans hidden" if hidden else "Finished plans shown", timeout=2)
        self.redraw()

    def action_help(self) -> None:
        _, help_screen = screens()
        if not isinstance(self.screen, help_screen):
            self.push_screen(help_screen())

    def action_rescan(self) -> None:
        self.workspace.begin_rescan()
        self.redraw()
        self.scan_plans()

    def action_edit(self) -> None:
        screen = self.screen
        (screen if isinstance(screen, screens()[0]) else self.main).action_edit()

    def action_undo(self) -> None:
        if not self.workspace.request_undo():
            self.notify("Nothing to undo.", timeout=2)
        self.settle()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from goaldash.ui.palette import dashboard_commands

        yield from dashboard_commands(self)

    # -- workers (goaldash.workspace.worker does the work) ------------------------------------

    @work(thread=True, exclusive=True, group="scan")
    def scan_plans(self, reader: Reader | None = None) -> None:
        """Read every plan (or take them from `reader`), posting them in batches as they come."""
        this = get_current_worker()
        worker.scan(self.workspace, self.emit, lambda: this.is_cancelled, reader)

    @work(thread=True, group="io")
    def io_worker(self) -> None:
        """Run re-reads, ticks and undos one at a time, in the order they were asked."""
        this = get_current_worker()
        worker.run_jobs(self.workspace, self.emit, lambda: this.is_cancelled)

    def _start_watching(self) -> None:
        """Start the file watcher, once, when the first reading is over and shown."""
        if self.watching and self._since is not None:
            since, self._since = self._since, None
            self.watch_files(since)

    @work(group="watch", exclusive=True)
    async def watch_files(self, since_ns: int | None = None) -> None:
        """Turn file events into re-read jobs (and what changed since `since_ns`)."""
        try:
            await worker.follow_files(self.workspace, since_ns)
        except Exception as exc:  # a watcher that dies must say so, not freeze the view
            self.notify(
                f"Stopped watching files: press r to read them again ({one_line(str(exc))})",
                markup=False,
                severity="warning",
            )


def run(
    root: Path,
    today: date | None = None,
    config: Config | None = None,
    open_path: str | None = None,
    reader: Reader | None = None,
) -> int:
    """Run the dashboard until the user quits (with the plan at `open_path` open), taking
    the first reading of the plans from `reader` when there is one."""
    GoalDashApp(root, today, config=config, open_path=open_path, reader=reader).run()
    return 0
