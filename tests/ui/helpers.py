"""Driving the dashboard in tests: a small repository, the app on it, and waiting for what the
screen must come to show.

Tests never assert after a fixed pause: they wait for the condition (`wait_for`), so a slow
machine makes a test slower, not red, and a fast one does not wait for nothing.
"""

from __future__ import annotations

import html
import inspect
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from goaldash.ui.app import GoalDashApp
from goaldash.ui.screens.plan import PlanScreen
from goaldash.ui.views import View
from goaldash.ui.widgets.checklist import ChecklistTree, Node
from tests.conftest import TODAY

ALPHA = """\
# Alpha rollout plan

**Status:** In Progress

## Phase 1: Groundwork ({d1} to {d2})

- [x] Set up the repo
- [ ] Write the schema
  - [ ] Nested detail

**Exit gate:**
- [ ] Schema reviewed

## Phase 2: Launch ({d3} to {d4})

- [ ] Ship it

## Blockers

1. Legal review pending
   - Impact: Phase 2
   - Owner: Kim
   - ETA: 2026-11-10
"""

BETA = """\
# Tasks: Beta

## Phase 1: Setup

- [x] T001 Create project
- [x] T002 Configure CI

## Phase 2: Done too

- [x] T003 Write docs
"""

ALPHA_PATH = "docs/plans/alpha-plan.md"
BETA_PATH = "specs/001-beta/tasks.md"


def write_repo(root: Path) -> Path:
    """Two plans (one finished) and a readme that is not a plan."""
    plans = root / "docs" / "plans"
    plans.mkdir(parents=True)
    (root / ALPHA_PATH).write_text(
        ALPHA.format(d1="2026-11-01", d2="2026-11-14", d3="2026-11-15", d4="2026-12-10"),
        encoding="utf-8",
    )
    (root / "specs" / "001-beta").mkdir(parents=True)
    (root / BETA_PATH).write_text(BETA, encoding="utf-8")
    (root / "README.md").write_text("# Just a readme\n", encoding="utf-8")
    return root


def _describe(predicate: Callable[[], object]) -> str:
    """The predicate's source (a lambda reads as what was awaited), else its name."""
    try:
        source = inspect.getsource(predicate).strip()
    except (OSError, TypeError):
        return getattr(predicate, "__qualname__", repr(predicate))
    return " ".join(source.split())


async def wait_for(
    pilot: Pilot[Any],
    predicate: Callable[[], object],
    timeout: float = 10.0,
    *,
    what: str | None = None,
) -> None:
    """Let the app run until `predicate()` holds; fail after `timeout` seconds saying what
    never happened (`what`, else the predicate's source)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() >= deadline:
            raise AssertionError(
                f"gave up after {timeout:g} s waiting for: {what or _describe(predicate)}"
            )
        await pilot.pause(0.02)


async def until(pilot: Pilot[Any], cond: Callable[[], object], what: str, wait: float = 10) -> None:
    """`wait_for`, as the tests outside tests/ui call it."""
    await wait_for(pilot, cond, wait, what=what)


def make_app(root: Path, **kw: Any) -> GoalDashApp:
    """The app on `root` on the test day; no file watcher unless `watch=True`."""
    return GoalDashApp(root, TODAY, watch=bool(kw.pop("watch", False)), **kw)


async def loaded(pilot: Pilot[Any], app: GoalDashApp) -> None:
    """Wait for the scan to finish (the views are drawn in the same step)."""
    await wait_for(pilot, lambda: not app.workspace.scanning, what="the scan to finish")


def screen_text(app: GoalDashApp) -> str:
    """Everything on the screen as plain text (what a user reads), from the SVG export."""
    svg = app.export_screenshot()
    lines = re.findall(r'<text class="[^"]*-r\d+"[^>]*>([^<]*)</text>', svg)
    return html.unescape("".join(lines)).replace("\xa0", " ")


def view_of(app: GoalDashApp, tab: str) -> View:
    return app.main.view(tab)


def rows_of(app: GoalDashApp, tab: str) -> list[str]:
    """The rows a tab lists, as text (nothing while the tab's view is not mounted yet)."""
    found = app.main.query(f"#{tab}-view")
    if not found:
        return []
    return [str(o.prompt) for o in found.first(View).rows.options]


def tree_of(app: GoalDashApp) -> ChecklistTree:
    assert isinstance(app.screen, PlanScreen)
    return app.screen.query_one(ChecklistTree)


def cursor_node(app: GoalDashApp) -> Node | None:
    """What the plan screen's checklist cursor is on (None elsewhere)."""
    if not isinstance(app.screen, PlanScreen) or not app.screen.query(ChecklistTree):
        return None
    return app.screen.selected()


async def open_plan(pilot: Pilot[Any], app: GoalDashApp, path: str) -> None:
    """Open the plan at `path` and wait for its checklist's cursor to be placed."""
    app.open_plan(path)
    await wait_for(pilot, lambda: cursor_node(app) is not None, what=f"the plan screen of {path}")


async def cursor_to_item(pilot: Pilot[Any], app: GoalDashApp, text: str) -> None:
    """Move the checklist's cursor down (j) to the item that reads `text`."""
    await wait_for(pilot, lambda: cursor_node(app) is not None, what="the checklist's cursor")
    for _ in range(60):
        node = cursor_node(app)
        if node is not None and node.item is not None and text in node.item.text:
            return
        await pilot.press("j")
    raise AssertionError(f"no item {text!r} in the tree")
