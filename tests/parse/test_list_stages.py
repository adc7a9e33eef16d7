"""Stages written as list items and bold lines rather than headings: a spaced dash separates
the id from the name as a colon does, a stage's bullet owns what is nested under it, and a
stage's box left open says only that it is not done (goaldash/parse/plan.py, phases.py)."""

from __future__ import annotations

from goaldash.model import Status
from tests.conftest import plan_of


def _phases(text: str) -> list[tuple[str, str, Status, int, int]]:
    return [
        (p.id, p.name, p.status, p.progress.done, p.progress.total) for p in plan_of(text).phases
    ]


def test_a_bold_stage_line_with_a_dash_is_a_stage_as_with_a_colon() -> None:
    text = (
        "# Implementation plan\n\n**Phase 1 — Foundation** ✅\n\n- [x] Set up project\n\n"
        "**Phase 2 - API** 🔄\n\n- [x] Users endpoint\n- [ ] Orders endpoint\n\n"
        "**Phase 3 – UI**\n\n- [ ] Dashboard\n"
    )
    assert _phases(text) == [
        ("1", "Foundation", Status.DONE, 1, 1),
        ("2", "API", Status.IN_PROGRESS, 1, 2),
        ("3", "UI", Status.NOT_STARTED, 0, 1),
    ]


def test_words_after_the_id_are_still_no_stage() -> None:
    text = (
        "# Plan\n\n**Phase 1 is complete when:**\n\n- [ ] tests pass\n\n**Phase 2 -based work**\n"
    )
    assert plan_of(text).phases == ()


def test_a_stage_bullet_owns_the_tasks_nested_under_it_status_or_not() -> None:
    text = (
        "# Roadmap\n\n1. **Milestone 1: Auth** (done)\n   - [x] Login\n   - [x] Logout\n"
        "2. **Milestone 2: Billing** (in progress)\n   - [x] Stripe\n   - [ ] Invoices\n"
        "3. **Milestone 3: Reports**\n   - [ ] Monthly report\n"
    )
    assert _phases(text) == [
        ("M1", "Auth", Status.DONE, 2, 2),
        ("M2", "Billing", Status.IN_PROGRESS, 1, 2),
        ("M3", "Reports", Status.NOT_STARTED, 0, 1),
    ]
    dashed = "# Plan\n\n- **Phase 1 — Setup** ✅\n  - [x] a\n- **Phase 2 — Build**\n  - [ ] b\n"
    assert _phases(dashed) == [
        ("1", "Setup", Status.DONE, 1, 1),
        ("2", "Build", Status.NOT_STARTED, 0, 1),
    ]


def test_an_overview_list_of_bare_mentions_still_makes_no_stages() -> None:
    text = "# Plan\n\n- Phase 1: Setup\n- Phase 2: Build\n\nSome notes.\n\n- [ ] a task\n"
    assert plan_of(text).phases == ()


def test_a_stage_box_left_open_is_not_done_and_its_tasks_say_whether_it_began() -> None:
    text = (
        "# Tasks\n\n- [x] **Phase 1: Setup**\n  - [x] Repo\n- [ ] **Phase 2: Build**\n"
        "  - [x] API\n  - [x] Models\n  - [ ] UI\n- [ ] **Phase 3: Ship**\n  - [ ] Release\n"
    )
    plan = plan_of(text)
    assert [(p.id, p.status, p.declared_status) for p in plan.phases] == [
        ("1", Status.DONE, Status.DONE),
        ("2", Status.IN_PROGRESS, None),  # its box open, two of its three tasks done
        ("3", Status.NOT_STARTED, None),
    ]
    assert plan.warnings == ()


GSD = """\
# Roadmap: Recipe Box

## Phases

- [x] **Phase 1: Foundation** - Scaffold and auth
- [ ] **Phase 2: Sharing** - Public links

## Phase Details

### Phase 1: Foundation

Plans:
- [x] 01-01: Scaffold and auth

### Phase 2: Sharing

Plans:
- [x] 02-01: Public link generation
- [ ] 02-02: Collections

## Progress

| Phase | Plans Complete | Status | Completed |
|-------|----------------|--------|-----------|
| 1. Foundation | 1/1 | Complete | 2026-10-04 |
| 2. Sharing | 1/2 | In progress | - |
"""


def test_a_phase_list_box_left_open_beside_a_table_saying_in_progress_agrees() -> None:
    plan = plan_of(GSD)
    assert [(p.id, p.status) for p in plan.phases] == [
        ("1", Status.DONE),
        ("2", Status.IN_PROGRESS),
    ]
    assert [w for w in plan.warnings if w.kind == "contradiction"] == []


def test_a_box_left_open_on_a_stage_the_table_calls_complete_is_a_contradiction() -> None:
    text = GSD.replace("- [x] **Phase 1", "- [ ] **Phase 1")
    plan = plan_of(text)
    assert plan.phases[0].status is Status.DONE
    said = [w.message for w in plan.warnings if w.kind == "contradiction"]
    assert "Phase 1 is done by its status table but its box (line 5) is not ticked" in said
