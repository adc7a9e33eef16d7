"""A plan of 100,000 items opens without freezing the dashboard: the checklist shows its first
lines at once and fills the rest in batches, answering keys throughout.
(ui/widgets/checklist.py, ui/screens/plan.py)"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot

from goaldash.codec import decode_plan, encode_plan
from goaldash.lazyitems import LazyItems
from goaldash.model import Item
from goaldash.ui.app import GoalDashApp
from goaldash.ui.screens.plan import PlanScreen
from goaldash.ui.widgets.checklist import ChecklistTree
from tests.conftest import TODAY
from tests.ui.helpers import make_app, wait_for

BIG_PATH = "docs/plans/big-plan.md"


def write_big_plan(root: Path, items: int = 100_000) -> Path:
    """A plan of `items` items in 100 phases of 10 sections each."""
    lines = ["# Big rollout plan", "", "**Status:** In Progress", ""]
    per_phase = items // 100
    n = 0
    for p in range(1, 101):
        lines += [f"## Phase {p}: Part {p} (2026-11-01 to 2026-12-01)", ""]
        for s in range(10):
            lines.append(f"### Section {s}")
            for _ in range(per_phase // 10):
                n += 1
                lines.append(f"- [{'x' if n % 3 == 0 else ' '}] Task {n} [with brackets]")
            lines.append("")
    path = root / BIG_PATH
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


async def _checklist(pilot: Pilot[None], app: GoalDashApp) -> ChecklistTree:
    """The plan screen's checklist, once its first lines are there."""

    def shown() -> bool:
        screen = app.screen
        if not isinstance(screen, PlanScreen) or not screen.query(ChecklistTree):
            return False
        return screen.query_one(ChecklistTree).selected() is not None

    await wait_for(pilot, shown, what="the checklist's first lines")
    return app.screen.query_one(ChecklistTree)


async def test_a_100k_item_plan_opens_at_once_and_answers_keys(tmp_path: Path) -> None:
    app = make_app(write_big_plan(tmp_path / "repo"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: not app.workspace.scanning, 90, what="the scan")
        app.open_plan(BIG_PATH)
        tree = await _checklist(pilot, app)
        # The first lines are there while the rest is still being added.
        assert tree.selected() is not None and tree.building
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main, what="escape to leave the plan")

        app.open_plan(BIG_PATH)
        tree = await _checklist(pilot, app)
        await wait_for(pilot, lambda: not tree.building, 90, what="the checklist filled in")
        await pilot.press("G")
        assert tree.line_count > 100_000 and tree.cursor_row == tree.line_count - 1
        await pilot.press("g")
        first = tree.selected()
        assert first is not None and first.kind == "phase"
        await pilot.press("up")  # lists do not wrap from the first row to the last
        assert tree.selected() == first


async def test_items_left_encoded_are_decoded_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan from the cache may still hold its items encoded (`LazyItems`) when it is
    opened: they are decoded on a worker, and the cursor still goes where it was asked."""
    root = tmp_path / "repo"
    (root / "docs" / "plans").mkdir(parents=True)
    text = "# Many\n\n## Phase 1: All\n\n" + "".join(f"- [ ] task {n}\n" for n in range(600))
    (root / "docs" / "plans" / "many-plan.md").write_text(text, encoding="utf-8")
    decoded_on: list[threading.Thread] = []
    load = LazyItems.load

    def spy(self: LazyItems) -> tuple[Item, ...]:
        if not self.decoded:
            decoded_on.append(threading.current_thread())
        return load(self)

    monkeypatch.setattr(LazyItems, "load", spy)
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: not app.workspace.scanning, what="the scan")
        path = "docs/plans/many-plan.md"
        app.open_plan(path)
        tree = await _checklist(pilot, app)
        shown = app.plan(path)
        assert shown is not None
        lazy = decode_plan(encode_plan(shown))
        assert isinstance(lazy.items, LazyItems) and not lazy.items.decoded
        tree.show_plan(lazy, TODAY)
        tree.focus_line(305)  # "task 300"
        picked = lambda: tree.selected()  # noqa: E731
        await wait_for(
            pilot,
            lambda: (node := picked()) is not None and node.line == 305,
            what="the cursor on task 300 once the items are decoded",
        )
        assert decoded_on and threading.main_thread() not in decoded_on
