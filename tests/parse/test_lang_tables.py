"""Milestone and tracker tables, and mermaid gantt charts, in many languages (issue 14): one row
(or section) per phase gives its id, dates and status; a struck date and a new one give the
original and the current end. English and at least two others for each shape."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.model import Status
from tests.conftest import plan_of

Row = tuple[str, Status, date | None, date | None, date | None]


def rows(text: str) -> list[Row]:
    return [(p.id, p.status, p.start, p.end, p.original_end) for p in plan_of(text).phases]


D = date

# A tracker: ids, start, target (the second one slipped: struck date, then the new one), status.
TRACKER = {
    "en": ("Milestone | Name | Start | Target Date | Status",
           ("Done", "In progress", "Planned")),
    "es": ("Hito | Nombre | Inicio | Fecha objetivo | Estado",
           ("Completado", "En curso", "Pendiente")),
    "fr": ("Jalon | Nom | Début | Échéance | Statut",
           ("Terminé", "En cours", "Prévu")),
    "ja": ("マイルストーン | 名前 | 開始日 | 期限 | ステータス",
           ("完了", "進行中", "未着手")),
    "it": ("Traguardo | Nome | Inizio | Scadenza | Stato",
           ("Completato", "In corso", "Pianificato")),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(TRACKER))
def test_a_tracker_table_with_a_slipped_date(lang: str) -> None:
    header, (done, doing, todo) = TRACKER[lang]
    cols = header.count("|") + 1
    text = (
        f"# Tracker\n\n| {header} |\n|{'---|' * cols}\n"
        f"| M1 | Alpha | 2025-09-01 | 2025-09-30 | {done} |\n"
        f"| M2 | Beta | 2025-10-01 | ~~2025-11-05~~ **2025-11-08** | {doing} |\n"
        f"| M2.5 | RC | 2025-11-10 | 2025-11-20 | {todo} |\n"
    )
    assert rows(text) == [
        ("M1", Status.DONE, D(2025, 9, 1), D(2025, 9, 30), None),
        ("M2", Status.IN_PROGRESS, D(2025, 10, 1), D(2025, 11, 8), D(2025, 11, 5)),
        ("M2.5", Status.NOT_STARTED, D(2025, 11, 10), D(2025, 11, 20), None),
    ]


# A phase table with completion dates in each language's own date form.
PHASE_TABLE = {
    "en": ("| Phase | Started | Completed | Status |", "Sep 1, 2025", "Sep 30, 2025",
           "Done", "In progress"),
    "de": ("| Phase | Beginn | Abgeschlossen | Status |", "1. September 2025",
           "30. September 2025", "Erledigt", "In Arbeit"),
    "pt": ("| Fase | Início | Data de conclusão | Status |", "1 de setembro de 2025",
           "30 de setembro de 2025", "Concluído", "Em andamento"),
    "zh": ("| 阶段 | 开始日期 | 完成日期 | 状态 |", "2025年9月1日", "2025年9月30日",
           "已完成", "进行中"),
    "ko": ("| 단계 | 시작일 | 완료일 | 상태 |", "2025년 9월 1일", "2025년 9월 30일",
           "완료", "진행 중"),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(PHASE_TABLE))
def test_a_phase_table_with_dates_in_the_languages_form(lang: str) -> None:
    header, start, end, done, doing = PHASE_TABLE[lang]
    text = (
        f"# Plan\n\n{header}\n|---|---|---|---|\n"
        f"| 1 | {start} | {end} | {done} |\n| 2 | {end} | | {doing} |\n"
    )
    assert rows(text) == [
        ("1", Status.DONE, D(2025, 9, 1), D(2025, 9, 30), None),
        ("2", Status.IN_PROGRESS, D(2025, 9, 30), None, None),
    ]


GANTT = {
    "en": ("Phase 1: Design", "Phase 2: Build", "Wireframes", "API", "UI"),
    "es": ("Fase 1: Diseño", "Fase 2: Desarrollo", "Bocetos", "API", "Interfaz"),
    "ru": ("Этап 1. Дизайн", "Этап 2. Разработка", "Макеты", "API", "Интерфейс"),
    "zh": ("第一阶段：设计", "第二阶段：开发", "线框图", "接口", "界面"),
    "vi": ("Giai đoạn 1: Thiết kế", "Giai đoạn 2: Phát triển", "Bản phác", "API", "Giao diện"),
}


@pytest.mark.parametrize("lang", sorted(GANTT))
def test_a_mermaid_gantt_gives_phases_and_spans(lang: str) -> None:
    one, two, sketch, api, ui = GANTT[lang]
    text = (
        "# Plan\n\n```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n"
        f"    section {one}\n    {sketch} :done, a1, 2026-01-05, 2026-01-09\n"
        f"    section {two}\n    {api} :active, b1, after a1, 1w\n    {ui} :b2, after b1, 3d\n```\n"
    )
    assert rows(text) == [
        ("1", Status.DONE, D(2026, 1, 5), D(2026, 1, 9), None),
        ("2", Status.IN_PROGRESS, D(2026, 1, 10), D(2026, 1, 19), None),
    ]


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "## Phase 1: Build\n\n**Status:** Not started"),
        ("fr", "## Phase 1 : Construction\n\n**Statut :** Non commencé"),
        ("ko", "## 1단계: 개발\n\n**상태**: 시작 전"),
    ],
)
def test_a_gantt_fills_missing_dates_never_a_written_status(lang: str, heading: str) -> None:
    text = (
        f"# Plan\n\n{heading}\n\n- [ ] a\n\n"
        "```mermaid\ngantt\n    section Phase 1\n    T :done, t1, 2026-02-02, 4d\n```\n"
    )
    assert rows(text) == [("1", Status.NOT_STARTED, D(2026, 2, 2), D(2026, 2, 5), None)]
