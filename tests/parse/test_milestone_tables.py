"""Milestone and tracker tables are phases: one row per milestone or phase, with dates and
statuses in columns named in any of several languages."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.model import Status
from goaldash.parse import parse_plan
from tests.conftest import plan_of


def _phases(md: str) -> dict[str, tuple[Status, date | None, date | None, date | None]]:
    plan = parse_plan("plan.md", md.encode())
    return {p.id: (p.status, p.start, p.end, p.original_end) for p in plan.phases}


def test_an_english_tracker_with_ids_start_target_and_completion() -> None:
    md = """# Tracker

| Milestone ID | Name | Start Date | Target Date | Completion Date | Status |
|---|---|---|---|---|---|
| AB-01 | Setup | 2025-11-01 | 2025-11-15 | 2025-11-13 | Completed |
| AB-02 | Core | 2025-11-10 | ~~2025-12-01~~ **2025-12-08** | - | In progress |
| AB-03 | Launch | 2025-12-10 | 2025-12-20 | - | Planned |
"""
    assert _phases(md) == {
        "AB-01": (Status.DONE, date(2025, 11, 1), date(2025, 11, 13), None),
        "AB-02": (Status.IN_PROGRESS, date(2025, 11, 10), date(2025, 12, 8), date(2025, 12, 1)),
        "AB-03": (Status.NOT_STARTED, date(2025, 12, 10), date(2025, 12, 20), None),
    }


def test_a_number_column_gives_the_ids_of_named_milestones() -> None:
    md = """# Roadmap

| # | Milestone | Target Date | Status |
|---|---|---|---|
| M1 | Core loop — first playable | 2026-02-21 | Complete |
| M2 | Polish | — | Active |
"""
    got = _phases(md)
    assert list(got) == ["M1", "M2"]
    assert got["M1"][0] is Status.DONE and got["M1"][2] == date(2026, 2, 21)
    assert got["M2"][0] is Status.IN_PROGRESS


def test_a_spanish_schedule_of_named_phases_with_day_first_dates() -> None:
    md = """# Planificación

| Fase del Proyecto | Fecha de Finalización | Estado |
| --- | --- | --- |
| Inicio | 14/03/25 | Done |
| Construcción 1 (MVP) | 02/04/25 | In progress |

| Hito | Fecha Estimada | Estado |
| --- | --- | --- |
| Aprobación | 05/03/25 | Done |
"""
    got = _phases(md)
    assert list(got) == ["Inicio", "Construcción 1 (MVP)"]  # the milestones are not phases
    assert got["Inicio"][2] == date(2025, 3, 14)
    assert got["Construcción 1 (MVP)"][2] == date(2025, 4, 2)


def test_a_russian_summary_keyed_by_numbered_phases() -> None:
    md = """# Прогресс

| Фаза | Файл | Статус | Срок |
|---|---|---|---|
| 1. Основа | a.md | done | 28.02.2026 |
| 2. Фокус | b.md | not started | 15.03.2026 |
"""
    got = _phases(md)
    assert got["1"][0] is Status.DONE and got["1"][2] == date(2026, 2, 28)
    assert got["2"][0] is Status.NOT_STARTED and got["2"][2] == date(2026, 3, 15)


def test_gsd_progress_table_with_a_shifted_row_and_plan_counts() -> None:
    md = """# Roadmap

| Phase | Milestone | Plans Complete | Status | Completed |
|-------|-----------|----------------|--------|-----------|
| 1. Scaffold | v1.0 | 1/1 | Complete | 2026-03-11 |
| 2. Display | v1.0 | 2/3 | In Progress | - |
| 2.1 Inserted work | 1/1 | Complete | 2026-03-14 | - |
| 3. Polish | v1.1 | 0/? | Not started | - |
"""
    got = _phases(md)
    assert got["1"][0] is Status.DONE and got["1"][2] == date(2026, 3, 11)
    assert got["2"][0] is Status.IN_PROGRESS
    assert got["2.1"][0] is Status.DONE and got["2.1"][2] == date(2026, 3, 14)
    assert got["3"][0] is Status.NOT_STARTED


def test_a_portuguese_progress_column_without_status() -> None:
    md = """# Progresso

| Fase | Nome | Progresso |
|------|------|-----------|
| 0 | Preparação | 3/4 |
| 1 | Correções | 0/3 |
| **TOTAL** | - | 3/7 |
"""
    got = _phases(md)
    assert list(got) == ["0", "1"]
    assert got["0"][0] is Status.IN_PROGRESS and got["1"][0] is Status.NOT_STARTED


def test_a_phase_column_that_repeats_groups_tasks_and_makes_no_phases() -> None:
    md = """# Plan

