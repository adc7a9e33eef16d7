"""Mermaid gantt blocks as a timeline source (issue 14)."""

from __future__ import annotations

from datetime import date

from goaldash.model import Status
from goaldash.parse import parse_plan
from goaldash.parse.mermaid import MAX_LINES, gantt_sections

FENCE = "```"


def gantt(body: str, fence: str = FENCE) -> str:
    return f"{fence}mermaid\ngantt\n{body}\n{fence}\n"


def phases(text: str) -> dict[str, tuple[Status, date | None, date | None]]:
    plan = parse_plan("plan.md", text.encode())
    return {p.id: (p.status, p.start, p.end) for p in plan.phases}


ENGLISH = gantt("""    title Roadmap
    dateFormat YYYY-MM-DD
    section Phase 1: Design
    Wireframes      :done, a1, 2026-01-05, 2026-01-09
    Review          :done, a2, after a1, 3d
    section Phase 2: Build
    API             :active, b1, after a2, 2w
    UI              :b2, after b1, 5d
    section Phase 3: Launch
    Release         :milestone, c1, 2026-03-01, 0d""")


def test_sections_are_phases_when_the_plan_has_none() -> None:
    got = phases("# Plan\n\n" + ENGLISH)
    assert got["1"] == (Status.DONE, date(2026, 1, 5), date(2026, 1, 12))
    # after a2 (ends the 12th): the 13th to the 26th, then five days to the 31st
    assert got["2"] == (Status.IN_PROGRESS, date(2026, 1, 13), date(2026, 1, 31))
    assert got["3"] == (Status.NOT_STARTED, date(2026, 3, 1), date(2026, 3, 1))
    assert list(got) == ["1", "2", "3"]


def test_spanish_sections_and_day_first_format() -> None:
    text = gantt("""    dateFormat DD/MM/YYYY
    section Fase 1 - Análisis
    Requisitos   :done, r1, 03/02/2026, 10/02/2026
    section Fase 2 - Diseño
    Prototipo    :done, p1, after r1, 1w
    Maquetas     :p2, after p1, 4d""")
    got = phases("# Planificación\n\n" + text)
    assert got["1"] == (Status.DONE, date(2026, 2, 3), date(2026, 2, 10))
    assert got["2"] == (Status.IN_PROGRESS, date(2026, 2, 11), date(2026, 2, 21))


def test_japanese_sections_and_a_section_without_an_id() -> None:
    text = gantt(
        """    dateFormat YYYY-MM-DD
    section フェーズ1: 設計
    要件定義   :done, j1, 2026-04-01, 5d
    section フェーズ2: 実装
    コア機能   :j2, after j1, 10d
    section リリース準備
    ドキュメント :j3, after j2, 2d""",
        fence="~~~",
    )
    got = phases("# 計画\n\n" + text)
    assert got["1"] == (Status.DONE, date(2026, 4, 1), date(2026, 4, 5))
    assert got["2"] == (Status.NOT_STARTED, date(2026, 4, 6), date(2026, 4, 15))
    assert got["リリース準備"][1:] == (date(2026, 4, 16), date(2026, 4, 17))


def test_a_section_fills_only_missing_dates_of_its_phase() -> None:
    text = (
        "# Plan\n\n"
        + gantt("""    section Phase 1
    A :done, x1, 2026-01-01, 10d
    section Phase 2
    B :x2, after x1, 10d
    section Phase 3-4: Rollout
    C :x3, after x2, 4d
    D :x4, after x3, 6d""")
        + "\n## Phase 1: Start\n\n**Status:** Not started\n\n- [ ] one\n\n"
        + "## Phase 2: Middle (ends 2026-02-28)\n\n- [x] two\n\n"
        + "## Phase 3: Roll\n\n- [ ] three\n\n## Phase 4: Out\n\n- [ ] four\n"
    )
    got = phases(text)
    assert got["1"] == (Status.NOT_STARTED, date(2026, 1, 1), date(2026, 1, 10))  # status kept
    assert got["2"][0] is Status.DONE
    assert got["2"][1] == date(2026, 1, 11)
    # a range section: its start is the first phase's, its end the last's
    assert got["3"][1] == date(2026, 1, 21)
    assert got["4"][2] == date(2026, 1, 30)


def test_a_task_named_as_a_phase_dates_it() -> None:
    text = (
        "# Plan\n\n"
        + gantt("""    section Phase 6
    Speed work :p61, 2026-03-01, 14d
    Visuals    :p62, after p61, 14d""")
        + "\n## Phase 6.1: Speed work (Week 1-2)\n\n- [ ] a\n\n## Phase 6.2: Visuals\n\n- [ ] b\n"
    )
    got = phases(text)
    assert got["6.1"][1:] == (date(2026, 3, 1), date(2026, 3, 14))
    assert got["6.2"][1:] == (date(2026, 3, 15), date(2026, 3, 28))


def test_hours_round_up_to_a_day() -> None:
    secs = gantt_sections(gantt("section Phase 1\nT :2026-05-01, 1h"))
    assert secs[0].start == secs[0].end == date(2026, 5, 1)


def test_malformed_blocks_are_passed_over() -> None:
    bad = [
        gantt("dateFormat HH:mm\nsection Phase 1\nT :10:00, 1h"),  # times: not read
        gantt("section Phase 1\nT :after nowhere, 3d\nU : , , , ,\nV :2026-13-45, 2d"),
        gantt("section\n:\n::::\nsection Phase 2\n"),
        "```mermaid\ngantt\nsection Phase 1\nT :2026-01-01, 99999999999w",  # unclosed, huge
        "```mermaid\nflowchart TD\nA-->B\n```\n",  # not a gantt chart
        "```mermaid\n```\n",
    ]
    for text in bad:
        plan = parse_plan("plan.md", ("# Plan\n\n" + text).encode())
        assert plan.phases is not None
        for p in plan.phases:
            assert p.start is None or p.start.year < 3000
    assert gantt_sections(bad[4]) == []


def test_work_is_bounded() -> None:
    body = "section Phase 1\n" + "T :done, 2026-01-01, 1d\n" * (MAX_LINES * 5)
    secs = gantt_sections(gantt(body))
    assert len(secs[0].tasks) < MAX_LINES


def test_a_gantt_inside_another_fence_is_not_code_run() -> None:
    # Nothing in a block is executed: a click callback is a line like any other, passed over.
    text = gantt('section Phase 1\nT :t1, 2026-01-01, 2d\nclick t1 call alert("x")')
    assert [len(s.tasks) for s in gantt_sections(text)] == [1]
