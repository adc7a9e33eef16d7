"""Stages named by a release (`## v0.2 - Beta`) or by a stretch of time or a part of the work
(`## Week 1`, `## Part 2`, `## Epic 3`, `## Release 1`): two sibling headings or more of the
same shape are the plan's stages (goaldash/parse/levels.py, words.STEP)."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.model import Status
from tests.conftest import plan_of


def stages(text: str) -> list[tuple[str, str]]:
    return [(p.id, p.status.value) for p in plan_of(text).phases]


def test_releases_of_a_roadmap_are_its_stages() -> None:
    text = (
        "# Roadmap\n\n## v0.1 — MVP ✅\n\n- [x] login\n\n## v0.2 (planned)\n\n- [ ] search\n\n"
        "## v1.0.0-rc1: GA\n\n- [ ] billing\n"
    )
    assert stages(text) == [
        ("v0.1", "done"),
        ("v0.2", "not_started"),
        ("v1.0.0-rc1", "not_started"),
    ]
    assert [i.phase for i in plan_of(text).items] == ["v0.1", "v0.2", "v1.0.0-rc1"]


@pytest.mark.parametrize(
    "text",
    [
        "# Notes\n\n## v0.1 was a mistake\n\n- [x] a\n\n## Later\n\n- [ ] b\n",  # a sentence
        "# Notes\n\n## v0.1 — MVP\n\n- [x] a\n\n## Later\n\n- [ ] b\n",  # one alone
    ],
)
def test_a_lone_or_worded_version_is_no_stage(text: str) -> None:
    assert stages(text) == []


STEPS = {
    "en-week": ("Week 1: Basics", "Week 2: Advanced"),
    "en-month": ("Month 1 - Research", "Month 2 - Prototype"),
    "en-day": ("Day 1: Setup", "Day 2: Deploy"),
    "en-part": ("Part 1: Setup", "Part 2: Build"),
    "en-epic": ("Epic 1: Auth", "Epic 2: Billing"),
    "en-release": ("Release 1: MVP", "Release 2: Beta"),
    "en-version": ("Version 1.0: MVP", "Version 2.0: Scale"),
    "en-checkpoint": ("Checkpoint 1: Alpha", "Checkpoint 2: Beta"),
    "es": ("Semana 1: Bases", "Semana 2: Avanzado"),
    "pt": ("Semana 1: Base", "Semana 2: Avançado"),
    "fr": ("Semaine 1 : Bases", "Semaine 2 : Avancé"),
    "de": ("Woche 1: Grundlagen", "Woche 2: Vertiefung"),
    "it": ("Settimana 1: Basi", "Settimana 2: Avanzato"),
    "ru": ("Неделя 1: Основы", "Неделя 2: Углубление"),
    "tr": ("Hafta 1: Temeller", "Hafta 2: İleri"),
    "vi": ("Tuần 1: Cơ bản", "Tuần 2: Nâng cao"),
}


@pytest.mark.parametrize("key", sorted(STEPS))
def test_weeks_parts_and_releases_are_stages_when_siblings(key: str) -> None:
    first, second = STEPS[key]
    text = f"# Plan\n\n## {first}\n\n- [x] a\n- [x] b\n\n## {second}\n\n- [ ] c\n"
    got = stages(text)
    assert [status for _, status in got] == ["done", "not_started"]
    assert [i.phase for i in plan_of(text).items] == [got[0][0], got[0][0], got[1][0]]


def test_weeks_inside_a_phase_are_parts_of_it() -> None:
    text = (
        "# Plan\n\n## Phase 1: Learn\n\n### Week 1\n\n- [x] a\n\n### Week 2\n\n- [ ] b\n\n"
        "## Phase 2: Build\n\n- [ ] c\n"
    )
    assert stages(text) == [("1", "in_progress"), ("2", "not_started")]


def test_a_heading_tail_that_only_says_when_dates_the_stage_and_is_no_name() -> None:
    plan = plan_of(
        "# Roadmap\n\n## v1.2 — Due by December 15, 2026\n\n- [ ] registry\n\n"
        "## v1.3 — Due by 2027-03-31\n\n- [ ] sync\n\n"
        "## v1.1 — Closed Aug 20, 2026\n\n- [x] parsing\n\n"
        "## v1.4 - Beta - target: 2027-05-01\n\n- [ ] beta\n"
    )
    assert [(p.id, p.name, p.end, p.status) for p in plan.phases] == [
        ("v1.2", "", date(2026, 12, 15), Status.NOT_STARTED),
        ("v1.3", "", date(2027, 3, 31), Status.NOT_STARTED),
        ("v1.1", "", date(2026, 8, 20), Status.DONE),
        ("v1.4", "Beta", date(2027, 5, 1), Status.NOT_STARTED),
    ]


def test_a_name_that_holds_a_date_stays_a_name() -> None:
    plan = plan_of("# P\n\n## Phase 1: Sprint ending 2026-03-01 with the partners\n\n- [ ] a\n")
    assert plan.phases[0].name == "Sprint ending 2026-03-01 with the partners"


def test_a_linked_heading_reads_by_its_words() -> None:
    plan = plan_of(
        "# Roadmap\n\n## [v1.2](https://github.com/acme/widget/milestone/5) — Due by December"
        " 15, 2026\n\n- [x] loader\n- [ ] registry\n\n"
        "## [v1.3](https://github.com/acme/widget/milestone/6) — Due by March 31, 2027\n\n"
        "- [ ] sync\n\n## [Phase 3: Docs][docs]\n\n- [ ] guide\n\n[docs]: https://example.com\n"
    )
    assert [(p.id, p.end, p.progress.done, p.progress.total) for p in plan.phases] == [
        ("v1.2", date(2026, 12, 15), 1, 2),
        ("v1.3", date(2027, 3, 31), 0, 1),
        ("3", None, 0, 1),  # a reference link's words too
    ]
    plan = plan_of("# P\n\n## [Phase 1: Build](#build)\n\n- [x] a\n\n## [Phase 2: Ship](#ship)\n")
    assert [(p.id, p.name) for p in plan.phases] == [("1", "Build"), ("2", "Ship")]
