"""Tick a task-list item in place: the one write goaldash ever makes to a user's file.

A write changes the single mark byte between the brackets and nothing else, or it refuses.
Everything else in the file stays byte for byte what it was: line endings of any kind, a BOM,
a missing final newline, bytes that are not UTF-8. That is why the mark is found and patched
in the raw bytes, never by decoding and re-encoding the text.

Which lines are task-list items is decided by the real parser (`goaldash.parse.parse_plan`),
so a checkbox shown inside a code block is never an item and is never touched.

The file is read again right before writing and patched from those fresh bytes, so an edit
saved in an editor meanwhile is kept. The new content goes to a temporary file in the same
folder that is then renamed over the original (atomic: a crash leaves the old file or the new
one, never half of one); a file with several hard links is patched in place instead so that
every link keeps seeing it. Symlinks, permission bits and the owner survive.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from goaldash.model import MARK_STATES, Item, ItemState, remarked
from goaldash.parse import fingerprint, parse_plan
from goaldash.text import clean

EXIT_REFUSED = 1
"""Exit code of a refusal: the file changed, no such item, not a task item, read-only."""
EXIT_USAGE = 2
"""Exit code of a bad request: missing file, bad usage, line out of range."""

MARKS: dict[ItemState, str] = {
    ItemState.DONE: "x",
    ItemState.OPEN: " ",
    ItemState.IN_PROGRESS: "-",
}
"""The mark goaldash writes for each state."""

_BOM = b"\xef\xbb\xbf"
# The same line breaks as `goaldash.parse.blocks.split_lines`, so line numbers agree. They are
# ASCII, and a UTF-8 decoder never swallows an ASCII byte into a replacement character, so
# splitting the bytes gives exactly the lines the parser numbered.
_BREAK = re.compile(rb"\r\n|\r|\n")
_ORDINAL = re.compile(rb"[0-9]{1,9}[.)](?=[ \t])")
# Another save landing between our last look and the rename makes us start over; after this
# many tries the file is too busy and we refuse rather than race it.
_ATTEMPTS = 3
_CACHE_SIZE = 16


class EditError(Exception):
    """A write that was refused or could not be done. The message is one line.

    `exit_code` is 1 for a refusal (the file changed, the item is gone or ambiguous, the line
    is not a task-list item, the file is read-only) and 2 for a bad request (missing file,
    bad usage, line out of range).
    """

    def __init__(self, message: str, exit_code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class EditResult:
    """What a write did (or found already done)."""

    path: Path
    """The path as given (a symlink stays the name the caller used)."""
    line: int
    """1-based line of the item now, which differs from the one asked when `moved`."""
    old_mark: str
    """The mark before the write: give it to `undo` to restore it exactly."""
    new_mark: str
    """The mark now in the file (equal to `old_mark` when nothing had to change)."""
    state: ItemState
    """The state the new mark means."""
    text: str
    """The item's text (its first line after `]`, stripped), as the parser reads it."""
    moved: bool
    """True when the item was found at another line than the one asked."""
    fingerprint: str
    """Fingerprint of the file's bytes after the write (`goaldash.parse.fingerprint`)."""

    @property
    def changed(self) -> bool:
        """True when a byte was written."""
        return self.old_mark != self.new_mark


def toggled(state: ItemState) -> ItemState:
    """The state a toggle moves to: open -> done, done -> open, in progress -> done."""
    return ItemState.OPEN if state is ItemState.DONE else ItemState.DONE


