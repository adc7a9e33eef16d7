"""Blockers: sections, tables, details, resolved and blocked items."""

from __future__ import annotations

from datetime import date

from tests.conftest import plan_of


def test_blockers_section_with_details() -> None:
    plan = plan_of(
        "# P\n\n### Current Blockers\n\n**Active blockers:**\n\n"
        "1. Vendor API keys missing\n   - Impact: Phase 2 integration\n   - Owner: Dana\n"
        "   - ETA: 2026-02-03\n\n2. Legal review\n   - ETA: next sprint\n\n"
        "3. [Blocker 3]\n   - Impact: [What it blocks]\n\n## Next\n\n- not a blocker\n"
    )
    assert [(b.text, b.impact, b.owner, b.eta, b.eta_text, b.line) for b in plan.blockers] == [
        (
            "Vendor API keys missing",
            "Phase 2 integration",
            "Dana",
            date(2026, 2, 3),
            "2026-02-03",
            7,
        ),
        ("Legal review", None, None, None, "next sprint", 12),
    ]


def test_blocker_section_variants() -> None:
    for title in (
        "## Blockers",
        "### Blockers/Concerns",
        "## 🚧 Current Blockers",
        "## Blockers & Risks",
    ):
        plan = plan_of(f"# P\n\n{title}\n\n- Waiting on the design review\n- None\n")
        assert [b.text for b in plan.blockers] == ["Waiting on the design review"], title


def test_blockers_none_and_resolved() -> None:
    plan = plan_of("# P\n\n## Blockers\n\n- None yet\n\n## Other\n")
    assert plan.blockers == ()
    plan = plan_of(
        "# P\n\n## Blockers\n\n- [x] Old problem\n- ~~Struck problem~~\n- [ ] Live one\n"
    )
    assert [(b.text, b.resolved) for b in plan.blockers] == [
        ("Old problem", True),
        ("Struck problem", True),
        ("Live one", False),
    ]
    assert [b.text for b in plan.open_blockers] == ["Live one"]


def test_blocked_items_are_blockers() -> None:
    plan = plan_of("# P\n\n## Phase 1: A\n\n- [ ] Rate limiting (BLOCKED: gateway)\n- [ ] fine\n")
    assert [(b.text, b.phase, b.line) for b in plan.blockers] == [
        ("Rate limiting (BLOCKED: gateway)", "1", 5)
    ]


def test_blockers_in_a_table() -> None:
    plan = plan_of(
        "# P\n\n## Blockers\n\n| Blocker | Owner | ETA | Status |\n|---|---|---|---|\n"
        "| Certificates | Ops | 2026-01-10 | Open |\n| Old one | Dev | 2025-12-01 | Resolved |\n"
    )
    assert [(b.text, b.owner, b.eta, b.resolved) for b in plan.blockers] == [
        ("Certificates", "Ops", date(2026, 1, 10), False),
        ("Old one", "Dev", date(2025, 12, 1), True),
    ]
