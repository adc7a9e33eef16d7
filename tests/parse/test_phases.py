"""Phases and milestones: how they are declared, and what their headings say."""

from __future__ import annotations

from datetime import date

from goaldash.model import PlanFormat, Status
from tests.conftest import plan_of


def test_heading_phases_with_spans() -> None:
    plan = plan_of(
        "# P\n\n### Phase 1: Setup (Weeks 1-2)\n\n### Phase 2: Build (Est: 3 days)\n\n"
        "### Phase 3: Ship (2 hours)\n"
    )
    assert [(p.id, p.name, p.span) for p in plan.phases] == [
        ("1", "Setup", "Weeks 1-2"),
        ("2", "Build", "Est: 3 days"),
        ("3", "Ship", "2 hours"),
    ]


def test_bold_paragraph_phases_and_milestones() -> None:
    plan = plan_of(
        "# P\n\n**Phase 1: API** (Weeks 1-2, Milestone 1)\n- work\n\n"
        "**Milestone 2: Client** (Weeks 3-5)\n- more\n\n**Phase 1 is complete when:**\n- done\n"
    )
    assert [(p.id, p.kind, p.name, p.span, p.milestone) for p in plan.phases] == [
        ("1", "phase", "API", "Weeks 1-2", "1"),
        ("M2", "milestone", "Client", "Weeks 3-5", None),
    ]


def test_spec_kit_phases() -> None:
    plan = plan_of(
        "# Tasks: Export\n\n## Phase 1: Setup (Shared Infrastructure)\n\n- [x] T001 Create module\n\n"
        "## Phase 3: User Story 1 - Export a report (Priority: P1) 🎯 MVP\n\n"
        "- [ ] T002 [P] [US1] Endpoint in src/api.py\n- [ ] T003 [US1] Tests\n- [x] T004 Docs\n",
        path="specs/002-export/tasks.md",
    )
    assert [(p.id, p.name) for p in plan.phases] == [
        ("1", "Setup"),
        ("3", "User Story 1 - Export a report"),
    ]
    assert plan.format is PlanFormat.SPEC_KIT_TASKS
    assert plan.phases[1].progress.total == 3
    assert plan.placeholders == 0  # [P] and [US1] are markers, not placeholders


def test_gsd_checkbox_phases() -> None:
    plan = plan_of(
        "# Roadmap\n\n## Phases\n\n- [x] **Phase 1: Foundation** - schema and auth\n"
        "- [ ] **Phase 2: Features** - the rest\n  - [x] Search\n  - [ ] Export\n\n"
        "## Phase Details\n\n### Phase 2: Features\n\n- [ ] Polish\n",
        path=".planning/ROADMAP.md",
    )
    assert [(p.id, p.status) for p in plan.phases] == [
        ("1", Status.DONE),
        ("2", Status.IN_PROGRESS),  # its box open (not done), and Search is done: begun
    ]
    assert plan.phases[1].declared_status is None
    assert plan.phases[1].line == 6
    assert [i.phase for i in plan.items] == ["1", "2", "2", "2", "2"]
    assert plan.format is PlanFormat.GSD


def test_phase_ids_in_all_forms() -> None:
    plan = plan_of(
        "# P\n\n## Phase 3.5: Security fixes 🔴\n\n## Phase A3a: Top sites\n\n"
        "## Milestone M2.5: Beta\n\n## Phase N: Final\n\n## Phase 横断: 統合テスト\n\n"
        "## Giai đoạn 2: Hoàn thiện backend (Tuần 3-4)\n"
    )
    assert [p.id for p in plan.phases] == ["3.5", "A3a", "M2.5", "N", "横断", "2"]
    assert plan.phases[4].name == "統合テスト"
    assert plan.phases[5].name == "Hoàn thiện backend"
    assert plan.phases[5].span == "Tuần 3-4"


def test_status_written_into_headings() -> None:
    plan = plan_of(
        "# P\n\n## Phase 1: Core (Week 3) - ✅ COMPLETED\n\n### ✅ Phase 2: Admin - COMPLETE (2026-01-23)\n\n"
        "### A-13. Detector — DONE (2026-05-04)\n\n## Phase 3: Build (CURRENT PHASE)\n\n"
        "## Phase 4: Launch (BLOCKED UNTIL APPROVAL)\n\n## Phase 5: Later — DEFERRED\n"
    )
    got = [(p.id, p.status, p.end) for p in plan.phases]
    assert got == [
        ("1", Status.DONE, None),
        ("2", Status.DONE, date(2026, 1, 23)),
        ("3", Status.IN_PROGRESS, None),
        ("4", Status.BLOCKED, None),
        ("5", Status.CANCELLED, None),  # deferred: not open work (issue 14)
    ]
    assert [p.name for p in plan.phases] == ["Core", "Admin", "Build", "Launch", "Later"]
    # The blocked phase is listed among the blockers.
    assert any(b.phase == "4" for b in plan.blockers)


def test_status_line_under_a_phase() -> None:
    plan = plan_of(
        "# P\n\n## Phase 8: Cleanup\n\n**Status:** complete\n\n### Task 8.1: x\n\n"
        "**Status:** 🔴 Blocking\n"
    )
    assert plan.phases[0].status is Status.DONE  # the task's status line is not the phase's


def test_rollout_stages_are_not_phases() -> None:
    plan = plan_of(
        "# P\n\n## Implementation Phases\n\n### Phase 1: Build\n\n- [ ] a\n\n### Phase 2: Test\n\n"
        "## Rollout Plan\n\n### Phase 1: Internal (Week X)\n\n### Phase 2: Beta\n\n"
        "### Phase 3: General Availability\n"
    )
    assert [p.id for p in plan.phases] == ["1", "2"]


def test_repeated_summary_section_is_not_new_phases() -> None:
    plan = plan_of(
        "# P\n\n## Phase 1: Fixes (Day 1)\n\n- [ ] a\n\n## Phase 2: Hardening (Days 2-3)\n\n"
        "## Summary\n\n### Phase 1: Fixes (Day 1)\n\n- [ ] summary box\n\n### Phase 3: Extra\n"
    )
    assert [p.id for p in plan.phases] == ["1", "2"]
    assert plan.items[1].phase is None


def test_overview_list_gives_phase_status() -> None:
    plan = plan_of(
        "# TODO\n\n**Status:** ⏸️ PENDING USER APPROVAL\n\n## Overview\n\n"
        "1. ✅ **Phase 1: Research** - COMPLETE (2 files)\n2. ⏸️ **Phase 2: Approval** - GATE\n\n"
        "## Phase 2: Approval (Detailed Steps)\n\n- [ ] Ask\n"
    )
    assert [(p.id, p.status) for p in plan.phases] == [
        ("1", Status.DONE),
        ("2", Status.NOT_STARTED),
    ]
    assert plan.items[0].phase == "2"
    assert plan.status is Status.NOT_STARTED


def test_a_plan_titled_rollout_keeps_its_phases() -> None:
    plan = plan_of("# Alpha rollout plan\n\n## Phase 1: Groundwork\n\n- [ ] x\n")
    assert [p.id for p in plan.phases] == ["1"]
    nested = plan_of(
        "# Plan\n\n## Phase 1: Build\n\n- [ ] a\n\n## Rollout Plan\n\n### Phase 1: Canary\n"
    )
    assert [p.name for p in nested.phases] == ["Build"]
