"""A tasks file whose tasks are rows of a table, with no checkbox (GoalKit's tasks.md): its
phases stand where the table's status column says (issue 14), in any language."""

from __future__ import annotations

import pytest

from goaldash.model import Status
from tests.conftest import plan_of

TABLES = {
    "en": ("| Task ID | Task Name | Owner | Status |", ("Done", "Done", "In progress", "To do")),
    "es": ("| ID | Tarea | Responsable | Estado |", ("Hecho", "Hecho", "En curso", "Pendiente")),
    "ja": ("| ID | タスク | 担当 | 状態 |", ("完了", "完了", "進行中", "未着手")),
}


def tasks_file(lang: str) -> str:
    header, (a, b, c, d) = TABLES[lang]
    rule = "|---|---|---|---|\n"
    return (
        f"# Tasks\n\n### Phase 1: API\n\n{header}\n{rule}"
        f"| T-001 | Schema | Ana | {a} |\n| T-002 | Endpoints | Ana | {b} |\n\n"
        f"### Phase 2: Client\n\n{header}\n{rule}"
        f"| T-003 | Socket | Bo | {c} |\n| T-004 | Render | Bo | {d} |\n\n"
        f"### Phase 3: Launch\n\n{header}\n{rule}| T-005 | Beta | Cy | {d} |\n"
    )


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_task_rows_give_their_phases_status(lang: str) -> None:
    plan = plan_of(tasks_file(lang))
    assert [t.id for t in plan.tasks] == ["T-001", "T-002", "T-003", "T-004", "T-005"]
    assert [p.status for p in plan.phases] == [
        Status.DONE,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
    ]
    assert plan.status is Status.IN_PROGRESS  # not "unknown" for want of a checkbox


def test_a_task_table_without_status_says_nothing() -> None:
    text = "# Tasks\n\n### Phase 1: API\n\n| Task ID | Task Name |\n|---|---|\n| T-001 | Schema |\n"
    assert plan_of(text).phases[0].status is Status.UNKNOWN
