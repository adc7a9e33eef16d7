"""Dates: anchors for relative spans, written dates, adjustments and estimates."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from goaldash.parse.dates import find_dates
from tests.conftest import plan_of


def test_anchor_from_date_line_places_relative_spans() -> None:
    plan = plan_of(
        "# Implementation Plan: X\n\n**Goal Branch**: `x` | **Date**: 2026-05-15\n\n"
        "**Phase 1: A** (Weeks 1-2, Milestone 1)\n\n**Phase 2: B** (Weeks 3-4)\n\n**Phase 3: C** (Week 6)\n"
    )
    assert plan.dates.anchor == date(2026, 5, 15)
    assert [(p.start, p.end) for p in plan.phases] == [
        (date(2026, 5, 15), date(2026, 5, 28)),
        (date(2026, 5, 29), date(2026, 6, 11)),
        (date(2026, 6, 19), date(2026, 6, 25)),
    ]
    assert plan.dates.start == date(2026, 5, 15)
    assert plan.dates.end == date(2026, 6, 25)


def test_anchor_from_timeline_line_and_days() -> None:
    plan = plan_of(
        "# P\n\n**Timeline:** 2026-03-02 to 2026-03-20 (3 weeks)\n\n## Phase 1: Fix (Day 1)\n\n"
        "## Phase 2: Harden (Days 2-3)\n"
    )
    assert [(p.start, p.end) for p in plan.phases] == [
        (date(2026, 3, 2), date(2026, 3, 2)),
        (date(2026, 3, 3), date(2026, 3, 4)),
    ]


def test_anchor_from_first_dated_phase() -> None:
    plan = plan_of("# P\n\n## Phase 1: A (Dec 16-20, 2025)\n\n## Phase 2: B (Weeks 2-3)\n")
    assert plan.phases[0].start == date(2025, 12, 16)
    assert plan.phases[0].end == date(2025, 12, 20)
    assert plan.phases[1].start == date(2025, 12, 23)


def test_written_dates_in_headings() -> None:
    plan = plan_of(
        "# P\n\n## Phase 1: A (2025-10-08 ~ 2025-11-20)\n\n## Phase 2: B\n\n"
        "**Target Date:** ~~2025-11-05~~ **2025-11-28**\n"
    )
    assert (plan.phases[0].start, plan.phases[0].end) == (date(2025, 10, 8), date(2025, 11, 20))
    assert (plan.phases[1].end, plan.phases[1].original_end) == (
        date(2025, 11, 28),
        date(2025, 11, 5),
    )


def test_timeline_adjustments_and_estimated_completion() -> None:
    plan = plan_of(
        "# P\n\n### Timeline Adjustments\n\n**Changes to original plan:**\n\n"
        "- 2026-01-10: Backfill batched - Source load - Impact: +3 days\n"
        "- 2026-01-14: Scope cut - Deadline - Impact: -2 days\n"
        "- [Date]: [What changed] - [Reason] - [Impact: +X days]\n\n"
        "**Current estimated completion:** 2026-02-20 (was 2026-02-12)\n"
    )
    assert [(a.date, a.change, a.reason, a.impact_days, a.line) for a in plan.adjustments] == [
        (date(2026, 1, 10), "Backfill batched", "Source load", 3.0, 7),
        (date(2026, 1, 14), "Scope cut", "Deadline", -2.0, 8),
    ]
    assert plan.dates.estimated_completion == date(2026, 2, 20)
    assert plan.dates.original_end == date(2026, 2, 12)


def test_dates_that_touch_or_nest_are_found_once_each_in_order() -> None:
    text = "Due 2026-03-04, 04.03.2026, March 5, 2026 and 2026/03/06; 2026-03-07~2026-03-08"
    got = [(f.value, text[f.start : f.end]) for f in find_dates(text)]
    assert [d for d, _ in got] == [
        date(2026, 3, 4),
        date(2026, 3, 4),
        date(2026, 3, 5),
        date(2026, 3, 6),
        date(2026, 3, 7),
        date(2026, 3, 8),
    ]
    spans = [(f.start, f.end) for f in find_dates(text)]
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_a_text_of_twenty_thousand_dates_gives_them_all() -> None:
    # Each date was checked against every date found before it: half a minute for this text.
    text = "; ".join(f"2026-03-{i % 28 + 1:02d}" for i in range(20_000))
    found = find_dates(text)
    assert len(found) == 20_000 and found[-1].value == date(2026, 3, 20_000 % 28 or 28)
