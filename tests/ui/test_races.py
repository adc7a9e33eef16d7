"""The dashboard's space and u keys while an editor saves the plan in a loop: every save the
editor made survives, the file is never a mixture, and once the editor stops the view shows
what the file says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from goaldash.ui.app import GoalDashApp
from tests.conftest import TODAY
from tests.edit.test_races import BODY, WRITER, saves_kept
from tests.ui.helpers import cursor_to_item, loaded, open_plan, wait_for


@pytest.mark.parametrize(
    ("mode", "where"), [("inplace2", "prepend"), ("rename", "prepend"), ("vim", "append")]
)
async def test_ticks_from_the_keyboard_racing_an_editor(
    tmp_path: Path, mode: str, where: str
) -> None:
    root = tmp_path / "repo"
    plans = root / "docs" / "plans"
    plans.mkdir(parents=True)
    plan = plans / "race.md"
    plan.write_bytes(BODY)
    stop, log = tmp_path / "stop", tmp_path / "log.json"
    app = GoalDashApp(root, TODAY, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, "docs/plans/race.md")
        await cursor_to_item(pilot, app, "item number 005")
        writer = subprocess.Popen(
            # At most 300 saves, so that a slow machine does not grow the file without end.
            [sys.executable, "-c", WRITER, str(plan), mode, where, str(stop), str(log), "3", "300"]
        )
        try:
            for n in range(24):
                await pilot.press("u" if n % 4 == 3 else "space")
                await pilot.pause(0.02)  # keys a moment apart, while the editor saves
        finally:
            stop.touch()
            writer.wait(timeout=30)
        # The keys did tick (the cursor stayed on its item while the file was rewritten).
        await wait_for(pilot, lambda: len(app.workspace.undo_stack) > 0, what="a tick to be done")
        saves_kept(plan, log, where)

        def counts() -> tuple[int, int]:
            data = plan.read_bytes()
            return len(re.findall(rb"^- \[[xX]\]", data, re.M)), len(
                re.findall(rb"^- \[[ xX]\]", data, re.M)
            )

        def shown() -> tuple[int, int] | None:
            p = app.plan("docs/plans/race.md")
            return None if p is None else (p.progress.done, p.progress.total)

        await wait_for(pilot, lambda: shown() == counts(), 20, what="the view to show the file")
