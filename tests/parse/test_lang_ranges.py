"""Stretches of time under a phase in the languages plans are written in: the key words that
say a line gives one (`Zeitraum`, `Période`, `时间`), and the words and forms of the range.
A stage of each fixture is dated by one such line; the plan's end is its last stage's."""

from __future__ import annotations

from datetime import date

import pytest

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
