"""The warnings applied to parsed plans: the day's (expiry) and the other plans' (contradictions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from goaldash.checks import GroupNotes, adds_warnings, as_of, checked, conflicts, cross_check
from goaldash.model import Plan, PlanFacts
from tests.conftest import plan_of

ACTIVE = "---\nstatus: active\nexpires: 2026-01-01\n---\n# P\n"
LATER = date(2026, 3, 1)


def _messages(plan: Plan) -> list[str]:
    return [w.message for w in plan.warnings if w.kind in ("contradiction", "stale")]


def test_active_past_expiry_warns() -> None:
    plan = plan_of(ACTIVE)
    assert _messages(plan) == []  # parsing knows no day
    assert _messages(as_of(plan, LATER)) == ["status is active but the plan expired on 2026-01-01"]
    assert _messages(as_of(plan, date(2026, 1, 1))) == []  # its last day is not past it
    assert _messages(as_of(plan_of(ACTIVE.replace("active", "done")), LATER)) == []


def _group(exec_status: str, milestones_status: str) -> list[Plan]:
    return [
        replace(
            plan_of(f"# {name}\n\n## Phase 1: Build - {status}\n\n- [x] a\n", path=path),
            group="001-x",
        )
        for name, status, path in (
            ("Exec", exec_status, ".goalkit/goals/001-x/execution.md"),
            ("Milestones", milestones_status, ".goalkit/goals/001-x/milestones.md"),
        )
    ]


def test_files_of_one_group_that_disagree_warn_each_other() -> None:
    plans = cross_check(_group("✅ Complete", "🔄 In Progress"))
    assert [_messages(p) for p in plans] == [
        ["Phase 1 is done here but in progress in .goalkit/goals/001-x/milestones.md"],
        [
            # (its one item ticked: the plan is done by its boxes, which its phase gainsays)
            "Phase 1 says in progress but every item of the plan is done",
            "Phase 1 is in progress here but done in .goalkit/goals/001-x/execution.md",
        ],
    ]
    agreeing = _group("✅ Complete", "Done")
    assert cross_check(agreeing) == agreeing
    apart = [replace(p, group="") for p in _group("✅ Complete", "🔄 In Progress")]
    assert cross_check(apart) == apart


def test_checked_adds_the_days_warning_then_the_groups() -> None:
    exec_plan, milestones = _group("✅ Complete", "🔄 In Progress")
    stale = replace(
        exec_plan,
        declared_status="active",
        dates=replace(exec_plan.dates, expires=date(2026, 1, 1)),
    )
    extra = conflicts([PlanFacts.of(stale), PlanFacts.of(milestones)])
    kinds = [w.kind for w in checked(stale, LATER, extra).warnings]
    assert kinds[-2:] == ["stale", "contradiction"]
    # What a warm run asks before it reuses a plan's kept --json text.
    assert adds_warnings(PlanFacts.of(stale), LATER, GroupNotes())  # the day
    assert adds_warnings(PlanFacts.of(milestones), LATER, extra)  # the group
    assert not adds_warnings(PlanFacts.of(milestones), LATER, GroupNotes())
    assert checked(milestones, LATER, GroupNotes()) is milestones
