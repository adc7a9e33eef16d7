"""The plan screen on a big plan (issue 15): from enter on the plan's row to the screen's first
frame, and how long each key waits while the checklist fills in (`j` a few times, then
escape, pressed during the build). The app runs in this process, headless; keys are posted
as the terminal driver posts them, and a key's wait is measured until its effect is there
(the cursor moved, the plan screen gone), on a task of its own, so a key held up by the
build is seen held up."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from textual import events
from textual.drivers.headless_driver import HeadlessDriver

from bench.repo import TODAY

BIG_PATH = "docs/plans/big-plan.md"
KEYS_DURING_BUILD = 5
"""`j` presses while the checklist fills in, before the escape."""
KEY_GAP = 0.05
"""Seconds between two presses (a quick typist)."""
GIVE_UP = 30.0
"""Seconds a key or the first frame may take before the figure says so (nan)."""


def write_big_plan(root: Path, items: int) -> Path:
    """A plan of `items` items in 100 phases of 10 sections each (tests/ui/test_big_plan's
    shape), alone in `root`."""
    lines = ["# Big rollout plan", "", "**Status:** In Progress", ""]
    n = 0
    for p in range(1, 101):
        lines += [f"## Phase {p}: Part {p} (2026-11-01 to 2026-12-01)", ""]
        for s in range(10):
            lines.append(f"### Section {s}")
            for _ in range(max(1, items // 1000)):
                n += 1
                lines.append(f"- [{'x' if n % 3 == 0 else ' '}] Task {n} [with brackets]")
            lines.append("")
    path = root / BIG_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


async def _until(cond: object, since: float) -> float:
    """Seconds from `since` until `cond()` holds (nan after `GIVE_UP`)."""
    assert callable(cond)
    while not cond():
        if time.perf_counter() - since > GIVE_UP:
            return float("nan")
        await asyncio.sleep(0.0005)
    return time.perf_counter() - since


def _press(driver: HeadlessDriver, key: str, char: str | None) -> float:
    """Post a key as the terminal driver does; the time it was posted."""
    event = events.Key(key, char)
    event.set_sender(driver._app)
    t = time.perf_counter()
    driver.send_message(event)
    return t


async def plan_screen_figures(
    root: Path, repeat: int, cache: Path
) -> tuple[list[float], list[float], int]:
    """(enter -> first frame, longest key wait during the build, keys pressed during a build),
    in seconds, one of each per opening of the plan."""
    os.environ["GOALDASH_CACHE_DIR"] = str(cache)
    from goaldash.ui.app import GoalDashApp
    from goaldash.ui.screens.plan import PlanScreen
    from goaldash.ui.widgets.checklist import ChecklistTree
    from goaldash.ui.widgets.row_list import RowList

    app = GoalDashApp(root, TODAY, watch=False)
    frames: list[float] = []
    """When a frame showing the plan's checklist reached the terminal."""
    write = HeadlessDriver.write

    def tree() -> ChecklistTree | None:
        screen = app.screen
        if not isinstance(screen, PlanScreen) or not screen.query(ChecklistTree):
            return None
        found = screen.query_one(ChecklistTree)
        return found if found.selected() is not None else None

    def spy(self: HeadlessDriver, data: str) -> None:
        if data and tree() is not None:
            frames.append(time.perf_counter())
        write(self, data)

    first: list[float] = []
    longest: list[float] = []
    during = 0
    HeadlessDriver.write = spy  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(lambda: not app.workspace.scanning, time.perf_counter())
            await pilot.pause()
            driver = app._driver
            assert isinstance(driver, HeadlessDriver)

            for _ in range(repeat):
                rows = app.main.view("overview").rows
                assert isinstance(rows, RowList) and rows.select_key(BIG_PATH)
                rows.focus()
                await pilot.pause()
                n = len(frames)
                t = _press(driver, "enter", "\r")
                # The first frame: the first write with the checklist's lines in it.
                await _until(lambda n=n: len(frames) > n, t)
                first.append(frames[n] - t if len(frames) > n else float("nan"))
                waits: list[float] = []
                checklist = tree()
                for _ in range(KEYS_DURING_BUILD):
                    if checklist is None or not checklist.building:
                        break
                    row = checklist.cursor_row
                    t = _press(driver, "j", "j")
                    waits.append(await _until(lambda c=checklist, r=row: c.cursor_row != r, t))
                    during += 1
                    await asyncio.sleep(KEY_GAP)
                t = _press(driver, "escape", None)
                waits.append(await _until(lambda: app.screen is app.main, t))
                longest.append(max(waits))
                await pilot.pause(0.2)
    finally:
        HeadlessDriver.write = write  # type: ignore[method-assign]
    return first, longest, during
