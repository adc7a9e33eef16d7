"""Status, wherever the file states it, in many languages (issue 14): in the heading, in a
status line under it, in a status or progress table keyed by phase, in `**Plans:** 3/4`
counts; struck-through and cancelled phases are cancelled. English and at least two others
for each shape."""

from __future__ import annotations

import pytest

from goaldash.model import Status
from tests.conftest import plan_of


def statuses(text: str) -> list[tuple[str, str]]:
    return [(p.id, p.status.value) for p in plan_of(text).phases]


# Each plan: a done phase, one in progress, one not started, each stated in its heading; the
# checkboxes under them say otherwise, and the heading wins.
IN_THE_HEADING = {
    "en": "# Plan\n\n## Phase 1: Setup — DONE\n\n- [ ] stale box\n\n"
    "## Phase 2: Build (IN PROGRESS)\n\n- [ ] a\n\n## Phase 3: Ship - Not started\n\n- [x] early\n",
    "es": "# Plan\n\n## Fase 1: Preparación — Completado\n\n- [ ] casilla vieja\n\n"
    "## Fase 2: Construcción - En curso\n\n- [ ] a\n\n## Fase 3: Lanzamiento - Pendiente\n\n"
    "- [x] adelantado\n",
    "de": "# Plan\n\n## Phase 1: Vorbereitung — Erledigt\n\n- [ ] alter Haken\n\n"
    "## Phase 2: Umsetzung - In Arbeit\n\n- [ ] a\n\n## Phase 3: Start - Geplant\n\n"
    "- [x] vorgezogen\n",
    "it": "# Piano\n\n## Fase 1: Preparazione — Completata\n\n- [ ] vecchia casella\n\n"
    "## Fase 2: Sviluppo - In corso\n\n- [ ] a\n\n## Fase 3: Rilascio - Da fare\n\n"
    "- [x] in anticipo\n",
    "zh": "# 计划\n\n## 第一阶段：准备 - 已完成\n\n- [ ] 旧的勾选\n\n"
    "## 第二阶段：开发 - 进行中\n\n- [ ] a\n\n## 第三阶段：上线 - 未开始\n\n- [x] 提前\n",
    "ko": "# 계획\n\n## 1단계: 준비 - 완료\n\n- [ ] 오래된 항목\n\n"
    "## 2단계: 개발 - 진행 중\n\n- [ ] a\n\n## 3단계: 출시 - 시작 전\n\n- [x] 미리 한 일\n",
    "tr": "# Plan\n\n## Aşama 1: Hazırlık — Tamamlandı\n\n- [ ] eski kutu\n\n"
    "## Aşama 2: Geliştirme - Devam ediyor\n\n- [ ] a\n\n## Aşama 3: Yayın - Başlamadı\n\n"
    "- [x] erken\n",
}


@pytest.mark.parametrize("lang", sorted(IN_THE_HEADING))
def test_status_in_the_heading_beats_stale_checkboxes(lang: str) -> None:
    assert statuses(IN_THE_HEADING[lang]) == [
        ("1", "done"),
        ("2", "in_progress"),
        ("3", "not_started"),
    ]


STATUS_LINE = {
    "en": ("**Status:** ✅ Complete", "**Status:** In progress", "**Status:** Not started"),
    "pt": ("**Status:** Concluído", "**Situação:** Em andamento", "**Status:** Não iniciado"),
    "fr": ("**Statut :** Terminé", "**Statut :** En cours", "**État :** Non commencé"),
    "ja": ("**ステータス**: 完了", "**ステータス**: 進行中", "**状態**: 未着手"),
    "ar": ("**الحالة:** مكتمل", "**الحالة:** قيد التنفيذ", "**الحالة:** لم يبدأ"),
    "vi": ("**Trạng thái:** Hoàn thành", "**Trạng thái:** Đang thực hiện",
           "**Trạng thái:** Chưa bắt đầu"),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(STATUS_LINE))