def set_item_state(
    path: Path,
    line: int,
    state: ItemState | None,
    *,
    expect_text: str | None = None,
    expect_fingerprint: str | None = None,
    known_items: tuple[Item, ...] | None = None,
) -> EditResult:
    """Set (or with `state` None, toggle) the task-list item at 1-based `line` of `path`.

    Done writes `x`, open a space, in progress `-`; an item already in the wanted state is
    left as it is (`[X]` stays `[X]` when asked for done) and nothing is written.

    `expect_fingerprint` is the fingerprint of the bytes the caller saw and `expect_text`
    the item's text there. When the file changed since (or the item at `line` no longer reads
    `expect_text`), the item is looked for by its text: it must be the only task-list item in
    the file that reads so, else nothing is written. Without `expect_text`, a changed file is
    refused outright.

    `known_items` are the items the caller parsed from the bytes of `expect_fingerprint`
    (the dashboard has them): while the file still has exactly those bytes they stand in for
    a parse, which on a large plan takes longer than the write itself. The mark is still
    checked byte by byte at its line before anything is written.

    Raises EditError (with `exit_code`) when it refuses or cannot write; on any failure the
    file is left as it was and no temporary file is left behind.
    """

    def decide(item: Item) -> str:
        want = toggled(item.state) if state is None else state
        return item.mark if item.state is want else MARKS[want]

    if known_items is not None and expect_fingerprint is not None:
        _keep_known(Path(path).name, expect_fingerprint, known_items)
    return _edit(Path(path), line, decide, expect_text, expect_fingerprint)


def undo(result: EditResult) -> EditResult:
    """Put back the exact mark a write replaced (so `[X]` comes back as `[X]`, not `[x]`).

    The item is found as `set_item_state` finds it, by the line and text of `result`; if
    its mark is no longer the one written (someone changed it since), nothing is written.
    """
    if not result.changed:
        return result

    def decide(item: Item) -> str:
        if item.mark != result.new_mark:
            raise EditError(
                f"{_shown(result.path)}:{item.line}: the mark changed since it was written "
                f"([{item.mark}], not [{result.new_mark}]); nothing undone"
            )
        return result.old_mark

    return _edit(result.path, result.line, decide, result.text, result.fingerprint)


def _remember_written(name: str, old: bytes, new: bytes, line: int, mark: str) -> None:
    """The items of the bytes just written are the old ones with one mark changed: keep them,
    so an undo or the next tick need not parse the file again."""
    parsed = _parsed(name, old, fingerprint(old))
    _keep_known(name, fingerprint(new), remarked(parsed.items, line, mark))


def _keep_known(name: str, fp: str, items: tuple[Item, ...]) -> None:
    """Items already known for the bytes `fp` of `name`: `_parsed` uses them, not the parser."""
    with _cache_lock:
        _known[(name, fp)] = items
        while len(_known) > _CACHE_SIZE:
            _known.popitem(last=False)


# -- finding the mark ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Parsed:
    """What the parser says about one exact content, plus where its lines start in bytes."""

    items: tuple[Item, ...]
    starts: tuple[int, ...]
    """Byte offset of each line's first byte (after the BOM for line 1)."""
    ends: tuple[int, ...]
    """Byte offset just past each line's last byte, before its line break."""

    @property
    def line_count(self) -> int:
        """Lines as an editor counts them: a final line break does not open another line."""
        n = len(self.starts)
        return n - 1 if self.starts[-1] == self.ends[-1] else n


_cache: OrderedDict[tuple[str, str], _Parsed] = OrderedDict()
_known: OrderedDict[tuple[str, str], tuple[Item, ...]] = OrderedDict()
_cache_lock = threading.Lock()


def _parsed(name: str, data: bytes, fp: str) -> _Parsed:
    """Parse `data`, remembering the last few contents.

    Parsing a large plan takes tens of milliseconds; keyed by the full content hash, a cached
    answer is exactly the one a new parse would give, so undo and repeated ticks on unchanged
    bytes need not parse again.
    """
    key = (name, fp)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
        known = _known.get(key)
    items = known if known is not None else parse_plan(name, data).items
    bom = 3 if data.startswith(_BOM) else 0
    starts, ends = [bom], []
    for m in _BREAK.finditer(data, bom):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(data))
    parsed = _Parsed(items, tuple(starts), tuple(ends))
    with _cache_lock:
        _cache[key] = parsed
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return parsed


