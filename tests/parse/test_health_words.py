"""Status words trackers write for a phase's health and for work all but finished: a traffic
light beside a word is read by the word; "almost done" is not done (goaldash/parse/status.py)."""

from __future__ import annotations

import pytest

from goaldash.model import Status
from goaldash.parse.status import heading_status, status_of
from tests.conftest import plan_of


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("🟢 On track", Status.IN_PROGRESS),  # green is healthy, not finished
        ("🟢 **ON TRACK**", Status.IN_PROGRESS),
        ("🔴 Not started", Status.NOT_STARTED),
        ("🟡 In progress", Status.IN_PROGRESS),
        ("🟢 Complete", Status.DONE),
        ("🟢", Status.DONE),  # a light alone still decides
        ("🔴", Status.BLOCKED),
        ("✅ Complete (was on track)", Status.DONE),  # other emoji still win over words
        ("Almost done", Status.IN_PROGRESS),
        ("Nearly complete", Status.IN_PROGRESS),
        ("Mostly finished", Status.IN_PROGRESS),
        ("Behind schedule", Status.IN_PROGRESS),
        ("In testing", Status.IN_PROGRESS),
        ("Postponed", Status.CANCELLED),
        ("Released", Status.DONE),
        ("Stalled", Status.BLOCKED),
    ],
)
def test_a_status_cell_or_line(text: str, want: Status) -> None:
    assert status_of(text) == want


@pytest.mark.parametrize(
    ("note", "want"),
    [
        ("Mostly Complete", Status.IN_PROGRESS),
        ("almost done", Status.IN_PROGRESS),
        ("On track", Status.IN_PROGRESS),
        ("Postponed to Q3", Status.CANCELLED),
        ("Fully complete", Status.DONE),
    ],
)
def test_a_heading_note(note: str, want: Status) -> None:
    assert heading_status(note) == want


def test_a_green_status_line_on_track_is_no_finished_phase() -> None:
    plan = plan_of(
        "# Plan\n\n## Phase 1: Setup\n\n**Status:** 🟢 On track\n\n- [x] a\n- [ ] b\n\n"
        "## Phase 2: Build (almost done)\n\n- [x] c\n- [ ] d\n"
    )
    assert [p.status for p in plan.phases] == [Status.IN_PROGRESS, Status.IN_PROGRESS]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("⚠️", Status.IN_PROGRESS),  # trouble, alone: under way, not well
        ("⚠️ Blocked by #140", Status.BLOCKED),  # beside a word, the word decides
        ("⚠️ Delayed", Status.IN_PROGRESS),
        ("⚠️ Not started", Status.NOT_STARTED),
    ],
)
def test_the_warning_sign_in_a_status_cell_is_read_as_a_light(text: str, want: Status) -> None:
    assert status_of(text) == want


def test_the_warning_sign_before_words_in_a_heading_is_a_note_not_a_status() -> None:
    plan = plan_of(
        "# Tasks: Export\n\n## Phase 3.1: Setup\n- [ ] T001 Create the module\n\n"
        "## Phase 3.2: Tests First (TDD) ⚠️ MUST COMPLETE BEFORE 3.3\n- [ ] T002 Contract test\n\n"
        "## Phase 3.3: Deploy ⚠️ Blocked by #140\n- [ ] T003 Rollout\n\n"
        "## Phase 3.4: Polish ⚠️\n- [ ] T004 Docs\n"
    )
    got = [(p.id, p.status, p.declared_status) for p in plan.phases]
    assert got == [
        ("3.1", Status.NOT_STARTED, None),
        ("3.2", Status.NOT_STARTED, None),  # nothing ticked, nothing said: not under way
        ("3.3", Status.BLOCKED, Status.BLOCKED),
        ("3.4", Status.IN_PROGRESS, Status.IN_PROGRESS),  # the sign alone still says
    ]
