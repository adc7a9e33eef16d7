"""End dates under a phase in the languages plans are written in: the keys that say a line
gives the end, and the forms of the date."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.parse.dates import day_first, find_dates
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


def test_day_month_year_with_hyphens() -> None:
    """`30-01-2026`, the Dutch short date: day first, as `30.01.2026` and `30/01/2026` are."""
    text = (
        "# Planning\n\n## Fase 1: Analyse\n\n**Status:** Afgerond\n**Einddatum:** 30-01-2026\n\n"
        "- [x] Interviews\n\n## Fase 2: Bouw\n\n**Deadline:** 04-03-2026\n\n- [ ] Facturen\n"
    )
    assert [p.end for p in plan_of(text).phases] == [D(2026, 1, 30), D(2026, 3, 4)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Due 30-01-2026.", [D(2026, 1, 30)]),
        ("2026-01-30", [D(2026, 1, 30)]),  # ISO stays ISO
        ("pages 12-15", []),
        ("release v1-2-2026", []),  # an id
        ("ticket ABC-12-03-2026", []),
        ("build 1-2-2026-3", []),
        ("scores 12-15-26", []),  # a hyphened year has four digits
    ],
)
def test_what_hyphens_make_a_date_of(text: str, want: list[date]) -> None:
    assert [f.value for f in find_dates(text)] == want


def test_a_hyphened_date_says_which_way_a_file_writes_its_dates() -> None:
    assert day_first("Shipped 30-01-2026, next 04-03-2026")
    assert not day_first("Shipped 01-30-2026, next 04-03-2026")


@pytest.mark.parametrize(
    "line",
    [
        "**Hạn chót:** 15 tháng 3 năm 2026",
        "**Hạn chót:** ngày 15 tháng 3 năm 2026",
        "**Hạn chót:** Ngày 15 Tháng 03 năm 2026",
        "**Hạn chót:** 15/03/2026",
    ],
)
def test_a_vietnamese_date(line: str) -> None:
    assert _end("## Giai đoạn 1: Khảo sát", line) == D(2026, 3, 15)


def test_a_vietnamese_month_of_a_year_is_its_last_day_as_an_end() -> None:
    assert _end("## Giai đoạn 1: Khảo sát", "**Hạn chót:** tháng 3/2026") == D(2026, 3, 31)
    assert _end("## Giai đoạn 1: Khảo sát", "**Hạn chót:** tháng 3 năm 2026") == D(2026, 3, 31)
