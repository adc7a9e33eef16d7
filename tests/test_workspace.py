"""The dashboard's headless core without a screen: scanning, the filter, ticks, undos and
re-reads, driven as the dashboard drives them (workers report events, applied in order)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from goaldash.model import Plan
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

from .conftest import TODAY

ALPHA = """\
# Alpha rollout plan

**Status:** In Progress

## Phase 1: Groundwork (2026-11-01 to 2026-11-14)

- [x] Set up the repo
- [ ] Write the schema

## Phase 2: Launch (2026-11-15 to 2026-12-10)

- [ ] Ship it

## Blockers

1. Legal review pending
   - Owner: Kim
"""

BETA = "# Tasks: Beta\n\n## Phase 1: Setup\n\n- [x] T001 Create project\n- [x] T002 Configure CI\n"

A = "docs/plans/alpha-plan.md"
B = "specs/001-beta/tasks.md"


class Headless:
    """A workspace and its workers, run on this thread; events are applied as the UI would."""

    def __init__(self, root: Path) -> None:
        self.ws = Workspace.at(root, TODAY)
        self.seen: list[Event] = []
        self.gone: list[str] = []
        self.pending: list[Event] = []

    def emit(self, event: Event) -> None:
        self.pending.append(event)
        if isinstance(event, Ticked | PlansRead) and event.shown is not None:
            event.shown.set()  # "on screen": the worker goes on at once

    def apply(self) -> None:
        pending, self.pending = self.pending, []
        for event in pending:
            self.seen.append(event)
            match event:
                case PlansRead():
                    self.gone.extend(self.ws.apply_plans(event).gone)
                case Ticked():
                    self.ws.apply_tick(event)
                case StandupAnswer():
                    self.ws.apply_standup(event)
                case ScanFailed():
                    self.ws.scan_failed()
                case Refused():
                    self.ws.apply_refused(event)

    def scan(self) -> None:
        worker.scan(self.ws, self.emit, lambda: False)
        self.apply()

    def jobs(self) -> None:
        """Run every queued job, then apply what they reported."""
        while worker.run_next(self.ws, self.emit, timeout=0):
            pass
        self.apply()

    def plan(self, path: str) -> Plan:
        plan = self.ws.plan(path)
        assert plan is not None, path
        return plan

    def of(self, kind: type) -> list[Event]:
        return [e for e in self.seen if isinstance(e, kind)]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


def make_root(tmp_path: Path) -> Path:
    """A folder with plans A and B and a readme."""
    root = tmp_path / "repo"
    (root / "docs" / "plans").mkdir(parents=True)
    (root / A).write_text(ALPHA, encoding="utf-8")
    (root / "specs" / "001-beta").mkdir(parents=True)
    (root / B).write_text(BETA, encoding="utf-8")
    (root / "README.md").write_text("# Just a readme\n", encoding="utf-8")
    return root


@pytest.fixture
def dash(root: Path) -> Headless:
    h = Headless(root)
    h.scan()
    return h


def test_a_scan_fills_the_workspace(dash: Headless) -> None:
    ws = dash.ws
    assert not ws.scanning and ws.scan_done.is_set()
    assert [p.path for p in ws.plans] == [A, B]
    assert ws.candidates == ws.scanned >= 2
    total = ws.summary()
    assert (total.plans, total.progress.done, total.progress.total) == (2, 3, 5)
    assert total.open_blockers == 1
    final = [e for e in dash.of(PlansRead) if isinstance(e, PlansRead) and e.final]
    assert len(final) == 1 and final[0].replace_all


def test_the_filter_and_hide_finished(dash: Headless) -> None:
    ws = dash.ws
    ws.set_query("beta")
    assert [p.path for p in ws.visible()] == [B]
    ws.set_query("ROLLOUT groundwork")  # every word, in any field (title, phase names)
    assert [p.path for p in ws.visible()] == [A]
    ws.set_query("")
    assert ws.toggle_finished() is True
    assert [p.path for p in ws.counted()] == [A]
    assert ws.summary().progress.total == 3
    assert ws.toggle_finished() is False
    assert len(ws.counted()) == 2


def test_tick_shows_at_once_then_undo_restores_the_bytes(dash: Headless, root: Path) -> None:
    ws = dash.ws
    before = (root / A).read_bytes()
    plan = dash.plan(A)
    item = next(i for i in plan.items if i.text == "Write the schema")
    ws.request_tick(plan, item)
    worker.run_next(ws, dash.emit, timeout=0)
    after = (root / A).read_bytes()
    assert len(after) == len(before)
    diff = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(diff) == 1 and after[diff[0] : diff[0] + 1] == b"x"
    ticked, reread = dash.pending
    assert isinstance(ticked, Ticked) and not ticked.undone and ticked.result.changed
    assert isinstance(reread, PlansRead) and [p.path for p in reread.plans] == [A]
    # The tick alone shows: the copy on show is ticked before the parser reads the file.
    dash.pending = [ticked]
    dash.apply()
    assert dash.plan(A).progress.done == 2
    assert dash.plan(A).fingerprint == ticked.result.fingerprint
    assert len(ws.undo_stack) == 1
    dash.pending = [reread]
    dash.apply()
    assert dash.plan(A).progress.done == 2
    assert ws.request_undo() is True
    dash.jobs()
    assert (root / A).read_bytes() == before
    assert dash.plan(A).progress.done == 1
    assert ws.undo_stack == []
    assert ws.request_undo() is False


def test_a_tick_of_bytes_not_on_show_waits_for_the_reading(dash: Headless, root: Path) -> None:
    ws = dash.ws
    plan = dash.plan(A)
    item = next(i for i in plan.items if i.text == "Ship it")
    # A line added above: the item is found by its text, at another line.
    (root / A).write_text(ALPHA.replace("# Alpha", "<!-- x -->\n# Alpha"), encoding="utf-8")
    ws.request_tick(plan, item)
    worker.run_next(ws, dash.emit, timeout=0)
    ticked = dash.pending[0]
    assert isinstance(ticked, Ticked) and ticked.result.moved
    dash.pending = [ticked]
    dash.apply()
    assert dash.plan(A).progress.done == 1, "not shown on the old copy"
    assert len(ws.undo_stack) == 1, "but it can be undone"
    dash.jobs()


def test_a_refused_tick_writes_nothing_and_reads_the_file_again(dash: Headless, root: Path) -> None:
    ws = dash.ws
    plan = dash.plan(A)
    item = next(i for i in plan.items if i.text == "Write the schema")
    edited = ALPHA.replace("Write the schema", "Draft the schema")
    (root / A).write_text(edited, encoding="utf-8")
    ws.request_tick(plan, item)
    dash.jobs()
    refused = dash.of(Refused)
    assert len(refused) == 1 and isinstance(refused[0], Refused) and refused[0].undo_of is None
    assert (root / A).read_text(encoding="utf-8") == edited
    assert any(i.text == "Draft the schema" for i in dash.plan(A).items)
    assert ws.undo_stack == []


def test_an_undo_refused_once_the_mark_changed(dash: Headless, root: Path) -> None:
    ws = dash.ws
    plan = dash.plan(A)
    item = next(i for i in plan.items if i.text == "Ship it")
    ws.request_tick(plan, item)
    dash.jobs()
    text = (root / A).read_text(encoding="utf-8")
    (root / A).write_text(text.replace("- [x] Ship it", "- [-] Ship it"), encoding="utf-8")
    assert ws.request_undo()
    dash.jobs()
    refused = dash.of(Refused)
    assert len(refused) == 1 and isinstance(refused[0], Refused)
    assert refused[0].undo_of is not None
    assert "- [-] Ship it" in (root / A).read_text(encoding="utf-8")


def test_rereads_follow_edits_and_deletes(dash: Headless, root: Path) -> None:
    ws = dash.ws
    (root / A).write_text(ALPHA.replace("- [ ] Ship it", "- [x] Ship it"), encoding="utf-8")
    (root / B).unlink()
    (root / "docs" / "plans" / "delta-plan.md").write_text("# Delta\n\n- [ ] one\n")
    ws.request_reread({A})
    ws.request_reread({B, "docs/plans/delta-plan.md"})  # folded into the first job
    dash.jobs()
    assert dash.plan(A).progress.done == 2
    assert ws.plan(B) is None and dash.gone == [B]
    assert ws.plan("docs/plans/delta-plan.md") is not None
    assert len([e for e in dash.seen if isinstance(e, PlansRead)]) > 0
    assert ws.standup_stale


def test_a_plan_read_again_unchanged_changes_nothing(dash: Headless) -> None:
    ws = dash.ws
    shown = ws.plans
    ws.standup_stale = False
    ws.request_reread({A})
    dash.jobs()
    assert ws.plans is shown, "the same plans: no redraw"
    assert not ws.standup_stale


def test_a_changed_configuration_asks_for_a_rescan(dash: Headless, root: Path) -> None:
    ws = dash.ws
    assert ws.config is not None
    (root / ".goaldash.toml").write_text("", encoding="utf-8")
    ws.request_reread({".goaldash.toml"})
    dash.jobs()
    assert dash.of(RescanNeeded) and ws.config is None
    ws.begin_rescan()
    assert ws.scanning
    dash.scan()
    assert not ws.scanning and len(ws.plans) == 2


def test_an_unusable_configuration_fails_the_scan(root: Path) -> None:
    (root / ".goaldash.toml").write_text("[include\n", encoding="utf-8")
    h = Headless(root)
    h.scan()
    assert h.of(ScanFailed) and not h.ws.scanning and h.ws.scan_done.is_set()


def test_the_job_worker_stops_with_the_workspace(dash: Headless) -> None:
    ws = dash.ws
    done = threading.Event()

    def run() -> None:
        worker.run_jobs(ws, dash.emit, lambda: False)
        done.set()

    thread = threading.Thread(target=run)
    thread.start()
    ws.stop.set()
    assert done.wait(timeout=5)
    thread.join()


def test_standup_answers_only_the_last_question(dash: Headless) -> None:
    ws = dash.ws
    first = ws.begin_standup()
    second = ws.begin_standup()
    assert ws.standup_busy and not ws.standup_stale
    assert not ws.apply_standup(StandupAnswer(first, None, "old"))
    assert ws.standup_busy and ws.standup_error is None
    answer = worker.read_standup(ws, second, ws.standup_span)
    assert answer.round == second and answer.error is not None  # not a git repository
    assert ws.apply_standup(answer)
    assert not ws.standup_busy and ws.standup_error == answer.error


def test_standup_spans_step_within_bounds(dash: Headless) -> None:
    ws = dash.ws
    assert ws.standup_span == "yesterday"
    assert ws.step_standup_span(-1) and ws.standup_span == "today"
    assert not ws.step_standup_span(-1)
    for _ in range(10):
        ws.step_standup_span(1)
    assert ws.standup_span == "30d"


def test_notices_are_events_not_prints(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from goaldash.cache import ParseCache

    refused = ParseCache(None, warning="the cache folder is not safe")
    monkeypatch.setattr(ParseCache, "for_root", classmethod(lambda cls, root: refused))
    h = Headless(root)
    h.scan()
    assert [e for e in h.seen if isinstance(e, Notice)] == [Notice("the cache folder is not safe")]


def test_a_burst_of_ticks_and_undos_does_what_slow_presses_do(dash: Headless, root: Path) -> None:
    """Issue 15: `space space space u u u` in one burst left the item ticked, the first undo
    refused (the undo stack was popped at key time, but filled only when a tick's answer
    came). Undos now wait behind the ticks asked before them."""
    ws = dash.ws
    before = (root / A).read_bytes()
    plan = dash.plan(A)
    item = next(i for i in plan.items if i.text == "Write the schema")
    for _ in range(3):  # keys faster than the worker: each asked on the copy still on show
        ws.request_tick(plan, item)
    for _ in range(3):
        assert ws.request_undo() is True
    assert ws.busy
    while worker.run_next(ws, dash.emit, timeout=0):
        dash.apply()  # the UI thread takes each answer in as it comes
    dash.apply()
    assert (root / A).read_bytes() == before
    assert ws.undo_stack == [] and not ws.busy and not ws.take_notes()
    assert dash.of(Refused) == []
    assert ws.request_undo() is False


def test_an_undo_waiting_for_a_refused_tick_says_there_is_nothing(
    dash: Headless, root: Path
) -> None:
    ws = dash.ws
    plan = dash.plan(A)
    item = next(i for i in plan.items if i.text == "Write the schema")
    (root / A).write_text(ALPHA.replace("Write the schema", "Draft the schema"), encoding="utf-8")
    ws.request_tick(plan, item)
    assert ws.request_undo() is True, "the tick may yet be written"
    dash.jobs()
    assert ws.take_notes() == ["Nothing to undo."]
    assert not ws.busy


def test_every_change_moves_the_version(dash: Headless) -> None:
    """Views redraw when the workspace's version moved since they were drawn."""
    ws = dash.ws
    seen = ws.version
    for change in (lambda: ws.set_query("beta"), ws.toggle_finished, ws.begin_standup):
        change()
        assert ws.version > seen
        seen = ws.version


def test_a_configuration_made_bad_after_a_tick_never_says_the_tick_was_refused(
    dash: Headless, root: Path
) -> None:
    # The tick is written; reading the file again needs the configuration, which is now bad:
    # that is said as such, never as "Not ticked" (the tick stands, and can be undone).
    ws = dash.ws
    plan = dash.plan(A)
    item = next(i for i in plan.items if i.text == "Write the schema")
    (root / ".goaldash.toml").write_text("this is = = not toml\n", encoding="utf-8")
    ws.config = None  # as a change of the file makes the workspace read it again
    ws.request_tick(plan, item)
    worker.run_next(ws, dash.emit, timeout=0)
    kinds = [type(e) for e in dash.pending]
    assert kinds == [Ticked, Notice], kinds
    notice = dash.pending[1]
    assert isinstance(notice, Notice) and notice.message.startswith("Not read again: ")
    assert ".goaldash.toml" in notice.message and notice.severity == "error"
    assert b"- [x] Write the schema" in (root / A).read_bytes()
    ws.request_reread([B])
    dash.pending = []
    worker.run_next(ws, dash.emit, timeout=0)
    assert [type(e) for e in dash.pending] == [Notice], "a re-read refuses no tick either"
