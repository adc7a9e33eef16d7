"""Shapes found in real plans read wrong before (issue 15's look at public repositories):
phases struck, merged away or tagged obsolete; loose emoji beside a word; partly done; date
lines keyed by any end, start or stretch word; quarters and halves as one series."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.model import Status
from tests.conftest import plan_of


def third(heading: str, body: str = "- [ ] c\n") -> tuple[Status, str]:
    plan = plan_of(
        f"# Plan\n\n## Phase 1: A\n\n- [x] a\n\n## Phase 2: B\n\n- [x] b\n\n## {heading}\n\n{body}"
    )
    phase = plan.phases[2]
    return phase.status, phase.name


@pytest.mark.parametrize(
    ("heading", "status", "name"),
    [
        ("Phase 3: ~~Schema Tool~~ (merged into Phase 2)", Status.CANCELLED, "Schema Tool"),
        ("Phase 3: ~~Pending Sends~~ (SKIPPED)", Status.CANCELLED, "Pending Sends"),
        (
            "Phase 3: ~~PTY Output~~ **[OBSOLETE - NO CHANGES NEEDED]**",
            Status.CANCELLED,
            "PTY Output",
        ),
        ("Phase 3: ~~Review the API~~", Status.CANCELLED, "Review the API"),
        ("Phase 3: ~~Review the API~~ COMPLETED", Status.DONE, "Review the API"),
        ("Phase 3: Schema Tool — folded into Phase 2", Status.CANCELLED, "Schema Tool"),
        ("Phase 3: Schema Tool (Skipped)", Status.CANCELLED, "Schema Tool"),
        ("Phase 3: Schema Tool [OBSOLETE]", Status.CANCELLED, "Schema Tool"),
        ("Phase 3: Export [DONE]", Status.DONE, "Export"),
        ("Phase 3: Export ✓", Status.DONE, "Export"),
        ("Phase 3: Export ⏳ IN PROGRESS", Status.IN_PROGRESS, "Export"),
        ("Phase 3: Export 🔄 PENDING", Status.NOT_STARTED, "Export"),
        ("Phase 3: Export ✅ Partially complete", Status.IN_PROGRESS, "Export"),
        ("Phase 3: エクスポート ✅ **一部完了**", Status.IN_PROGRESS, "エクスポート"),
        ("Phase 3: Export (Future)", Status.NOT_STARTED, "Export"),
        ("Phase 3: `.clang-tidy` Configuration", Status.NOT_STARTED, "`.clang-tidy` Configuration"),
        ("Phase 3: `Setup`", Status.NOT_STARTED, "Setup"),
    ],
)
def test_what_a_heading_says_of_its_phase(heading: str, status: Status, name: str) -> None:
    assert third(heading) == (status, name)


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("**Target:** 2026-04-15", None, date(2026, 4, 15)),
        ("**Target Completion:** 2026-06-30", None, date(2026, 6, 30)),
        ("**ETA:** 2026-04-15", None, date(2026, 4, 15)),
        ("**Finish by:** 2026-04-15", None, date(2026, 4, 15)),
        ("**Go-live:** 2026-04-15", None, date(2026, 4, 15)),
        ("**Start:** 2026-04-16 12:18:21 KST", date(2026, 4, 16), None),
        ("**Timeline:** 2026-03-01 to 2026-03-14", date(2026, 3, 1), date(2026, 3, 14)),
        ("**Dates**: 2026-03-01 to 2026-03-14", date(2026, 3, 1), date(2026, 3, 14)),
        ("**Fecha límite:** 2026-04-15", None, date(2026, 4, 15)),
        ("**Échéance :** 2026-04-15", None, date(2026, 4, 15)),
        ("**Timeline:** 2 weeks", None, None),  # a duration, not dates
    ],
)
def test_a_date_line_under_a_phase(line: str, start: date | None, end: date | None) -> None:
    plan = plan_of(f"# Plan\n\n## Phase 1: A\n\n{line}\n\n- [ ] a\n\n## Phase 2: B\n\n- [ ] b\n")
    assert (plan.phases[0].start, plan.phases[0].end) == (start, end)


def test_quarters_and_halves_are_one_series_and_no_date_is_made_up() -> None:
    # "## Q3 2026" says when, loosely: a reader gives it no end date; a written one is its end.
    plan = plan_of(
        "# Roadmap\n\n## Q1 2026\n\n- [x] a\n\n## Q3 2026 🔮 (Planejado)\n\n- [ ] b\n\n"
        "## 2026 Q4 - Scale\n\n**Target:** 2026-11-15\n\n- [ ] c\n\n## H2 2027\n\n- [ ] d\n"
    )
    got = [(p.id, p.name, p.end, p.status) for p in plan.phases]
    assert got == [
        ("Q1 2026", "", None, Status.DONE),
        ("Q3 2026", "", None, Status.NOT_STARTED),
        ("2026 Q4", "Scale", date(2026, 11, 15), Status.NOT_STARTED),
        ("H2 2027", "", None, Status.NOT_STARTED),
    ]


@pytest.mark.parametrize(
    ("note", "end"),
    [
        ("(INSERTED 2026-10-02)", None),  # when it was written into the roadmap
        ("(added 2026-03-01)", None),
        ("(hinzugefügt 2026-03-01)", None),
        ("(due 2026-09-01)", date(2026, 9, 1)),
        ("(2026-09-01)", date(2026, 9, 1)),
    ],
)
def test_a_date_that_says_when_the_plan_changed_is_no_end(note: str, end: date | None) -> None:
    plan = plan_of(
        f"# Roadmap\n\n## Phase 7: Brand {note}\n\n- [ ] a\n\n## Phase 8: Site\n\n- [ ] b\n"
    )
    assert plan.phases[0].end == end


def test_a_plan_whose_phases_are_done_or_dropped_is_done() -> None:
    plan = plan_of(
        "# Plan\n\n### Phase 1: Compose ✅\n\n### Phase 2: Server ✅\n\n"
        "### Phase 3: ~~Schema Tool~~ (merged into Phase 2)\n\n### Phase 4: Search ✅\n"
    )
    assert [p.status for p in plan.phases][2] is Status.CANCELLED
    assert plan.status is Status.DONE


def test_a_status_among_other_fields_of_one_line() -> None:
    plan = plan_of(
        "# OAuth plan\n\n**Date:** 2026-07-29 · **Status:** ON HOLD — waiting for the IdP · "
        "**Owner:** Kim\n\n## Phase 1: Scaffold\n\n- [x] a\n\n## Phase 2: Tokens\n\n- [ ] b\n"
    )
    assert plan.status is Status.BLOCKED
    assert plan.owner == "Kim"
