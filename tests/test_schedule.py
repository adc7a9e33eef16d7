"""Timeline rows and the date axis."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from goaldash.model import Blocker, Phase, Status
from goaldash.schedule import (
    LATE,
    Unit,
    axis_for,
    bar_kind,
    blocker_overdue,
    is_late,
    next_due,
    phase_late,
    plan_timeline,
    span_of,
)
from tests.conftest import plan_of

TODAY = date(2026, 3, 10)


def test_bar_kinds_and_slip() -> None:
    plan = plan_of(
        "---\ncreated: 2026-02-02\n---\n# P\n\n## Phase 1: A (Weeks 1-2) - ✅ DONE\n\n"
        "## Phase 2: B (Weeks 3-4)\n\n- [x] a\n- [ ] b\n\n## Phase 3: C (Weeks 5-6)\n\n- [ ] c\n\n"
        "## Phase 4: D (Weeks 7-8) (BLOCKED UNTIL APPROVAL)\n\n"
        "| Phase | Status | End |\n|---|---|---|\n| Phase 2 | In Progress | ~~2026-02-27~~ 2026-03-06 |\n"
    )
    t = plan_timeline(plan, TODAY)
    assert t is not None and t.dated
    assert [b.kind for b in t.bars] == [
        Status.DONE,
        LATE,
        Status.NOT_STARTED,
        Status.BLOCKED,
    ]
    late = t.bars[1]
    assert (late.start, late.end, late.slip_from) == (
        date(2026, 2, 16),
        date(2026, 3, 6),
        date(2026, 2, 27),
    )
    assert t.bars[0].label == "Phase 1: A"


def test_a_bar_is_its_status_or_late_and_by_its_dates_when_unknown() -> None:
    before, after = date(2026, 3, 1), date(2026, 3, 20)
    for status in Status:
        phase = Phase("1", "A", 1, status=status, end=after)
        assert bar_kind(phase, TODAY) == status  # a new status is a new kind of bar
        late = bar_kind(replace(phase, end=before), TODAY)
        kept = (Status.DONE, Status.BLOCKED, Status.CANCELLED, Status.UNKNOWN)
        assert late == (status if status in kept else LATE)
    unknown = Phase("1", "A", 1)
    assert bar_kind(replace(unknown, start=before, end=after), TODAY) is Status.IN_PROGRESS
    assert bar_kind(replace(unknown, start=after), TODAY) is Status.NOT_STARTED
    # Ended, and the file says nothing of it: done or late, nobody can tell from its dates.
    assert bar_kind(replace(unknown, end=before), TODAY) is Status.UNKNOWN


def test_lateness_is_one_rule() -> None:
    gone, coming = date(2026, 3, 9), date(2026, 3, 10)
    assert phase_late(Phase("1", "A", 1, status=Status.IN_PROGRESS, end=gone), TODAY)
    assert phase_late(Phase("1", "A", 1, status=Status.NOT_STARTED, end=gone), TODAY)
    # No status and no items: the file does not say it is unfinished, so it is not late.
    assert not phase_late(Phase("1", "A", 1, end=gone), TODAY)
    assert not phase_late(Phase("1", "A", 1, end=coming), TODAY)  # due today is not late
    assert not phase_late(Phase("1", "A", 1, status=Status.DONE, end=gone), TODAY)
    plan = plan_of("# P\n\n## Phase 1: A (2026-03-01 to 2026-03-09)\n\n- [ ] a\n")
    assert phase_late(plan.phases[0], TODAY) and is_late(plan, TODAY)
    assert blocker_overdue(Blocker("x", 1, eta=gone), TODAY)
    assert not blocker_overdue(Blocker("x", 1, eta=coming), TODAY)
    assert not blocker_overdue(Blocker("x", 1, eta=gone, resolved=True), TODAY)


def test_relative_plan_without_anchor() -> None:
    plan = plan_of("# P\n\n**Phase 1: A** (Weeks 1-2)\n\n**Phase 2: B** (Weeks 3-5)\n")
    t = plan_timeline(plan, TODAY)
    assert t is not None and not t.dated
    assert [b.relative for b in t.bars] == [(0.0, 14.0), (14.0, 35.0)]


def test_plan_slip_from_estimated_completion() -> None:
    plan = plan_of(
        "# P\n\n## Phase 1: A (2026-03-01 ~ 2026-03-20)\n\n"
        "**Current estimated completion:** 2026-03-27 (was 2026-03-20)\n"
    )
    t = plan_timeline(plan, TODAY)
    assert t is not None
    assert (t.slip_from, t.slip_to) == (date(2026, 3, 20), date(2026, 3, 27))


def test_no_dates_no_timeline() -> None:
    assert plan_timeline(plan_of("# P\n\n## Phase 1: A\n"), TODAY) is None


def test_axis_scales_to_width() -> None:
    assert axis_for(date(2026, 3, 1), date(2026, 3, 10), 60).unit is Unit.DAY
    assert axis_for(date(2026, 3, 1), date(2026, 5, 1), 60).unit is Unit.WEEK
    axis = axis_for(date(2026, 1, 1), date(2026, 12, 31), 60)
    assert axis.unit is Unit.MONTH
    assert axis.column(date(2026, 1, 1)) == 0
    assert axis.column(date(2026, 12, 31)) == 59
    assert axis.column(date(2030, 1, 1)) == 59
    ticks = axis.ticks()
    assert [t.label for t in ticks][:3] == ["Jan 2026", "Apr", "May"]  # the year on the first
    assert [t.column for t in ticks] == sorted(t.column for t in ticks)
    weeks = axis_for(date(2026, 9, 28), date(2026, 11, 8), 60)
    assert [t.label for t in weeks.ticks()] == ["Sep 28 2026", "Oct 12", "19", "26", "Nov 2"]


def test_span_covers_today_and_bars() -> None:
    plan = plan_of("# P\n\n## Phase 1: A (2026-04-01 ~ 2026-04-20)\n")
    t = plan_timeline(plan, TODAY)
    assert t is not None
    lo, hi = span_of([t], TODAY) or (None, None)
    assert lo is not None and hi is not None
    assert lo <= TODAY and hi >= date(2026, 4, 20)


def test_a_phase_of_task_rows_without_status_is_not_late() -> None:
    """A GoalKit tasks file: the phase's tasks are table rows with no status column and no
    checkbox; past its span's end it is of unknown status, neither late nor red."""
    plan = plan_of(
        "# Tasks\n\n**Date**: 2026-02-01\n\n**Phase 1: Backend** (Days 1-5, 2 tasks)\n\n"
        "| Task ID | Task Name | Owner |\n|---|---|---|\n| T-001 | Schema | Ana |\n"
        "| T-002 | API | Ana |\n"
    )
    (phase,) = plan.phases
    assert phase.end is not None and phase.end < TODAY
    assert phase.status is Status.UNKNOWN
    assert not phase_late(phase, TODAY) and bar_kind(phase, TODAY) is Status.UNKNOWN
    assert not is_late(plan, TODAY)


