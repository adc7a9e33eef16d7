"""End dates under a phase in the languages plans are written in: the keys that say a line
gives the end, and the forms of the date."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import plan_of

D = date


def _end(heading: str, line: str) -> date | None:
    plan = plan_of(f"# Plan\n\n{heading}\n\n{line}\n\n- [ ] Task\n")
    assert len(plan.phases) == 1
    return plan.phases[0].end


# End keys, each with a date in digits that is otherwise read.
END_KEYS = {
    "nl": ("## Fase 1: Analyse", "**Einddatum:** 30.01.2026"),
    "pl": ("## Etap 1: Analiza", "**Termin zakończenia:** 30.01.2026"),
    "uk": ("## Етап 1. Дизайн", "**Термін:** 30.01.2026"),
    "el": ("## Φάση 1: Ανάλυση", "**Προθεσμία:** 30/01/2026"),
    "el, no accent": ("## Φάση 1: Ανάλυση", "**ΠΡΟΘΕΣΜΙΑ:** 30/01/2026"),
    "hi": ("## चरण 1: विश्लेषण", "**समय सीमा:** 30/01/2026"),
    "id": ("## Tahap 1: Analisis", "**Tenggat:** 30/01/2026"),
    "zh": ("## 第1阶段：需求", "**计划完成：** 2026-01-30"),
}


@pytest.mark.parametrize(("heading", "line"), list(END_KEYS.values()), ids=list(END_KEYS))
def test_an_end_key_dates_the_phase(heading: str, line: str) -> None:
    assert _end(heading, line) == D(2026, 1, 30)
