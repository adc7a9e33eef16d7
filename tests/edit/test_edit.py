"""set_item_state and undo: states, refusals, a file that changed, links, identity, and
failures part-way that leave the original."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from goaldash import edit, kernel
from goaldash.edit import EditError, EditResult, commit, set_item_state, undo
from goaldash.model import ItemState
from goaldash.parse import fingerprint
from tests.edit.helpers import (
    BOM,
    items_of,
    mark_offset,
    write,
)

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
