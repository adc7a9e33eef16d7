"""Dates in the forms plans write them: numeric with either order, month names in several
languages, CJK and Korean year-month-day, ranges."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.parse import parse_plan
from goaldash.parse.dates import date_range, day_first, find_dates, read_dates_of


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2026-03-04", date(2026, 3, 4)),
        ("04.03.26", date(2026, 3, 4)),
        ("12.04.2017", date(2017, 4, 12)),
        ("14/03/25", date(2025, 3, 14)),
        ("Dec 28, 2025", date(2025, 12, 28)),
        ("28 déc. 2025", date(2025, 12, 28)),
        ("3 de marzo de 2025", date(2025, 3, 3)),
        ("15. März 2025", date(2025, 3, 15)),
        ("28 декабря 2025 г.", date(2025, 12, 28)),
        ("5 outubro 2025", date(2025, 10, 5)),
        ("2025年10月15日", date(2025, 10, 15)),
        ("2025년 10월 15일", date(2025, 10, 15)),
        ("2025/10/15", date(2025, 10, 15)),
    ],
)
def test_a_date_in_each_form(text: str, want: date) -> None:
    assert [f.value for f in find_dates(f"Due: {text} (firm)")] == [want]


@pytest.mark.parametrize(
    "text", ["v1.2.3", "version 1.10.25", "3/4 plans", "10.5 hours", "May 2025"]
)
def test_what_is_not_a_full_date(text: str) -> None:
    assert find_dates(text) == []


def test_ranges() -> None:
    assert date_range("2025-10-08 ~ 2025-11-20") == (date(2025, 10, 8), date(2025, 11, 20))
    assert date_range("Dec 16-20, 2025") == (date(2025, 12, 16), date(2025, 12, 20))
    assert date_range("14/03/2025 – 28/03/2025") == (date(2025, 3, 14), date(2025, 3, 28))


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Shipped 25/12/2025, next 04/03/2026", True),  # a first field over 12
        ("Shipped 12/25/2025, next 04/03/2026", False),  # a second field over 12
        ("Data de início: 04/03/2026", True),  # Portuguese: the day first
        ("Начало: 04/03/2026", True),
        ("Started 04/03/2026", False),  # English with nothing decisive: the month first
    ],
)
def test_slash_order_is_decided_per_file(text: str, first: bool) -> None:
    assert day_first(text) is first
    read_dates_of(text)
    want = date(2026, 3, 4) if first else date(2026, 4, 3)
    assert find_dates("04/03/2026")[0].value == want


def test_a_file_reads_its_slash_dates_one_way() -> None:
    md = (
        "# Plan\n\n| Phase | Start | End | Status |\n|---|---|---|---|\n"
        "| Phase 1 | 02/03/2026 | 20/03/2026 | Done |\n"
        "| Phase 2 | 01/04/2026 | 05/04/2026 | In progress |\n"
    )
    plan = parse_plan("plan.md", md.encode())
    got = {p.id: (p.start, p.end) for p in plan.phases}
    assert got == {
        "1": (date(2026, 3, 2), date(2026, 3, 20)),
        "2": (date(2026, 4, 1), date(2026, 4, 5)),
    }
