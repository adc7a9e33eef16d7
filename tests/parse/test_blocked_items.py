"""Open items flagged blocked are blockers: emphasis and a status emoji around the flag word
change nothing; an item that only talks about blocking is not one."""

from __future__ import annotations

import pytest

from tests.conftest import plan_of


def _blocked(item: str) -> bool:
    plan = plan_of(f"# Sprint\n\n## Phase 1: Work\n\n- [ ] {item}\n")
    return [b.line for b in plan.blockers] == [5]


@pytest.mark.parametrize(
    "item",
    [
        "B1 billing (🔴 blocked on PCI scope review)",
        "B3 billing 🔴 blocked on PCI scope review",
        "B4 **Blocked:** waiting for OPS-77",
        "B5 *blocked* by OPS-77",
        "**BLOCKED** Wait for vendor",
        "A6 **BLOCKED** Wait for vendor",
        "CHK-903 Alert on retry exhaustion (Task, 2 pts) — **Blocked** by OPS-77",
        "Deploy __BLOCKED__",
        "T012 [P] 🟥 Blocked until the audit",
        # As they always were.
        "billing (blocked on PCI scope review)",
        "B6 ⛔ Blocked by OPS-77",
        "Rate limiting (BLOCKED: waiting for the gateway upgrade)",
        "Merge — BLOCKED: waiting for API keys",
        "Push ⚠️ Blocked by #123",
        "Deploy to prod BLOCKED",
    ],
)
def test_a_flagged_open_item_is_a_blocker(item: str) -> None:
    assert _blocked(item)


@pytest.mark.parametrize(
    "item",
    [
        "Docs: explain what to do when a job is BLOCKED",
        "Handle BLOCKED state in the scheduler",
        "Show a *blocked* badge on stuck jobs",
        "Retry requests blocked by the rate limiter",
        "blocked users can log in",
        "Mark unblocked jobs",
        "Rename the is_blocked_by field",
    ],
)
def test_an_item_about_blocking_is_not_a_blocker(item: str) -> None:
    assert not _blocked(item)


def test_a_done_item_is_never_a_blocker() -> None:
    plan = plan_of("# Sprint\n\n- [x] B4 **Blocked:** waiting for OPS-77\n")
    assert plan.blockers == ()
