"""Date lines read whatever their key's dress, as status lines are: plain, emphasised, flagged
with an emoji, with a dash for a colon, or as a bullet of the phase's own."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import plan_of


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("Due: 2026-03-10", date(2026, 3, 10)),
        ("Due: Mar 3, 2026", date(2026, 3, 3)),
        ("Target date: 2026-05-01", date(2026, 5, 1)),
        ("*Due: 2026-06-01*", date(2026, 6, 1)),
        ("📅 Due 2026-07-01", date(2026, 7, 1)),
        ("Deadline — 15 April 2026", date(2026, 4, 15)),
        ("**Deadline** — 15 April 2026", date(2026, 4, 15)),
        ("- **End:** 2026-06-01", date(2026, 6, 1)),
        ("- Due: 2026-06-01", date(2026, 6, 1)),
    ],
)
def test_a_date_line_under_a_phase_dates_it(line: str, end: date) -> None:
    plan = plan_of(f"# Plan\n\n## Phase 1: Auth\n\n{line}\n\n- [ ] Login\n\n## Phase 2: B\n")
    assert plan.phases[0].end == end


def test_start_and_end_bullets_under_a_phase() -> None:
    plan = plan_of(
        "# Roadmap\n\n## Phase 1: Design\n- **Start:** 2026-01-12\n- **End:** 2026-01-30\n"
        "- Status: done\n\n- [x] Mockups\n\n## Phase 2: Build\n- Timeline: Feb 2 – Mar 27, 2026\n"
        "\n- [ ] Backend\n"
    )
    assert [(p.start, p.end) for p in plan.phases] == [
        (date(2026, 1, 12), date(2026, 1, 30)),
        (date(2026, 2, 2), date(2026, 3, 27)),
    ]


def test_a_written_due_date_beats_the_span() -> None:
    plan = plan_of(
        "# Plan\n\n**Start date:** 2026-03-02\n\n## Phase 1: Auth (Weeks 1-2)\n\n"
        "Due: 2026-03-10\n\n- [x] Login\n"
    )
    assert (plan.phases[0].start, plan.phases[0].end) == (date(2026, 3, 2), date(2026, 3, 10))


def test_a_plain_start_date_line_anchors_relative_spans() -> None:
    plan = plan_of(
        "# Roadmap\n\nStart date: 2026-03-02\n\n## Phase 1: Setup (Day 1-5)\n\n- [x] Repo\n\n"
        "## Phase 2: Build (Days 6-15)\n\n- [ ] API\n"
    )
    assert plan.dates.anchor == date(2026, 3, 2)
    assert [(p.start, p.end) for p in plan.phases] == [
        (date(2026, 3, 2), date(2026, 3, 6)),
        (date(2026, 3, 7), date(2026, 3, 16)),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "End-to-end tests must pass by 2026-03-01.",
        "Due to the outage we moved the demo to 2026-04-01.",
        "We hope to start the work after 2026-03-01 once budget is in.",
        "- Waiting on legal, deadline for them is 2026-03-01",
    ],
)
def test_prose_that_mentions_a_date_does_not_date_the_phase(line: str) -> None:
    plan = plan_of(f"# Plan\n\n## Phase 1: Auth\n\n{line}\n\n- [ ] Login\n\n## Phase 2: B\n")
    assert (plan.phases[0].start, plan.phases[0].end) == (None, None)


def test_a_due_line_in_a_blockers_list_is_not_the_phase_end() -> None:
    plan = plan_of(
        "# Plan\n\n## Phase 1: Auth\n\n### Blockers\n\n- Due: 2026-03-01 vendor contract\n\n"
        "- [ ] Login\n\n## Phase 2: B\n"
    )
    assert plan.phases[0].end is None
