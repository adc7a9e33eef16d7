"""The dates a plan states for itself, in its frontmatter or at its top, are its dates; its
phases' dates fill in only what it does not state."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import plan_of

_PHASES = "# Search rebuild\n\n## Phase 1: Index\n\n**End:** 2026-02-27\n\n- [x] Schema\n\n## Phase 2: Query\n\n- [ ] API\n"


def test_frontmatter_start_and_due_are_the_plans_dates() -> None:
    plan = plan_of(
        f"---\ntitle: Search rebuild\nstatus: active\nstart_date: 2026-01-05\ndue: 2026-06-30\n---\n\n{_PHASES}"
    )
    assert (plan.dates.start, plan.dates.end) == (date(2026, 1, 5), date(2026, 6, 30))
    assert plan.phases[0].end == date(2026, 2, 27)


@pytest.mark.parametrize(
    "key", ["due", "due_date", "deadline", "target", "target_date", "end", "end_date", "eta"]
)
def test_each_frontmatter_end_key(key: str) -> None:
    plan = plan_of(
        f"---\nstatus: active\n{key}: 2026-04-30\n---\n\n# P\n\n## Phase 1: A\n\n- [ ] x\n"
    )
    assert plan.dates.end == date(2026, 4, 30)


@pytest.mark.parametrize("key", ["start", "start_date"])
def test_each_frontmatter_start_key_starts_and_anchors(key: str) -> None:
    plan = plan_of(f"---\n{key}: 2026-03-02\n---\n\n# P\n\n## Phase 1: A (Weeks 1-2)\n\n- [ ] x\n")
    assert (plan.dates.start, plan.dates.anchor) == (date(2026, 3, 2), date(2026, 3, 2))
    assert (plan.phases[0].start, plan.phases[0].end) == (date(2026, 3, 2), date(2026, 3, 15))


def test_frontmatter_due_written_as_text() -> None:
    plan = plan_of("---\ndue: June 30, 2026\n---\n\n# P\n\n## Phase 1: A\n\n- [ ] x\n")
    assert plan.dates.end == date(2026, 6, 30)


def test_target_completion_line_under_the_title_is_the_plans_end() -> None:
    plan = plan_of(
        "# Roadmap\n\n**Status:** In progress\n**Target completion:** 2026-06-30\n\n"
        "## Phase 1: Core\n\n**End:** 2026-03-31\n\n- [x] Engine\n\n## Phase 2: Plugins\n\n- [ ] Loader\n"
    )
    assert plan.dates.end == date(2026, 6, 30)


def test_plain_due_line_at_the_top_with_a_slip_note() -> None:
    plan = plan_of(f"Due: 2026-10-15 (was 2026-09-01)\n\n{_PHASES}")
    assert (plan.dates.end, plan.dates.original_end) == (date(2026, 10, 15), date(2026, 9, 1))


def test_without_a_stated_date_the_phases_give_the_plans() -> None:
    plan = plan_of(_PHASES)
    assert (plan.dates.start, plan.dates.end) == (None, date(2026, 2, 27))


def test_a_due_line_inside_a_phase_is_not_the_plans() -> None:
    plan = plan_of(
        "# P\n\n## Phase 1: A\n\nDue: 2026-03-01\n\n- [ ] x\n\n## Phase 2: B\n\nDue: 2026-05-01\n"
    )
    assert plan.dates.end == date(2026, 5, 1)
