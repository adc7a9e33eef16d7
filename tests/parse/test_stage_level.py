"""Which declared phases are the plan's stages (issue 14): a reader lists one level of stages.
A step under a phase, a group of phases, a phase named in prose or in a forecast, a milestone
table beside heading phases, a template's "Phase X" and a section's number before a phase word
are not stages of their own."""

from __future__ import annotations

import pytest

from tests.conftest import plan_of


def ids(text: str) -> list[str]:
    return [p.id for p in plan_of(text).phases]


# A deeper heading whose id extends its phase's, declared by another word: a step of it.
STEPS = {
    "en": "# P\n\n## Phase 1: Data\n\n### Stage 1.1: Schema\n\n- [x] a\n\n## Phase 2: UI\n\n- [ ] b\n",
    "pt": "# P\n\n### Fase 0 - Base\n\n#### Etapa 0.1 - SQL\n\n- [x] a\n\n### Fase 1 - API\n\n- [ ] b\n",
    "ru": "# P\n\n## Фаза 1: Данные\n\n### Этап 1.1: Схема\n\n- [x] a\n\n## Фаза 2: Экран\n\n- [ ] b\n",
}


@pytest.mark.parametrize("lang", sorted(STEPS))
def test_a_step_under_a_phase_is_part_of_it(lang: str) -> None:
    plan = plan_of(STEPS[lang])
    first = plan.phases[0].id
    assert [p.id for p in plan.phases] == [first, str(int(first) + 1)]
    assert plan.items[0].phase == first  # the step's items are the phase's


def test_a_sub_phase_by_the_same_word_is_a_phase() -> None:
    text = "# P\n\n## Phase 6: Next\n\n### Phase 6.1: Speed\n\n- [ ] a\n\n### Phase 6.2: Look\n"
    assert ids(text)[-2:] == ["6.1", "6.2"]


# A heading grouping phase headings, with nothing of its own, is not a stage.
GROUPS = {
    "en": "# R\n\n## Phase 1: A\n\n- [x] a\n\n# Milestone v3.0: Agents\n\nWhy.\n\n## Phase 2: B\n\n- [ ] b\n",
    "es": "# R\n\n## Hito v2: Nube\n\n### Fase 3: Subir\n\n- [ ] a\n\n### Fase 4: Medir\n\n- [ ] b\n",
    "ja": "# R\n\n## マイルストーン v2: 拡張\n\n### フェーズ3: 検索\n\n- [ ] a\n\n### フェーズ4: 通知\n",
}


@pytest.mark.parametrize("lang", sorted(GROUPS))
def test_a_heading_holding_phases_is_a_group(lang: str) -> None:
    assert not any("v" in i for i in ids(GROUPS[lang]))
    assert len(ids(GROUPS[lang])) == 2


def test_a_group_with_items_of_its_own_stays() -> None:
    text = "# R\n\n## Phase 4: Polish\n\n- [x] a\n\n### Phase 4.2: Tweaks\n\n- [ ] b\n"
    assert ids(text) == ["4", "4.2"]


# A bold "Phase N:" in a later prose section of a plan whose phases are headings: a mention.
MENTIONS = {
    "en": "## Next Steps\n\n**Phase 4: Autonomy** (Future)\n\n- robots\n",
    "fr": "## Suite\n\n**Phase 4 : Autonomie** (plus tard)\n\n- robots\n",
    "zh": "## 后续\n\n**阶段4：自治**（未来）\n\n- 机器人\n",
}


@pytest.mark.parametrize("lang", sorted(MENTIONS))
def test_a_bold_phase_after_heading_phases_is_a_mention(lang: str) -> None:
    head = "# P\n\n## Phase 3A: One\n\n- [ ] a\n\n## Phase 3B: Two\n\n- [ ] b\n\n"
    assert ids(head + MENTIONS[lang]) == ["3A", "3B"]


# A status line naming a phase no heading declares, after the heading phases: a forecast.
FORECASTS = {
    "en": "### In two weeks\n\n- Phase 1.5: Done (coverage 65%)\n- Phase 2: Done\n",
    "es": "### En dos semanas\n\n- Fase 1.5: Completada\n- Fase 2: Completada\n",
    "ko": "### 2주 후\n\n- 1.5단계: 완료\n- 2단계: 완료\n",
}


