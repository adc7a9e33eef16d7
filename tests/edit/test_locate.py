"""Finding the item a tick changes, without walking more of the file than it must; ticking the
way the file writes its own done items."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from goaldash.edit import set_item_state, undo
from goaldash.parse import marks as marks_module
from goaldash.parse import parse_plan
from goaldash.parse.marks import marks_near, task_marks, window
from tests.conftest import CORPUS, SEEDS, needs_corpus
from tests.edit.test_one_byte import Doc, documents

# The module, not the function of the same name that `goaldash.edit` exports.
locate_module = importlib.import_module("goaldash.edit.locate")


def _items(data: bytes) -> list[tuple[int, int, str, str]]:
    return [(i.line, i.column, i.mark, i.text) for i in parse_plan("plan.md", data).items]


def _marks(data: bytes) -> list[tuple[int, int, str, str]]:
    return [(m.line, m.column, m.mark, m.text) for m in task_marks(data)]


@given(doc=documents())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_task_marks_are_the_parsers_items(doc: Doc) -> None:
    assert _marks(doc.data) == _items(doc.data)


def _near(data: bytes, line: int) -> list[tuple[int, int, str, str]] | None:
    near = marks_near(data, line)
    return None if near is None else [(m.line, m.column, m.mark, m.text) for m in near]


@given(doc=documents())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_lines_around_an_item_decide_it(doc: Doc) -> None:
    """The walk of a line's window finds exactly what the whole file has on that line."""
    full = _marks(doc.data)
    lines = len(re.split(rb"\r\n|\r|\n", doc.data))
    for line in range(1, lines + 1):
        near = _near(doc.data, line)
        if near is None:
            continue
        assert [m for m in near if m[0] == line] == [m for m in full if m[0] == line], line


