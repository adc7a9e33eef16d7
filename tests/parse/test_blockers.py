"""Blockers as a reader sees them: "None" is nothing, struck or resolved entries are resolved,
blocker tables and localized blocker headings are read (issue 14)."""

from __future__ import annotations

import pytest

from goaldash.model import Status
from goaldash.parse.sections import is_blockers_title, is_nothing, is_resolved
from tests.conftest import plan_of


def _blockers(body: str) -> list[tuple[str, bool, int]]:
    return [(b.text, b.resolved, b.line) for b in plan_of(body).blockers]


@pytest.mark.parametrize(
    "entry",
    [
        "None",
        "No blockers",
        "Nothing blocked",
        "⚠️ **NONE** - nothing blocked",
        "None at this time.",
        "_No current blockers_",
        "Ninguno",
        "Sin bloqueos por ahora",
        "_Nenhum bloqueio no momento_",
        "Aucun blocage",
        "Keine",
        "Keine Blocker",
        "Нет",
        "なし",
        "特になし",
        "无",
        "暂无阻塞",
        "없음",
        "Yok",
    ],
)
def test_a_none_line_is_not_a_blocker(entry: str) -> None:
    assert is_nothing(entry)
    assert _blockers(f"# P\n\n## Blockers\n\n- {entry}\n") == []


@pytest.mark.parametrize(
    "entry",
    [
        "No API key for the staging server",
        "Keine Testdaten vorhanden",
        "无法连接数据库",
        "Nonexistent bucket in prod",
        "Waiting until the DNS issue is resolved",
    ],
)
def test_a_real_blocker_that_starts_like_none_stays(entry: str) -> None:
    assert not is_nothing(entry)
    assert _blockers(f"# P\n\n## Blockers\n\n- {entry}\n") == [(entry, False, 5)]


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        ("~~Waiting on the vendor~~", "Waiting on the vendor"),
        ("RESOLVED: Waiting on the vendor", "RESOLVED: Waiting on the vendor"),
        ("Waiting on the vendor (fixed)", "Waiting on the vendor (fixed)"),
        ("✅ resolved - waiting on the vendor", "✅ resolved - waiting on the vendor"),
        ("Esperando al proveedor (resuelto)", "Esperando al proveedor (resuelto)"),
        ("Warten auf den Lieferanten — gelöst", "Warten auf den Lieferanten — gelöst"),
        ("等待供应商（已解决）", "等待供应商（已解决）"),
    ],
)
def test_struck_or_resolved_entries_are_resolved_at_their_line(entry: str, text: str) -> None:
    assert is_resolved(entry)
    body = f"# P\n\n## Blockers\n\n- {entry}\n- Still open\n"
    assert _blockers(body) == [(text, True, 5), ("Still open", False, 6)]


def test_a_resolved_blockers_heading_holds_resolved_ones() -> None:
    body = (
        "# P\n\n## Blockers\n\n### Active\n\n- Open one\n\n### Resolved Blockers\n\n- Old one\n\n"
        "## Bloqueos resueltos\n\n- Viejo\n\n## 已解决的阻塞\n\n- 旧的\n"
    )
    assert _blockers(body) == [
        ("Open one", False, 7),
        ("Old one", True, 11),
        ("Viejo", True, 15),
        ("旧的", True, 19),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Blockers",
        "Current Blockers",
        "🚧 Blockers & Risks",
        "Blockers/Concerns",
        "Bloqueadores",
        "Bloqueadores actuales",
        "BLOQUEIOS/PROBLEMAS",
        "Blocages",
        "Blocker",
        "Hindernisse",
        "Блокеры",
        "阻塞",
        "阻碍",
        "ブロッカー",
        "블로커",
        "Engeller",
        "Vướng mắc",
    ],
)
def test_localized_blocker_headings(title: str) -> None:
    assert is_blockers_title(title)
    assert _blockers(f"# P\n\n## {title}\n\n- Waiting on the design review\n") == [
        ("Waiting on the design review", False, 5)
    ]


@pytest.mark.parametrize(
    "title",
    ["Phase 2: Foundational (阻塞性前置任务)", "High Risk Items", "Blocked users can log in"],
)
def test_a_heading_that_only_mentions_blocking_is_not_a_blockers_section(title: str) -> None:
    assert not is_blockers_title(title)


@pytest.mark.parametrize(
    ("heading", "header", "open_word", "done_word"),
    [
        ("Risks", "| # | Blocker | Owner | Status |", "Open", "Resolved"),
        ("Bloqueos", "| # | Problema | Responsable | Estado |", "Abierto", "Resuelto"),
        ("Notizen", "| Nr | Problem | Status |", "Offen", "Erledigt"),
        ("阻塞", "| 问题 | 负责人 | 状态 |", "进行中", "已解决"),
    ],
)
def test_blocker_tables_with_a_status_column(
    heading: str, header: str, open_word: str, done_word: str
) -> None:
    cols = header.count("|") - 1
    first_is_id = cols == 4 or header.startswith("| Nr")

    def row(text: str, status: str) -> str:
        cells = (["1"] if first_is_id else []) + [text] + ["x"] * (cols - 2 - first_is_id)
        return "| " + " | ".join([*cells, status]) + " |"

    body = (
        f"# P\n\n## {heading}\n\n{header}\n|{'---|' * cols}\n"
        f"{row('Vendor API down', open_word)}\n{row('Old CI flake', done_word)}\n"
    )
    got = _blockers(body)
    assert got == [("Vendor API down", False, 7), ("Old CI flake", True, 8)]


