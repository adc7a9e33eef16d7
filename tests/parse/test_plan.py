"""The parser, one behaviour at a time, on fixtures written for these tests."""

from __future__ import annotations

from datetime import date

from goaldash.model import ItemState, PlanFormat, Status
from goaldash.parse.phases import parse_phase
from goaldash.parse.status import VOCABULARY, status_of
from tests.conftest import plan_of

# --------------------------------------------------------------------------- frontmatter


def test_invalid_yaml_frontmatter_warns_and_body_is_read() -> None:
    plan = plan_of(
        "---\nid: BACK-1\ntitle: Set up the CLI\nassignee: @someone\nstatus: Done\n---\n\n"
        "## Acceptance Criteria\n- [x] Runs\n- [x] Has tests\n",
        path="backlog/tasks/back-1 - set-up.md",
    )
    assert [w.kind for w in plan.warnings] == ["frontmatter"]
    assert plan.title == "Set up the CLI"
    assert plan.status is Status.DONE
    assert plan.owner == "@someone"
    assert plan.progress.done == 2
    assert plan.format is PlanFormat.BACKLOG_MD


def test_frontmatter_fields() -> None:
    plan = plan_of(
        "---\ntype: plan\ntitle: Billing\nstatus: active\nowner: Payments\n"
        "created: 2026-01-05\nlast_updated: 2026-01-20\nexpires: 2026-12-31\n---\n# Ignored title\n"
    )
    assert plan.title == "Billing"
    assert plan.status is Status.IN_PROGRESS
    assert plan.declared_status == "active"
    assert plan.owner == "Payments"
    assert plan.dates.anchor == date(2026, 1, 5)
    assert plan.dates.expires == date(2026, 12, 31)
    assert plan.format is PlanFormat.PLAN_FRONTMATTER


def test_dashes_inside_a_fence_are_not_frontmatter() -> None:
    plan = plan_of(
        "# Docs plan\n\n```yaml\n---\nstatus: draft | review\n---\n```\n\n- [ ] Write it\n"
    )
    assert plan.title == "Docs plan"
    assert plan.declared_status is None
    assert not [w for w in plan.warnings if w.kind == "frontmatter"]


# --------------------------------------------------------------------------- code


def test_nothing_inside_code_counts() -> None:
    plan = plan_of(
        "# Plan\n\n"
        "```markdown\n# Implementation Plan\n### Phase 1: Fake\n- [ ] fake box\n| Phase | Status |\n"
        "|---|---|\n| Phase 1 | ✅ |\n```\n\n"
        "~~~\n- [x] also fake\n~~~\n\n"
        "Paragraph.\n\n    - [ ] indented code box\n    ## Phase 9: indented\n\n"
        "## Phase 1: Real\n\n- [ ] real box\n"
    )
    assert [p.id for p in plan.phases] == ["1"]
    assert plan.phases[0].name == "Real"
    assert [i.text for i in plan.items] == ["real box"]
    assert plan.status_rows == ()


def test_shell_comments_in_fences_are_not_headings() -> None:
    plan = plan_of("# Real title\n\n```bash\n# Phase 2: not a heading\n# Root\n```\n")
    assert plan.title == "Real title"
    assert plan.phases == ()


# --------------------------------------------------------------------------- phases


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
        ("2", Status.NOT_STARTED),
    ]
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
        ("5", Status.NOT_STARTED, None),
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


# --------------------------------------------------------------------------- items


def test_item_marks_and_markers() -> None:
    plan = plan_of(
        "# P\n\n- [ ] open\n* [x] done\n+ [X] done upper\n1. [-] doing\n2) [~] doing tilde\n"
        "3. [/] doing slash\n- [x]\n- [x](http://link) not a box\n- [?] not a box\n"
    )
    assert [(i.state, i.mark, i.text) for i in plan.items] == [
        (ItemState.OPEN, " ", "open"),
        (ItemState.DONE, "x", "done"),
        (ItemState.DONE, "X", "done upper"),
        (ItemState.IN_PROGRESS, "-", "doing"),
        (ItemState.IN_PROGRESS, "~", "doing tilde"),
        (ItemState.IN_PROGRESS, "/", "doing slash"),
        (ItemState.DONE, "x", ""),
    ]
    assert plan.progress.done == 3
    assert plan.progress.in_progress == 3
    assert plan.progress.open == 1


