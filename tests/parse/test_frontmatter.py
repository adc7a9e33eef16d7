"""Frontmatter: its fields, invalid YAML, and dashes that are not frontmatter."""

from __future__ import annotations

from datetime import date

from goaldash.model import PlanFormat, Status
from tests.conftest import plan_of


def test_invalid_yaml_frontmatter_warns_and_body_is_read() -> None:
    plan = plan_of(
        "---\nid: BACK-1\ntitle: Set up the CLI\nassignee: @someone\nstatus: Done\n---\n\n"
        "## Acceptance Criteria\n- [x] Runs\n- [x] Has tests\n",
        path="backlog/tasks/back-1 - set-up.md",
    )
    assert [w.kind for w in plan.warnings] == ["frontmatter"]
    assert plan.title == "Set up the CLI"
    assert plan.status is Status.DONE
    assert plan.owner == "@someone"
    assert plan.progress.done == 2
    assert plan.format is PlanFormat.BACKLOG_MD


def test_frontmatter_fields() -> None:
    plan = plan_of(
        "---\ntype: plan\ntitle: Billing\nstatus: active\nowner: Payments\n"
        "created: 2026-01-05\nlast_updated: 2026-01-20\nexpires: 2026-12-31\n---\n# Ignored title\n"
    )
    assert plan.title == "Billing"
    assert plan.status is Status.IN_PROGRESS
    assert plan.declared_status == "active"
    assert plan.owner == "Payments"
    assert plan.dates.anchor == date(2026, 1, 5)
    assert plan.dates.expires == date(2026, 12, 31)
    assert plan.format is PlanFormat.PLAN_FRONTMATTER


def test_dashes_inside_a_fence_are_not_frontmatter() -> None:
    plan = plan_of(
        "# Docs plan\n\n```yaml\n---\nstatus: draft | review\n---\n```\n\n- [ ] Write it\n"
    )
    assert plan.title == "Docs plan"
    assert plan.declared_status is None
    assert not [w for w in plan.warnings if w.kind == "frontmatter"]
