"""Text from files is untrusted: markup in a plan reads as written and escape sequences never
reach the terminal, on every tab, the plan screen and the palette. (ui/cells.py)"""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from goaldash.ui.screens.plan import PlanScreen
from tests.ui.helpers import cursor_node, loaded, make_app, rows_of, screen_text, wait_for

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
EVIL = "docs/plans/evil-plan.md"


async def test_untrusted_text_is_shown_literally_everywhere(tmp_path: Path) -> None:
    root = tmp_path / "r"
    (root / "docs" / "plans").mkdir(parents=True)
    (root / EVIL).write_text(NASTY, encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(160, 40)) as pilot:
        await loaded(pilot, app)
        main = app.main
        seen = []
        for key, tab in (("1", "overview"), ("2", "blockers"), ("3", "timeline")):
            await pilot.press(key)
            await wait_for(pilot, lambda t=tab: main.active_tab == t and bool(rows_of(app, t)))
            await wait_for(pilot, lambda t=tab: app.main.view(t).rows.has_focus)
            seen.append(screen_text(app))
        await pilot.press("4")
        await wait_for(pilot, lambda: main.active_tab == "warnings")
        seen.append(screen_text(app))
        app.open_plan(EVIL)
        await wait_for(pilot, lambda: cursor_node(app) is not None)
        await wait_for(pilot, lambda: "[/goals/x] open red" in screen_text(app))
        seen.append(screen_text(app))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"evil")
        await wait_for(pilot, lambda: "Open plan:" in screen_text(app))
        seen.append(screen_text(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
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