| Fase | Etapa | Status |
|------|-------|--------|
| 0 | 0.1 | done |
| 0 | 0.2 | not started |
"""
    assert _phases(md) == {}


def test_a_table_keyed_by_milestone_ids_is_the_milestones() -> None:
    # "| ID | Scope | ... | Status |" with M0, M1...: the ids say milestones, the first other
    # column names them (found unread in a real plan).
    plan = plan_of(
        "# Release milestones\n\n| ID | Scope | Exit criteria | Status |\n|---|---|---|---|\n"
        "| M0 | Contract | Gates written | Complete |\n"
        "| M1 | Timing semantics | Covered by tests | In progress |\n"
        "| **M2** | Corpus | Replayed | Not started |\n"
    )
    assert [(p.id, p.name, p.status.value) for p in plan.phases] == [
        ("M0", "Contract", "done"),
        ("M1", "Timing semantics", "in_progress"),
        ("M2", "Corpus", "not_started"),
    ]


@pytest.mark.parametrize(
    "rows",
    [
        "| FR-001 | Export a report | Done |\n| FR-002 | Import a report | Open |\n",  # requirements
        "| 1 | Export a report | Done |\n| 2 | Import a report | Open |\n",  # numbered tasks
        "| M1 | Export a report | Done |\n| T2 | Import a report | Open |\n",  # ids of two kinds
    ],
)
def test_a_table_keyed_by_other_ids_is_no_milestone_table(rows: str) -> None:
    plan = plan_of(f"# Plan\n\n| ID | Item | Status |\n|---|---|---|\n{rows}")
    assert plan.phases == ()


@pytest.mark.parametrize("column", ["Name", "Title", "Description", "Scope", "Goal", "Nome"])
def test_a_phase_column_of_ids_alone_is_named_by_the_next_text_column(column: str) -> None:
    plan = plan_of(
        f"# Plan\n\n| Phase | {column} | Status | Target |\n|---|---|---|---|\n"
        "| 1 | Inventory services | ✅ Done | 2026-08-31 |\n"
        "| 2 | Move databases | ⏳ Not started | 2026-12-20 |\n"
        "| **Total** | - | 🔄 | |\n"
    )
    assert [(p.id, p.name, p.status) for p in plan.phases] == [
        ("1", "Inventory services", Status.DONE),
        ("2", "Move databases", Status.NOT_STARTED),
    ]


def test_milestone_ids_alone_are_named_by_the_scope_column() -> None:
    plan = plan_of(
        "# Release plan\n\n| Milestone | Scope | Due | Status |\n|---|---|---|---|\n"
        "| M1 | Alpha to internal users | 2026-04-20 | ✅ Done |\n"
        "| M2 | Public beta | 2026-10-30 | 🚧 In progress |\n"
    )
    assert [(p.id, p.name, p.end) for p in plan.phases] == [
        ("M1", "Alpha to internal users", date(2026, 4, 20)),
        ("M2", "Public beta", date(2026, 10, 30)),
    ]


def test_a_phase_column_with_names_keeps_them() -> None:
    plan = plan_of(
        "# Plan\n\n| Phase | Owner | Status |\n|---|---|---|\n"
        "| 1. Discovery | Ana | ✅ Done |\n| Phase 2: Build | Ben | 🔄 In progress |\n"
    )
    assert [(p.id, p.name) for p in plan.phases] == [("1", "Discovery"), ("2", "Build")]


def test_a_percentage_in_the_status_column_is_progress() -> None:
    plan = plan_of(
        "# Roadmap\n\n| Phase | Status | End |\n|---|---|---|\n"
        "| Phase 1: Discovery | 100% | 2026-01-30 |\n| Phase 2: Build | 60% | 2026-04-10 |\n"
        "| Phase 3: Beta | 0% | 2026-05-01 |\n"
    )
    assert [(p.id, p.status) for p in plan.phases] == [
        ("1", Status.DONE),
        ("2", Status.IN_PROGRESS),
        ("3", Status.NOT_STARTED),
    ]
    assert [r.progress for r in plan.status_rows] == [100.0, 60.0, 0.0]


def test_a_row_holding_only_its_phase_is_a_phase() -> None:
    plan = plan_of(
        "# Roadmap\n\n| Phase | Status | End |\n|---|---|---|\n"
        "| Phase 1: Discovery | ✅ Done | 2026-01-30 |\n| Phase 2: Beta |\n| Design review |\n"
    )
    assert [(p.id, p.name, p.declared_status) for p in plan.phases] == [
        ("1", "Discovery", "done"),
        ("2", "Beta", None),
    ]


def test_a_table_whose_rows_only_name_phases_states_none() -> None:
    plan = plan_of(
        "# Plan template\n\n| Phase | Status | End |\n|---|---|---|\n| Phase 1 | | |\n"
        "| Phase 2 | | |\n"
    )
    assert plan.status_rows == ()