def _mark_offset(data: bytes, parsed: _Parsed, item: Item) -> int | None:
    """Byte offset of `item`'s mark in `data`, or None when the line does not hold it.

    Walks the raw line the way the parser's own locator walks the decoded one: indentation,
    `>` and list markers, then `[`, mark, `]`. That prefix is all ASCII, so its length in
    characters (the item's column) equals its length in bytes; both must agree, and the byte
    found must be the item's mark, before anything is written.
    """
    if not 1 <= item.line <= len(parsed.starts):
        return None
    start, end = parsed.starts[item.line - 1], parsed.ends[item.line - 1]
    raw = data[start:end]
    i, n = 0, len(raw)
    while i < n:
        c = raw[i : i + 1]
        if c in (b" ", b"\t", b">"):
            i += 1
            continue
        if c in (b"-", b"*", b"+") and raw[i + 1 : i + 2] in (b" ", b"\t"):
            i += 2
            continue
        m = _ORDINAL.match(raw, i)
        if m:
            i = m.end()
            continue
        break
    box = b"[" + item.mark.encode("ascii") + b"]"
    if raw[i : i + 3] != box or i + 2 != item.column:
        return None
    return start + i + 1


def _locate(
    data: bytes,
    name: str,
    shown: str,
    line: int,
    expect_text: str | None,
    expect_fingerprint: str | None,
) -> tuple[Item, int, bool]:
    """The item to change in `data`, its mark's byte offset, and whether it moved."""
    fp = fingerprint(data)
    parsed = _parsed(name, data, fp)
    changed = expect_fingerprint is not None and fp != expect_fingerprint
    at_line = next((i for i in parsed.items if i.line == line), None)
    out_of_range = line > parsed.line_count
    if expect_text is None:
        if changed:
            raise EditError(f"{shown} changed since it was read; nothing written")
        if out_of_range:
            raise EditError(
                f"{shown}:{line}: line out of range (the file has {parsed.line_count} lines)",
                EXIT_USAGE,
            )
        if at_line is None:
            raise EditError(f"{shown}:{line}: not a task-list item")
        item, moved = at_line, False
    elif at_line is not None and at_line.text == expect_text and not changed:
        item, moved = at_line, False
    else:
        # The file changed, or the line holds something else: lines moved. The item is
        # trusted only if its text singles it out; two identical items cannot be told apart,
        # and guessing could tick the wrong one.
        same = [i for i in parsed.items if i.text == expect_text]
        want = clean(expect_text)
        if len(same) > 1:
            lines = ", ".join(str(i.line) for i in same[:5])
            raise EditError(
                f"{shown}: {len(same)} task-list items read {want!r} (lines {lines}) and the "
                "file changed; cannot tell which one was meant; nothing written"
            )
        if not same:
            if out_of_range and not changed:
                raise EditError(
                    f"{shown}:{line}: line out of range (the file has {parsed.line_count} lines)",
                    EXIT_USAGE,
                )
            raise EditError(f"{shown}: no task-list item reads {want!r} any more; nothing written")
        item = same[0]
        moved = item.line != line
    offset = _mark_offset(data, parsed, item)
    if offset is None:
        # The parser and the bytes disagree about where the mark is: never guess.
        raise EditError(f"{shown}:{item.line}: could not find the checkbox on the line")
    return item, offset, moved


# -- writing ---------------------------------------------------------------------------------


def _edit(
    path: Path,
    line: int,
    decide: Callable[[Item], str],
    expect_text: str | None,
    expect_fingerprint: str | None,
) -> EditResult:
    """Read, locate, decide the new mark, write: the steps every change goes through."""
    shown = _shown(path)
    if line < 1:
        raise EditError(f"{shown}:{line}: lines count from 1", EXIT_USAGE)
    # A symlink stays a symlink: the file it points to is the one written.
    target = Path(os.path.realpath(path))
    for _ in range(_ATTEMPTS):
        st = _stat(target, shown)
        data = _read(target, shown)
        item, offset, moved = _locate(data, path.name, shown, line, expect_text, expect_fingerprint)
        new_mark = decide(item)
        if new_mark not in MARK_STATES:
            raise EditError(f"not a mark goaldash writes: {new_mark!r}", EXIT_USAGE)
        result = EditResult(
            path=path,
            line=item.line,
            old_mark=item.mark,
            new_mark=new_mark,
            state=MARK_STATES[new_mark],
            text=item.text,
            moved=moved,
            fingerprint=fingerprint(data),
        )
        if new_mark == item.mark:
            return result  # already so: a write would change nothing
        new = data[:offset] + new_mark.encode("ascii") + data[offset + 1 :]
        in_place = _in_place(st)
        _check_writable(target, st, shown, in_place)
        try:
            if in_place:
                wrote = _patch_in_place(target, data, offset, new[offset : offset + 1])
            else:
                wrote = _replace(target, st, data, new)
        except OSError as exc:
            raise EditError(f"{shown}: could not write: {_reason(exc)}; file unchanged") from exc
        if wrote:
            _remember_written(path.name, data, new, item.line, new_mark)
            return EditResult(
                path=path,
                line=result.line,
                old_mark=result.old_mark,
                new_mark=new_mark,
                state=result.state,
                text=result.text,
                moved=moved,
                fingerprint=fingerprint(new),
            )
        # The file was saved by someone else while we wrote: start over from its new bytes.
        # The expectations still hold the caller's view, so the new content is checked too.
    raise EditError(f"{shown} keeps changing while being written; nothing written")


