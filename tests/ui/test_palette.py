"""The command palette: a plan by its title, and the dashboard's commands. (ui/palette.py)"""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from goaldash.ui.screens.plan import PlanScreen
from tests.ui.helpers import ALPHA_PATH, loaded, make_app, screen_text, wait_for


async def test_command_palette_jumps_to_a_plan(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"open plan alpha")
        await wait_for(pilot, lambda: "alpha-plan.md)" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
        assert isinstance(app.screen, PlanScreen)
        assert app.screen.path == ALPHA_PATH


async def test_command_palette_hides_finished_plans(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"hide finished")
        await wait_for(pilot, lambda: "Plans whose checklist is complete" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.workspace.hide_finished)
