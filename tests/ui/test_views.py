"""The tabs' views: what each lists, and where enter on a row goes. (ui/views/*, ui/gantt.py)"""

from __future__ import annotations

from pathlib import Path

from goaldash.report.style import BAR_STYLE
from goaldash.ui.screens.plan import PlanScreen
from tests.ui.helpers import (
    ALPHA_PATH,
    cursor_node,
    loaded,
    make_app,
    rows_of,
    screen_text,
    wait_for,
)


async def test_overview_lists_plans_grouped(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        rows = rows_of(app, "overview")
        assert any("specs/001-beta" in r for r in rows), rows
        assert any("Alpha rollout plan" in r and "1/5" in r for r in rows), rows
        assert any("Tasks: Beta" in r and "3/3" in r for r in rows), rows
        assert not any("Just a readme" in r for r in rows)


async def test_blockers_view_and_jump_to_blocker(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("2")
        await wait_for(pilot, lambda: bool(rows_of(app, "blockers")))
        rows = rows_of(app, "blockers")
        assert "Legal review pending" in rows[0]
        assert "ETA 2026-11-10 overdue" in rows[0] and "owner Kim" in rows[0]
        assert "alpha-plan.md:" in rows[0]
        await wait_for(pilot, lambda: app.main.view("blockers").rows.has_focus)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
        await wait_for(
            pilot,
            lambda: (node := cursor_node(app)) is not None and node.kind == "blocker",
            what="the cursor on the blocker",
        )


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
        await wait_for(
            pilot, lambda: any("Alpha rollout plan" in r for r in rows_of(app, "timeline"))
        )
        rows = rows_of(app, "timeline")
        glyphs = {glyph for glyph, _ in BAR_STYLE.values()}
        assert any("Phase 1: Groundwork" in r and glyphs & set(r) for r in rows)
        assert any("no start date: weeks 1..4" in r for r in rows), rows
        await wait_for(pilot, lambda: "today" in screen_text(app) and "┊" in screen_text(app))
        await pilot.press("4")
        await wait_for(pilot, lambda: any("gamma-plan.md" in r for r in rows_of(app, "warnings")))


async def test_enter_on_a_phase_of_the_timeline_opens_the_plan_there(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("3")
        await wait_for(pilot, lambda: bool(rows_of(app, "timeline")))
        rows = app.main.view("timeline")
        await wait_for(pilot, lambda: rows.rows.has_focus)
        assert rows.rows.select_key(f"{ALPHA_PATH}\x0014")
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: (node := cursor_node(app)) is not None and node.kind == "phase",
            what="the cursor on phase 2",
        )
        node = cursor_node(app)
        assert node is not None and node.line == 14
