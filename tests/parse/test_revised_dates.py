"""Dates that moved: the current end and the original one, whichever way the move is written."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.parse.dates import revised
from tests.conftest import plan_of


@pytest.mark.parametrize(
    ("value", "current", "original"),
    [
        ("2026-10-15 (was 2026-09-01)", date(2026, 10, 15), date(2026, 9, 1)),
        ("2026-10-15 (slipped from 2026-09-01)", date(2026, 10, 15), date(2026, 9, 1)),
        ("Oct 15, 2026, originally Sep 1, 2026", date(2026, 10, 15), date(2026, 9, 1)),
        ("2026-10-15 (previously: 2026-09-01)", date(2026, 10, 15), date(2026, 9, 1)),
        ("~~2026-06-30~~ ~~2026-08-15~~ 2026-09-30", date(2026, 9, 30), date(2026, 6, 30)),
        ("~~Nov 1, 2026~~ → Dec 1, 2026", date(2026, 12, 1), date(2026, 11, 1)),
        ("2027-02-15 → slipped to 2027-03-01", date(2027, 3, 1), None),
        ("~~2026-01-05~~", date(2026, 1, 5), None),  # struck as a whole: a finished row
        ("2026-10-15", date(2026, 10, 15), None),
    ],
)
def test_revised_value(value: str, current: date, original: date | None) -> None:
    assert revised(value) == (current, original)


def test_was_note_under_a_phase_is_the_original_end() -> None:
    plan = plan_of(
        "# Reporting plan\n\n## Phase 1: Reporting\n\n**Due:** 2026-10-15 (was 2026-09-01)\n\n"
        "- [x] Statement generator\n- [ ] Monthly statements\n"
    )
    phase = plan.phases[0]
    assert (phase.end, phase.original_end) == (date(2026, 10, 15), date(2026, 9, 1))
    assert plan.dates.end == date(2026, 10, 15)


def test_slip_note_in_a_milestone_table_cell() -> None:
    plan = plan_of(
        "# Release table\n\n| Milestone | Name | Due | Status |\n|---|---|---|---|\n"
        "| M1 | Payouts | 2026-09-30 | In progress |\n"
        "| M2 | Reporting | 2026-10-15 (slipped from 2026-09-01) | Not started |\n"
    )
    m2 = plan.phases[1]
    assert (m2.end, m2.original_end) == (date(2026, 10, 15), date(2026, 9, 1))


def test_twice_struck_due_line_ends_on_the_unstruck_date() -> None:
    plan = plan_of(
        "# Payouts\n\n## Milestone 1: Payouts\n\n"
        "**Target date:** ~~2026-06-30~~ ~~2026-08-15~~ 2026-09-30\n**Status:** In progress\n\n"
        "- [x] Bank file generation\n- [ ] Reconciliation job\n"
    )
    m1 = plan.phases[0]
    assert (m1.end, m1.original_end) == (date(2026, 9, 30), date(2026, 6, 30))


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("**Target:** March 2027", date(2027, 3, 31)),
        ("**ETA:** Q1 2027", date(2027, 3, 31)),
        ("**Deadline:** end of January 2027", date(2027, 1, 31)),
        ("Target: by end of Q2 2026", date(2026, 6, 30)),
        ("**Due:** Dec 2026", date(2026, 12, 31)),
    ],
)
def test_a_month_or_quarter_with_its_year_ends_on_its_last_day(line: str, end: date) -> None:
    plan = plan_of(f"# Plan\n\n## Phase 1: A\n\n{line}\n\n- [ ] a\n")
    assert plan.phases[0].end == end


def test_a_month_start_begins_on_its_first_day_and_a_frontmatter_quarter_ends_the_plan() -> None:
    plan = plan_of(
        "---\neta: Q1 2027\n---\n\n# Plan\n\n## Phase 1: A\n\n**Start:** November 2026\n"
    )
    assert plan.phases[0].start == date(2026, 11, 1)
    assert plan.dates.end == date(2027, 3, 31)


@pytest.mark.parametrize(
    "line", ["**Target:** March", "**Target:** 2027", "Target for Q1 2027 is scale"]
)
def test_no_month_and_year_no_date(line: str) -> None:
    plan = plan_of(f"# Plan\n\n## Phase 1: A\n\n{line}\n\n- [ ] a\n")
    assert plan.phases[0].end is None
