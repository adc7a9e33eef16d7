"""The phase level is a structure, not a keyword (issue 14): the headings or top-level task
items whose siblings carry a running id are the plan's stages, in any language."""

from __future__ import annotations

from tests.conftest import plan_of


def ids(text: str) -> list[str]:
    return [p.id for p in plan_of(text).phases]


def test_phase_words_of_many_languages_with_the_id_after_or_before() -> None:
    assert ids("# P\n\n## Этап 1. Анализ\n\n## Этап 2. Дизайн\n") == ["1", "2"]
    assert ids("# P\n\n## 第一阶段：MVP\n\n## 第二阶段：增强\n\n## 第十一阶段：收尾\n") == [
        "1",
        "2",
        "11",
    ]
    assert ids("# P\n\n## 1단계: 준비\n\n## 2단계: 개발\n") == ["1", "2"]
    assert ids("# P\n\n## フェーズ1: 基盤\n\n## フェーズ2: 画面\n") == ["1", "2"]
    assert ids("# P\n\n### Étape 3 : Nom\n\n## Aşama 4: Ad\n") == ["3", "4"]


def test_ids_alone_are_phases_when_their_siblings_have_them_too() -> None:
    text = "# Milestones\n\n## M0 - Baseline\n\n- [x] a\n\n## M1 - Core\n\n- [ ] b\n\n## Notes\n"
    plan = plan_of(text)
    assert [p.id for p in plan.phases] == ["M0", "M1"]
    assert [i.phase for i in plan.items] == ["M0", "M1"]
    assert plan.phases[1].name == "Core"
    # One such heading alone is no phase level.
    assert ids("# P\n\n## M1 - Core\n\n- [ ] b\n") == []


def test_quarters_and_slices_and_steps() -> None:
    quarters = "# R\n\n## Q1 2026 (Jan-Mar) - Foundation\n\n- [x] a\n\n## Q2 2026 - Growth\n"
    assert ids(quarters) == ["Q1 2026", "Q2 2026"]
    slices = "# M\n\n## Slices\n\n- [x] **S01: Storage** `risk:high`\n- [ ] **S02: Log**\n"
    plan = plan_of(slices)
    assert [(p.id, p.name) for p in plan.phases] == [("S01", "Storage"), ("S02", "Log")]
    steps = "# Plan\n\n## Schritt 1: Idee\n\n## Schritt 2: Bau\n\n## Paso 3: Fin\n"
    assert ids(steps) == ["1", "2"]  # "Paso 3" alone has no sibling of its shape


def test_steps_inside_a_phase_are_parts_of_it() -> None:
    text = "# P\n\n## Phase 1: A\n\n### Step 1: x\n\n- [ ] a\n\n### Step 2: y\n\n- [ ] b\n"
    plan = plan_of(text)
    assert [p.id for p in plan.phases] == ["1"]
    assert {i.phase for i in plan.items} == {"1"}


def test_kiro_numbered_tasks_are_phases_and_their_parts_follow() -> None:
    text = (
        "# Implementation Plan\n\n- [x] 1. Set up\n- [x] 1.1 Context\n- [x] 1.2 Tests\n"
        "- [ ] 2. Build the list\n- [ ] 2.1 Component\n- [-] 3. Polish\n"
    )
    plan = plan_of(text)
    assert [p.id for p in plan.phases] == ["1", "2", "3"]
    assert [i.phase for i in plan.items] == ["1", "1", "1", "2", "2", "3"]
    assert [p.status.value for p in plan.phases] == ["done", "not_started", "in_progress"]
    # Numbers that do not run from 1 are a numbered list, not phases.
    assert ids("# T\n\n- [ ] 5. a\n- [ ] 6. b\n") == []


def test_headings_in_fences_are_not_read() -> None:
    text = "# P\n\n```\n## M1 - Example\n## M2 - Example\n```\n\n## M7 - Real\n\n- [ ] x\n"
    assert ids(text) == []