@pytest.mark.parametrize("lang", sorted(FORECASTS))
def test_a_status_line_after_the_heading_phases_adds_no_phase(lang: str) -> None:
    head = "# P\n\n## Phase 1: A\n\n- [x] a\n\n## Phase 2: B\n\n- [ ] b\n\n## Later\n\n"
    assert ids(head + FORECASTS[lang]) == ["1", "2"]


def test_an_overview_before_the_phases_still_declares_them() -> None:
    text = "# P\n\n- ✅ **Phase 1: Research** - COMPLETE\n\n## Phase 2: Build\n\n- [ ] a\n"
    assert ids(text) == ["1", "2"]


# A milestone table beside heading phases of another level: a view across them.
TABLES = {
    "en": "| Milestone | Name | Status |\n|---|---|---|\n| M1 | Core | Done |\n| M2 | Ship | Planned |\n",
    "es": "| Hito | Nombre | Estado |\n|---|---|---|\n| M1 | Núcleo | Hecho |\n| M2 | Lanzar | Pendiente |\n",
    "ko": "| 마일스톤 | 이름 | 상태 |\n|---|---|---|\n| M1 | 핵심 | 완료 |\n| M2 | 출시 | 대기 |\n",
}


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_a_milestone_table_beside_heading_phases_adds_none(lang: str) -> None:
    text = "# P\n\n## Phase 1: A\n\n- [x] a\n\n## Phase 2: B\n\n- [ ] b\n\n## Milestones\n\n"
    assert ids(text + TABLES[lang]) == ["1", "2"]
    assert ids("# P\n\n## Milestones\n\n" + TABLES[lang]) == ["M1", "M2"]


# A section that is a template to fill in: its "Phase X" is a form, not a stage.
TEMPLATES = {
    "en": "## Report template\n\n### Phase X: Report\n\n**Date**: YYYY-MM-DD\n",
    "de": "## Vorlage für Berichte\n\n### Phase X: Bericht\n\n**Datum**: YYYY-MM-DD\n",
    "zh": "## 📊 进度报告模板\n\n### 阶段X 完成报告\n\n**完成日期**: YYYY-MM-DD\n",
}


@pytest.mark.parametrize("lang", sorted(TEMPLATES))
def test_a_template_section_holds_no_phases(lang: str) -> None:
    head = "# P\n\n## Phase 1: A\n\n- [x] a\n\n## Phase 2: B\n\n- [ ] b\n\n"
    assert ids(head + TEMPLATES[lang]) == ["1", "2"]


# A section's number before a phase word, with a space, is a section number, not an id.
NUMBERED = {
    "ko": "# P\n\n## 1단계: 준비\n\n## 2단계: 개발\n\n### 8.1 마일스톤 정의\n",
    "ja": "# P\n\n## フェーズ1: 基盤\n\n## フェーズ2: 画面\n\n### 8.1 マイルストーン一覧\n",
    "zh": "# P\n\n## 阶段1：基础\n\n## 阶段2：界面\n\n### 8.1 里程碑定义\n",
}


@pytest.mark.parametrize("lang", sorted(NUMBERED))
def test_a_section_number_before_a_phase_word_is_no_id(lang: str) -> None:
    assert ids(NUMBERED[lang]) == ["1", "2"]
    assert ids("# P\n\n## 3단계: 이름\n\n## 4단계: 이름\n") == ["3", "4"]


# A heading inside a phase that repeats the phase's id is a section of it ("Phase 6 Overview").
OVERVIEWS = {
    "en": "## Phase 6: Next\n\n**Status:** In progress\n\n### Phase 6 Overview\n\nText.\n\n### Phase 6.1: Speed\n\n- [ ] a\n",
    "es": "## Fase 6: Siguiente\n\n**Estado:** En curso\n\n### Fase 6 - Resumen\n\nTexto.\n\n### Fase 6.1: Velocidad\n\n- [ ] a\n",
    "ja": "## Phase 6: 改善\n\n**ステータス**: 進行中\n\n### Phase 6 概要\n\n説明。\n\n### Phase 6.1: 高速化\n\n- [ ] a\n",
}


