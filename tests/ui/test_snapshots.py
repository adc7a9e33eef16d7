"""Snapshots of each view over the bundled demo, at a fixed size and a fixed `today`.

Update with `pytest tests/ui/test_snapshots.py --snapshot-update`, then look at every changed
SVG before committing it (they are the reviewed picture of the dashboard).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from goaldash.demo import make_demo
from goaldash.ui.app import GoalDashApp
from tests.conftest import TODAY
from tests.ui.helpers import cursor_node, wait_for

SIZE = (120, 34)
Compare = Callable[..., bool]


def demo_app(tmp_path: Path) -> GoalDashApp:
    root = tmp_path / "demo"
    make_demo(TODAY, root)
    return GoalDashApp(root, TODAY, watch=False)


async def _settle(pilot: Pilot[Any], tab: str = "overview") -> None:
    """Every plan read, `tab` in sight, drawn, and its list holding the keyboard."""
    app = pilot.app
    assert isinstance(app, GoalDashApp)
    await wait_for(pilot, lambda: not app.workspace.scanning, what="the scan")
    main = app.main
    await wait_for(pilot, lambda: main.active_tab == tab and bool(app.main.query(f"#{tab}-view")))
    await wait_for(pilot, lambda: app.main.view(tab).rows.has_focus)


def keys(key: str = "", tab: str = "overview") -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Read the demo, then press `key`, which shows `tab`."""

    async def run(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        if key:
            await pilot.press(key)
            await _settle(pilot, tab)

    return run


def test_overview(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=keys())


def test_overview_narrow(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=(80, 24), run_before=keys())


def test_blockers(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=keys("2", "blockers"))


def test_timeline(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=keys("3", "timeline"))


def test_warnings(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=keys("4", "warnings"))


async def open_search_plan(pilot: Pilot[Any]) -> None:
    """Read the demo, then open its search-rebuild plan, its checklist drawn."""
    await _settle(pilot)
    app = pilot.app
    assert isinstance(app, GoalDashApp)
    app.open_plan("docs/plans/search-rebuild-plan.md")
    await wait_for(pilot, lambda: cursor_node(app) is not None, what="the plan's checklist")


def test_plan(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=open_search_plan)


def test_standup(snap_compare: Compare, tmp_path: Path, monkeypatch: Any) -> None:
    """The demo with its git history; local time is UTC so the times read the same anywhere."""
    import shutil
    import time

    import pytest

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    root = tmp_path / "demo"
    make_demo(TODAY, root, history=True)
    app = GoalDashApp(root, TODAY, watch=False)

    async def standup(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("s")
        ws = app.workspace
        await wait_for(pilot, lambda: ws.standup is not None and not ws.standup_busy, 20)
        await _settle(pilot, "standup")

    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=standup)
    finally:
        monkeypatch.undo()
        time.tzset()
