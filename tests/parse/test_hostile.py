"""Hostile plan content: parsing stays bounded and near-linear, and leaves nothing out silently.

No test here times anything. Cost is counted as the lines of Python the parse runs (in
goaldash and markdown-it), which is the same on every machine: a parse whose count grows
faster than the input (a search over every phase for each row, say) shows as a count that
grows more than four times when the input does. Sizes are small; what grows is the ratio.
"""

from __future__ import annotations

import os
import pickle
import sys
import tracemalloc
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from goaldash.model import Item, ItemState, Plan
from goaldash.parse import parse_plan

# --------------------------------------------------------------------------- counting cost

_COUNTED = (f"{os.sep}goaldash{os.sep}", f"{os.sep}markdown_it{os.sep}", f"{os.sep}yaml{os.sep}")


def cost(text: str) -> tuple[int, Plan]:
    """Lines of parser code run to parse `text`, and the plan."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        name = frame.f_code.co_filename
        return local if any(part in name for part in _COUNTED) else None

    parse_plan("plan.md", b"")  # imports and compiled patterns are not part of the count
    before = sys.gettrace()
    sys.settrace(calls)
    try:
        plan = parse_plan("plan.md", text.encode())
    finally:
        sys.settrace(before)
    return count, plan


def assert_linear(make: Callable[[int], str], n: int) -> tuple[Plan, Plan]:
    """Parsing `make(4 * n)` costs at most about four times `make(n)`."""
    small, small_plan = cost(make(n))
    big, big_plan = cost(make(4 * n))
    assert big <= 4.4 * small, f"{n} -> {small} lines run; {4 * n} -> {big} ({big / small:.1f}x)"
    return small_plan, big_plan


# --------------------------------------------------------------------------- tables and phases


def _status_table(n: int, status: str = "done") -> str:
    rows = "".join(f"| Phase {i} | {status} | 50% |\n" for i in range(n))
    return "# Plan\n\n| Phase | Status | Progress |\n|---|---|---|\n" + rows


def test_a_status_table_costs_the_same_per_row_however_long() -> None:
    # Each row's phase was found by searching every phase: 100,000 rows took 82 s.
    _, plan = assert_linear(_status_table, 300)
    assert len(plan.phases) == 1200
    assert len(plan.status_rows) == 1200


def test_blocked_phases_cost_the_same_each_however_many() -> None:
    # Each blocked phase searched every blocker for one of its own.
    _, plan = assert_linear(lambda n: _status_table(n, "blocked"), 300)
    assert len(plan.blockers) == 1200


def test_many_phase_headings_cost_the_same_each() -> None:
    _, plan = assert_linear(
        lambda n: "".join(f"### Phase {i}: p{i}\n- [ ] x\n" for i in range(n)), 250
    )
    assert len(plan.phases) == 1000
    assert [p.progress.total for p in plan.phases[:3]] == [1, 1, 1]


def test_many_items_cost_the_same_each() -> None:
    _, plan = assert_linear(lambda n: "# Plan\n\n" + "- [ ] i\n" * n, 500)
    assert plan.progress.open == 2000


def test_nested_and_mixed_lists_cost_the_same_per_item() -> None:
    def make(n: int) -> str:
        block = "- [ ] a\n  - [x] b\n    1. [ ] c\n> - [ ] quoted\n\n"
        return "# Plan\n\n## Phase 1: x\n\n" + block * n

    _, plan = assert_linear(make, 100)
    assert plan.progress.total == 1600


# --------------------------------------------------------------------------- the item path


def test_one_line_items_take_a_short_path() -> None:
    """A plain one-line item costs under 120 lines of parser code (86 today; it was 249,
    and 1M items took 16 s and 717 MB)."""
    lines, plan = cost("# Plan\n\n" + "- [ ] item\n" * 2000)
    assert plan.progress.open == 2000
    assert lines / 2000 < 120, f"{lines / 2000:.0f} lines of parser code per item"


def test_memory_is_proportional_to_the_items() -> None:
    text = "# Plan\n\n" + "- [ ] item text here\n" * 20_000
    tracemalloc.start()
    try:
        plan = parse_plan("plan.md", text.encode())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert plan.progress.open == 20_000
    assert peak / 20_000 < 1500, f"{peak / 20_000:.0f} bytes per item at the peak"


def test_make_item_makes_the_same_item_as_the_class() -> None:
    from goaldash.parse.items import make_item

    args = (7, 4, ItemState.DONE, "x", "text", 1, "2", "Phase 2 › Exit", 3)
    fast, slow = make_item(*args), Item(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(AttributeError):
        fast.line = 8  # type: ignore[misc]  # still frozen


# --------------------------------------------------------------------------- deep nesting


def _nested(depth: int) -> str:
    return "# Plan\n\n" + "".join("  " * i + f"- [ ] level {i}\n" for i in range(depth))


def test_deep_lists_give_their_items_or_a_warning_naming_what_was_not_read() -> None:
    for depth in (20, 40, 200):
        plan = parse_plan("plan.md", _nested(depth).encode())
        lost = depth - plan.progress.total
        unread = [w for w in plan.warnings if "nested too deeply" in w.message]
        if lost == 0:
            assert not unread
            continue
        assert len(unread) == 1, plan.warnings
        assert unread[0].line == 3 + plan.progress.total
        assert f"{lost:,} checkboxes there not counted" in unread[0].message


def _too_deep(plan: Plan) -> list[str]:
    return [f"{w.line}: {w.message}" for w in plan.warnings if "nested too deeply" in w.message]


def test_deep_quotes_on_one_line_give_a_warning() -> None:
    for text in ("> " * 5000 + "- [ ] deep\n", ">" * 5000 + " - [ ] deep\n"):
        plan = parse_plan("plan.md", ("# Plan\n\n" + text + "\n- [x] after\n").encode())
        assert plan.progress.done == 1  # the quote ends at the blank line: the rest is read
        assert _too_deep(plan) == [
            "3: line 3 is nested too deeply to read (30 lists or 60 quotes deep, or more): "
            "1 checkbox there not counted"
        ]


def test_deep_lists_on_one_line_give_a_warning_to_the_end_of_the_list() -> None:
    # As in markdown-it, what is too deep is skipped to the end of the enclosing list: here
    # the rest of the file, since the list goes on after the blank line.
    text = "# Plan\n\n" + "- " * 5000 + "[ ] deep\n\n- [x] after\n\n# Next\n\n- [ ] more\n"
    plan = parse_plan("plan.md", text.encode())
    assert plan.progress.total == 0
    assert _too_deep(plan) == [
        "3: lines 3-9 are nested too deeply to read (30 lists or 60 quotes deep, or more): "
        "3 checkboxes there not counted"
    ]


def test_deep_nesting_with_a_tab_goes_to_markdown_it_and_warns_the_same() -> None:
    text = _nested(40).replace("level 0", "level\t0")
    plan = parse_plan("plan.md", text.encode())
    assert plan.progress.total == 29
    assert any("11 checkboxes there not counted" in w.message for w in plan.warnings)


# --------------------------------------------------------------------------- frontmatter

_BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "title: *i\nowner: *i\ncreated: *i\n"
    "---\n# The plan\n\n- [ ] x\n"
)


@pytest.fixture(params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each frontmatter test runs with libyaml's loader and with PyYAML's own."""
    import yaml

    from goaldash.parse import frontmatter

    if request.param == "python":
        monkeypatch.setattr(frontmatter, "_LOADER", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("libyaml is not installed")
    return str(request.param)


def _frontmatter_warnings(plan: Plan) -> list[str]:
    return [w.message for w in plan.warnings if w.kind == "frontmatter"]


def test_a_yaml_bomb_is_refused_before_it_expands(loader: str) -> None:
    plan = parse_plan("plan.md", _BOMB.encode())  # 29 s and 2.7 GB before
    assert _frontmatter_warnings(plan) == [
        "frontmatter not read: its aliases expand to more than 100,000 values"
    ]
    assert plan.title == "The plan" and plan.owner is None and plan.dates.anchor is None
    assert plan.progress.open == 1


def test_the_alias_budget_stops_the_weighing_itself(loader: str) -> None:
    from goaldash.parse import frontmatter

    head = _BOMB.split("---\n")[1]
    with pytest.raises(frontmatter._Refused):
        frontmatter._load(head)
    # The budget is in values and characters: a wide but honest use of aliases is read.
    fields, problem = frontmatter.load(
        "base: &b {owner: Ann, team: core}\n"
        + "".join(f"p{i}: *b\n" for i in range(300))
        + "title: &t Billing\nname: *t\n"
    )
    assert problem is None and fields["title"] == fields["name"] == "Billing"
    assert fields["p299"] == {"owner": "Ann", "team": "core"}


def test_a_value_that_contains_itself_is_refused(loader: str) -> None:
    plan = parse_plan("plan.md", b"---\na: &a [1, *a]\ntitle: T\n---\n# P\n- [ ] x\n")
    assert _frontmatter_warnings(plan) == [
        "frontmatter not read: an alias refers to a value that contains it"
    ]
    assert plan.title == "P"


def test_deep_frontmatter_is_refused(loader: str) -> None:
    deep = "---\ntitle: " + "[" * 70 + "]" * 70 + "\n---\n# P\n"
    assert _frontmatter_warnings(parse_plan("plan.md", deep.encode())) == [
        "frontmatter not read: nested deeper than 64 levels"
    ]
    fine = "---\ntitle: T\nx: " + "[" * 30 + "]" * 30 + "\n---\n# P\n"
    plan = parse_plan("plan.md", fine.encode())
    assert not _frontmatter_warnings(plan) and plan.title == "T"


def test_huge_frontmatter_is_not_read() -> None:
    big = "---\n" + "".join(f"key{i}: value {i}\n" for i in range(30_000)) + "title: big\n---\n"
    plan = parse_plan("plan.md", (big + "# Plan\n\n- [ ] x\n").encode())
    assert _frontmatter_warnings(plan) == ["frontmatter not read: 623 KB, over the 256 KB limit"]
    assert plan.title == "Plan" and plan.progress.open == 1


RAN: list[object] = []


def note_ran(*args: object) -> None:
    RAN.append(args)


def test_python_tags_never_run(loader: str) -> None:
    text = (
        "---\ntitle: !!python/object/apply:tests.test_hostile.note_ran [pwned]\n"
        "owner: !!python/name:tests.test_hostile.note_ran\nstatus: active\n---\n# P\n- [ ] x\n"
    )
    plan = parse_plan("plan.md", text.encode())
    assert RAN == []
    assert _frontmatter_warnings(plan)[0].startswith("frontmatter is not valid YAML")


# --------------------------------------------------------------------------- JSON of many items


def test_a_plans_json_writes_its_items_as_json_dumps_would() -> None:
    """`fragment` writes the items itself (a million of them took 2.4 s through dicts and
    json.dumps); the text must be json's, byte for byte, whatever the items hold."""
    import json

    from goaldash.report.jsonout import fragment, plan_to_dict
    from goaldash.text import utf8_text

    text = (
        '# P\n\n- [ ] before any phase\n\n## Phase 1: "q" 100% %s\n\n### Exit %d gate\n\n'
        '- [ ] a "quote" \\ back \u2028 sep \x1b esc \x07 bel\n'
        "- [x] é ü 中文 😀\n  - [-] nested </script>\n- [~] \n"
    )
    plan = parse_plan("plan.md", text.encode())
    assert len(plan.items) == 5 and {i.phase for i in plan.items} == {None, "1"}
    expected = utf8_text(json.dumps(plan_to_dict(plan), ensure_ascii=False))
    assert fragment(plan) == expected
    empty = parse_plan("plan.md", b"# P\n\n| Phase | Status |\n|---|---|\n| 1 | done |\n")
    assert fragment(empty) == utf8_text(json.dumps(plan_to_dict(empty), ensure_ascii=False))


ITEM_LINES = [
    "- [ ] plain",
    "- [x] done",
    "- [-] doing",
    "- [ ] Phase 9: a declaration",
    "- [ ] fix the stage lights",
    "- [ ] BLOCKED by the vendor",
    "- [ ] (blocked) on review",
    "- [ ] ⛔ stuck",
    "- [ ] impact: +3 days",
    "- [x] 2026-01-10: Backfill batched - Source load - Impact: +3 days",
    "- [ ] [Owner] to fill in",
    "- [ ] due YYYY-MM-DD",
    "- [ ] **bold** text",
    "- [ ] naïve café",
    "- [x] milestone reached",
    "  - [ ] nested",
    "- plain bullet",
    "",
    "## Blockers",
    "## Phase 2: Build",
    "**Exit gate:**",
    "## Timeline adjustments",
]


@pytest.mark.parametrize("seed", range(40))
def test_items_made_in_bulk_are_the_items_read_one_by_one(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run of plain items is made in bulk (`itemruns`); anything in it that needs a closer
    look sends the run to the item-by-item reading. Both give the same plan."""
    import random

    from goaldash.parse import plan as plan_module

    rng = random.Random(seed)
    lines = ["# Plan", ""]
    for _ in range(rng.randint(1, 30)):
        if rng.random() < 0.6:
            lines.extend(["- [ ] plain item"] * rng.randint(1, 40))
        lines.append(rng.choice(ITEM_LINES))
    data = ("\n".join(lines) + "\n").encode()
    bulk = parse_plan("plan.md", data)
    monkeypatch.setattr(plan_module, "plain_items", lambda *args: None)
    assert parse_plan("plan.md", data) == bulk


@pytest.mark.parametrize("case", [str.lower, str.title, str.upper])
def test_every_phase_keyword_in_a_run_of_items_is_read(
    case: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick checks before `parse_phase` (and the bulk making of items) know every keyword
    the phase pattern knows, in any case: an item declaring a phase is never skipped."""
    from goaldash.parse import plan as plan_module
    from goaldash.parse.idforms import KEYWORDS

    for keyword in KEYWORDS:
        line = f"- [x] {case(keyword)} 7: the name"
        data = ("# Plan\n\n" + "- [ ] plain\n" * 5 + line + "\n" + "- [ ] plain\n" * 5).encode()
        plan = parse_plan("plan.md", data)
        kind = KEYWORDS[keyword]
        assert [p.id for p in plan.phases] == ["M7" if kind == "milestone" else "7"], keyword
        with monkeypatch.context() as m:
            m.setattr(plan_module, "plain_items", lambda *args: None)
            assert parse_plan("plan.md", data) == plan
