"""The overview in a split pane: one line per plan from 60 columns up, the title given its room
first (a shared label such as "Implementation Plan:" dropped, columns giving way in a stated
order), and the room used at 200 columns. (ui/views/overview.py)"""

from __future__ import annotations

import pytest

from goaldash.parse import parse_plan
from goaldash.ui.views.overview import (
    GIVE_WAY,
    Columns,
    overview_header,
    overview_row,
    shared_prefix,
)
from tests.conftest import TODAY


@pytest.mark.parametrize("width", [60, 72, 80, 100, 120, 160, 200, 240])
def test_every_row_is_one_line_and_the_title_has_room(width: int) -> None:
    cols = Columns.for_width(width)
    assert cols.title >= min(40, width // 3) - 1
    assert overview_header(cols).cell_len <= width
    text = "# " + "T" * 300 + "\n\n## Phase 1: Go (2026-11-01 to 2026-12-01)\n\n- [ ] a\n"
    plan = parse_plan("docs/plans/x-plan.md", text.encode())
    assert overview_row(plan, TODAY, cols).cell_len <= width


def test_titles_get_room_before_the_other_columns() -> None:
    assert Columns.for_width(80).title >= 28  # was 18: two plans both read "Implementation Pl…"
    assert Columns.for_width(200).title >= 60 and Columns.for_width(200).format
    assert next(iter(GIVE_WAY[0])) == "format"


def test_a_shared_label_is_dropped_from_the_titles() -> None:
    titles = ["Implementation Plan: Search", "Implementation Plan: Billing", "Tasks: Beta"]
    assert shared_prefix(titles) == ("Implementation Plan:",)
    assert shared_prefix([*titles, "Tasks: Gamma"]) == ("Implementation Plan:", "Tasks:")
    assert shared_prefix(["Alpha rollout plan", "Tasks: Beta"]) == ()
