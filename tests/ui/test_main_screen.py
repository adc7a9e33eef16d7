"""The main screen: the tabs and their keys, the status line, the filter box, hide-finished,
and what an empty view says. (ui/screens/main.py, ui/tabs.py, ui/widgets/status_line.py)"""

from __future__ import annotations

from pathlib import Path

from goaldash.ui.screens.plan import PlanScreen
from goaldash.ui.tabs import TABS, tab_bindings
from tests.ui.helpers import ALPHA_PATH, loaded, make_app, rows_of, screen_text, wait_for


def test_every_tab_has_a_key_and_a_label() -> None:
    bindings = tab_bindings()
    assert [b.action for b in bindings] == [f"show_tab('{t.id}')" for t in TABS]
    assert [b.key.split(",")[0] for b in bindings] == [str(n) for n in range(1, len(TABS) + 1)]
    standup = next(b for b in bindings if "standup" in b.action)
    assert standup.key == "5,s" and standup.show and standup.key_display == "s"
    assert [t.label(n).text(None) for n, t in enumerate(TABS, 1)][:2] == [
        "1 Overview",
        "2 Blockers",
    ]


async def test_number_keys_switch_tabs_and_jk_move(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        main = app.main
        for key, tab in (
            ("2", "blockers"),
            ("3", "timeline"),
            ("4", "warnings"),
            ("1", "overview"),
        ):
            await pilot.press(key)
            await wait_for(pilot, lambda t=tab: main.active_tab == t, what=f"tab {tab}")
        rows = app.main.view("overview").rows
        await wait_for(pilot, lambda: rows.has_focus)
        first = rows.highlighted_key
        await pilot.press("j")
        await wait_for(pilot, lambda: rows.highlighted_key != first)
        await pilot.press("k")
        await wait_for(pilot, lambda: rows.highlighted_key == first)
        await pilot.press("down", "up")
        await wait_for(pilot, lambda: rows.highlighted_key == first)


async def test_status_line_and_tab_labels_count(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        wanted = ("2 plans", "4/8 (50%)", "⚑ 1 blocker ", "2 Blockers (1)", "Tasks: Beta")
        await wait_for(pilot, lambda: all(w in screen_text(app) for w in wanted))


async def test_enter_opens_plan_and_escape_returns(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app.main.view("overview").rows.select_key(ALPHA_PATH)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
        wanted = ("Phase 1: Groundwork", "Exit gate", "Nested detail")
        await wait_for(pilot, lambda: all(w in screen_text(app) for w in wanted))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main)


async def test_filter_and_hide_finished(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)

        def shown(title: str) -> bool:
            return any(title in r for r in rows_of(app, "overview"))

        await pilot.press("slash", "b", "e", "t", "a")
        await wait_for(pilot, lambda: shown("Beta") and not shown("Alpha"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: shown("Alpha") and shown("Beta"))
        await pilot.press("f")
        await wait_for(pilot, lambda: shown("Alpha") and not shown("Beta"))
        await wait_for(pilot, lambda: "finished hidden" in screen_text(app))
        await pilot.press("f")
        await wait_for(pilot, lambda: shown("Beta"))


async def test_empty_folder_and_no_plans(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot, app)
        await wait_for(pilot, lambda: "is empty" in screen_text(app))
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "ideas.md").write_text("# Ideas\n\nJust prose.\n")
    app = make_app(notes)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot, app)
        await wait_for(pilot, lambda: "1 markdown file in" in screen_text(app))
        assert "it is not a plan" in screen_text(app)
