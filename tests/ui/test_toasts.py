"""Toasts take one or two lines, not four (issue 15): every message the app raises, driven
here through its refusals and answers, fits two lines of a toast 60 cells wide, and a long
path is shortened in its middle (ui/toasts.py, GoalDashApp.notify)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets._toast import Toast

from goaldash.ui.toasts import TOAST_TEXT, lines_of, middle, toast_text
from tests.ui.helpers import cursor_to_item, loaded, make_app, open_plan, wait_for

DEEP = "docs/plans/" + "a-rather-long-folder-name/" * 4 + "the-plan-with-a-long-name.md"
LONG_ITEM = "Write the schema " + "and then some more words about it " * 6


SAID: list[str] = []


def _messages(app: object) -> list[str]:
    return SAID


def test_a_long_path_is_shortened_in_its_middle() -> None:
    short = middle(DEEP, 32)
    assert len(short) <= 32 and short.startswith("docs/") and short.endswith("long-name.md")
    said = toast_text(f"Not ticked: {DEEP} changed since it was read; nothing written")
    assert "…" in said and said.endswith("nothing written") and lines_of(said) <= 2
    assert lines_of(toast_text("x" * 500)) <= 2 and toast_text("Nothing to undo.") == (
        "Nothing to undo."
    )


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_toast_fits_two_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    root = tmp_path / ("a-long-folder-name-for-the-repository-" * 3) / "repo"
    plan = root / DEEP
    plan.parent.mkdir(parents=True)
    plan.write_text(f"# Deep plan\n\n## Phase 1: Go\n\n- [ ] {LONG_ITEM}\n- [ ] Ship it\n")
    monkeypatch.setenv("EDITOR", "nosuchedit")
    shown = App.notify  # what reaches Textual's toast, after the app's own notify

    def notify(self: App[None], message: str, **kw: Any) -> None:
        SAID.append(message)
        shown(self, message, **kw)

    SAID.clear()
    monkeypatch.setattr(App, "notify", notify)
    app = make_app(root)
    async with app.run_test(size=size, notifications=True) as pilot:
        await loaded(pilot, app)
        await pilot.press("u")  # nothing to undo
        await pilot.press("f")
        await pilot.press("f")  # finished plans hidden, then shown
        await open_plan(pilot, app, DEEP)
        await cursor_to_item(pilot, app, "Write the schema")
        await pilot.press("space")  # a tick with a long text
        await wait_for(pilot, lambda: any("Write the schema" in m for m in _messages(app)))
        await pilot.press("u")
        await wait_for(pilot, lambda: any(m.startswith("undone") for m in _messages(app)))
        await cursor_to_item(pilot, app, "Ship it")
        plan.write_text(plan.read_text().replace("Ship it", "Ship it now"))
        await pilot.press("space")  # refused: the file changed
        await wait_for(pilot, lambda: any("Not ticked" in m for m in _messages(app)))
        await pilot.press("e")  # no such editor
        await wait_for(pilot, lambda: any("nosuchedit" in m for m in _messages(app)))
        await pilot.press("tab")
        await pilot.press("space")  # not on an item
        await wait_for(pilot, lambda: any("Put the cursor" in m for m in _messages(app)))
        said = _messages(app)
        assert len(said) >= 7, said
        for m in said:
            assert lines_of(m, TOAST_TEXT) <= 2, m
            assert str(root) not in m, m  # paths are written from the root
        assert any("…" in m and "long-name.md" in m for m in said), said
        await wait_for(pilot, lambda: app.screen.query(Toast), what="a toast on screen")
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        app.save_screenshot(f"toasts{size[0]}.svg", "/tmp/h3")
        assert toasts and all(t.region.height <= 2 for t in toasts), [t.region for t in toasts]
        assert all(t.region.width <= 60 for t in toasts)
