"""Keys do what the footer, `?` and the README say: enter leaves the filter box with the filter
kept; tab / shift+tab and h / l cycle the tabs; lists do not wrap from the first row to the
last. (ui/tabs.py, ui/widgets/filter_input.py, ui/widgets/row_list.py)"""

from __future__ import annotations

from pathlib import Path

from tests.ui.helpers import loaded, make_app, wait_for


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
