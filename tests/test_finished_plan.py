"""A finished plan (every box ticked, or its status done) has no current phase and nothing due,
whatever its phases say (issue 15): `schedule.current_phase` and `schedule.next_due` are the one
rule; the overview row and `--once` read them."""

from __future__ import annotations

from datetime import date

from rich.console import Console

from goaldash.model import Status
from goaldash.report.once import render_once
from goaldash.scan import scan
from goaldash.schedule import current_phase, next_due
from goaldash.ui.views.overview import Columns, overview_row
from tests.conftest import plan_of

TODAY = date(2026, 12, 2)

ALL_TICKED = (
    "# Billing\n\n## Phase 1: Build (2026-12-01 - 2026-12-20)\n\n**Status:** In progress\n\n"
    "- [x] one\n- [x] two\n\n## Phase 2: Ship (2026-12-21 - 2027-01-10)\n\n- [x] three\n"
)
SAID_DONE = (
    "# Billing\n\n**Status:** Complete\n\n## Phase 1: Build (2026-12-01 - 2026-12-20)\n\n"
    "- [x] one\n\n## Phase 2: Ship (2026-12-21 - 2027-01-10)\n\n- [ ] three\n"
)
OPEN = SAID_DONE.replace("**Status:** Complete\n\n", "")


def test_a_finished_plan_has_no_current_phase_nor_next_due() -> None:
    for text in (ALL_TICKED, SAID_DONE):
        plan = plan_of(text)
        assert plan.status is Status.DONE
        assert plan.current_phase is not None  # its phases alone would still name one
        assert current_phase(plan) is None
        assert next_due(plan, TODAY) is None
    plan = plan_of(OPEN)
    assert current_phase(plan) is not None and current_phase(plan) == plan.current_phase
    assert next_due(plan, TODAY) == date(2027, 1, 10)  # phase 1 is done


def test_the_overview_row_and_once_say_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cols = Columns.for_width(160)
    for text in (ALL_TICKED, SAID_DONE):
        row = overview_row(plan_of(text), TODAY, cols).plain
        assert "Phase" not in row and "Dec 20" not in row and "Jan 10" not in row, row
        assert "done" in row
    (tmp_path / "plan.md").write_text(ALL_TICKED, encoding="utf-8")
    console = Console(width=160, record=True, highlight=False, color_system=None)
    render_once(scan(tmp_path, TODAY), console)
    out = console.export_text().split("Warnings")[0]  # (one says what phase 1 still says)
    assert "Phase" not in out and "2026-12-20" not in out and "2027-01-10" not in out, out
