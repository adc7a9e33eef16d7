"""Task-list items: marks, positions, depth and sections."""

from __future__ import annotations

from goaldash.model import ItemState, Status
from tests.conftest import plan_of


def test_item_marks_and_markers() -> None:
    plan = plan_of(
        "# P\n\n- [ ] open\n* [x] done\n+ [X] done upper\n1. [-] doing\n2) [~] doing tilde\n"
        "3. [/] doing slash\n- [x]\n- [x](http://link) not a box\n- [?] not a box\n"
    )
    assert [(i.state, i.mark, i.text) for i in plan.items] == [
        (ItemState.OPEN, " ", "open"),
        (ItemState.DONE, "x", "done"),
        (ItemState.DONE, "X", "done upper"),
        (ItemState.IN_PROGRESS, "-", "doing"),
        (ItemState.IN_PROGRESS, "~", "doing tilde"),
        (ItemState.IN_PROGRESS, "/", "doing slash"),
        (ItemState.DONE, "x", ""),
    ]
    assert plan.progress.done == 3
    assert plan.progress.in_progress == 3
    assert plan.progress.open == 1


def test_item_positions_depth_and_quotes() -> None:
    text = (
        "# P\n\n- [ ] top\n  - [x] child\n    1. [ ] grandchild\n\n> - [ ] quoted\n>   - [x] quoted child\n"
        "\n\t- [ ] tab indented is code\n"
    )
    plan = plan_of(text)
    got = [(i.line, i.column, i.depth, i.text) for i in plan.items]
    assert got == [
        (3, 4, 0, "top"),
        (4, 6, 1, "child"),
        (5, 9, 2, "grandchild"),
        (7, 6, 0, "quoted"),
        (8, 8, 1, "quoted child"),
    ]
    lines = text.split("\n")
    for item in plan.items:
        assert lines[item.line - 1][item.column - 1] == item.mark
    assert plan.items[1].parent == 3


def test_item_sections() -> None:
    plan = plan_of(
        "# P\n\n### Phase 1: Build\n\n#### Tasks\n\n- [ ] a\n\n**Exit gate:**\n- [ ] b\n\n"
        "## Review Schedule\n\n**Review checklist:**\n- [ ] c\n\n## Notes\n\n- [ ] d\n"
    )
    assert [(i.phase, i.section) for i in plan.items] == [
        ("1", "Phase 1 › Tasks"),
        ("1", "Phase 1 › Exit gate"),
        (None, "Review Schedule › Review checklist"),
        (None, "Notes"),
    ]


def test_crlf_bom_and_no_final_newline() -> None:
    plan = plan_of(b"\xef\xbb\xbf# P\r\n\r\n- [ ] one\r\n- [x] two")
    assert [(i.line, i.column, i.text) for i in plan.items] == [(3, 4, "one"), (4, 4, "two")]
    assert plan.title == "P"


def test_milestone_verification_items_belong_to_the_milestone() -> None:
    plan = plan_of(
        "# Milestone Plan: X\n\n**Milestone 1: API** (Weeks 1-2)\n- **Value**: y\n\n"
        "### Milestone Rationale\n\ntext\n\n**Milestone 1 Verification**:\n- [x] Load tested\n"
    )
    assert plan.items[0].phase == "M1"
    assert plan.phases[0].status is Status.DONE


def test_item_whose_box_is_on_the_line_after_its_marker() -> None:
    plan = plan_of("# P\n\n-\n  [ ] box on the next line\n")
    assert [(i.line, i.column, i.text) for i in plan.items] == [(4, 4, "box on the next line")]