def test_a_status_line_under_the_heading(lang: str) -> None:
    done, doing, todo = STATUS_LINE[lang]
    text = (
        f"# Plan\n\n## Phase 1: A\n\n{done}\n\n- [ ] stale\n\n"
        f"## Phase 2: B\n\n{doing}\n\n- [ ] a\n- [ ] b\n\n"
        f"## Phase 3: C\n\n{todo}\n\n- [x] early\n"
    )
    assert statuses(text) == [("1", "done"), ("2", "in_progress"), ("3", "not_started")]


STATUS_TABLE = {
    "en": "| Phase | Status | Progress |\n|---|---|---|\n| Phase 1 | Complete | 100% |\n"
    "| Phase 2 | In Progress | 40% |\n| Phase 3 | Not Started | 0% |\n",
    "es": "| Fase | Estado | Avance |\n|---|---|---|\n| Fase 1 | Completado | 100% |\n"
    "| Fase 2 | En progreso | 40% |\n| Fase 3 | No iniciado | 0% |\n",
    "ru": "| Этап | Статус | Прогресс |\n|---|---|---|\n| Этап 1 | Завершён | 100% |\n"
    "| Этап 2 | В работе | 40% |\n| Этап 3 | Не начат | 0% |\n",
    "ja": "| フェーズ | 状態 | 進捗 |\n|---|---|---|\n| フェーズ1 | 完了 | 100% |\n"
    "| フェーズ2 | 進行中 | 40% |\n| フェーズ3 | 未着手 | 0% |\n",
}


@pytest.mark.parametrize("lang", sorted(STATUS_TABLE))
def test_a_status_table_keyed_by_phase(lang: str) -> None:
    word = {"en": "Phase", "es": "Fase", "ru": "Этап", "ja": "フェーズ"}[lang]
    sep = "" if lang == "ja" else " "
    heads = "".join(f"## {word}{sep}{n}: x\n\n- [ ] item\n\n" for n in (1, 2, 3))
    plan = plan_of("# Plan\n\n" + heads + STATUS_TABLE[lang])
    assert [(p.id, p.status.value) for p in plan.phases] == [
        ("1", "done"),
        ("2", "in_progress"),
        ("3", "not_started"),
    ]
    assert [r.progress for r in plan.status_rows] == [100.0, 40.0, 0.0]


GSD_PROGRESS = {
    "en": ("Phase", "Plans Complete", "Status", ("Complete", "In Progress", "Not started")),
    "pt": ("Fase", "Planos", "Status", ("Concluído", "Em andamento", "Não iniciado")),
    "de": ("Phase", "Pläne", "Status", ("Abgeschlossen", "In Arbeit", "Nicht begonnen")),
}


@pytest.mark.parametrize("lang", sorted(GSD_PROGRESS))
def test_a_gsd_progress_table_with_counts(lang: str) -> None:
    phase, plans, status, (done, doing, todo) = GSD_PROGRESS[lang]
    text = (
        f"# Roadmap\n\n| {phase} | {plans} | {status} |\n|---|---|---|\n"
        f"| 1. Scaffold | 2/2 | {done} |\n| 2. Display | 3/4 | {doing} |\n| 3. Polish | 0/3 | {todo} |\n"
    )
    assert statuses(text) == [("1", "done"), ("2", "in_progress"), ("3", "not_started")]


PLANS_COUNTS = {
    "en": ("Phase", "**Plans:** {} plans executed"),
    "es": ("Fase", "**Planes:** {} planes ejecutados"),
    "fr": ("Phase", "**Plans :** {} plans exécutés"),
    "zh": ("阶段", "**计划：** 已执行 {}"),
}


@pytest.mark.parametrize("lang", sorted(PLANS_COUNTS))
def test_plans_counts_under_a_phase(lang: str) -> None:
    word, line = PLANS_COUNTS[lang]
    sep = "" if lang == "zh" else " "
    text = "# Roadmap\n\n" + "".join(
        f"### {word}{sep}{n}: x\n\n{line.format(count)}\n\n"
        for n, count in ((1, "3/3"), (2, "1/4"), (3, "0/2"))
    )
    assert statuses(text) == [("1", "done"), ("2", "in_progress"), ("3", "not_started")]


