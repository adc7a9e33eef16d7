"""The dashboard through Textual's pilot: every key, every view, ticking, the watcher, safety.

Waits are bounded polls on what the screen shows (never a sleep followed by an assertion
about time), so a slow machine makes a test slower, not red.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from goaldash.ui.app import GoalDashApp
from goaldash.ui.screens import HelpScreen, PlanScreen
from goaldash.ui.views import View
from goaldash.ui.widgets import ChecklistTree, Node

from .conftest import TODAY

ALPHA = """\
# Alpha rollout plan

**Status:** In Progress

## Phase 1: Groundwork ({d1} to {d2})

- [x] Set up the repo
- [ ] Write the schema
  - [ ] Nested detail

**Exit gate:**
- [ ] Schema reviewed

## Phase 2: Launch ({d3} to {d4})

- [ ] Ship it

## Blockers

1. Legal review pending
   - Impact: Phase 2
   - Owner: Kim
   - ETA: 2026-11-10
"""

BETA = """\
# Tasks: Beta

## Phase 1: Setup

- [x] T001 Create project
- [x] T002 Configure CI

## Phase 2: Done too

- [x] T003 Write docs
"""

NASTY = (
    "# [bold]Plan[/bold] \x1b[2J\x1b]0;pwned\x07 [/x]\n\n"
    "**Status:** In Progress\n\n"
    "## Phase 1: [Phase Name] [@click=app.quit] (2026-11-01 to 2026-11-30)\n\n"
    "- [ ] [/goals/x] open \x1b[31mred\x1b[0m\n"
    "- [x] [bold]done[/]\n"
    + "".join(f"- [ ] Real task number {i}\n" for i in range(40))
    + "\n"
    + "## Blockers\n\n"
    "1. [@click=app.quit]boom[/]\n   - Owner: [red]x[/red]\n   - ETA: 2026-11-01\n"
)


def write_repo(root: Path) -> Path:
    plans = root / "docs" / "plans"
    plans.mkdir(parents=True)
    (plans / "alpha-plan.md").write_text(
        ALPHA.format(d1="2026-11-01", d2="2026-11-14", d3="2026-11-15", d4="2026-12-10"),
        encoding="utf-8",
    )
    spec = root / "specs" / "001-beta"
    spec.mkdir(parents=True)
    (spec / "tasks.md").write_text(BETA, encoding="utf-8")
    (root / "README.md").write_text("# Just a readme\n", encoding="utf-8")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo")


async def until(pilot: Pilot[None], cond: Callable[[], bool], what: str, wait: float = 10) -> None:
    """Poll until `cond()` holds; fail after `wait` seconds saying what never happened."""
    steps = int(wait / 0.05)
    for _ in range(steps):
        if cond():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"gave up waiting for: {what}")


def screen_text(app: GoalDashApp) -> str:
    """Everything on the screen as plain text (what a user reads), from the SVG export."""
    svg = app.export_screenshot()
    lines = re.findall(r'<text class="[^"]*-r\d+"[^>]*>([^<]*)</text>', svg)
    return html.unescape("".join(lines)).replace("\xa0", " ")


def rows_of(app: GoalDashApp, tab: str) -> list[str]:
    rows = app.query_one(f"#{tab}-view", View).rows
    return [str(o.prompt) for o in rows.options]


def make_app(root: Path, **kw: object) -> GoalDashApp:
    return GoalDashApp(root, TODAY, watch=bool(kw.pop("watch", False)), **kw)  # type: ignore[arg-type]


async def loaded(pilot: Pilot[None], app: GoalDashApp) -> None:
    await until(pilot, lambda: not app.state.scanning, "the scan to finish")
    await pilot.pause()


def tree_of(app: GoalDashApp) -> ChecklistTree:
    assert isinstance(app.screen, PlanScreen)
    return app.screen.query_one(ChecklistTree)


async def cursor_to_item(pilot: Pilot[None], app: GoalDashApp, text: str) -> None:
    await until(pilot, lambda: bool(app.screen.query(ChecklistTree)), "the checklist")
    await pilot.pause()
    tree = tree_of(app)
    for _ in range(60):
        node = tree.cursor_node
        data = node.data if node is not None else None
        if isinstance(data, Node) and data.item is not None and text in data.item.text:
            return
        await pilot.press("j")
    raise AssertionError(f"no item {text!r} in the tree")


# --------------------------------------------------------------------------- views and keys


async def test_overview_lists_plans_grouped(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        rows = rows_of(app, "overview")
        assert any("specs/001-beta" in r for r in rows), rows
        assert any("Alpha rollout plan" in r and "1/5" in r for r in rows), rows
        assert any("Tasks: Beta" in r and "3/3" in r for r in rows), rows
        assert not any("Just a readme" in r for r in rows)
        text = screen_text(app)
        assert "2 plans" in text and "4/8" in text


async def test_number_keys_switch_tabs_and_jk_move(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        tabs = app.query_one(TabbedContent)
        for key, tab in (
            ("2", "blockers"),
            ("3", "timeline"),
            ("4", "warnings"),
            ("1", "overview"),
        ):
            await pilot.press(key)
            await until(pilot, lambda t=tab: tabs.active == t, f"tab {tab}")
        rows = app.query_one("#overview-view", View).rows
        assert rows.has_focus
        first = rows.highlighted_key
        await pilot.press("j")
        assert rows.highlighted_key != first
        await pilot.press("k")
        assert rows.highlighted_key == first
        await pilot.press("down", "up")
        assert rows.highlighted_key == first


async def test_enter_opens_plan_and_escape_returns(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app.query_one("#overview-view", View).rows.select_key("docs/plans/alpha-plan.md")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        text = screen_text(app)
        assert "Phase 1: Groundwork" in text and "Exit gate" in text
        assert "Nested detail" in text
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, PlanScreen), "back to overview")


async def test_blockers_view_and_jump_to_blocker(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("2")
        await until(pilot, lambda: bool(rows_of(app, "blockers")), "blockers")
        rows = rows_of(app, "blockers")
        assert "Legal review pending" in rows[0]
        assert "ETA 2026-11-10 overdue" in rows[0] and "owner Kim" in rows[0]
        assert "alpha-plan.md:" in rows[0]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        await pilot.pause(0.2)
        node = tree_of(app).cursor_node
        assert node is not None and isinstance(node.data, Node)
        assert node.data.kind == "blocker"


async def test_timeline_and_warnings_views(repo: Path) -> None:
    (repo / "docs" / "plans" / "gamma-plan.md").write_text(
        "# Gamma\n\n## Phase 1: Think (Weeks 1-2)\n\n- [ ] a\n\n## Phase 2: Do (Weeks 3-4)\n\n"
        "- [ ] b\n\n## Phase 3: [Phase Name]\n\n- [ ] [Task]\n",
        encoding="utf-8",
    )
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("3")
        await pilot.pause()
        rows = rows_of(app, "timeline")
        assert any("Alpha rollout plan" in r for r in rows)
        assert any("Phase 1: Groundwork" in r and "█" in r for r in rows)
        assert any("no start date: weeks 1..4" in r for r in rows), rows
        head = screen_text(app)
        assert "today" in head and "┊" in head
        await pilot.press("4")
        await pilot.pause()
        warnings = rows_of(app, "warnings")
        assert any("gamma-plan.md" in r for r in warnings), warnings


async def test_help_screen_and_quit(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        text = screen_text(app)
        for key in ("space x", "ctrl+p", "Undo the last tick", "$EDITOR"):
            assert key in text
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen), "help closed")
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running, "the app to quit")


async def test_filter_and_hide_finished(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("slash", "b", "e", "t", "a")
        await pilot.pause()
        rows = [r for r in rows_of(app, "overview") if "plan" in r.lower() or "Beta" in r]
        assert any("Beta" in r for r in rows) and not any("Alpha" in r for r in rows)
        await pilot.press("escape")
        await pilot.pause()
        assert any("Alpha" in r for r in rows_of(app, "overview"))
        await pilot.press("f")
        await pilot.pause()
        rows = rows_of(app, "overview")
        assert any("Alpha" in r for r in rows) and not any("Beta" in r for r in rows)
        await pilot.press("f")
        await pilot.pause()
        assert any("Beta" in r for r in rows_of(app, "overview"))


async def test_command_palette_jumps_to_a_plan(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"open plan alpha")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan from the palette")
        assert isinstance(app.screen, PlanScreen)
        assert app.screen.path == "docs/plans/alpha-plan.md"


async def test_editor_opens_at_the_line(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setenv("EDITOR", "nvim")
    app = make_app(repo, editor_runner=calls.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app.query_one("#overview-view", View).rows.select_key("docs/plans/alpha-plan.md")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        await cursor_to_item(pilot, app, "Write the schema")
        await pilot.press("e")
        await until(pilot, lambda: bool(calls), "the editor")
        assert calls[0] == ["nvim", "+8", str(repo.resolve() / "docs/plans/alpha-plan.md")]


# --------------------------------------------------------------------------- ticking


async def test_tick_and_undo_change_one_byte(repo: Path) -> None:
    path = repo / "docs" / "plans" / "alpha-plan.md"
    before = path.read_bytes()
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app.open_plan("docs/plans/alpha-plan.md")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        await cursor_to_item(pilot, app, "Write the schema")
        await pilot.press("space")
        await until(pilot, lambda: path.read_bytes() != before, "the tick on disk")
        after = path.read_bytes()
        assert len(after) == len(before)
        diff = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        assert len(diff) == 1 and after[diff[0] : diff[0] + 1] == b"x"
        plan = app.plan("docs/plans/alpha-plan.md")
        await until(
            pilot,
            lambda: (
                (p := app.plan("docs/plans/alpha-plan.md")) is not None and p.progress.done == 2
            ),
            "the view to show the tick",
        )
        node = tree_of(app).cursor_node
        assert node is not None and isinstance(node.data, Node) and node.data.item is not None
        assert "Write the schema" in node.data.item.text, "the cursor stays on the ticked item"
        await pilot.press("x")
        await until(pilot, lambda: path.read_bytes() == before, "untick with x")
        await pilot.press("space")
        await until(pilot, lambda: path.read_bytes() != before, "tick again")
        await pilot.press("u")
        await until(pilot, lambda: path.read_bytes() == before, "undo")
        assert plan is not None


async def test_refused_tick_keeps_the_outside_edit(repo: Path) -> None:
    path = repo / "docs" / "plans" / "alpha-plan.md"
    app = make_app(repo)  # no watcher: the app cannot know about the edit below
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app.open_plan("docs/plans/alpha-plan.md")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        await cursor_to_item(pilot, app, "Write the schema")
        edited = path.read_text(encoding="utf-8").replace("Write the schema", "Draft the schema")
        path.write_text(edited, encoding="utf-8")
        await pilot.press("space")
        await until(
            pilot,
            lambda: any("Not ticked" in n.message for n in app._notifications),
            "the refusal",
        )
        assert path.read_text(encoding="utf-8") == edited
        await until(
            pilot,
            lambda: "Draft the schema" in screen_text(app),
            "the plan read again after the refusal",
        )


# --------------------------------------------------------------------------- live


async def test_watcher_follows_editors(repo: Path) -> None:
    plans = repo / "docs" / "plans"
    alpha = plans / "alpha-plan.md"
    app = make_app(repo, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)

        def done_count() -> int | None:
            p = app.plan("docs/plans/alpha-plan.md")
            return p.progress.done if p else None

        # A write from outside (VS Code truncates and writes).
        alpha.write_text(alpha.read_text().replace("- [ ] Ship it", "- [x] Ship it"))
        await until(pilot, lambda: done_count() == 2, "an outside write")
        # vim: rename the file away, write a new one, delete the backup.
        backup = plans / "alpha-plan.md~"
        os.replace(alpha, backup)
        alpha.write_text(
            backup.read_text().replace("- [ ] Schema reviewed", "- [x] Schema reviewed")
        )
        backup.unlink()
        await until(pilot, lambda: done_count() == 3, "a vim-style save")
        # Write a temporary file and rename it over.
        tmp = plans / ".alpha-plan.md.tmp"
        tmp.write_text(alpha.read_text().replace("- [x] Set up the repo", "- [ ] Set up the repo"))
        os.replace(tmp, alpha)
        await until(pilot, lambda: done_count() == 2, "a rename-over save")
        # A new plan appears, a plan disappears.
        (plans / "delta-plan.md").write_text("# Delta\n\n## Phase 1: Go\n\n- [ ] one\n")
        await until(pilot, lambda: app.plan("docs/plans/delta-plan.md") is not None, "a new file")
        assert any("Delta" in r for r in rows_of(app, "overview"))
        (repo / "specs" / "001-beta" / "tasks.md").unlink()
        await until(pilot, lambda: app.plan("specs/001-beta/tasks.md") is None, "a delete")
        assert not any("Beta" in r for r in rows_of(app, "overview"))
        # A file that stops being plan-like stays, with what the parser says.
        (plans / "delta-plan.md").write_bytes(b"\xff\xfe garbage \x00")
        await until(
            pilot,
            lambda: (p := app.plan("docs/plans/delta-plan.md")) is not None and not p.items,
            "a broken file kept",
        )


async def test_a_redraw_due_after_quitting_does_nothing(repo: Path) -> None:
    # The redraw timer (plans read or changed a moment before) can fire while the app shuts
    # down; it used to query widgets already removed and end the run with a traceback.
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app._soon.soon()
    app._soon.due()
    app.redraw()
    app.main.focus_list()


async def test_quitting_in_the_first_frame_is_clean(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The hidden tabs' views are mounted just after the first frame; quitting before that
    # used to end in MountError ("Can't mount widget(s) before TabPane ... is mounted").
    from textual.drivers.headless_driver import HeadlessDriver

    painted: list[bool] = []
    write = HeadlessDriver.write

    def spy(self: HeadlessDriver, data: str) -> None:
        if data:
            painted.append(True)
        write(self, data)

    monkeypatch.setattr(HeadlessDriver, "write", spy)

    async def quit_at_first_paint(pilot: Pilot[None]) -> None:
        while not painted:
            await pilot.pause(0.001)
        pilot.app.exit()

    app = make_app(repo)
    await app.run_async(headless=True, auto_pilot=quit_at_first_paint)
    assert app.return_code == 0, app.return_code


async def test_own_tick_does_not_reload_twice(repo: Path) -> None:
    path = repo / "docs" / "plans" / "alpha-plan.md"
    app = make_app(repo, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app.open_plan("docs/plans/alpha-plan.md")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        await cursor_to_item(pilot, app, "Ship it")
        redraws: list[int] = []
        tree = tree_of(app)
        original = tree.show_plan

        def counting(plan, today):  # type: ignore[no-untyped-def]
            redraws.append(1)
            original(plan, today)

        tree.show_plan = counting  # type: ignore[method-assign]
        before = path.read_bytes()
        await pilot.press("space")
        await until(pilot, lambda: path.read_bytes() != before, "the tick")

        def settled() -> bool:
            p = app.plan("docs/plans/alpha-plan.md")
            return p is not None and p.phases[1].status.value == "done"

        await until(pilot, settled, "the parser's reading of the tick")
        await pilot.pause(0.2)
        seen = len(redraws)
        assert 1 <= seen <= 2  # the tick at once, then the parser's statuses
        await pilot.pause(1.5)  # room for the watcher's echo of our write: it must change nothing
        assert len(redraws) == seen


# --------------------------------------------------------------------------- messages, safety


async def test_empty_folder_and_no_plans(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot, app)
        assert "is empty" in screen_text(app)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "ideas.md").write_text("# Ideas\n\nJust prose.\n")
    app = make_app(notes)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot, app)
        assert "none is a plan" in screen_text(app)


async def test_untrusted_text_is_shown_literally_everywhere(tmp_path: Path) -> None:
    root = tmp_path / "r"
    (root / "docs" / "plans").mkdir(parents=True)
    (root / "docs" / "plans" / "evil-plan.md").write_text(NASTY, encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(160, 40)) as pilot:
        await loaded(pilot, app)
        seen = []
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(screen_text(app))
        app.open_plan("docs/plans/evil-plan.md")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        await pilot.pause(0.2)
        seen.append(screen_text(app))
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"evil")
        await pilot.pause(0.5)
        seen.append(screen_text(app))
        await pilot.press("escape")
        assert app.is_running, "[@click=app.quit] must not be an action"
    everything = "\n".join(seen)
    assert "pwned" not in everything, "an OSC title sequence is dropped whole"
    assert "[bold]Plan[/bold]" in seen[0]
    assert "[/x]" in seen[0]
    assert "[Phase Name]" in seen[2] or "[Phase Name]" in seen[4]
    assert "[/goals/x] open red" in seen[4]
    assert "[bold]done[/]" in seen[4]
    assert "[@click=app.quit]boom[/]" in seen[1]
    assert "[red]x[/red]" in seen[1]
    assert "[bold]Plan[/bold]" in seen[5], "the command palette shows titles literally"
    for s in seen:
        assert "\x1b" not in s and "\x07" not in s


async def test_reload_key_and_tab_between_panes(repo: Path) -> None:
    app = make_app(repo)  # no watcher: only `r` can show the new file
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        (repo / "docs" / "plans" / "omega-plan.md").write_text("# Omega\n\n- [ ] one\n")
        await pilot.press("r")
        await until(pilot, lambda: app.plan("docs/plans/omega-plan.md") is not None, "r reloads")
        app.open_plan("docs/plans/alpha-plan.md")
        await cursor_to_item(pilot, app, "Write the schema")
        assert tree_of(app).has_focus
        await pilot.press("tab")
        assert not tree_of(app).has_focus
        await pilot.press("enter")  # on the phase list: go to that phase in the tree
        await pilot.pause(0.2)
        node = tree_of(app).cursor_node
        assert node is not None and isinstance(node.data, Node) and node.data.kind == "phase"
        await pilot.press("backspace")
        await until(pilot, lambda: not isinstance(app.screen, PlanScreen), "back")
