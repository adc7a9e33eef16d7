"""Where a phase's status is stated (issue 14): a status table beats the stale box of a phase
list, as a reader trusts the line that says "Complete" over a box nobody ticked."""

from __future__ import annotations

import pytest

from goaldash.model import Status
from tests.conftest import plan_of

# A GSD roadmap: a phase list of boxes never ticked, and a progress table that is kept.
STALE_BOXES = {
    "en": (
        "- [ ] **Phase 1: Storage** - local db\n- [ ] **Phase 2: Camera** - capture\n",
        "| Phase | Plans Complete | Status | Completed |\n|---|---|---|---|\n"
        "| 1. Storage | 4/4 | Complete | 2026-03-12 |\n| 2. Camera | 0/5 | Not started | - |\n",
    ),
    "es": (
        "- [ ] **Fase 1: Datos** - base local\n- [ ] **Fase 2: Cámara** - captura\n",
        "| Fase | Planes | Estado | Completado |\n|---|---|---|---|\n"
        "| 1. Datos | 4/4 | Completado | 2026-03-12 |\n| 2. Cámara | 0/5 | Pendiente | - |\n",
    ),
    "zh": (
        "- [ ] **阶段1：存储** - 本地数据库\n- [ ] **阶段2：相机** - 拍摄\n",
        "| 阶段 | 计划 | 状态 | 完成日期 |\n|---|---|---|---|\n"
        "| 1. 存储 | 4/4 | 已完成 | 2026-03-12 |\n| 2. 相机 | 0/5 | 未开始 | - |\n",
    ),
}


@pytest.mark.parametrize("lang", sorted(STALE_BOXES))
def test_a_status_table_beats_a_stale_phase_box(lang: str) -> None:
    listed, progress = STALE_BOXES[lang]
    plan = plan_of(f"# Roadmap\n\n## Phases\n\n{listed}\n## Progress\n\n{progress}")
    assert [(p.id, p.status) for p in plan.phases] == [
        ("1", Status.DONE),
        ("2", Status.NOT_STARTED),
    ]
    assert plan.status is Status.IN_PROGRESS
    assert any(w.kind == "contradiction" for w in plan.warnings)  # the box is still stale


def test_a_ticked_box_agreeing_with_the_table_says_nothing() -> None:
    listed, progress = STALE_BOXES["en"]
    plan = plan_of(f"# R\n\n{listed.replace('[ ] **Phase 1', '[x] **Phase 1')}\n{progress}")
    assert plan.phases[0].status is Status.DONE
    assert not any(w.kind == "contradiction" for w in plan.warnings)


# A mark before a kick-off date dates the start; it is not the phase's status.
KICKOFFS = {
    "en": ("### M9 — Before ✅\n", "### M10 — Input ✅ Kicked off 2026-03-03\n"),
    "es": ("### Hito 9 — Antes ✅\n", "### Hito 10 — Entrada ✅ Iniciado 2026-03-03\n"),
    "de": (
        "### Meilenstein 9 – Davor ✅\n",
        "### Meilenstein 10 – Eingabe ✅ gestartet 2026-03-03\n",
    ),
}


@pytest.mark.parametrize("lang", sorted(KICKOFFS))
def test_a_kick_off_mark_is_a_start_not_a_status(lang: str) -> None:
    before, kicked_off = KICKOFFS[lang]
    text = f"# R\n\n{before}\n- [x] a\n\n{kicked_off}\n- [x] b\n- [ ] c\n"
    phase = plan_of(text).phases[-1]
    assert phase.start is not None and phase.start.isoformat() == "2026-03-03"
    assert phase.status is Status.IN_PROGRESS  # by its boxes: the ✅ was the kick-off's
    assert plan_of(text).phases[0].status is Status.DONE


# "**Closed:** DATE" under a phase: when it ended.
CLOSED = {
    "en": "**Closed:** 2026-02-23 — QA sign-off by qa (193/193 tests passing)",
    "es": "**Completado:** 2026-02-23 — revisado por QA",
    "de": "**Abgeschlossen:** 23.02.2026 – Abnahme durch QA",
}


