"""Blocks: nothing inside code counts."""

from __future__ import annotations

from tests.conftest import plan_of


def test_nothing_inside_code_counts() -> None:
    plan = plan_of(
        "# Plan\n\n"
        "```markdown\n# Implementation Plan\n### Phase 1: Fake\n- [ ] fake box\n| Phase | Status |\n"
        "|---|---|\n| Phase 1 | ✅ |\n```\n\n"
        "~~~\n- [x] also fake\n~~~\n\n"
        "Paragraph.\n\n    - [ ] indented code box\n    ## Phase 9: indented\n\n"
        "## Phase 1: Real\n\n- [ ] real box\n"
    )
    assert [p.id for p in plan.phases] == ["1"]
    assert plan.phases[0].name == "Real"
    assert [i.text for i in plan.items] == ["real box"]
    assert plan.status_rows == ()


def test_shell_comments_in_fences_are_not_headings() -> None:
    plan = plan_of("# Real title\n\n```bash\n# Phase 2: not a heading\n# Root\n```\n")
    assert plan.title == "Real title"
    assert plan.phases == ()
