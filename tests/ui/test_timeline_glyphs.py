"""The timeline reads without colour: every bar kind has a glyph of its own, and week labels on
a relative axis never overwrite each other. (report/style.py BAR_STYLE, ui/gantt.py)"""

from __future__ import annotations

import re

import pytest

from goaldash.parse import parse_plan
from goaldash.report.style import BAR_STYLE
from goaldash.ui.gantt import timeline_rows
from tests.conftest import TODAY


def test_every_bar_kind_has_its_own_glyph() -> None:
    glyphs = [glyph for glyph, _ in BAR_STYLE.values()]
    assert len(set(glyphs)) == len(glyphs), glyphs


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_week_labels_never_collide(width: int) -> None:
    phases = "\n".join(
        f"## Phase {n}: Part {n} (Weeks {3 * n - 2}-{3 * n})\n\n- [ ] work {n}\n"
        for n in range(1, 15)
    )
    plan = parse_plan("docs/plans/long-plan.md", f"# Long plan\n\n{phases}".encode())
    relative = timeline_rows([plan], TODAY, width).relative
    assert relative, "the plan has no dates: it is drawn on weeks"
    ticks = relative[1].text.plain
    numbers = [int(n) for n in re.findall(r"┊w(\d+)", ticks)]
    assert numbers and numbers == sorted(set(numbers)), ticks
    assert all(n <= 42 for n in numbers), ticks
    assert not re.search(r"w\d+┊", ticks), f"a label runs into the next tick: {ticks}"