@pytest.mark.parametrize("lang", sorted(CLOSED))
def test_a_closed_line_is_the_phase_end(lang: str) -> None:
    text = f"# R\n\n## Phase 3: Loop\n\nScope.\n\n- [x] a\n\n{CLOSED[lang]}\n\n## Phase 4: Ship\n"
    plan = plan_of(text)
    assert plan.phases[0].end is not None and plan.phases[0].end.isoformat() == "2026-02-23"
    assert plan.phases[1].end is None


# A group heading that states a status gives it to the phases under it that state none.
GROUPS = {
    "en": ("## ✅ Completed phases", "### Phase 1: Setup", "### Phase 2: Core"),
    "es": ("## Completado", "### Fase 1: Base", "### Fase 2: Núcleo"),
    "ja": ("## ✅ Phase 1-2: 完了済みフェーズ", "### Phase 1: 環境構築", "### Phase 2: コア"),
}


@pytest.mark.parametrize("lang", sorted(GROUPS))
def test_a_group_heading_states_its_phases_status(lang: str) -> None:
    group, first, second = GROUPS[lang]
    text = f"# P\n\n{group}\n\n{first}\n\nDone.\n\n{second}\n\n**Status:** Blocked\n\n"
    plan = plan_of(text + "## Phase 3: Next\n\n- [ ] a\n")
    assert [p.status for p in plan.phases] == [
        Status.DONE,
        Status.BLOCKED,  # its own line beats the group's
        Status.NOT_STARTED,
    ]


# "**Key:** N/M" under a phase: how much of it is done.
COUNTS = {
    "de": ("Phase", "**Aufgaben:** {} erledigt"),
    "ru": ("Этап", "**Задачи:** {} выполнено"),
    "ja": ("フェーズ", "**進捗**：{} 完了"),
}


@pytest.mark.parametrize("lang", sorted(COUNTS))
def test_a_count_line_states_the_phase_status(lang: str) -> None:
    word, line = COUNTS[lang]
    text = "# P\n\n" + "".join(
        f"## {word} {n}: x\n\n{line.format(count)}\n\n- [ ] a\n\n"
        for n, count in ((1, "4/4"), (2, "2 / 5"), (3, "0/3"))
    )
    assert [p.status for p in plan_of(text).phases] == [
        Status.DONE,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
    ]


def test_a_date_is_no_count() -> None:
    plan = plan_of("# P\n\n## Phase 1: x\n\n**Progress:** 3/4/2026 review\n\n- [ ] a\n")
    assert plan.phases[0].status is Status.NOT_STARTED  # by its box
    assert plan.phases[0].declared_status is None


# A dated log row saying a phase was finished is that phase's end.
LOGS = {
    "en": ("| Date | Event |", "Phase 1 completed: landmarks, skip link", "Phase 2 started"),
    "ru": ("| Дата | Событие |", "Фаза 1 завершена: ARIA, skip-link", "Фаза 2 начата"),
    "pt": ("| Data | Evento |", "Fase 1 concluída: marcos, atalhos", "Fase 2 iniciada"),
}


@pytest.mark.parametrize("lang", sorted(LOGS))
def test_a_log_row_dates_a_finished_phase(lang: str) -> None:
    header, finished, started = LOGS[lang]
    word = finished.split(" ")[0]
    text = (
        f"# P\n\n## {word} 1: A\n\n- [x] a\n\n## {word} 2: B\n\n- [x] b\n- [ ] c\n\n"
        f"## Log\n\n{header}\n|---|---|\n| 2026-02-20 | {started} |\n"
        f"| 2026-02-27 | {finished} |\n"
    )
    first, second = plan_of(text).phases
    assert first.end is not None and first.end.isoformat() == "2026-02-27"
    assert second.end is None  # started, not finished


@pytest.mark.parametrize("icon", ["📋 Tasks by stage", "📋 Tareas por etapa", "📋 分阶段任务"])
def test_a_group_heading_icon_is_no_status(icon: str) -> None:
    text = f"# P\n\n## {icon}\n\n### P0 - Setup\n\nText.\n\n### P1 - Build\n\nText.\n"
    assert [p.status for p in plan_of(text).phases] == [Status.UNKNOWN, Status.UNKNOWN]
    # named by priorities, the same headings are buckets of tasks, not stages
    text = f"# P\n\n## {icon}\n\n### P0 - Critical\n\nText.\n\n### P1 - High\n\nText.\n"
    assert plan_of(text).phases == ()
