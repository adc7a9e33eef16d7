"""What a reader infers from a sequence of stages: stages written ahead of the work, saying
nothing of themselves, are not started; a pull-request sequence is the plan's stages, and its
first PR's status line is not the plan's; priority buckets are not stages.
(parse/assemble.py `_ahead`, parse/words.py STEP and PRIORITY, parse/levels.py)"""

from __future__ import annotations

from goaldash.model import Status
from goaldash.parse.plan import parse_plan


def statuses(text: str) -> list[tuple[str, Status]]:
    return [(p.id, p.status) for p in parse_plan("plan.md", text.encode()).phases]


def test_stages_after_the_work_that_say_nothing_are_not_started() -> None:
    text = (
        "# Roadmap\n\n## Phase 1: Base ✅\n\nShipped.\n\n## Phase 2: Sync 🔄\n\nUnder way.\n\n"
        "## Phase 3: Search\n\nLater.\n\n## Phase 4: Polish\n\nLater still.\n"
    )
    assert statuses(text) == [
        ("1", Status.DONE),
        ("2", Status.IN_PROGRESS),
        ("3", Status.NOT_STARTED),
        ("4", Status.NOT_STARTED),
    ]
    plan = parse_plan("plan.md", text.encode())
    assert plan.status is Status.IN_PROGRESS
    assert [p.declared_status for p in plan.phases][2:] == [None, None]  # inferred, not stated


def test_a_stage_that_says_nothing_before_one_under_way_stays_unknown() -> None:
    text = (
        "# Roadmap\n\n## Phase 1: Base\n\nText.\n\n## Phase 2: Sync ✅\n\nDone.\n\n"
        "## Phase 3: Search\n\nText.\n\n## Phase 4: Polish 🔄\n\nText.\n\n## Phase 5: Ship\n"
    )
    assert statuses(text) == [
        ("1", Status.UNKNOWN),
        ("2", Status.DONE),
        ("3", Status.UNKNOWN),  # between a done and an in-progress stage: may be either
        ("4", Status.IN_PROGRESS),
        ("5", Status.NOT_STARTED),
    ]


def test_a_sequence_that_says_nothing_anywhere_stays_unknown() -> None:
    text = "# Roadmap\n\n## Phase 1: Base\n\nText.\n\n## Phase 2: Sync\n\nText.\n"
    assert statuses(text) == [("1", Status.UNKNOWN), ("2", Status.UNKNOWN)]


def test_a_sequence_of_pull_requests_is_the_plans_stages() -> None:
    text = (
        "# Migration plan\n\n## Context\n\nWhy.\n\n## PR sequence\n\n"
        "### PR 1: Staging refactor *(already done, needs commit)*\n\n"
        "**Status**: All code changes complete, uncommitted.\n\n"
        "### PR 2: Build infrastructure\n\nText.\n\n### PR 3: Rename targets\n\nText.\n"
    )
    plan = parse_plan("plan.md", text.encode())
    assert [(p.id, p.status) for p in plan.phases] == [
        ("1", Status.DONE),
        ("2", Status.NOT_STARTED),
        ("3", Status.NOT_STARTED),
    ]
    assert plan.status is Status.IN_PROGRESS  # not the first PR's "complete"


def test_priority_buckets_are_not_stages() -> None:
    text = (
        "# Tasks\n\n## Phase 1: Build ✅\n\nDone.\n\n## Phase 2: Test 🔄\n\nGoing.\n\n"
        "## Tasks by priority\n\n### P0 (Critical) - 71 tasks\n\n42 of 71 done.\n\n"
        "### P1 (High) - 25 tasks\n\nText.\n\n### P2 – Low\n\nText.\n"
    )
    assert [p for p, _ in statuses(text)] == ["1", "2"]


def test_a_milestone_named_with_a_priority_like_word_is_still_one() -> None:
    text = "# Plan\n\n## M1 – High-level design\n\n- [x] a\n\n## M2 – Low-latency path\n\n- [ ] b\n"
    assert [p for p, _ in statuses(text)] == ["M1", "M2"]


NAMED_FIRST = """\
# Seguimiento

## FASE INMEDIATA (Semanas 1-2) - CRÍTICA

### Tarea 1: Encuestas
- [x] a
### Tarea 2: Calidad
- [x] b

## FASE 1 (Semanas 3-4) - ALTA

### Tarea 1: Registro
- [x] c
### Tarea 2: Seguimiento
- [ ] d

## FASE 2 (Semanas 5-6) - ALTA

### Tarea 1: Scraping
- [ ] e

## Resumen

| Fase | Estado |
|---|---|
| Inmediata | ✅ Completada |
| Fase 1 | En progreso |
"""


