"""Snapshots of each view over the bundled demo, at a fixed size and a fixed `today`.

Update with `pytest tests/test_snapshots.py --snapshot-update`, then look at every changed
SVG before committing it (they are the reviewed picture of the dashboard).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from goaldash.demo import make_demo
from goaldash.ui.app import GoalDashApp
from goaldash.ui.screens import PlanScreen

from .conftest import TODAY

SIZE = (120, 34)
Compare = Callable[..., bool]


def demo_app(tmp_path: Path) -> GoalDashApp:
    root = tmp_path / "demo"
    make_demo(TODAY, root)
    return GoalDashApp(root, TODAY, watch=False)


async def _settle(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, GoalDashApp)
    for _ in range(200):
        if not app.state.scanning:
            break
        await pilot.pause(0.05)
    await pilot.pause(0.1)


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        for k in pressed:
            await pilot.press(k)
            await pilot.pause(0.1)

    return run


def test_overview(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=keys())


def test_overview_narrow(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=(80, 24), run_before=keys())


def test_blockers(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=keys("2"))


def test_timeline(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=keys("3"))


def test_warnings(snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=keys("4"))


def test_plan(snap_compare: Compare, tmp_path: Path) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        app = pilot.app
        assert isinstance(app, GoalDashApp)
        app.open_plan("docs/plans/search-rebuild-plan.md")
        for _ in range(100):
            if isinstance(app.screen, PlanScreen):
                break
            await pilot.pause(0.05)
        await pilot.pause(0.2)

    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=run)


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
        await keys("s")(pilot)
        for _ in range(200):
            if app.state.standup is not None and not app.state.standup_busy:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.1)

    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=standup)
    finally:
        monkeypatch.undo()
        time.tzset()
