"""The one-line tab bar: labels fitted to the width, the tab in sight told apart without
colour, a click choosing a tab, counts kept current. (ui/widgets/tab_bar.py)"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from goaldash.ui.tabs import TABS, labels
from goaldash.ui.widgets import TabBar
from goaldash.ui.widgets.tab_bar import Label, fit
from tests.ui.helpers import loaded, make_app, screen_text, wait_for

FIVE = [
    Label("overview", 1, "Overview"),
    Label("blockers", 2, "Blockers", 12),
    Label("timeline", 3, "Timeline"),
    Label("warnings", 4, "Warnings", 27),
    Label("standup", 5, "Standup"),
]


def texts(width: int, active: str = "overview") -> str:
    return "".join(t for _, t in fit(FIVE, active, width))


def test_full_titles_when_they_fit() -> None:
    assert texts(200) == " 1 Overview  2 Blockers (12)  3 Timeline  4 Warnings (27)  5 Standup "


def test_narrow_bars_cut_the_other_titles_never_the_counts_or_the_tab_in_sight() -> None:
    for width in range(20, 120):
        for active in ("overview", "blockers", "standup"):
            line = texts(width, active)
            assert cell_len(line) <= width or width < 40, (width, active, line)
            assert "(12)" in line and "(27)" in line
            assert {"overview": "1 Overview", "blockers": "2 Blockers (12)"}.get(
                active, "5 Standup"
            ) in line
    assert texts(60) == " 1 Overview  2 Bloc (12)  3 Time  4 Warn (27)  5 Stan "
    assert texts(40) == " 1 Overview  2 (12)  3  4 (27)  5 "


def test_every_tab_has_a_label_and_counts_come_from_the_summary() -> None:
    assert [lb.id for lb in labels()] == [t.id for t in TABS]
    assert all(lb.count == 0 for lb in labels())


async def test_the_bar_is_one_line_and_the_tab_in_sight_is_reversed(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await loaded(pilot, app)
        bar = app.main.query_one(TabBar)
        assert bar.size.height == 1
        await pilot.press("2")
        await wait_for(pilot, lambda: app.main.active_tab == "blockers")
        line = bar.render()
        reversed_ = [line.plain[s.start : s.end] for s in line.spans if "reverse" in str(s.style)]
        assert reversed_ == [" 2 Blockers (1) "]
        # no colour needed: the tab in sight is in reverse video; and the line fits 60 columns
        assert cell_len(line.plain) <= 60
        assert "2 Blockers (1)" in screen_text(app)


async def test_a_click_on_a_label_shows_its_tab(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        bar = app.main.query_one(TabBar)
        bar.render()
        start = next(s for s, _, tab in bar._spans if tab == "timeline")
        await pilot.click(TabBar, offset=(start + 2, 0))
        await wait_for(pilot, lambda: app.main.active_tab == "timeline")
        await wait_for(pilot, lambda: app.main.view("timeline").display)
        assert not app.main.view("overview").display
        await wait_for(pilot, lambda: app.main.view("timeline").rows.has_focus)


async def test_a_tab_chosen_before_its_view_is_mounted_is_the_one_shown(repo: Path) -> None:
    """The hidden tabs' views are mounted just after the first frame (`Later`): a tab chosen
    before that must still be the one shown once its view is there, and the only one."""
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.main.show_tab("warnings")  # at once, before the first frame's follow-up
        await loaded(pilot, app)
        await wait_for(pilot, lambda: bool(app.main.query("#warnings-view")))
        shown = [v.id for v in app.main.query("View") if v.display]
        assert shown == ["warnings-view"]
