"""The timeline's date axis reads the same without guessing: labels whole, apart, each at its
date's column, the month and the year written where they change, never `12/10`.
(schedule.py Axis.ticks, ui/gantt.py axis_text)"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goaldash.parse import parse_plan
from goaldash.schedule import MONTHS, Axis, Tick, axis_for
from goaldash.ui.gantt import axis_text, timeline_rows


def _check(axis: Axis, today: date) -> None:
    ticks = axis.ticks()
    line = axis_text(axis, today).plain
    assert len(line) == axis.width
    # Every label drawn is a whole tick label, at its tick: nothing else between the ticks.
    assert line.count("┊") == len(ticks), line
    for tick, nxt in zip(ticks, [*ticks[1:], None], strict=True):
        assert tick.column == axis.column(tick.day) and axis.start <= tick.day <= axis.end
        assert line[tick.column] == "┊", line
        assert line[tick.column + 1 : tick.last + 1] == tick.label, line
        assert tick.last < axis.width, f"cut at the right edge: {line}"
        if nxt is not None:
            assert nxt.column > tick.last + 1, f"{tick.label!r} runs into {nxt.label!r}: {line}"
    # Each label says its own date, and nothing it leaves out differs from the label before.
    prev: Tick | None = None
    for tick in ticks:
        words = tick.label.split(" ")
        assert all(re.fullmatch(r"[A-Z][a-z]{2}|\d{1,2}|\d{4}", w) for w in words), tick
        month = words.pop(0) if words[0].isalpha() else None
        day = next((int(w) for w in words if len(w) <= 2), None)
        year = next((int(w) for w in words if len(w) == 4), None)
        if month is None and day is None:  # a year's tick: its first day
            assert (tick.day.month, tick.day.day) == (1, 1), tick
        elif month is None:
            assert prev is not None and prev.day.month == tick.day.month, (prev, tick)
        else:
            assert month == MONTHS[tick.day.month - 1], tick
        if day is not None:
            assert day == tick.day.day, tick
        if year is not None:
            assert year == tick.day.year, tick
        else:
            assert prev is not None and prev.day.year == tick.day.year, (prev, tick)
        prev = tick


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 1, 1)),
    days=st.one_of(st.integers(0, 120), st.integers(0, 4000), st.integers(0, 40000)),
    columns=st.integers(60, 200),
    today_offset=st.integers(-30, 200),
)
def test_axis_labels_are_whole_apart_and_at_their_dates(
    start: date, days: int, columns: int, today_offset: int
) -> None:
    label_w = max(14, min(40, columns // 3))  # the chart's width at this terminal width
    axis = axis_for(start, start + timedelta(days=days), max(10, columns - label_w - 3))
    _check(axis, start + timedelta(days=today_offset))


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_a_chart_across_new_year_says_both_years(width: int) -> None:
    text = (
        "# Rollout\n\n## Phase 1: Build (2026-10-20 to 2026-12-10)\n\n- [ ] a\n\n"
        "## Phase 2: Ship (2026-12-11 to 2027-02-20)\n\n- [ ] b\n"
    )
    plan = parse_plan("docs/plans/rollout-plan.md", text.encode())
    chart = timeline_rows([plan], date(2026, 11, 21), width)
    line = chart.axis.plain
    assert chart.dated and re.search(r"┊(?:[A-Z][a-z]{2} )?(?:\d{1,2} )?2026\b", line), line
    assert re.search(r"┊(?:Jan|Feb)(?: \d{1,2})? 2027\b", line), line
    assert not re.search(r"\d/\d", line), line