@needs_corpus
def test_task_marks_are_the_parsers_items_on_the_corpus() -> None:
    files = [p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".tsv"]
    files += [p for p in SEEDS.glob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        assert _marks(data) == _items(data), path.name
        for item in task_marks(data)[::7]:
            near = marks_near(data, item.line)
            if near is not None:
                assert item in near, f"{path.name}:{item.line}"


@pytest.mark.parametrize(
    "trap",
    [
        b"- [x] target\n  ---\n",  # a setext underline: the item is a heading, not a task
        b"- [ ] target | b\n  --- | ---\n",  # a table in the item
        b"- [x]: /url\n",  # a link reference definition, not a task
        b"```\n- [ ] target\n",  # inside an unclosed fence
    ],
)
def test_what_follows_a_line_in_its_paragraph_is_read(trap: bytes) -> None:
    data = b"# Plan\n\n- [ ] before\n" + trap + b"\n- [ ] after\n" + b"- [ ] filler\n" * 10
    line = 4
    assert _near(data, line) is not None
    assert [m for m in _near(data, line) or [] if m[0] == line] == [
        m for m in _marks(data) if m[0] == line
    ]


@pytest.mark.parametrize(
    ("head", "start"),
    [
        (b"# Plan\n\n- [ ] a\n- [ ] b\n## Two\n\n  - [ ] c\n", 5),  # from the last heading
        (b"# Plan\n\n- [ ] a\n- [ ] b\n  - [ ] c\n", 4),  # from the last bullet
        (b"# Plan\n\n- [ ] a\n- [ ] b\n", 4),  # the item's own line
        (b"# Plan\n\n```\n- [ ] a\n```\n- [ ] c\n", 1),  # a fence before: from the top
        (b"# Plan\n\n<!--\n- [ ] a\n-->\n- [ ] c\n", 1),  # an HTML block: from the top
        (b"---\ntitle: x\n---\n- [ ] c\n", None),  # front matter: the whole file
    ],
)
def test_where_the_walk_of_a_line_starts(head: bytes, start: int | None) -> None:
    data = head + b"\n" + b"- [ ] filler\n" * 5
    line = head.count(b"\n")
    got = window(data, line)
    assert (got[2] if got else None) == start


def _big(head: bytes, items: int = 20_000) -> bytes:
    return head + b"".join(b"- [ ] filler %d\n" % i for i in range(items))


def test_a_tick_in_a_big_plan_walks_only_the_lines_around_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _big(b"# Plan\n\n## Phase 1\n\n- [ ] first\n- [ ] second\n\n")
    path = tmp_path / "plan.md"
    path.write_bytes(data)
    walked: list[int] = []
    real = marks_module.task_marks

    def spy(chunk: bytes) -> list[marks_module.Mark]:
        walked.append(len(chunk))
        return real(chunk)

    monkeypatch.setattr(locate_module, "task_marks", spy)
    monkeypatch.setattr(marks_module, "task_marks", spy)
    set_item_state(path, 6, None, expect_text="second")
    assert path.read_bytes() == data.replace(b"- [ ] second", b"- [x] second")
    assert walked and max(walked) < 100  # the top lines, not 20,000 items
    # The file changed under the caller (a line was added above): the item's text is on one
    # line only, so that line's prefix decides it, again without walking the rest.
    path.write_bytes(b"intro\n" + path.read_bytes())
    walked.clear()
    again = set_item_state(path, 6, None, expect_text="second", expect_fingerprint="stale")
    assert (again.line, again.moved) == (7, True)
    assert max(walked) < 100
    assert path.read_bytes() == b"intro\n" + data
    # An item far down: the walk starts at the last line that resets the blocks.
    walked.clear()
    deep = set_item_state(path, 15_009, None, expect_text="filler 15000")
    assert deep.line == 15_009 and max(walked) < 100


def test_a_text_on_several_lines_is_checked_on_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _big(b"# Plan\n\n- [ ] twin\n\n```\n- [ ] twin\n```\n\n")
    path = tmp_path / "plan.md"
    path.write_bytes(data)
    walked: list[int] = []
    real = marks_module.task_marks
    for module in (locate_module, marks_module):
        monkeypatch.setattr(
            module, "task_marks", lambda chunk: walked.append(len(chunk)) or real(chunk)
        )
    result = set_item_state(path, 3, None, expect_text="twin", expect_fingerprint="stale")
    assert max(walked) == len(data)  # the one in code is no item: only the whole file says so
    assert (result.line, result.moved) == (3, False)


@pytest.mark.parametrize(
    ("data", "line", "written"),
    [
        (b"- [X] a\n- [ ] b\n", 2, b"X"),  # spec-kit writes done as [X]
        (b"- [x] a\n- [ ] b\n", 2, b"x"),
        (b"- [X] a\n- [X] b\n- [x] c\n- [ ] d\n", 4, b"X"),  # both: the more common one
        (b"- [X] a\n- [x] b\n- [ ] d\n", 3, b"x"),  # as many of each: x
        (b"- [ ] a\n", 1, b"x"),  # no done item yet
        (b"- [X] a\n- [/] b\n", 2, b"X"),  # in progress -> done
    ],
)
def test_a_tick_writes_done_the_way_the_file_does(
    tmp_path: Path, data: bytes, line: int, written: bytes
) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(data)
    result = set_item_state(path, line, None)
    after = path.read_bytes()
    offset = after.split(b"\n")[line - 1].index(b"[") + 1
    assert after.split(b"\n")[line - 1][offset : offset + 1] == written
    assert result.new_mark == written.decode()
    undo(result)
    assert path.read_bytes() == data


def test_two_ticks_give_back_the_original_in_a_capital_x_file(tmp_path: Path) -> None:
    data = b"- [X] done\n- [ ] open\n- [X] also done\n"
    path = tmp_path / "tasks.md"
    path.write_bytes(data)
    set_item_state(path, 2, None)
    assert path.read_bytes() == b"- [X] done\n- [X] open\n- [X] also done\n"
    set_item_state(path, 2, None)
    assert path.read_bytes() == data
    set_item_state(path, 1, None)
    set_item_state(path, 1, None)
    assert path.read_bytes() == data
