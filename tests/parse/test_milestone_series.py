"""A series of milestone headings beside the plan's phases (issue 14): phase headings first,
then, in a section of their own and deeper, "#### M1", "#### M2" — the phases' checkpoints,
listed apart. The stages are the phases; the milestones add none (as a milestone table beside
heading phases adds none). A plan whose stages are milestones keeps them."""

from __future__ import annotations

import pytest

from tests.conftest import plan_of

SERIES = {
    "en": (
        "# Roadmap\n\n## 1. Phase 1: MVP\n\n- [x] a\n\n## 2. Phase 2: Scale\n\n- [ ] b\n\n"
        "## 3. Milestones\n\n### 3.1 Checklists\n\n#### M1: MVP ready (Week 4)\n\n- [x] c\n\n"
        "#### M2: Scaled (Week 8)\n\n- [ ] d\n"
    ),
    "ko": (
        "# 로드맵\n\n## 1. Phase 1: 기본 기능\n\n- [x] a\n\n## 2. Phase 2: 확장\n\n- [ ] b\n\n"
        "## 3. 마일스톤\n\n### 3.1 마일스톤 체크리스트\n\n#### M1: 기본 완료 (Week 4)\n\n- [x] c\n\n"
        "#### M2: 확장 완료 (Week 8)\n\n- [ ] d\n"
    ),
    "es": (
        "# Hoja de ruta\n\n## Fase 1: Base\n\n- [x] a\n\n## Fase 2: Escala\n\n- [ ] b\n\n"
        "## Hitos\n\n### Hito 1: Base lista\n\n- [x] c\n\n### Hito 2: Escala lista\n\n- [ ] d\n"
    ),
}


@pytest.mark.parametrize("lang", sorted(SERIES))
def test_milestones_listed_apart_from_the_phases_add_no_phases(lang: str) -> None:
    plan = plan_of(SERIES[lang])
    assert [p.id for p in plan.phases] == ["1", "2"]
    assert plan.progress.total == 4  # every box still counted
    assert [i.phase for i in plan.items][:2] == ["1", "2"]


MILESTONES_ONLY = {
    "en": "# Plan\n\n### Milestone 1: Alpha\n\n- [x] a\n\n### Milestone 2: Beta\n\n- [ ] b\n",
    "de": "# Plan\n\n### Meilenstein 1: Alpha\n\n- [x] a\n\n### Meilenstein 2: Beta\n\n- [ ] b\n",
    "ja": "# 計画\n\n### マイルストーン1: アルファ\n\n- [x] a\n\n### マイルストーン2: ベータ\n\n- [ ] b\n",
}


@pytest.mark.parametrize("lang", sorted(MILESTONES_ONLY))
def test_a_plan_of_milestones_keeps_them_as_its_stages(lang: str) -> None:
    plan = plan_of(MILESTONES_ONLY[lang])
    assert [p.id for p in plan.phases] == ["M1", "M2"]
    assert [p.status.value for p in plan.phases] == ["done", "not_started"]
