"""A status word that is denied states nothing of the kind: "Not complete" is not done, in
every language a plan is written in. Before, the word alone was read: "Not complete",
"未完成" (not completed), "पूरा नहीं" and "no completado" all read as done, "Not blocked" as
blocked. (parse/status.py: NEGATION_BEFORE, NEGATION_AFTER, NEGATION_PREFIX)"""

from __future__ import annotations

import pytest

from goaldash.model import Status
from goaldash.parse.plan import parse_plan
from goaldash.parse.status import status_of

NOT_DONE = [
    "Not complete",
    "not done",
    "Not finished",
    "Incomplete",
    "Unfinished",
    "has not been completed",
    "is not yet complete",
    "Complete: No",
    "Done: false",
    "no completado",
    "sin terminar",
    "nicht erledigt",
    "noch nicht fertig",
    "non terminé",
    "pas encore terminé",
    "não concluído",
    "non completato",
    "не завершено",
    "nie ukończono",
    "niet voltooid",
    "chưa hoàn thành",
    "tamamlanmadı",
    "غير مكتمل",
    "לא הושלם",
    "δεν ολοκληρώθηκε",
    "पूरा नहीं",
    "未完成",
    "尚未完成",
    "没有完成",
    "未能完成",
    "Never started",
    "has not been started",
    "未完了",
    "完了していない",
    "미완료",
]


@pytest.mark.parametrize("text", NOT_DONE)
def test_work_said_not_to_be_done_is_not_done(text: str) -> None:
    assert status_of(text) is Status.NOT_STARTED, text


@pytest.mark.parametrize(
    "text", ["Not blocked", "no longer blocked", "Blocked: No", "नहीं रुका", "不再阻塞"]
)
def test_a_denied_block_is_no_block(text: str) -> None:
    assert status_of(text) is not Status.BLOCKED


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Done", Status.DONE),
        ("Complete (no tests needed)", Status.DONE),
        ("Completed without issues", Status.DONE),
        ("No blockers, complete", Status.DONE),
        ("Done, not blocked", Status.DONE),
        ("In progress (not done)", Status.IN_PROGRESS),
        ("🟡 Not complete", Status.IN_PROGRESS),
        ("Done no regressions", Status.DONE),
        ("Blocked: yes", Status.BLOCKED),
        ("完成", Status.DONE),
        ("완료", Status.DONE),
        ("पूरा", Status.DONE),
        ("belum selesai", Status.IN_PROGRESS),  # "not yet finished", a row of its own
        ("No iniciado", Status.NOT_STARTED),
    ],
)
def test_words_not_denied_read_as_before(text: str, status: Status) -> None:
    assert status_of(text) is status


def test_a_plan_and_a_table_that_say_not_complete_are_not_done() -> None:
    plan = parse_plan(
        "plan.md",
        "# Rollout\n\n**Status:** Not complete\n\n"
        "| Phase | Name | Status |\n|---|---|---|\n"
        "| 1 | Setup | 完成 |\n| 2 | Build | 未完成 |\n| 3 | Launch | पूरा नहीं |\n".encode(),
    )
    assert plan.status is Status.NOT_STARTED
    assert [p.status for p in plan.phases] == [Status.DONE, Status.NOT_STARTED, Status.NOT_STARTED]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Done: no issues", Status.DONE),
        ("Done: no blockers", Status.DONE),
        ("Done = no regressions", Status.DONE),
        ("Complete: none outstanding", Status.DONE),
        ("Not quite done", Status.IN_PROGRESS),
        ("Not fully complete", Status.IN_PROGRESS),
        ("not all done", Status.IN_PROGRESS),
        ("Not completely done", Status.IN_PROGRESS),
        ("nicht ganz fertig", Status.IN_PROGRESS),
    ],
)
def test_an_answer_that_goes_on_or_a_not_quite_is_no_plain_denial(
    text: str, status: Status
) -> None:
    assert status_of(text) is status
