"""Stretches of time under a phase in the languages plans are written in: the key words that
say a line gives one (`Zeitraum`, `Période`, `时间`), and the words and forms of the range.
A stage of each fixture is dated by one such line; the plan's end is its last stage's."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.parse.dates import date_range, find_dates
from tests.conftest import plan_of

D = date


def _dated(heading: str, line: str) -> tuple[date | None, date | None]:
    plan = plan_of(f"# Plan\n\n{heading}\n\n{line}\n\n- [ ] Task\n")
    assert len(plan.phases) == 1
    return plan.phases[0].start, plan.phases[0].end


# Range keys: each with a range already read under the English keys (two dates, a dash).
SPAN_KEYS = {
    "de": ("## Phase 1: Analyse", "**Zeitraum:** 05.01.2026 – 30.01.2026"),
    "es": ("## Fase 1: Análisis", "**Período:** 05/01/2026 - 30/01/2026"),
    "pt": ("## Fase 1: Análise", "**Período:** 05/01/2026 - 30/01/2026"),
    "fr": ("## Étape 1 : Audit", "**Période :** 05/01/2026 - 30/01/2026"),
    "fr, plain": ("## Étape 1 : Audit", "Période : 05/01/2026 - 30/01/2026"),
    "ru": ("## Этап 1. Анализ", "**Сроки:** 05.01.2026 — 30.01.2026"),
    "zh": ("## 第1阶段：需求", "**时间：** 2026年1月5日 - 2026年1月30日"),
    "vi": ("## Giai đoạn 1: Khảo sát", "**Thời gian:** 05/01/2026 - 30/01/2026"),
}


@pytest.mark.parametrize(("heading", "line"), list(SPAN_KEYS.values()), ids=list(SPAN_KEYS))
def test_a_stretch_of_time_under_its_key(heading: str, line: str) -> None:
    assert _dated(heading, line) == (D(2026, 1, 5), D(2026, 1, 30))


def test_a_range_key_with_one_date_is_no_stretch() -> None:
    """A stretch key reads a range: one date under it says neither start nor end."""
    assert _dated("## Phase 1: Analyse", "**Zeitraum:** 30.01.2026") == (None, None)


# Range connectors: the words between two dates, and the forms that write a range in one piece.
RANGES = {
    "de bis": ("## Phase 1: Umsetzung", "**Dauer:** 02.02.2026 bis 27.03.2026"),
    "fr au": ("## Étape 1 : Intégration", "Période : du 02/02/2026 au 27/03/2026"),
    "es al": ("## Fase 1: Desarrollo", "**Duración:** del 02/02/2026 al 27/03/2026"),
    "ru по": ("## Этап 1. Разработка", "**Длительность:** с 02.02.2026 по 27.03.2026"),
    "vi đến": ("## Giai đoạn 1: Phát triển", "**Thời gian:** 02/02/2026 đến 27/03/2026"),
    "zh 至": ("## 第1阶段：开发", "**工期：** 2026年2月2日至2026年3月27日"),
    "zh 到": ("## 第1阶段：开发", "**工期：** 2026年2月2日到2026年3月27日"),
    "zh, the end's year left off": ("## 第1阶段：开发", "**工期：** 2026年2月2日～3月27日"),
    "ja, the end's year left off": ("## フェーズ1：実装", "**期間**：2026年2月2日〜3月27日"),
    "ja, slashes": ("## フェーズ1：実装", "**期間**：2026/2/2～3/27"),
    "ko": ("## 1단계: 개발", "**기간:** 2026년 2월 2일 ~ 3월 27일"),
    "en from to": ("## Phase 1: Build", "**Timeline:** from 2026-02-02 to 2026-03-27"),
    "en month first": ("## Phase 1: Build", "**Timeline:** Feb 2 - Mar 27, 2026"),
}


@pytest.mark.parametrize(("heading", "line"), list(RANGES.values()), ids=list(RANGES))
def test_a_range_joined_by_a_word_or_written_in_one_piece(heading: str, line: str) -> None:
    assert _dated(heading, line) == (D(2026, 2, 2), D(2026, 3, 27))


# A range of days before their month: "2–13 марта 2026", as "March 2-13, 2026" is after it.
DAYS_BEFORE_THE_MONTH = {
    "ru": ("## Этап 1. Анализ", "**Сроки:** 2–13 марта 2026"),
    "ru с по": ("## Этап 1. Анализ", "**Сроки:** с 2 по 13 марта 2026"),
    "es": ("## Fase 1: Análisis", "**Duración:** 2-13 de marzo de 2026"),
    "es del al": ("## Fase 1: Análisis", "**Duración:** del 2 al 13 de marzo de 2026"),
    "fr": ("## Étape 1 : Audit", "**Période :** 2 au 13 mars 2026"),
    "de": ("## Phase 1: Analyse", "**Zeitraum:** vom 2. bis 13. März 2026"),
    "en": ("## Phase 1: Analysis", "**Dates:** 2–13 March 2026"),
    "en month first": ("## Phase 1: Analysis", "**Dates:** March 2-13, 2026"),
}


@pytest.mark.parametrize(
    ("heading", "line"), list(DAYS_BEFORE_THE_MONTH.values()), ids=list(DAYS_BEFORE_THE_MONTH)
)
def test_a_range_of_days_before_the_month(heading: str, line: str) -> None:
    assert _dated(heading, line) == (D(2026, 3, 2), D(2026, 3, 13))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2026年12月15日〜1月10日", (D(2026, 12, 15), D(2027, 1, 10))),  # into the next year
        ("2026年3月2日至13日", (D(2026, 3, 2), D(2026, 3, 13))),  # the day alone
        ("21 déc. au 9 janv. 2026", (D(2025, 12, 21), D(2026, 1, 9))),  # the year is the end's
        ("21 Nov – 19 Dec 2025", (D(2025, 11, 21), D(2025, 12, 19))),
    ],
)
def test_ranges_that_leave_a_year_off(text: str, want: tuple[date, date]) -> None:
    assert date_range(text) == want


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Phase 2 to 13 March 2026", D(2026, 3, 13)),  # a number after a word opens no range
        ("Sprint 2 – 13 March 2026", D(2026, 3, 13)),
        ("v1.2 – 13 March 2026", D(2026, 3, 13)),
        ("10:30 - 13 March 2026", D(2026, 3, 13)),  # a time
        ("PR #2 - 13 March 2026", D(2026, 3, 13)),
    ],
)
def test_a_number_before_a_date_is_no_range(text: str, end: date) -> None:
    assert date_range(text) is None
    assert [(f.value, f.until) for f in find_dates(text)] == [(end, None)]