def test_item_positions_depth_and_quotes() -> None:
    text = (
        "# P\n\n- [ ] top\n  - [x] child\n    1. [ ] grandchild\n\n> - [ ] quoted\n>   - [x] quoted child\n"
        "\n\t- [ ] tab indented is code\n"
    )
    plan = plan_of(text)
    got = [(i.line, i.column, i.depth, i.text) for i in plan.items]
    assert got == [
        (3, 4, 0, "top"),
        (4, 6, 1, "child"),
        (5, 9, 2, "grandchild"),
        (7, 6, 0, "quoted"),
        (8, 8, 1, "quoted child"),
    ]
    lines = text.split("\n")
    for item in plan.items:
        assert lines[item.line - 1][item.column - 1] == item.mark
    assert plan.items[1].parent == 3


def test_item_sections() -> None:
    plan = plan_of(
        "# P\n\n### Phase 1: Build\n\n#### Tasks\n\n- [ ] a\n\n**Exit gate:**\n- [ ] b\n\n"
        "## Review Schedule\n\n**Review checklist:**\n- [ ] c\n\n## Notes\n\n- [ ] d\n"
    )
    assert [(i.phase, i.section) for i in plan.items] == [
        ("1", "Phase 1 › Tasks"),
        ("1", "Phase 1 › Exit gate"),
        (None, "Review Schedule › Review checklist"),
        (None, "Notes"),
    ]


def test_crlf_bom_and_no_final_newline() -> None:
    plan = plan_of(b"\xef\xbb\xbf# P\r\n\r\n- [ ] one\r\n- [x] two")
    assert [(i.line, i.column, i.text) for i in plan.items] == [(3, 4, "one"), (4, 4, "two")]
    assert plan.title == "P"


def test_milestone_verification_items_belong_to_the_milestone() -> None:
    plan = plan_of(
        "# Milestone Plan: X\n\n**Milestone 1: API** (Weeks 1-2)\n- **Value**: y\n\n"
        "### Milestone Rationale\n\ntext\n\n**Milestone 1 Verification**:\n- [x] Load tested\n"
    )
    assert plan.items[0].phase == "M1"
    assert plan.phases[0].status is Status.DONE


# --------------------------------------------------------------------------- tables


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


def test_status_words_in_any_case() -> None:
    rows = "".join(
        f"| Phase {i} | {word} |\n"
        for i, word in enumerate(
            [
                "complete",
                "DONE",
                "in progress",
                "Pending",
                "BLOCKED",
                "delayed",
                "⏸️",
                "⬜",
                "⚠️",
                "🔴",
            ],
            1,
        )
    )
    plan = plan_of("# P\n\n| Phase | Status |\n|---|---|\n" + rows)
    assert [r.status for r in plan.status_rows] == [
        Status.DONE,
        Status.DONE,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
        Status.BLOCKED,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
        Status.BLOCKED,
    ]


def test_every_word_of_the_vocabulary_reads_as_its_row() -> None:
    """Each word and emoji of the status table means its row's status, in a cell in any case
    and form, and (the heading words) at the start of a heading's note: a word shadowed by
    an earlier row, or an emoji in two rows, fails here."""
    for row in VOCABULARY:
        for word in row.all_words:
            for sep in (" ", "-", "_", ""):
                form = word.replace("_", sep)
                for cell in (form, form.upper(), form.title()):
                    assert status_of(cell) is row.status, cell
        for word in row.heading_words:
            decl = parse_phase(f"Phase 1: Name - {word.replace('_', ' ').title()}")
            assert decl is not None and decl.status is row.status, word
        for ch in row.emoji:
            assert status_of(ch + "\ufe0f") is row.status, ch
    emoji = [ch for row in VOCABULARY for ch in row.emoji]
    assert len(emoji) == len(set(emoji))


def test_paused_means_the_same_in_a_heading_a_table_and_the_frontmatter() -> None:
    """On hold: blocked. The heading pattern once took "paused" as a status word that the
    vocabulary did not know, so a paused phase was read from its items (here: in progress,
    and not started) and a paused status row was unknown."""
    plan = plan_of(
        "---\nstatus: paused\n---\n# P\n\n## Phase 1: Build - Paused\n\n- [x] a\n- [ ] b\n\n"
        "## Phase 2: Ship\n\n- [ ] c\n\n| Phase | Status |\n|---|---|\n| Phase 2 | PAUSED |\n"
    )
    assert [(p.declared_status, p.status) for p in plan.phases] == [
        (Status.BLOCKED, Status.BLOCKED),
        (Status.BLOCKED, Status.BLOCKED),
    ]
    assert plan.status_rows[0].status is Status.BLOCKED
    assert plan.status is Status.BLOCKED


