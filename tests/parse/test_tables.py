"""Tables: task tables, phase status tables, milestone and timeline tables."""

from __future__ import annotations

from datetime import date

from goaldash.model import Status
from tests.conftest import plan_of


def test_task_table() -> None:
    plan = plan_of(
        "# Implementation Tasks: X\n\n**Phase 1: Backend** (Days 1-5, 2 tasks)\n\n"
        "| Task ID | Task Name | Description | Owner | Effort | DoD | Dependencies |\n"
        "|---|---|---|---|---|---|---|\n"
        "| T-001 | Design | Architecture | Alice | 8h | Approved | None |\n"
        "| T-002 | Schema | Tables | Bob | 6h | Tested | T-001, T-000 |\n"
    )
    assert [
        (t.id, t.name, t.owner, t.effort, t.depends_on, t.phase, t.line) for t in plan.tasks
    ] == [
        ("T-001", "Design", "Alice", "8h", (), "1", 7),
        ("T-002", "Schema", "Bob", "6h", ("T-001", "T-000"), "1", 8),
    ]
    assert plan.tasks[0].dod == "Approved"


def test_phase_status_table_words_emoji_and_mojibake() -> None:
    plan = plan_of(
        "# P\n\n## Phase 1: A\n\n## Phase 2: B\n\n## Phase 3: C\n\n## Phase 4: D\n\n## Phase 5: E\n\n"
        "### Phase Status\n\n| Phase | Status | Progress | Start | End | Notes |\n"
        "|---|---|---|---|---|---|\n"
        "| Phase 1 | ‚úÖ | 100% | 2026-01-05 | 2026-01-16 | mac roman |\n"
        "| Phase 2 | âœ… Complete | 100% | 2026-01-19 | Jan 30, 2026 | cp1252 |\n"
        "| Phase 3 | 🔄 In Progress | 40% | 2026-02-02 | ~~2026-02-13~~ **2026-02-20** | slipped |\n"
        "| Phase 4 | Not Started | 0% | | | |\n"
        "| Phase 5 | ❌ blocked | 0% | | | waiting on legal |\n"
    )
    rows = plan.status_rows
    assert [r.status for r in rows] == [
        Status.DONE,
        Status.DONE,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
        Status.BLOCKED,
    ]
    assert rows[1].end == date(2026, 1, 30)
    assert [p.status for p in plan.phases] == [r.status for r in rows]
    assert plan.phases[2].end == date(2026, 2, 20)
    assert plan.phases[2].original_end == date(2026, 2, 13)
    assert any("waiting on legal" in b.text for b in plan.blockers)
    assert any(w.kind == "encoding" for w in plan.warnings)


def test_milestone_table_with_target_dates() -> None:
    plan = plan_of(
        "# P\n\n| Milestone | Target Date | Status | Progress |\n|---|---|---|---|\n"
        "| Milestone 1: API | 2026-02-01 | Done | 100% |\n| Milestone 2 | Mar 3, 2026 | In Progress | 30% |\n"
    )
    assert [(p.id, p.end, p.status) for p in plan.phases] == [
        ("M1", date(2026, 2, 1), Status.DONE),
        ("M2", date(2026, 3, 3), Status.IN_PROGRESS),
    ]


def test_timeline_summary_table_gives_estimates() -> None:
    plan = plan_of(
        "# Implementation Plan: X\n\n**Created:** 2026-03-02\n\n### Phase 1: A\n\n### Phase 2: B\n\n"
        "| Phase | Estimate | Dependencies | Risk Level |\n|---|---|---|---|\n"
        "| Phase 1 | 2 days | None | Low |\n| Phase 2 | 3 days | Phase 1 | High |\n"
    )
    assert [(p.span, p.start, p.end) for p in plan.phases] == [
        ("2 days", date(2026, 3, 2), date(2026, 3, 3)),
        ("3 days", date(2026, 3, 4), date(2026, 3, 6)),
    ]
