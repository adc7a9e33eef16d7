"""The key line at the foot of each screen: the screen's keys from the first frame, fitted to
the width, a click pressing the key. (ui/widgets/key_line.py)"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from goaldash.ui.screens.help import HelpScreen
from goaldash.ui.screens.plan import PlanScreen
from goaldash.ui.widgets import KeyLine
from goaldash.ui.widgets.key_line import Key, cells, fit
from tests.ui.helpers import ALPHA_PATH, loaded, make_app, screen_text, wait_for

KEYS = [Key("s", "s", "Standup"), Key("slash", "/", "Filter"), Key("q", "q", "Quit")]
PALETTE = Key("ctrl+p", "^p", "palette")


def width_of(keys: list[Key], palette: Key | None) -> int:
    """The cells the line takes as drawn: each key, a space each side of its words (one
    space when it has none), and a bar before the palette's key."""
    drawn = [f" {k.shown}" + (f" {k.description} " if k.description else " ") for k in keys]
    if palette is not None:
        drawn.append(
            f"│ {palette.shown}" + (f" {palette.description} " if palette.description else " ")
        )
    return sum(map(cell_len, drawn))


def test_every_key_when_they_fit_else_the_palette_loses_its_words_then_the_last_keys_go() -> None:
    assert fit(KEYS, PALETTE, 80) == (KEYS, PALETTE)
    keys, palette = fit(KEYS, PALETTE, 36)
    assert keys == KEYS and palette == Key("ctrl+p", "^p", "")
    keys, palette = fit(KEYS, PALETTE, 28)
    assert keys == KEYS[:2] and palette is not None and palette.description == ""
    for width in range(0, 60):
        keys, palette = fit(KEYS, PALETTE, width)
        assert width_of(keys, palette) <= width or not keys


def test_a_key_with_no_words_is_counted_as_wide_as_it_is_drawn() -> None:
    bare = Key("ctrl+p", "^p", "")
    assert cells(bare) == cell_len(" ^p ")
    exact = width_of(KEYS, bare)  # every key, and the palette's without its words
    assert fit(KEYS, PALETTE, exact) == (KEYS, bare)
    assert fit(KEYS, PALETTE, exact - 1)[0] == KEYS[:2]


async def test_the_line_fills_the_width_exactly_with_the_palette_at_its_end(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(40, 24)) as pilot:
        await loaded(pilot, app)
        line = app.main.query_one(KeyLine)
        _, palette = fit(*line.keys(), line.content_size.width)
        assert palette is not None and palette.description == ""  # at 40 cells, no words
        drawn = line.render()
        assert drawn.cell_len == line.content_size.width
        assert drawn.plain.endswith("│ ^p ")


async def test_the_keys_are_there_in_the_first_frame_and_follow_the_screen(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.main.query_one(KeyLine)
        keys, palette = line.keys()
        assert [k.description for k in keys][:2] == ["Standup", "Filter"]
        assert palette is not None and palette.shown == "^p"
        await loaded(pilot, app)
        assert "q Quit" in screen_text(app)
        app.open_plan(ALPHA_PATH)
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
        await wait_for(pilot, lambda: "x Tick" in screen_text(app))
        plan_line = app.screen.query_one(KeyLine)
        assert "Tick" in [k.description for k in plan_line.keys()[0]]


async def test_a_click_on_a_key_presses_it(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot, app)
        line = app.main.query_one(KeyLine)
        line.render()
        start = next(s for s, _, key in line._spans if key == "question_mark")
        await pilot.click(KeyLine, offset=(start + 1, 0))
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