def _in_place(st: os.stat_result) -> bool:
    """Whether to patch the file itself rather than rename a new copy over it.

    Renaming would give the name a new inode: other hard links would keep the old content,
    and a file owned by someone else would become ours (only root can give it back).
    """
    if st.st_nlink > 1:
        return True
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() not in (0, st.st_uid)


def _check_writable(target: Path, st: os.stat_result, shown: str, in_place: bool) -> None:
    """Refuse up front what would fail half way: a read-only file, a folder we cannot write."""
    # Root passes every os.access check, so a file nobody may write counts as read-only too.
    if not os.access(target, os.W_OK) or not st.st_mode & 0o222:
        raise EditError(f"{shown} is read-only; nothing written")
    if not in_place and not os.access(target.parent, os.W_OK | os.X_OK):
        raise EditError(f"{shown}: cannot write in its folder {_shown(target.parent)}")


def _patch_in_place(target: Path, data: bytes, offset: int, byte: bytes) -> bool:
    """Write the one byte into the file itself; False if it no longer holds `data`."""
    with open(target, "r+b") as fh:
        # Read through the same handle that writes, so the check sees what we patch.
        if fh.read() != data:
            return False
        fh.seek(offset)
        fh.write(byte)
        fh.flush()
        os.fsync(fh.fileno())
    return True


def _replace(target: Path, st: os.stat_result, data: bytes, new: bytes) -> bool:
    """Write `new` beside `target` and rename it over; False if `target` no longer holds `data`.

    The temporary file is removed on every way out but the successful rename.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.goaldash-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
            fh.flush()
            os.chmod(tmp, stat.S_IMODE(st.st_mode))  # mkstemp made it 0600
            if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != _owner(fh.fileno()):
                # Keep the owner where we may (root, or a group we belong to).
                with suppress(OSError):
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
            os.fsync(fh.fileno())
        # Last look before the rename: an editor may have saved while we were writing.
        with open(target, "rb") as cur:
            if cur.read() != data:
                os.unlink(tmp)
                return False
        os.replace(tmp, target)
    except BaseException:
        # Also on KeyboardInterrupt: never leave a stray temporary file.
        with suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)
    return True


def _owner(fd: int) -> tuple[int, int]:
    st = os.fstat(fd)
    return st.st_uid, st.st_gid


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- reading ---------------------------------------------------------------------------------


def _stat(target: Path, shown: str) -> os.stat_result:
    try:
        st = target.stat()
    except FileNotFoundError:
        raise EditError(f"no such file: {shown}", EXIT_USAGE) from None
    except OSError as exc:
        raise EditError(f"cannot read {shown}: {_reason(exc)}", EXIT_USAGE) from None
    if stat.S_ISDIR(st.st_mode):
        raise EditError(f"{shown} is a folder, not a plan file", EXIT_USAGE)
    if not stat.S_ISREG(st.st_mode):
        # Reading a FIFO or a device could block or never end.
        raise EditError(f"{shown} is not a regular file", EXIT_USAGE)
    return st


def _read(target: Path, shown: str) -> bytes:
    try:
        return target.read_bytes()
    except FileNotFoundError:
        raise EditError(f"no such file: {shown}", EXIT_USAGE) from None
    except OSError as exc:
        raise EditError(f"cannot read {shown}: {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    return clean(exc.strerror or str(exc) or type(exc).__name__)


def _shown(path: Path) -> str:
    """A path fit for a one-line message."""
    return clean(str(path))
