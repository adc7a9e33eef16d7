"""Ticking items in place: one byte changes, or nothing does.

The offsets the tests expect are worked out here independently of `goaldash.edit`: by the
generator that placed each checkbox, or from the parser's line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goaldash.edit import set_item_state, undo
from goaldash.edit.locate import locate as locate_item
from goaldash.parse import fingerprint
from tests.conftest import CORPUS, needs_corpus
from tests.edit.helpers import (
    BOM,
    items_of,
    mark_offset,
    next_mark,
    one_byte_changed,
    write,
)

# -- generated documents -------------------------------------------------------------------


@dataclass
class Doc:
    data: bytes
    boxes: dict[int, tuple[int, str]]
    """Line -> (byte offset of the mark, mark) of every checkbox written outside code."""
    fakes: set[int]
    """Lines of checkboxes written inside code blocks."""


TEXT = st.lists(
    st.one_of(
        st.text(
            st.characters(exclude_categories=["Cs"], exclude_characters="\r\n\x00"), max_size=6
        ).map(lambda s: s.encode("utf-8")),
        st.sampled_from([b"\xe9", b"\xff\xfe", b"\x80", b"caf\xc3\xa9", "✅ 完成".encode()]),
    ),
    max_size=4,
).map(b"".join)
MARK = st.sampled_from([" ", "x", "X", "-", "~", "/"])
ITEM = st.tuples(
    st.sampled_from(["", "", "  ", "    ", "   ", "\t", "  > ", "> "]),
    st.sampled_from(["-", "*", "+", "1.", "2)", "10."]),
    st.sampled_from([" ", " ", "\t"]),
    MARK,
    TEXT,
)
# Each block is a list of (line bytes, (mark offset within the line, mark) or "fake" or None).
Line = tuple[bytes, tuple[int, str] | str | None]


def _item_block(spec: tuple[str, str, str, str, bytes]) -> list[Line]:
    indent, marker, sep, mark, text = spec
    prefix = f"{indent}{marker}{sep}".encode()
    body = prefix + b"[" + mark.encode() + b"]" + (b" " + text if text else b"")
    return [(body, (len(prefix) + 1, mark))]


OTHER_BLOCK = st.one_of(
    TEXT.map(lambda t: [(b"Some " + t, None)]),
    TEXT.map(lambda t: [(b"## " + t, None)]),
    st.just([(b"", None)]),
    st.tuples(st.sampled_from([b"```", b"~~~~"]), MARK).map(
        lambda f: [
            (f[0], None),
            (b"- [" + f[1].encode() + b"] FAKEBOX", "fake"),
            (b"  * [x] FAKEBOX", "fake"),
            (f[0], None),
        ]
    ),
    # After a heading and a blank line, four spaces of indentation make an indented code block.
    st.just([(b"# Code", None), (b"", None), (b"    - [ ] FAKEBOX", "fake"), (b"", None)]),
)
# Items are drawn two times in three: they are what is under test.
BLOCK = st.integers(0, 2).flatmap(lambda k: ITEM.map(_item_block) if k else OTHER_BLOCK)


@st.composite
def documents(draw: st.DrawFn) -> Doc:
    blocks = draw(st.lists(BLOCK, min_size=1, max_size=20))
    lines = [line for block in blocks for line in block]
    bom = draw(st.booleans())
    final_newline = draw(st.booleans())
    out = bytearray(BOM if bom else b"")
    boxes: dict[int, tuple[int, str]] = {}
    fakes: set[int] = set()
    previous = b""
    for number, (body, what) in enumerate(lines, start=1):
        start = len(out)
        out += body
        if isinstance(what, tuple):
            boxes[number] = (start + what[0], what[1])
        elif what == "fake":
            fakes.add(number)
        if number == len(lines) and not final_newline:
            break
        ending = draw(st.sampled_from([b"\n", b"\r\n", b"\r"]))
        if previous == b"\r" and not body and ending == b"\n":
            ending = b"\r\n"  # a lone CR then an empty line's LF would read as one CRLF
        out += ending
        previous = ending
    return Doc(bytes(out), boxes, fakes)


@pytest.mark.usefixtures("quick_ticks")
@given(doc=documents())
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_item_of_generated_documents_toggles_one_byte(tmp_path: Path, doc: Doc) -> None:
    path = tmp_path / "plan.md"
    items = items_of(doc.data)
    assert not {i.line for i in items} & doc.fakes, "a checkbox inside code was read as an item"
    for item in items:
        assert item.line in doc.boxes, f"item on line {item.line} where no box was written"
        offset, mark = doc.boxes[item.line]
        assert item.mark == mark
        assert mark_offset(doc.data, item) == offset
        write(path, doc.data)
        result = set_item_state(path, item.line, None)
        after = path.read_bytes()
        assert one_byte_changed(doc.data, after, offset, next_mark(mark, items))
        assert (result.line, result.old_mark, result.moved) == (item.line, mark, False)
        assert result.fingerprint == fingerprint(after)
        if mark == " ":
            set_item_state(path, item.line, None)  # a second toggle gives the bytes back
        else:
            undo(result)  # `[x]`, `[X]`, `[~]`, `[/]` and `[-]` come back through undo
        assert path.read_bytes() == doc.data
    assert not [p for p in tmp_path.iterdir() if p.name != "plan.md"]


# -- the shared corpus ----------------------------------------------------------------------


@needs_corpus
@pytest.mark.usefixtures("quick_ticks")
def test_every_item_of_the_corpus_ticks_one_byte(tmp_path: Path) -> None:
    """Every item's mark is found at the byte the parser's line and column give; every
    seventh is ticked through the whole write path (each write costs a file's creation and
    deletion, and the corpus has thousands of items)."""
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".tsv")
    located = ticked = 0
    for number, source in enumerate(files):
        copy = tmp_path / f"{number}-{source.name}"
        original = source.read_bytes()
        write(copy, original)
        items = items_of(original)
        for k, item in enumerate(items):
            where = f"{source.relative_to(CORPUS)}:{item.line}"
            found = locate_item(
                original, "x.md", fingerprint(original), item.line, item.text, False, "x"
            )
            assert found.offset == mark_offset(original, item), where
            located += 1
            if k % 7:
                continue
            result = set_item_state(copy, item.line, None)
            after = copy.read_bytes()
            want = next_mark(item.mark, items)
            assert one_byte_changed(original, after, found.offset, want), where
            assert result.changed and not result.moved
            write(copy, original)  # put the byte back without another parse
            ticked += 1
    assert located > 1000 and ticked > 100
