"""Keys do what the footer, `?` and the README say: enter leaves the filter box with the filter
kept; tab / shift+tab and h / l cycle the tabs; lists do not wrap from the first row to the
last. (ui/tabs.py, ui/widgets/filter_input.py, ui/widgets/row_list.py)"""

from __future__ import annotations

from pathlib import Path

import goaldash.ui.screens.help as help_module
from goaldash.ui.screens.help import KEYS, HelpScreen
from tests.ui.helpers import cursor_to_item, loaded, make_app, open_plan, wait_for


async def test_enter_leaves_the_filter_box_with_the_filter_kept(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("slash", "a", "l", "p", "h", "a", "enter")
        await wait_for(pilot, lambda: app.workspace.query == "alpha")
        await pilot.press("2")
        await wait_for(pilot, lambda: app.main.active_tab == "blockers", what="2 shows Blockers")
        assert app.workspace.query == "alpha"


async def test_tab_shift_tab_h_and_l_cycle_the_tabs(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        seen = []
        for key in ("tab", "tab", "l", "shift+tab", "h", "h", "h"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(app.main.active_tab)
        assert seen == [
            "blockers",
            "timeline",
            "warnings",
            "timeline",
            "blockers",
            "overview",
            "standup",
        ]


async def test_lists_do_not_wrap_from_the_first_row_to_the_last(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        rows = app.main.view("overview").rows
        await wait_for(pilot, lambda: rows.has_focus and rows.highlighted is not None)
        await pilot.press("g")
        first = rows.highlighted
        await pilot.press("up")
        assert rows.highlighted == first
        await pilot.press("G")
        last = rows.highlighted
        await pilot.press("down")
        assert rows.highlighted == last


async def test_x_on_an_in_progress_item_makes_it_done_as_the_docs_say(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "docs" / "plans").mkdir(parents=True)
    path = root / "docs" / "plans" / "gamma-plan.md"
    path.write_text("# Gamma plan\n\n## Phase 1: Work\n\n- [-] Started thing\n", encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, "docs/plans/gamma-plan.md")
        await cursor_to_item(pilot, app, "Started thing")
        await pilot.press("x")
        await wait_for(pilot, lambda: "- [x] Started thing" in path.read_text(encoding="utf-8"))
    said = "open or in progress → done, done → open"
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert said in readme
    assert any(said in what for _, key, what in KEYS if "x" in key.split())


def test_help_says_a_tick_on_a_changed_file_is_relocated_by_text() -> None:
    assert HelpScreen.compose is not None  # the footnote is written in compose
    source = Path(help_module.__file__).read_text(encoding="utf-8")
    assert "looked for by its text" in source
    assert "the tick is refused and the plan is read again" not in source


async def test_a_tab_key_right_after_another_is_never_undone(repo: Path) -> None:
    """'1' then '2' at once: '1' puts the keyboard on the overview's list, and the news of
    that focus (with Textual's tabs, TabPane.Focused, which made its pane the active tab) used
    to be handled after '2', switching back to the overview: the key was lost (dash_tests'
    heavy cases, 1 press in 10 or so)."""
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        main = app.main
        for _ in range(3):
            main.show_tab("overview")
            main.focus_list()  # what '1' does once the overview is drawn
            main.show_tab("blockers")  # the next key, before the focus news is handled
            await pilot.pause()
            await pilot.pause()
            assert main.active_tab == "blockers"
            await wait_for(pilot, lambda: main.active_tab == "blockers")
            assert main.view("blockers").display and not main.view("overview").display