def test_vietnamese_is_not_mojibake() -> None:
    plan = plan_of(
        "# KẾ HOẠCH\n\n### GIAI ĐOẠN 1 — VÁ BẢO MẬT (5 ngày làm việc)\n\n- [ ] Chạy lại\n"
    )
    assert not any(w.kind == "encoding" for w in plan.warnings)
    assert plan.title == "KẾ HOẠCH"
    assert plan.phases[0].span == "5 ngày"


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


# --------------------------------------------------------------------------- blockers


def test_blockers_section_with_details() -> None:
    plan = plan_of(
        "# P\n\n### Current Blockers\n\n**Active blockers:**\n\n"
        "1. Vendor API keys missing\n   - Impact: Phase 2 integration\n   - Owner: Dana\n"
        "   - ETA: 2026-02-03\n\n2. Legal review\n   - ETA: next sprint\n\n"
        "3. [Blocker 3]\n   - Impact: [What it blocks]\n\n## Next\n\n- not a blocker\n"
    )
    assert [(b.text, b.impact, b.owner, b.eta, b.eta_text, b.line) for b in plan.blockers] == [
        (
            "Vendor API keys missing",
            "Phase 2 integration",
            "Dana",
            date(2026, 2, 3),
            "2026-02-03",
            7,
        ),
        ("Legal review", None, None, None, "next sprint", 12),
    ]


def test_blocker_section_variants() -> None:
    for title in (
        "## Blockers",
        "### Blockers/Concerns",
        "## 🚧 Current Blockers",
        "## Blockers & Risks",
    ):
        plan = plan_of(f"# P\n\n{title}\n\n- Waiting on the design review\n- None\n")
        assert [b.text for b in plan.blockers] == ["Waiting on the design review"], title


def test_blockers_none_and_resolved() -> None:
    plan = plan_of("# P\n\n## Blockers\n\n- None yet\n\n## Other\n")
    assert plan.blockers == ()
    plan = plan_of(
        "# P\n\n## Blockers\n\n- [x] Old problem\n- ~~Struck problem~~\n- [ ] Live one\n"
    )
    assert [(b.text, b.resolved) for b in plan.blockers] == [
        ("Old problem", True),
        ("Struck problem", True),
        ("Live one", False),
    ]
    assert [b.text for b in plan.open_blockers] == ["Live one"]


def test_blocked_items_are_blockers() -> None:
    plan = plan_of("# P\n\n## Phase 1: A\n\n- [ ] Rate limiting (BLOCKED: gateway)\n- [ ] fine\n")
    assert [(b.text, b.phase, b.line) for b in plan.blockers] == [
        ("Rate limiting (BLOCKED: gateway)", "1", 5)
    ]


def test_blockers_in_a_table() -> None:
    plan = plan_of(
        "# P\n\n## Blockers\n\n| Blocker | Owner | ETA | Status |\n|---|---|---|---|\n"
        "| Certificates | Ops | 2026-01-10 | Open |\n| Old one | Dev | 2025-12-01 | Resolved |\n"
    )
    assert [(b.text, b.owner, b.eta, b.resolved) for b in plan.blockers] == [
        ("Certificates", "Ops", date(2026, 1, 10), False),
        ("Old one", "Dev", date(2025, 12, 1), True),
    ]


# --------------------------------------------------------------------------- timeline


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


# --------------------------------------------------------------------------- placeholders


def test_placeholders_are_counted_never_data() -> None:
    plan = plan_of(
        "# Feature plan\n\n**Timeline:** [Start date] to [End date]\n\n### Phase 1: [Phase Name] (Weeks X-Y)\n\n"
        "| Phase | Status | Progress | Start | End |\n|---|---|---|---|---|\n"
        "| Phase 1 | [✅/🔄/⏳/❌] | [X%] | [Date] | YYYY-MM-DD |\n\n"
        "### Current Blockers\n\n1. [Blocker 1]\n   - ETA: [When]\n\n"
        "- [ ] [e.g., write the thing]\n"
    )
    assert plan.placeholders >= 10
    assert plan.status_rows == ()
    assert plan.blockers == ()
    assert plan.phases[0].span is None and plan.phases[0].end is None
    assert plan.dates.start is None
    assert plan.progress.total == 1