def test_a_plan_is_late_by_its_phases_where_they_have_ends() -> None:
    """The last phase done on time does not make the plan late by that phase's end; a passed
    estimate of completion is late whatever the phases say."""
    on_time = plan_of(
        "# P\n\n## Phase 1: A (2026-03-01 to 2026-03-05) ✅\n\n- [x] a\n\n"
        "## Phase 2: B\n\n- [ ] b\n"
    )
    assert on_time.dates.end is not None and on_time.dates.end < TODAY
    assert not is_late(on_time, TODAY)
    estimate = plan_of(
        "# P\n\n**Current estimated completion:** 2026-03-06\n\n"
        "## Phase 1: A (2026-03-01 to 2026-03-20)\n\n- [ ] a\n"
    )
    assert estimate.dates.estimated_completion == date(2026, 3, 6) and is_late(estimate, TODAY)


def test_nothing_is_due_when_every_end_has_passed_and_the_plan_is_not_late() -> None:
    plan = plan_of(
        "# P\n\n## Phase 1: A (2026-03-01 to 2026-03-05) ✅\n\n- [x] a\n\n"
        "## Phase 2: B\n\n- [ ] b\n"
    )
    assert not is_late(plan, TODAY) and next_due(plan, TODAY) is None
    late = plan_of("# P\n\n## Phase 1: A (2026-03-01 to 2026-03-05)\n\n- [ ] a\n")
    assert is_late(late, TODAY) and next_due(late, TODAY) == date(2026, 3, 5)
