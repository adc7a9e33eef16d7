"""The sizes the dashboard is used at, from a 60-column split pane to a wide screen: the
overview, the timeline and a plan's screen over the bundled demo at 60x20, 80x24, 120x34 and
200x60 (the 120x34 overview and timeline are test_snapshots'). Each picture was looked at when
it was made: update with `--snapshot-update`, then look at every changed SVG before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.helpers import wait_for
from tests.ui.test_snapshots import Compare, _settle, demo_app, keys, open_search_plan

SIZES = [(60, 20), (80, 24), (200, 60)]
ALL_SIZES = [(60, 20), (80, 24), (120, 34), (200, 60)]


def _id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=_id)
def test_overview_at(snap_compare: Compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES, ids=_id)
def test_timeline_at(snap_compare: Compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=keys("3", "timeline"))


@pytest.mark.parametrize("size", ALL_SIZES, ids=_id)
def test_plan_at(snap_compare: Compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=open_search_plan)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=_id)
def test_help_at(snap_compare: Compare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: pilot.app.screen.__class__.__name__ == "HelpScreen")

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)