def test_a_named_stage_before_numbered_ones_of_the_same_word_is_a_stage() -> None:
    """ "## FASE INMEDIATA" before "## FASE 1", "## FASE 2": the first stage of the series,
    named; its "Tarea 1", "Tarea 2" are its parts. Before, those parts took ids 1 and 2 and
    the real FASE 1 and FASE 2 were lost."""
    plan = parse_plan("plan.md", NAMED_FIRST.encode())
    assert [(p.id, p.status) for p in plan.phases] == [
        ("INMEDIATA", Status.DONE),
        ("1", Status.IN_PROGRESS),
        ("2", Status.NOT_STARTED),
    ]
    assert [p.progress.total for p in plan.phases] == [2, 2, 1]
    assert not plan.warnings  # the table's "Inmediata" row is that stage, not another


def test_a_section_about_the_phases_is_not_a_named_stage() -> None:
    text = (
        "# Plan\n\n## Phase overview\n\nThree phases.\n\n## Phase 1: Build\n\n- [ ] a\n\n"
        "## Phase 2: Ship\n\n- [ ] b\n"
    )
    assert [p.id for p in parse_plan("plan.md", text.encode()).phases] == ["1", "2"]


PLAIN_LINES = """\
# Umfrage-Tool – Projektdokumentation

## 2.4 Meilensteine

Meilenstein 1: Anforderungsanalyse und Entwurf (bis 17.01.2025)
•	Projektidee festlegen.

Meilenstein 2: Grundlegende Funktionen (bis 31.01.2025)
•	Login implementieren.

Meilenstein 3: Export (bis 21.02.2025)
•	PDF und CSV Export.
"""


def test_a_run_of_plain_lines_naming_stages_are_the_stages() -> None:
    """A plan written without markdown structure: "Meilenstein 1: Name (bis date)" opening
    each paragraph, numbered in a run, are its milestones, with their ends."""
    plan = parse_plan("plan.md", PLAIN_LINES.encode())
    assert [(p.id, p.end.isoformat() if p.end else None) for p in plan.phases] == [
        ("M1", "2025-01-17"),
        ("M2", "2025-01-31"),
        ("M3", "2025-02-21"),
    ]
    assert {p.status for p in plan.phases} == {Status.UNKNOWN}  # the file says nothing more


def test_one_plain_line_or_a_plan_with_phase_headings_keeps_its_prose() -> None:
    one = "# Notes\n\nPhase 1: we will build the API first.\n\nThen more.\n"
    assert parse_plan("a.md", one.encode()).phases == ()
    headed = (
        "# Plan\n\n## Phase 1: Build\n\n- [ ] a\n\n## Phase 2: Ship\n\n- [ ] b\n\n"
        "## Notes\n\nPhase 1: the hard part.\n\nPhase 2: the easy part.\n"
    )
    assert [p.id for p in parse_plan("b.md", headed.encode()).phases] == ["1", "2"]


def test_a_stage_whose_section_says_something_unplaced_stays_unknown() -> None:
    for note in ("in review", "50% complete", "3/5 tasks done"):
        text = (
            f"# P\n\n## Phase 1: Setup - Done\n\n## Phase 2: Build - {note}\n\n## Phase 3: Ship\n"
        )
        assert statuses(text)[1:] == [("2", Status.UNKNOWN), ("3", Status.NOT_STARTED)], note
    text = (
        "# P\n\n## Phase 1: Setup - Done\n\n## Phase 2: Build\n\n"
        "Currently being built; about half done.\n\n## Phase 3: Ship\n"
    )
    assert statuses(text)[1] == ("2", Status.UNKNOWN)


def test_a_stage_placed_ahead_is_never_late_and_a_finished_plan_places_none() -> None:
    from datetime import date

    from goaldash.schedule import is_late, phase_late

    text = (
        "# P\n\n## Phase 1: Setup (2024-01-01 to 2024-01-31) ✅\n\n"
        "## Phase 2: Build (2024-02-01 to 2024-02-28)\n\nText.\n"
    )
    plan = parse_plan("plan.md", text.encode())
    placed = plan.phases[1]
    assert placed.status is Status.NOT_STARTED and placed.placed
    assert not phase_late(placed, date(2026, 12, 1)) and not is_late(plan, date(2026, 12, 1))
    done = parse_plan("plan.md", ("---\nstatus: completed\n---\n" + text).encode())
    assert done.status is Status.DONE
    assert done.phases[1].status is Status.UNKNOWN and not done.phases[1].placed


def test_only_p_ids_named_by_a_priority_are_buckets_and_a_summary_is_no_stage() -> None:
    milestones = (
        "# P\n\n## M1 - Minor: cleanup\n\n- [ ] a\n\n## M2 - Major: v2 launch\n\n- [ ] b\n\n"
        "## M3 - Critical - payments\n\n- [ ] c\n"
    )
    assert [p for p, _ in statuses(milestones)] == ["M1", "M2", "M3"]
    summary = (
        "# P\n\n## Phase summary - done\n\n## Phase 1: A\n\n- [ ] a\n\n## Phase 2: B\n\n- [ ] b\n"
    )
    assert [p for p, _ in statuses(summary)] == ["1", "2"]