@pytest.mark.parametrize("lang", sorted(OVERVIEWS))
def test_a_phase_section_repeating_its_id_keeps_its_sub_phases(lang: str) -> None:
    plan = plan_of("# P\n\n" + OVERVIEWS[lang])
    assert [p.id for p in plan.phases] == ["6", "6.1"]
    assert plan.items[0].phase == "6.1"


# A sibling heading repeating an earlier phase's id: a second phase, with a warning.
AGAIN = {
    "en": "## Phase 1: Search\n\n- [x] a\n\n## Notes\n\nText.\n\n## Phase 1: Search, again\n\n- [ ] b\n",
    "ru": "## Этап 1. Поиск\n\n- [x] a\n\n## Заметки\n\nТекст.\n\n## Этап 1. Поиск, снова\n\n- [ ] b\n",
    "zh": "## 阶段 1：搜索\n\n- [x] a\n\n## 备注\n\n文字。\n\n## 阶段 1：搜索（续）\n\n- [ ] b\n",
}


@pytest.mark.parametrize("lang", sorted(AGAIN))
def test_a_repeated_sibling_id_is_a_second_phase(lang: str) -> None:
    plan = plan_of("# P\n\n" + AGAIN[lang])
    assert [p.id for p in plan.phases] == ["1", "1 (2)"]
    assert [i.phase for i in plan.items] == ["1", "1 (2)"]  # never in no phase
    assert [p.progress.total for p in plan.phases] == [1, 1]
    assert [p.status.value for p in plan.phases] == ["done", "not_started"]
    assert [w.line for w in plan.warnings if w.kind == "repeated-phase"] == [plan.items[1].line - 2]


# Full-width parentheses hold annotations as ASCII ones do: dates, statuses, spans.
FULL_WIDTH = {
    "ja": "## フェーズ4: UI調整（完了: 2026-02-12）\n\n## フェーズ5: 公開（2026-03-01 ～ 2026-03-20）\n",
    "zh": "## 阶段4：界面调整（完成：2026-02-12）\n\n## 阶段5：发布（2026-03-01 ～ 2026-03-20）\n",
    "ko": "## 4단계: UI 조정（완료: 2026-02-12）\n\n## 5단계: 출시（2026-03-01 ～ 2026-03-20）\n",
}


@pytest.mark.parametrize("lang", sorted(FULL_WIDTH))
def test_full_width_parentheses_are_annotations(lang: str) -> None:
    first, second = plan_of("# P\n\n" + FULL_WIDTH[lang]).phases
    assert "（" not in first.name and "2026" not in first.name
    assert first.end is not None and first.end.isoformat() == "2026-02-12"
    assert second.start is not None and second.start.isoformat() == "2026-03-01"


# Ids in the digits of other scripts read as ASCII ids: ١ ٢ (Arabic), ۱ ۲ (Persian), １ ２.
DIGITS = {
    "ar": "## المرحلة ١: أ\n\n## المرحلة ٢: ب\n",
    "fa": "## مرحلة ۱: الف\n\n## مرحلة ۲: ب\n",
    "ja": "## フェーズ１: 基盤\n\n## フェーズ２: 画面\n",
}


@pytest.mark.parametrize("lang", sorted(DIGITS))
def test_ids_in_other_digits(lang: str) -> None:
    assert ids("# P\n\n" + DIGITS[lang]) == ["1", "2"]


# A step word of a script written without spaces takes the id written against it.
@pytest.mark.parametrize(
    "text",
    [
        "## ブロック1: 試作\n\n## ブロック2: ベータ\n",
        "## 步骤1：设计\n\n## 步骤2：实现\n",
        "## 스텝1: 설계\n\n## 스텝2: 구현\n",
    ],
)
def test_a_wide_step_word_takes_an_id_against_it(text: str) -> None:
    assert ids("# P\n\n" + text) == ["1", "2"]
