"""Ticking items in place: one byte changes, or nothing does.

The offsets the tests expect are worked out here independently of `goaldash.edit`: by the
generator that placed each checkbox, or from the parser's line and column.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goaldash import edit, kernel
from goaldash.cli import main as goaldash_main
from goaldash.edit import EditError, EditResult, commit, set_item_state, undo
from goaldash.edit.locate import locate as locate_item
from goaldash.model import Item, ItemState
from goaldash.parse import fingerprint, parse_plan
from tests.conftest import CORPUS, needs_corpus

BOM = b"\xef\xbb\xbf"
TOGGLED_MARK = {" ": b"x", "x": b" ", "X": b" ", "-": b"x", "~": b"x", "/": b"x"}


def items_of(data: bytes) -> tuple[Item, ...]:
    return parse_plan("plan.md", data).items


def next_mark(mark: str, items: tuple[Item, ...]) -> bytes:
    """What a toggle writes: open and in progress become done, done becomes open; done is
    `X` in a file whose done items mostly say `[X]`, else `x`."""
    if mark in "xX":
        return b" "
    upper = sum(1 for i in items if i.mark == "X")
    lower = sum(1 for i in items if i.mark == "x")
    return b"X" if upper > lower else b"x"


def mark_offset(data: bytes, item: Item) -> int:
    """Byte offset of an item's mark from its line and character column.

    Everything before the mark on its line is ASCII (indentation, `>`, list markers), so the
    column in characters is the column in bytes; the BOM is not part of line 1's text.
    """
    bom = 3 if data.startswith(BOM) else 0
    starts = [0] + [m.end() for m in re.finditer(rb"\r\n|\r|\n", data[bom:])]
    return bom + starts[item.line - 1] + item.column - 1


def one_byte_changed(before: bytes, after: bytes, offset: int, new: bytes) -> bool:
    """True when `after` is `before` with only the byte at `offset` replaced by `new`."""
    return (
        len(after) == len(before)
        and after[:offset] == before[:offset]
        and after[offset : offset + 1] == new
        and after[offset + 1 :] == before[offset + 1 :]
        and before[offset : offset + 1] != new
    )


def toggle_main(argv: list[str]) -> int:
    """`goaldash toggle ARGV` in this process."""
    return goaldash_main(["toggle", *argv])


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def run_toggle(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from goaldash.cli import main; sys.exit(main(['toggle', *sys.argv[1:]]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, check=False
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


# -- one write, known content ---------------------------------------------------------------


def test_line_endings_bom_and_no_final_newline_survive(tmp_path: Path) -> None:
    data = BOM + b"# Plan\r\n\r\n- [ ] one\t \r- [x] two  \n\t- [ ] three caf\xc3\xa9"
    path = write(tmp_path / "plan.md", data)
    result = set_item_state(path, 3, None)
    assert path.read_bytes() == data.replace(b"[ ] one", b"[x] one")
    assert (result.old_mark, result.new_mark, result.state, result.text) == (
        " ",
        "x",
        ItemState.DONE,
        "one",
    )
    set_item_state(path, 5, ItemState.DONE)
    assert path.read_bytes().endswith(b"\t- [x] three caf\xc3\xa9")


def test_first_line_with_bom(tmp_path: Path) -> None:
    data = BOM + b"- [ ] first\n"
    path = write(tmp_path / "plan.md", data)
    set_item_state(path, 1, None)
    assert path.read_bytes() == BOM + b"- [x] first\n"


def test_not_utf8_file_is_patched_byte_for_byte(tmp_path: Path) -> None:
    data = (
        b"# Plan \xe9t\xe9 \xc3\xa9t\xc3\xa9\n"
        b"- [ ] caf\xe9 \xff cr\xe8me \xe2\x9c\x85\r\n"
        b"> 1. [x] na\xefve \x80\n"
    )
    path = write(tmp_path / "plan.md", data)
    set_item_state(path, 2, None)
    assert path.read_bytes() == data.replace(b"[ ] caf", b"[x] caf")
    set_item_state(path, 3, ItemState.IN_PROGRESS)
    assert path.read_bytes() == data.replace(b"[ ] caf", b"[x] caf").replace(b"[x] na", b"[-] na")


def test_states_can_be_set(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    assert set_item_state(path, 1, ItemState.IN_PROGRESS).new_mark == "-"
    assert path.read_bytes() == b"- [-] a\n"
    assert set_item_state(path, 1, ItemState.DONE).new_mark == "x"
    assert path.read_bytes() == b"- [x] a\n"
    assert set_item_state(path, 1, ItemState.OPEN).new_mark == " "
    assert path.read_bytes() == b"- [ ] a\n"


def test_already_in_state_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [X] a\n- [~] b\n")
    before = path.stat()
    for line, state in ((1, ItemState.DONE), (2, ItemState.IN_PROGRESS)):
        result = set_item_state(path, line, state)
        assert not result.changed
    assert path.read_bytes() == b"- [X] a\n- [~] b\n"
    assert path.stat().st_ino == before.st_ino


def test_toggle_rules(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [X] upper\n- [~] doing\n- [/] doing too\n- [-] dash\n")
    assert set_item_state(path, 1, None).new_mark == " "  # [X] -> [ ]
    for line in (2, 3, 4):
        result = set_item_state(path, line, None)
        assert (result.new_mark, result.state) == ("x", ItemState.DONE)
    assert path.read_bytes() == b"- [ ] upper\n- [x] doing\n- [x] doing too\n- [x] dash\n"


def test_undo_restores_the_exact_mark(tmp_path: Path) -> None:
    data = b"- [X] upper\n- [~] doing\n"
    path = write(tmp_path / "plan.md", data)
    first = set_item_state(path, 1, None)
    second = set_item_state(path, 2, None)
    undo(second)
    undo(first)
    assert path.read_bytes() == data


def test_undo_refuses_when_the_mark_changed_since(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    result = set_item_state(path, 1, None)
    write(path, b"- [-] a\n")  # the user changed the mark in an editor
    with pytest.raises(EditError) as info:
        undo(result)
    assert not info.value.usage
    assert path.read_bytes() == b"- [-] a\n"


def test_parent_is_never_ticked(tmp_path: Path) -> None:
    data = b"- [ ] parent\n  - [ ] child one\n  - [ ] child two\n"
    path = write(tmp_path / "plan.md", data)
    set_item_state(path, 2, None)
    set_item_state(path, 3, None)
    assert path.read_bytes() == b"- [ ] parent\n  - [x] child one\n  - [x] child two\n"


# -- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"# Plan\n\n```\n- [ ] fake\n```\n", 4),
        (b"# Plan\n\n~~~md\n  - [x] fake\n~~~\n", 4),
        (b"# Plan\n\n    - [ ] indented code\n", 3),
        (b"# Plan\n\nJust text [ ] here\n", 3),
        (b"- not a task\n", 1),
        (b"", 1),
    ],
)
def test_not_a_task_item_is_refused(tmp_path: Path, data: bytes, line: int) -> None:
    path = write(tmp_path / "plan.md", data)
    with pytest.raises(EditError) as info:
        set_item_state(path, line, None)
    assert info.value.usage is (not data)
    assert path.read_bytes() == data


def test_line_out_of_range(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n- [ ] b\n")
    for line in (3, 99, 0, -1):
        with pytest.raises(EditError) as info:
            set_item_state(path, line, None)
        assert info.value.usage
        assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for path in (tmp_path / "nope.md", tmp_path):
        with pytest.raises(EditError) as info:
            set_item_state(path, 1, None)
        assert info.value.usage
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "gone.md")
    with pytest.raises(EditError) as info:
        set_item_state(dangling, 1, None)
    assert info.value.usage


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    path.chmod(0o444)
    with pytest.raises(EditError) as info:
        set_item_state(path, 1, None)
    assert not info.value.usage
    assert "read-only" in str(info.value)
    assert path.read_bytes() == b"- [ ] a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write any folder"
)
def test_folder_not_writable_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = write(folder / "plan.md", b"- [ ] a\n")
    folder.chmod(0o555)
    try:
        with pytest.raises(EditError) as info:
            set_item_state(path, 1, None)
        assert not info.value.usage
        assert path.read_bytes() == b"- [ ] a\n"
    finally:
        folder.chmod(0o755)


@pytest.mark.usefixtures("copy_and_swap")
def test_folder_refusal_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same refusal with os.access told to deny the folder, so root runs it too (when
    the file is copied and swapped: a file patched in place needs no folder)."""
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    real_access = os.access

    def access(target: object, mode: int) -> bool:
        if Path(str(target)) == tmp_path:
            return False
        return real_access(target, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(edit.os, "access", access)
    with pytest.raises(EditError) as info:
        set_item_state(path, 1, None)
    assert not info.value.usage
    assert "cannot write in its folder" in str(info.value)
    assert path.read_bytes() == b"- [ ] a\n"


def test_a_file_patched_in_place_needs_no_writable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that has no other reader open, or another hard link, is patched in place."""
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    os.link(path, tmp_path / "other.md")
    real_access = os.access
    monkeypatch.setattr(
        edit.os,
        "access",
        lambda target, mode: False if Path(str(target)) == tmp_path else real_access(target, mode),
    )
    set_item_state(path, 1, None)
    assert (tmp_path / "other.md").read_bytes() == b"- [x] a\n"


# -- the file changes between read and write ------------------------------------------------


def test_moved_item_is_found_by_its_text(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n- [ ] b\n")
    seen = fingerprint(path.read_bytes())
    edited = b"# Added in the editor\n\n- [ ] a\n- [ ] b\n"
    write(path, edited)
    result = set_item_state(path, 2, None, expect_text="b", expect_fingerprint=seen)
    assert (result.line, result.moved) == (4, True)
    assert path.read_bytes() == b"# Added in the editor\n\n- [ ] a\n- [x] b\n"


def test_changed_file_but_item_in_place_and_unique(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n- [ ] b\n")
    seen = fingerprint(path.read_bytes())
    write(path, b"- [x] a\n- [ ] b\n")  # another item ticked in the editor
    result = set_item_state(path, 2, None, expect_text="b", expect_fingerprint=seen)
    assert (result.line, result.moved) == (2, False)
    assert path.read_bytes() == b"- [x] a\n- [x] b\n"


def test_text_only_expectation_finds_a_moved_item(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] new\n- [ ] a\n- [ ] b\n")
    result = set_item_state(path, 1, None, expect_text="a")
    assert (result.line, result.moved) == (2, True)
    assert path.read_bytes() == b"- [ ] new\n- [x] a\n- [ ] b\n"


def test_duplicate_items_are_refused_when_the_file_changed(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"## One\n- [ ] Tests pass\n## Two\n- [ ] Tests pass\n")
    seen = fingerprint(path.read_bytes())
    edited = b"Intro\n## One\n- [ ] Tests pass\n## Two\n- [ ] Tests pass\n"
    write(path, edited)
    with pytest.raises(EditError) as info:
        set_item_state(path, 4, None, expect_text="Tests pass", expect_fingerprint=seen)
    assert not info.value.usage
    assert "cannot tell which" in str(info.value)
    assert path.read_bytes() == edited  # nothing written, the editor's change kept


def test_changed_file_without_text_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    seen = fingerprint(path.read_bytes())
    write(path, b"- [ ] a\n- [ ] b\n")
    with pytest.raises(EditError) as info:
        set_item_state(path, 1, None, expect_fingerprint=seen)
    assert not info.value.usage
    assert path.read_bytes() == b"- [ ] a\n- [ ] b\n"


def test_vanished_item_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n- [ ] b\n")
    seen = fingerprint(path.read_bytes())
    write(path, b"- [ ] a\n- [ ] renamed\n")
    with pytest.raises(EditError) as info:
        set_item_state(path, 2, None, expect_text="b", expect_fingerprint=seen)
    assert not info.value.usage
    assert path.read_bytes() == b"- [ ] a\n- [ ] renamed\n"


@pytest.mark.usefixtures("copy_and_swap")
def test_save_landing_during_the_write_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves after our read, while the temporary file is written: start over."""
    path = write(tmp_path / "plan.md", b"- [ ] a\n- [ ] b\n")
    seen = fingerprint(path.read_bytes())
    real_mkstemp = tempfile.mkstemp
    saves: list[int] = []

    def mkstemp_and_save(*args: object, **kwargs: object) -> tuple[int, str]:
        if not saves:
            saves.append(1)
            # The editor saves the atomic way (a new file renamed over the old one): an
            # in-place save from this thread would wait on the lease the tick holds.
            write(tmp_path / "editor.tmp", b"- [ ] added\n- [ ] a\n- [ ] b\n")
            os.replace(tmp_path / "editor.tmp", path)
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(commit.tempfile, "mkstemp", mkstemp_and_save)
    result = set_item_state(path, 2, None, expect_text="b", expect_fingerprint=seen)
    assert (result.line, result.moved) == (3, True)
    assert path.read_bytes() == b"- [ ] added\n- [ ] a\n- [x] b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


# -- the file keeps its identity -------------------------------------------------------------


def test_symlink_stays_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = write(tmp_path / "real" / "plan.md", b"- [ ] a\n")
    link = tmp_path / "plan.md"
    link.symlink_to(Path("real") / "plan.md")
    result = set_item_state(link, 1, None)
    assert result.path == link
    assert link.is_symlink()
    assert os.readlink(link) == str(Path("real") / "plan.md")
    assert target.read_bytes() == b"- [x] a\n"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["plan.md"]


def test_hard_link_is_patched_in_place(tmp_path: Path) -> None:
    first = write(tmp_path / "plan.md", b"- [ ] a\n")
    second = tmp_path / "other.md"
    os.link(first, second)
    inode = first.stat().st_ino
    set_item_state(first, 1, None)
    assert first.read_bytes() == second.read_bytes() == b"- [x] a\n"
    assert first.stat().st_ino == second.stat().st_ino == inode
    assert first.stat().st_nlink == 2


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o755, 0o664])
def test_mode_is_kept(tmp_path: Path, mode: int) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    path.chmod(mode)
    set_item_state(path, 1, None)
    assert path.stat().st_mode & 0o7777 == mode
    assert path.read_bytes() == b"- [x] a\n"


