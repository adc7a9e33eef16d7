"""`?` at 80x24: the help scrolls from the keyboard and shows every key. (ui/screens/help.py)"""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from goaldash.ui.screens.help import KEYS, HelpScreen
from tests.ui.helpers import loaded, make_app, screen_text, wait_for


async def test_help_scrolls_at_80x24_and_shows_every_key(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        box = app.screen.query_one("#help-box", VerticalScroll)
        await wait_for(pilot, lambda: box.max_scroll_y > 0, what="the help taller than the box")
        seen = screen_text(app)
        for _ in range(box.max_scroll_y + 1):
            await pilot.press("down")
            seen += screen_text(app)
        assert box.scroll_y == box.max_scroll_y, "down scrolls the help to its end"
        for _, key, _ in KEYS:
            assert key in seen, f"{key!r} never shown"
        assert "escape to close" in seen
