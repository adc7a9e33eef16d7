"""Placeholders are counted, never taken for data; templates are told apart."""

from __future__ import annotations

from tests.conftest import plan_of


def test_placeholders_are_counted_never_data() -> None:
    plan = plan_of(
        "# Feature plan\n\n**Timeline:** [Start date] to [End date]\n\n### Phase 1: [Phase Name] (Weeks X-Y)\n\n"
        "| Phase | Status | Progress | Start | End |\n|---|---|---|---|---|\n"
        "| Phase 1 | [✅/🔄/⏳/❌] | [X%] | [Date] | YYYY-MM-DD |\n\n"
        "### Current Blockers\n\n1. [Blocker 1]\n   - ETA: [When]\n\n"
        "- [ ] [e.g., write the thing]\n"
    )
    assert plan.placeholders >= 10
    assert plan.status_rows == ()
    assert plan.blockers == ()
    assert plan.phases[0].span is None and plan.phases[0].end is None
    assert plan.dates.start is None
    assert plan.progress.total == 1


def test_templates_are_recognised() -> None:
    body = "# [Feature] Implementation Plan\n\n### Phase 1: [Phase Name]\n\n- [ ] [Task]\n"
    assert plan_of(body).template is True
    assert plan_of("# Real\n\n- [ ] x\n", path="docs/templates/plan.md").template is True
    assert plan_of("# Real plan\n\n- [ ] x\n").template is False
    feature = "specs/002-prompt-templates/plan.md"
    assert plan_of("# Real plan\n\n- [x] x\n", path=feature).template is False
    assert plan_of("# Real\n\n- [ ] x\n", path="specs/tasks-template.md").template is True