def test_a_table_under_a_blockers_heading_without_status_is_open() -> None:
    body = "# P\n\n## Блокеры\n\n| Блокер | Влияние |\n|---|---|\n| Нет доступа к API | Фаза 2 |\n"
    assert _blockers(body) == [("Нет доступа к API", False, 7)]


def test_a_table_of_tests_with_an_issue_column_is_not_blockers() -> None:
    body = (
        "# P\n\n| Test # | Test Name | Status | Issue |\n|---|---|---|---|\n| 1 | a | FAIL | b |\n"
    )
    assert _blockers(body) == []


@pytest.mark.parametrize(
    "heading",
    [
        "## Current known release blockers",
        "## Release blockers",
        "## Blockers / needs Kim",
        "## Blockers for the production launch",
    ],
)
def test_a_blockers_heading_with_words_around_its_noun(heading: str) -> None:
    plan = plan_of(f"# Plan\n\n{heading}\n\n- Signing key not issued\n- ~~Legal review~~\n")
    assert [(b.text, b.resolved) for b in plan.blockers] == [
        ("Signing key not issued", False),
        ("Legal review", True),
    ]


@pytest.mark.parametrize("heading", ["## How blockers are handled", "## Phase 2: Remove blockers"])
def test_a_heading_that_only_mentions_blockers_opens_none(heading: str) -> None:
    assert plan_of(f"# Plan\n\n{heading}\n\n- Escalate to the lead\n").blockers == ()


def test_a_blocked_phase_s_blocker_says_what_blocks_it_when_the_file_does() -> None:
    plan = plan_of(
        "# Plan\n\n## Phase 1: Deploy ⚠️ Blocked by #140\n\n- [ ] Rollout\n\n"
        "## Phase 2: Rollout\n\n**Status:** ❌ Blocked — waiting on the API v2 deploy\n\n"
        "- [ ] Canary\n\n## Phase 3: Docs (blocked)\n\n- [ ] Guide\n"
    )
    assert [(b.text, b.phase, b.resolved) for b in plan.blockers] == [
        ("Phase 1: Deploy is blocked (#140)", "1", False),
        ("Phase 2: Rollout is blocked (waiting on the API v2 deploy)", "2", False),
        ("Phase 3: Docs is blocked", "3", False),  # it says no more
    ]


@pytest.mark.parametrize(
    ("heading", "header", "open_word"),
    [
        ("Risks", "| Risk | Likelihood | Impact | Status |", "Open"),
        ("Risks and Mitigations", "| # | Item | Mitigation | Status |", "Open"),
        ("Notes", "| # | Risk | Owner | Status |", "Open"),
        ("Riesgos", "| # | Riesgo | Responsable | Estado |", "Abierto"),
        ("Risiken und Gegenmaßnahmen", "| Nr | Problem | Status |", "Offen"),
        ("风险与缓解", "| 问题 | 负责人 | 状态 |", "进行中"),
    ],
)
def test_a_table_of_risks_is_not_blockers(heading: str, header: str, open_word: str) -> None:
    # Under a risks heading, or keyed by risk: a risk may come to block, it does not yet (a
    # list of risks is no blockers either).
    cols = header.count("|") - 1
    cells = ["1"] * (cols == 4) + ["Vendor outage"] + ["x"] * (cols - 2 - (cols == 4))
    body = f"# P\n\n## {heading}\n\n{header}\n|{'---|' * cols}\n| {' | '.join(cells)} | {open_word} |\n"
    assert _blockers(body) == []


def test_a_risk_row_of_a_mixed_table_is_not_a_blocker() -> None:
    body = (
        "# P\n\n## Risks and blockers\n\n| Item | Type | Status |\n|---|---|---|\n"
        "| Payment contract | Blocker | Open |\n| Vendor outage | **Risk** | Monitoring |\n"
    )
    assert _blockers(body) == [("Payment contract", False, 7)]


def test_a_line_of_its_own_under_a_phase_saying_it_is_blocked_blocks_it() -> None:
    plan = plan_of(
        "# Plan\n\n## Phase 1: Search\n\n⚠️ Blocked by #123\n\n- [ ] Index\n\n"
        "## Phase 2: Export\n\n- [ ] CSV\n\nBlocked by nothing, we hope.\n"
    )
    assert [p.status for p in plan.phases] == [Status.BLOCKED, Status.NOT_STARTED]
    assert [(b.text, b.phase) for b in plan.blockers] == [
        ("Phase 1: Search is blocked (#123)", "1")
    ]
    top = plan_of("# Plan\n\nBlocked by the vendor.\n\n## Phase 1: A\n\n- [ ] a\n")
    assert top.status is not Status.BLOCKED  # the plan's own status is its status line's
