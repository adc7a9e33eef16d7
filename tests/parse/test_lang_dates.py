"""Dates in the forms plans write them, in many languages (issue 14): in phase headings and
due lines of whole plans, each form in English and at least two other languages; and the forms
goaldash chooses not to read (yearless dates), which stay unread in every language."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.parse.dates import find_dates
from tests.conftest import plan_of

D = date


def spans(text: str) -> list[tuple[str, date | None, date | None]]:
    return [(p.id, p.start, p.end) for p in plan_of(text).phases]


# Ranges in phase headings: "(start ~ end)", each language's words and forms.
RANGES = {
    "en": "## Phase 1: Design (2025-10-08 ~ 2025-11-20)\n\n## Phase 2: Build (Nov 21 - Dec 19, 2025)",
    "ja": "## フェーズ1: 設計 (2025-10-08 ~ 2025-11-20)\n\n## フェーズ2: 実装 (2025年11月21日 ~ 2025年12月19日)",
    "zh": "## 第一阶段：设计 (2025-10-08 ~ 2025-11-20)\n\n## 第二阶段：开发 (2025年11月21日 - 2025年12月19日)",
    "ja〜": "## フェーズ1: 設計 (2025/10/08〜2025/11/20)\n\n## フェーズ2: 実装 (2025年11月21日～2025年12月19日)",
    "zh（）": "## 第一阶段：设计（2025-10-08 ~ 2025-11-20）\n\n## 第二阶段：开发（2025年11月21日 - 2025年12月19日）",
    "ko": "## 1단계: 설계 (2025-10-08 ~ 2025-11-20)\n\n## 2단계: 개발 (2025년 11월 21일 ~ 2025년 12월 19일)",
    "fr": "## Phase 1 : Conception (2025-10-08 ~ 2025-11-20)\n\n## Phase 2 : Réalisation (21 nov. 2025 – 19 déc. 2025)",
    "es": "## Fase 1: Diseño (2025-10-08 ~ 2025-11-20)\n\n## Fase 2: Desarrollo (21 de noviembre de 2025 - 19 de diciembre de 2025)",
}  # fmt: skip


@pytest.mark.parametrize("heads", list(RANGES.values()), ids=list(RANGES))
def test_ranges_in_headings(heads: str) -> None:
    assert spans(f"# Plan\n\n{heads}\n") == [
        ("1", D(2025, 10, 8), D(2025, 11, 20)),
        ("2", D(2025, 11, 21), D(2025, 12, 19)),
    ]


# Numeric dates: a file in English writes the month first, most others the day first; dots are
# always day first. Both phases end on the 4th of March 2026 and the 12th of April 2026.
NUMERIC = {
    "en": ("| # | Milestone | Target Date | Status |", "03/04/2026", "04/12/2026",
           ("Beta", "Launch", "Done", "Planned")),
    "pt": ("| # | Marco | Prazo | Status |", "04/03/2026", "12/04/2026",
           ("Beta", "Lançamento", "Concluído", "Planejado")),
    "ru": ("| № | Веха | Срок | Статус |", "04.03.2026", "12.04.2026",
           ("Бета", "Запуск", "Выполнено", "Запланировано")),
    "de": ("| Nr | Meilenstein | Termin | Status |", "04.03.26", "12.04.26",
           ("Beta", "Start", "Erledigt", "Geplant")),
    "it": ("| # | Traguardo | Scadenza | Stato |", "04/03/2026", "12/04/2026",
           ("Beta", "Lancio", "Completato", "Pianificato")),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(NUMERIC))
def test_numeric_dates_read_in_the_files_order(lang: str) -> None:
    header, one, two, (beta, launch, done, todo) = NUMERIC[lang]
    text = (
        f"# Plan\n\n{header}\n|---|---|---|---|\n"
        f"| M1 | {beta} | {one} | {done} |\n| M2 | {launch} | {two} | {todo} |\n"
    )
    assert [(i, e) for i, _, e in spans(text)] == [("M1", D(2026, 3, 4)), ("M2", D(2026, 4, 12))]


MONTH_NAMES = {
    "en": ["Dec 28, 2025", "December 28th, 2025", "Jan 1st 2026"],
    "fr": ["28 déc. 2025", "28 décembre 2025", "1er janvier 2026"],
    "es": ["28 de diciembre de 2025", "28 dic. 2025", "1 de enero de 2026"],
    "de": ["28. Dezember 2025", "28. Dez. 2025", "1. Januar 2026"],
    "it": ["28 dicembre 2025", "28 dic 2025", "1 gennaio 2026"],
    "tr": ["28 Aralık 2025", "28 Ara 2025", "1 Ocak 2026"],
    "ru": ["28 декабря 2025 г.", "28 дек. 2025", "1 января 2026"],
    "pt": ["28 de dezembro de 2025", "28 dez. 2025", "1º de janeiro de 2026"],
}


@pytest.mark.parametrize("lang", sorted(MONTH_NAMES))
def test_month_names(lang: str) -> None:
    got = [[f.value for f in find_dates(f"— {t} —")] for t in MONTH_NAMES[lang]]
    want = [D(2025, 12, 28), D(2025, 12, 28), D(2026, 1, 1)]
    assert got == [[w] for w in want]


CJK = {
    "zh": "**截止日期：** 2025年10月15日",
    "ja": "**期限**: 2025年10月15日",
    "ko": "**마감일**: 2025년 10월 15일",
}


@pytest.mark.parametrize("lang", sorted(CJK))
def test_cjk_year_month_day(lang: str) -> None:
    assert [f.value for f in find_dates(CJK[lang])] == [D(2025, 10, 15)]


YEARLESS = {
    "en": "## Phase 1: Build (Mar 3 - Mar 14)\n\n## Phase 2: Ship (due 3/20)",
    "fr": "## Phase 1 : Construction (3 mars – 14 mars)\n\n## Phase 2 : Livraison (le 20/03)",
    "de": "## Phase 1: Bau (3. März – 14. März)\n\n## Phase 2: Auslieferung (bis 20.03.)",
    "ja": "## フェーズ1: 実装 (3月3日〜3月14日)\n\n## フェーズ2: リリース (3月20日)",
}


@pytest.mark.parametrize("lang", sorted(YEARLESS))
def test_yearless_dates_are_not_read(lang: str) -> None:
    """A chosen limit (README, "What goaldash reads"): which year is a guess."""
    text = f"# Plan 2026\n\n**Start:** 2026-03-01\n\n{YEARLESS[lang]}\n"
    assert [(s, e) for _, s, e in spans(text)] == [(None, None), (None, None)]