CANCELLED = {
    "en": ("## ~~Phase 2: Offline mode~~", "## Phase 3: Plugins — Dropped"),
    "fr": ("## ~~Phase 2 : Mode hors ligne~~", "## Phase 3 : Extensions — Abandonné"),
    "de": ("## ~~Phase 2: Offline-Modus~~", "## Phase 3: Plugins — Gestrichen"),
    "ru": ("## ~~Этап 2. Офлайн-режим~~", "## Этап 3. Плагины — Отменён"),
    "ko": ("## ~~2단계: 오프라인 모드~~", "## 3단계: 플러그인 - 취소"),
}


@pytest.mark.parametrize("lang", sorted(CANCELLED))
def test_struck_and_cancelled_phases(lang: str) -> None:
    struck, dropped = CANCELLED[lang]
    first = {"ru": "## Этап 1. Основа", "ko": "## 1단계: 기반"}.get(lang, "## Phase 1: Core")
    text = f"# Plan\n\n{first}\n\n- [x] a\n\n{struck}\n\n- [ ] b\n\n{dropped}\n\n- [ ] c\n"
    plan = plan_of(text)
    assert [(p.id, p.status.value) for p in plan.phases] == [
        ("1", "done"),
        ("2", "cancelled"),
        ("3", "cancelled"),
    ]
    assert plan.current_phase is None


PLAN_STATUS = {
    "en": "**Status:** In progress",
    "it": "**Stato:** In corso",
    "tr": "**Durum:** Devam ediyor",
    "zh": "**状态**：进行中",
}


@pytest.mark.parametrize("lang", sorted(PLAN_STATUS))
def test_the_plans_status_is_its_top_line(lang: str) -> None:
    text = (
        f"# Plan\n\n{PLAN_STATUS[lang]}\n\n## Phase 1: A\n\n**Status:** Complete\n\n- [x] a\n\n"
        "## Phase 2: B\n\n- [ ] b\n\n### Phase 2 notes\n\n**Status:** Done\n"
    )
    assert plan_of(text).status is Status.IN_PROGRESS


# Paused or on hold is blocked, deferred or postponed is cancelled (as "on hold" and "deferred"
# are in English), and the other statuses in the words each language's plans use.
TABLE_WORDS = {
    "en": ("On hold", "Deferred", "Done", "To do"),
    "es": ("En pausa", "Pospuesto", "Listo", "Por hacer"),
    "pt": ("Em espera", "Adiado", "Concluída", "A fazer"),
    "fr": ("En attente", "Reporté", "Fait", "À venir"),
    "de": ("Pausiert", "Verschoben", "Fertig", "In Planung"),
    "it": ("Sospeso", "Rinviato", "Completata", "Non iniziata"),
    "ru": ("Приостановлено", "Отложено", "Выполнен", "Не начато"),
    "tr": ("Askıda", "Ertelendi", "Bitti", "Yapılacak"),
    "vi": ("Tạm dừng", "Bị hoãn", "Đã hoàn thành", "Chưa bắt đầu"),
    "ar": ("متوقف", "مؤجل", "منتهي", "لم تبدأ"),
    "zh": ("已暂停", "已推迟", "已上线", "待办"),
    "ja": ("中断", "見送り", "完了", "未対応"),
    "ko": ("보류", "연기됨", "완료", "미착수"),
}


@pytest.mark.parametrize("lang", sorted(TABLE_WORDS))
def test_paused_deferred_done_and_to_do_in_a_status_table(lang: str) -> None:
    rows = "".join(f"| Phase {n} | {w} |\n" for n, w in enumerate(TABLE_WORDS[lang], 1))
    plan = plan_of("# Plan\n\n| Phase | Status |\n|---|---|\n" + rows)
    assert [r.status for r in plan.status_rows] == [
        Status.BLOCKED,
        Status.CANCELLED,
        Status.DONE,
        Status.NOT_STARTED,
    ]
