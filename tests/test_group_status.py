"""A phase that says nothing of its status, in a file of a goal or spec folder, shows the
status the folder's other files state for that phase (a GoalKit tasks file whose tasks sit in
a table, beside the execution file that marks the phase done); the plan's status follows. The
dashboard, --once and --json show the same, warm or cold. (goaldash/checks.py)"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from goaldash.checks import conflicts, cross_check
from goaldash.model import Plan, PlanFacts, Status
from tests.conftest import plan_of

from .test_cache import cold_and_warm_json
from .test_workspace import Headless

GOAL = ".goalkit/goals/001-comments"
EXECUTION = """\
# Execution Plan: Live comments

## Phase 1: Backend (2026-10-01 to 2026-10-10) ✅ COMPLETE

- [x] Architecture

## Phase 2: Client (2026-10-11 to 2026-12-20) 🔄 IN PROGRESS

- [x] Connect
- [ ] Render
"""
TASKS = """\
# Implementation Tasks: Live comments

**Phase 1: Backend** (Days 1-5, 1 task)

| Task ID | Task Name | Owner | Effort |
|---------|-----------|-------|--------|
| T-001 | Design architecture | Alice | 8h |

**Phase 2: Client** (Days 6-20, 1 task)

| Task ID | Task Name | Owner | Effort |
|---------|-----------|-------|--------|
| T-002 | Connect | Bob | 10h |

**Phase 3: Polish** (Days 21-25, 1 task)

| Task ID | Task Name | Owner | Effort |
|---------|-----------|-------|--------|
| T-003 | Review | Bob | 4h |
"""


def _plans(tasks: str = TASKS, execution: str = EXECUTION, group: str = GOAL) -> list[Plan]:
    return [
        replace(plan_of(text, f"{GOAL}/{name}"), group=group)
        for name, text in (("execution.md", execution), ("tasks.md", tasks))
    ]


def _phases(plan: Plan) -> list[tuple[str, Status]]:
    return [(p.id, p.status) for p in plan.phases]


def test_a_tasks_file_shows_the_status_its_execution_file_states() -> None:
    execution, tasks = _plans()
    assert tasks.status is Status.UNKNOWN and {p.status for p in tasks.phases} == {Status.UNKNOWN}
    shown_execution, shown_tasks = cross_check([execution, tasks])
    assert shown_execution is execution
    assert _phases(shown_tasks) == [
        ("1", Status.DONE),
        ("2", Status.IN_PROGRESS),
        ("3", Status.UNKNOWN),  # stated nowhere: nothing to show
    ]
    assert shown_tasks.status is Status.IN_PROGRESS
    assert shown_tasks.progress == tasks.progress  # no items counted that are not there


def test_a_phase_with_a_word_or_items_of_its_own_keeps_its_status() -> None:
    tasks = TASKS.replace("**Phase 1: Backend**", "**Phase 1: Backend** — not started").replace(
        "| T-002 | Connect | Bob | 10h |", "| T-002 | Connect | Bob | 10h |\n\n- [ ] wire it"
    )
    _, shown = cross_check(_plans(tasks))
    assert _phases(shown)[:2] == [("1", Status.NOT_STARTED), ("2", Status.NOT_STARTED)]
    # and the files that disagree say so
    assert any(w.kind == "contradiction" for w in shown.warnings)


def test_what_the_group_states_beats_what_a_phases_place_gives_it() -> None:
    """A silent phase after one that states its status is not started by its place alone
    (`assemble._ahead`); the group's other files, where they state one, say more."""
    tasks = TASKS.replace("**Phase 1: Backend**", "**Phase 1: Backend** — done")
    execution, alone = _plans(tasks)
    assert _phases(alone) == [
        ("1", Status.DONE),
        ("2", Status.NOT_STARTED),
        ("3", Status.NOT_STARTED),
    ]
    _, shown = cross_check([execution, alone])
    assert _phases(shown) == [
        ("1", Status.DONE),
        ("2", Status.IN_PROGRESS),  # execution.md's, not its place's
        ("3", Status.NOT_STARTED),
    ]
    assert shown.status is Status.IN_PROGRESS


def test_a_stage_placed_ahead_is_unknown_again_once_the_group_starts_one_after_it() -> None:
    execution = EXECUTION.replace(
        "## Phase 2: Client (2026-10-11 to 2026-12-20) 🔄 IN PROGRESS\n\n- [x] Connect\n- [ ] Render\n",
        "## Phase 2: Client\n\nText.\n\n## Phase 3: Polish\n\nText.\n",
    )
    alone = replace(plan_of(execution, f"{GOAL}/execution.md"), group=GOAL)
    assert _phases(alone)[1:] == [("2", Status.NOT_STARTED), ("3", Status.NOT_STARTED)]
    tasks = TASKS.replace("**Phase 3: Polish**", "**Phase 3: Polish** — done")
    other = replace(plan_of(tasks, f"{GOAL}/tasks.md"), group=GOAL)
    shown, _ = cross_check([alone, other])
    # phase 3 is done by the group: phase 2, before it, may be done or skipped
    assert _phases(shown)[1:] == [("2", Status.UNKNOWN), ("3", Status.DONE)]


def test_files_that_disagree_lend_nothing() -> None:
    third = replace(
        plan_of("# Milestones\n\n## Phase 1: Backend 🔄 In progress\n", f"{GOAL}/milestones.md"),
        group=GOAL,
    )
    plans = cross_check([*_plans(), third])
    assert dict(_phases(plans[1]))["1"] is Status.UNKNOWN  # done here, in progress there
    assert dict(_phases(plans[1]))["2"] is Status.IN_PROGRESS


def test_plans_apart_and_templates_lend_nothing() -> None:
    apart = _plans(group="")
    assert cross_check(apart) == apart
    execution, tasks = _plans()
    template = replace(execution, template=True)
    assert cross_check([template, tasks])[1] is tasks


def test_the_facts_say_which_plans_take_a_status() -> None:
    execution, tasks = _plans()
    notes = conflicts([PlanFacts.of(execution), PlanFacts.of(tasks)])
    assert notes.said == {GOAL: {"1": Status.DONE, "2": Status.IN_PROGRESS}}
    assert notes.touches(PlanFacts.of(tasks)) and not notes.touches(PlanFacts.of(execution))


def _repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / GOAL).mkdir(parents=True)
    (root / GOAL / "execution.md").write_text(EXECUTION, encoding="utf-8")
    (root / GOAL / "tasks.md").write_text(TASKS, encoding="utf-8")
    return root


def test_json_warm_or_cold_and_the_dashboard_show_the_same(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    cold, warm, _, _ = cold_and_warm_json(root, tmp_path / "cache")
    assert warm == cold
    shown = {p["path"]: p for p in json.loads(cold)["plans"]}
    tasks = shown[f"{GOAL}/tasks.md"]
    assert [(p["id"], p["status"]) for p in tasks["phases"]] == [
        ("1", "done"),
        ("2", "in_progress"),
        ("3", "unknown"),
    ]
    assert tasks["status"] == "in_progress"
    dash = Headless(root)
    dash.scan()
    plan = dash.plan(f"{GOAL}/tasks.md")
    assert [(p.id, p.status.value) for p in plan.phases] == [
        (p["id"], p["status"]) for p in tasks["phases"]
    ]
    assert plan.status.value == tasks["status"]
    assert dash.ws.today == date(2026, 11, 21) and plan.status is Status.IN_PROGRESS
