"""What a plan says against itself: a declared status its checkboxes deny."""

from __future__ import annotations

from goaldash.model import Status
from tests.conftest import plan_of


def _kinds(plan: object) -> list[str]:
    return [w.message for w in plan.warnings if w.kind in ("contradiction", "stale")]  # type: ignore[attr-defined]


def test_complete_plan_with_open_items_warns() -> None:
    plan = plan_of("---\nstatus: completed\n---\n# P\n\n- [x] a\n- [ ] b\n")
    assert plan.status is Status.DONE
    assert any("1 of 2 items are not done" in m for m in _kinds(plan))


def test_a_plan_not_started_whose_every_item_is_done_warns() -> None:
    """The status line is what the file states, and is shown; that it contradicts every
    ticked box is said too (in any language the status words are read in)."""
    for text, said in [
        ("# P\n\n**Status**: Planning\n\n- [x] a\n- [x] b\n", "plan says Planning but all 2"),
        ("# P\n\n**Estado:** No iniciado\n\n- [x] uno\n", "plan says No iniciado but the one"),
        ("# P\n\n**Status:** Nicht begonnen\n\n- [x] a\n- [x] b\n", "Nicht begonnen but all 2"),
        ("---\nstatus: not started\n---\n# P\n\n- [x] a\n", "not started but the one item"),
    ]:
        plan = plan_of(text)
        assert plan.status is Status.NOT_STARTED, text
        assert any(said in m for m in _kinds(plan)), (text, _kinds(plan))
    # Some items done under a plan still being planned: no contradiction to say.
    assert _kinds(plan_of("# P\n\n**Status**: Planning\n\n- [x] a\n- [ ] b\n")) == []


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