def test_templates_are_recognised() -> None:
    body = "# [Feature] Implementation Plan\n\n### Phase 1: [Phase Name]\n\n- [ ] [Task]\n"
    assert plan_of(body).template is True
    assert plan_of("# Real\n\n- [ ] x\n", path="docs/templates/plan.md").template is True
    assert plan_of("# Real plan\n\n- [ ] x\n").template is False
    feature = "specs/002-prompt-templates/plan.md"
    assert plan_of("# Real plan\n\n- [x] x\n", path=feature).template is False
    assert plan_of("# Real\n\n- [ ] x\n", path="specs/tasks-template.md").template is True


# --------------------------------------------------------------------------- contradictions


def _kinds(plan: object) -> list[str]:
    return [w.message for w in plan.warnings if w.kind in ("contradiction", "stale")]  # type: ignore[attr-defined]


def test_complete_plan_with_open_items_warns() -> None:
    plan = plan_of("---\nstatus: completed\n---\n# P\n\n- [x] a\n- [ ] b\n")
    assert plan.status is Status.DONE
    assert any("1 of 2 items are not done" in m for m in _kinds(plan))


def test_complete_phase_with_open_items_warns() -> None:
    plan = plan_of("# P\n\n## Phase 1: A - ✅ COMPLETE\n\n- [x] a\n- [ ] b\n")
    assert plan.phases[0].status is Status.DONE
    assert any("Phase 1 says complete" in m for m in _kinds(plan))


def test_status_table_disagreeing_with_checkboxes_warns() -> None:
    plan = plan_of(
        "# P\n\n## Phase 1: A\n\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n\n"
        "| Phase | Status | Progress |\n|---|---|---|\n| Phase 1 | In Progress | 80% |\n"
    )
    assert any("80% done but its checkboxes say 25%" in m for m in _kinds(plan))
    ok = plan_of(
        "# P\n\n## Phase 1: A\n\n- [x] a\n- [ ] b\n\n"
        "| Phase | Status | Progress |\n|---|---|---|\n| Phase 1 | In Progress | 60% |\n"
    )
    assert _kinds(ok) == []


def test_completed_folder_with_open_items_warns() -> None:
    plan = plan_of("# P\n\n- [ ] a\n", path="docs/plans/completed/p.md")
    assert any("completed/ folder" in m for m in _kinds(plan))


def test_active_past_expiry_warns() -> None:
    plan = plan_of("---\nstatus: active\nexpires: 2026-01-01\n---\n# P\n", today=date(2026, 3, 1))
    assert any("expired on 2026-01-01" in m for m in _kinds(plan))
    fresh = plan_of("---\nstatus: active\nexpires: 2026-12-01\n---\n# P\n", today=date(2026, 3, 1))
    assert _kinds(fresh) == []


# --------------------------------------------------------------------------- robustness


def test_binary_empty_and_non_utf8_never_raise() -> None:
    assert plan_of(b"").progress.total == 0
    binary = plan_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert [w.kind for w in binary.warnings] == ["binary"]
    latin = plan_of(b"# Caf\xe9 plan\n\n- [ ] caf\xe9\n- [x] ok\n")
    assert latin.progress.total == 2
    assert latin.items[0].text == "caf\ufffd"
    assert any(w.kind == "encoding" for w in latin.warnings)


def test_malformed_markdown_never_raises() -> None:
    nasty = "# [/x]\n\n" + "> " * 200 + "- [ ] deep\n" + "- " * 300 + "[ ] x\n" + "| a |\n|\n" * 5
    plan = plan_of(nasty + "[" * 5000 + "\x1b[2J\x00")
    assert plan.path == "docs/plans/plan.md"


def test_big_file_is_read() -> None:
    chunk = "## Phase {n}: Part {n} (Week {n})\n\n" + "- [ ] a task with some words in it\n" * 50
    text = "# Big\n\n" + "".join(chunk.format(n=n) for n in range(1, 120))
    plan = plan_of(text * 3)
    assert plan.progress.total == 50 * 119 * 3


def test_item_whose_box_is_on_the_line_after_its_marker() -> None:
    plan = plan_of("# P\n\n-\n  [ ] box on the next line\n")
    assert [(i.line, i.column, i.text) for i in plan.items] == [(4, 4, "box on the next line")]


def test_a_plan_titled_rollout_keeps_its_phases() -> None:
    plan = plan_of("# Alpha rollout plan\n\n## Phase 1: Groundwork\n\n- [ ] x\n")
    assert [p.id for p in plan.phases] == ["1"]
    nested = plan_of(
        "# Plan\n\n## Phase 1: Build\n\n- [ ] a\n\n## Rollout Plan\n\n### Phase 1: Canary\n"
    )
    assert [p.name for p in nested.phases] == ["Build"]
