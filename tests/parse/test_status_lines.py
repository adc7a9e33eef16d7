"""Status lines (issue 14): a line under a phase heading states the phase's status and beats
stale checkboxes, in any language and as a paragraph or a plain bullet; the plan's own status is
its top status line; ids differing only by leading zeros are one phase."""

from __future__ import annotations

from goaldash.model import Status
from tests.conftest import plan_of


def statuses(text: str) -> list[tuple[str, str]]:
    return [(p.id, p.status.value) for p in plan_of(text).phases]


def test_a_status_line_beats_stale_checkboxes_in_several_languages() -> None:
    text = (
        "# Plan\n\n"
        "## Phase 1: Setup\n\n**Status:** ✅ Complete\n\n- [ ] a stale box\n\n"
        "## フェーズ2: 基盤\n\n**ステータス**: 完了\n\n- [ ] 古いチェック\n\n"
        "## Fase 3: Datos\n\n**Estado:** Completado\n\n- [ ] una casilla\n\n"
        "## Этап 4. Тесты\n\nСтатус: завершена\n\n- [ ] пункт\n\n"
        "## 5단계: 배포\n\n**상태**: 완료\n\n- [ ] 항목\n\n"
        "## Phase 6: Docs\n\n**Estado:** No empezado\n\n- [x] an early box\n"
    )
    assert statuses(text) == [
        ("1", "done"),
        ("2", "done"),
        ("3", "done"),
        ("4", "done"),
        ("5", "done"),
        ("6", "not_started"),
    ]


def test_a_plain_bullet_states_the_status_after_other_bullets() -> None:
    text = (
        "# Milestones\n\n"
        "## M0 - Baseline\n\n- PR0000-PR0002\n- Status: Completed\n\n"
        "## M1 - Core\n\n- PR0003\n- Statut : Terminé\n\n"
        "## M2 - Next\n\n- PR0004\n- Stato: Planning\n"
    )
    assert statuses(text) == [("M0", "done"), ("M1", "done"), ("M2", "not_started")]


def test_a_tasks_status_line_is_not_the_phases() -> None:
    # After the phase's tasks or under a deeper heading, a status line is a task's.
    text = (
        "# P\n\n## Phase 1: A\n\n- [ ] one\n- [ ] two\n\n**Status:** Done\n\n"
        "## Phase 2: B\n\n### Task 2.1\n\n**Estado:** Completado\n\n- [ ] three\n"
    )
    assert statuses(text) == [("1", "not_started"), ("2", "not_started")]


def test_the_plans_status_is_its_top_line_not_a_phases() -> None:
    for top in ("**Status:** In Progress", "**상태**: 진행 중", "Статус: в работе"):
        text = f"# P\n\n{top}\n\n## Phase 1: A\n\n**Status:** Complete\n\n- [x] a\n"
        assert plan_of(text).status is Status.IN_PROGRESS, top
    text = "# P\n\n## Phase 1: A\n\n**Status:** Complete\n\n- [x] a\n\n## Phase 2: B\n\n- [ ] b\n"
    assert plan_of(text).status is not Status.DONE


def test_ids_with_leading_zeros_are_the_listed_phase() -> None:
    for word in ("Phase", "Fase", "Этап"):
        text = (
            f"# Roadmap\n\n- [x] **{word} 7: Core**\n- [x] **{word} 7.1: Fix**\n"
            f"- [ ] **{word} 8: Next**\n\n"
            f"### {word} 07.1: Fix\n\n- [x] detail\n\n### {word} 08: Next\n\n- [ ] detail\n"
        )
        assert [p.id for p in plan_of(text).phases] == ["7", "7.1", "8"], word