@pytest.mark.usefixtures("copy_and_swap")
def test_temporary_file_is_named_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    real_exchange = kernel.exchange
    seen: list[str] = []

    def spy(src: str, dst: str) -> bool:
        seen.append(str(src))
        return real_exchange(src, dst)

    monkeypatch.setattr(kernel, "exchange", spy)
    set_item_state(path, 1, None)
    (name,) = seen
    assert Path(name).parent == tmp_path
    assert re.fullmatch(r"\.plan\.md\.goaldash-.+\.tmp", Path(name).name)


@pytest.mark.usefixtures("copy_and_swap")
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_write_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    data = b"- [ ] a\r\n- [x] b"
    path = write(tmp_path / "plan.md", data)
    path.chmod(0o640)

    def boom(*args: object) -> None:
        raise error

    monkeypatch.setattr(kernel, "exchange", boom)
    monkeypatch.setattr(commit.os, "replace", boom)
    with pytest.raises(EditError if isinstance(error, OSError) else KeyboardInterrupt) as info:
        set_item_state(path, 1, None)
    if isinstance(info.value, EditError):
        assert not info.value.usage
        assert "No space left" in str(info.value)
    assert path.read_bytes() == data
    assert path.stat().st_mode & 0o7777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


@pytest.mark.usefixtures("copy_and_swap")
def test_failed_fsync_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")

    def boom(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(edit.os, "fsync", boom)
    with pytest.raises(EditError):
        set_item_state(path, 1, None)
    assert path.read_bytes() == b"- [ ] a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_result_is_frozen(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    result = set_item_state(path, 1, None)
    assert isinstance(result, EditResult)
    with pytest.raises(AttributeError):
        result.line = 2  # type: ignore[misc]


# -- the command ----------------------------------------------------------------------------


def test_toggle_main_prints_state_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plan.md", b"# Plan\n- [ ] Write the docs\n")
    assert toggle_main(["plan.md:2"]) == 0
    assert capsys.readouterr().out == "done  plan.md:2  [x] Write the docs\n"
    assert toggle_main(["plan.md:2"]) == 0
    assert capsys.readouterr().out == "open  plan.md:2  [ ] Write the docs\n"
    assert toggle_main(["plan.md:2", "--in-progress"]) == 0
    assert capsys.readouterr().out == "in progress  plan.md:2  [-] Write the docs\n"
    assert toggle_main(["plan.md:2", "--done"]) == 0
    assert capsys.readouterr().out == "done  plan.md:2  [x] Write the docs\n"
    assert toggle_main(["plan.md:2", "--open"]) == 0
    assert (tmp_path / "plan.md").read_bytes() == b"# Plan\n- [ ] Write the docs\n"


def test_toggle_main_expect_follows_a_moved_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plan.md", b"- [ ] new\n- [ ] a\n")
    assert toggle_main(["plan.md:1", "--expect", "a"]) == 0
    out = capsys.readouterr()
    assert out.out == "done  plan.md:2  [x] a\n"
    assert "moved from line 1 to 2" in out.err
    assert toggle_main(["plan.md:1", "--expect", "gone"]) == 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["plan.md:3"], 1, "goaldash: plan.md:3: not a task-list item"),
        (["plan.md:2"], 1, "goaldash: plan.md:2: not a task-list item"),
        (["plan.md:40"], 2, "goaldash: plan.md:40: line out of range"),
        (["missing.md:1"], 2, "goaldash: no such file: missing.md"),
        (["plan.md"], 2, "goaldash toggle: expected FILE:LINE"),
        (["plan.md:x"], 2, "goaldash toggle: expected FILE:LINE"),
        (["plan.md:0"], 2, "goaldash: plan.md:0: lines count from 1"),
        (["plan.md:1", "--done", "--open"], 2, "goaldash toggle: argument --open"),
        ([], 2, "goaldash toggle: the following arguments are required"),
    ],
)
def test_command_errors_are_one_line(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    write(tmp_path / "plan.md", b"- [ ] a\n```\n- [ ] fake\n```\n")
    out = run_toggle(*args, cwd=tmp_path)
    assert out.returncode == code, out.stderr
    assert out.stdout == ""
    assert out.stderr.startswith(message), out.stderr
    assert out.stderr.count("\n") == 1, out.stderr
    assert (tmp_path / "plan.md").read_bytes() == b"- [ ] a\n```\n- [ ] fake\n```\n"


def test_command_read_only_file(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    path.chmod(0o444)
    out = run_toggle("plan.md:1", cwd=tmp_path)
    assert (out.returncode, out.stdout) == (1, "")
    assert out.stderr == "goaldash: plan.md is read-only; nothing written\n"


def test_command_success(tmp_path: Path) -> None:
    write(tmp_path / "plan.md", b"# Plan\r\n- [ ] Write the docs\r\n")
    out = run_toggle("plan.md:2", cwd=tmp_path)
    assert (out.returncode, out.stdout, out.stderr) == (
        0,
        "done  plan.md:2  [x] Write the docs\n",
        "",
    )
    assert (tmp_path / "plan.md").read_bytes() == b"# Plan\r\n- [x] Write the docs\r\n"


def test_edit_modules_do_not_import_textual() -> None:
    code = (
        "import sys, goaldash.edit, goaldash.cli.toggle\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_offset_helper_agrees_with_the_bytes() -> None:
    """The offset helper of these tests finds the marks of a BOM + CR + CRLF file."""
    data = BOM + b"- [ ] a\r- [x] b\r\n  - [~] c"
    offsets = [mark_offset(data, item) for item in items_of(data)]
    assert [data[o : o + 1] for o in offsets] == [b" ", b"x", b"~"]


def test_checkbox_on_the_line_after_a_bare_marker_is_never_guessed(tmp_path: Path) -> None:
    """`-` alone, then `[ ] text` on the next line: the parser reports the item on the marker's
    line with the checkbox's column; the bytes there hold no checkbox, so nothing is written."""
    data = b"-\n  [ ] foo\n"
    path = write(tmp_path / "plan.md", data)
    with pytest.raises(EditError) as info:
        set_item_state(path, 1, None)
    assert not info.value.usage
    assert path.read_bytes() == data


def test_failed_fsync_in_place_puts_the_byte_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")

    def boom(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(edit.os, "fsync", boom)
    with pytest.raises(EditError, match="Input/output error"):
        set_item_state(path, 1, None)
    assert path.read_bytes() == b"- [ ] a\n"
