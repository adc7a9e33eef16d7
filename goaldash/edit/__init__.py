"""Tick a task-list item in place: the one write goaldash ever makes to a user's file.

A write changes the single mark byte between the brackets and nothing else, or it refuses.
Everything else in the file stays byte for byte what it was: line endings of any kind, a BOM,
a missing final newline, bytes that are not UTF-8. That is why the mark is found and patched
in the raw bytes (`locate`), never by decoding and re-encoding the text.

An editor may save the file at the same moment. The write either changes exactly the one mark
of the file as the editor last saved it, or changes nothing and says so; an editor's save is
never lost and a file is never left as a mixture (`commit` says how). A file with several hard
links, or one owned by someone else, is patched in place so that every link keeps seeing it
and its owner stays; otherwise a copy carrying the file's owner, mode and extended attributes
(ACLs included) replaces it atomically. Symlinks stay symlinks: the file they point to is the
one written.

This package is core: it must not import Textual.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from goaldash.edit import commit
from goaldash.edit import snapshot as snapshots
from goaldash.edit.commit import KeepsIdentity
from goaldash.edit.locate import Located, NotFound, keep, locate, ticked_marks
from goaldash.edit.snapshot import Busy
from goaldash.model import MARK_STATES, Item, ItemState
from goaldash.parse.basics import fingerprint
from goaldash.parse.marks import Mark
from goaldash.safefile import MAX_BYTES, NotRegularFile, TooLarge
from goaldash.text import clean

MARKS: dict[ItemState, str] = {
    ItemState.DONE: "x",
    ItemState.OPEN: " ",
    ItemState.IN_PROGRESS: "-",
}
"""The mark goaldash writes for each state (done: `X` instead in a file whose done items
mostly say `[X]`)."""

BUSY_SECONDS = 2.0
"""How long a tick keeps trying while another program is writing the file."""
VANISH_SECONDS = 0.25
"""How long a file that is not there is given to appear (vim saves by renaming the file away
and writing a new one) before the tick says there is no such file."""
EXCLUSIVE_SECONDS = 0.25
"""How long a tick waits to have the file to itself before it copies and swaps instead."""
_RETRY_PAUSE = 0.0005


class EditError(Exception):
    """A write that was refused or could not be done. The message is one line.

    `usage` is False for a refusal (the file changed, the item is gone or ambiguous, the line
    is not a task-list item, the file is read-only) and True for a bad request (missing file,
    not a file, line out of range): the command line tells them apart by exit code.
    """

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage

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


def next_state(state: ItemState) -> ItemState:
    """The state a toggle moves to: open -> done, done -> open, in progress -> done."""
    return ItemState.OPEN if state is ItemState.DONE else ItemState.DONE


def set_item_state(
    path: Path,
    line: int,
    state: ItemState | None,
    *,
    expect_text: str | None = None,
    expect_fingerprint: str | None = None,
    known_items: Sequence[Item] | None = None,
) -> EditResult:
    """Set (or with `state` None, toggle) the task-list item at 1-based `line` of `path`.

    Done writes `x` (or `X`, in a file whose done items mostly say `[X]`), open a space, in
    progress `-`; an item already in the wanted state is left as it is (`[X]` stays `[X]`
    when asked for done) and nothing is written.

    `expect_fingerprint` is the fingerprint of the bytes the caller saw and `expect_text`
    the item's text there. When the file changed since (or the item at `line` no longer reads
    `expect_text`), the item is looked for by its text: it must be the only task-list item in
    the file that reads so, else nothing is written. Without `expect_text`, a changed file is
    refused outright.

    `known_items` are the items the caller parsed from the bytes of `expect_fingerprint`
    (the dashboard has them): while the file still has exactly those bytes they stand in for
    a parse, which on a large plan takes longer than the write itself. The mark is still
    checked byte by byte at its line before anything is written.

    Raises EditError when it refuses or cannot write; on any failure the
    file is left as it was and no temporary file is left behind.
    """

    def decide(item: Mark, done_mark: str) -> str:
        now = MARK_STATES[item.mark]
        want = next_state(now) if state is None else state
        if now is want:
            return item.mark
        return done_mark if want is ItemState.DONE else MARKS[want]

    if known_items is not None and expect_fingerprint is not None:
        keep(Path(path).name, expect_fingerprint, known_items)
    return _edit(Path(path), line, decide, expect_text, expect_fingerprint)


def undo(result: EditResult) -> EditResult:
    """Put back the exact mark a write replaced (so `[X]` comes back as `[X]`, not `[x]`).

    The item is found as `set_item_state` finds it, by the line and text of `result`; if
    its mark is no longer the one written (someone changed it since), nothing is written.
    """
    if not result.changed:
        return result

    def decide(item: Mark, done_mark: str) -> str:
        if item.mark != result.new_mark:
            raise EditError(
                f"{_shown(result.path)}:{item.line}: the mark changed since it was written "
                f"([{item.mark}], not [{result.new_mark}]); nothing undone"
            )
        return result.old_mark

    return _edit(result.path, result.line, decide, result.text, result.fingerprint)


def _edit(
    path: Path,
    line: int,
    decide: Callable[[Mark, str], str],
    expect_text: str | None,
    expect_fingerprint: str | None,
) -> EditResult:
    """Read, locate, decide the new mark, write: the steps every change goes through, again
    from the file's new bytes whenever another program saved it meanwhile."""
    shown = _shown(path)
    if line < 1:
        raise EditError(f"{shown}:{line}: lines count from 1", usage=True)
    # A symlink stays a symlink: the file it points to is the one written.
    target = Path(os.path.realpath(path))
    start = time.monotonic()
    deadline = start + BUSY_SECONDS
    seen = False  # the file was there once: its absence now is an editor's save half done
    keep_inode = False
    while True:
        # A while, only the file to ourselves will do (a save in progress ends soon); then,
        # if others keep it open, the copy-and-swap way, unless the inode must stay.
        exclusive = keep_inode or time.monotonic() < start + EXCLUSIVE_SECONDS
        gone_ok = seen or time.monotonic() < start + VANISH_SECONDS
        try:
            snap = _snapshot(target, shown, gone_ok, deadline, exclusive, keep_inode)
        except Busy:
            snap = None
        if snap is not None:
            seen = True
            try:
                done = _attempt(
                    path, target, shown, snap, line, decide, expect_text, expect_fingerprint
                )
            except KeepsIdentity:
                keep_inode = True  # a copy would lose something: patch the file itself
                continue
            finally:
                snap.close()
            if isinstance(done, EditResult):
                return done
            # Another program saved meanwhile: start over from its bytes, holding on to the
            # item as this first look saw it, so that moved lines cannot change which one.
            expect_text, expect_fingerprint = done
        if time.monotonic() > deadline:
            raise EditError(f"{shown} keeps changing while being written; nothing written")
        time.sleep(_RETRY_PAUSE)


def _attempt(
    path: Path,
    target: Path,
    shown: str,
    snap: snapshots.Snapshot,
    line: int,
    decide: Callable[[Mark, str], str],
    expect_text: str | None,
    expect_fingerprint: str | None,
) -> EditResult | tuple[str, str]:
    """One try on the bytes of `snap`: the result, or (text, fingerprint) to try again with."""
    data = snap.data
    fp = fingerprint(data)
    changed = expect_fingerprint is not None and fp != expect_fingerprint
    try:
        found = locate(data, path.name, fp, line, expect_text, changed, shown)
    except NotFound as exc:
        raise EditError(exc.message, usage=exc.usage) from None
    item = found.item
    new_mark = decide(item, found.done_mark)
    if new_mark not in MARK_STATES:
        raise EditError(f"not a mark goaldash writes: {new_mark!r}", usage=True)
    result = EditResult(
        path=path,
        line=item.line,
        old_mark=item.mark,
        new_mark=new_mark,
        state=MARK_STATES[new_mark],
        text=item.text,
        moved=found.moved,
        fingerprint=fp,
    )
    if new_mark == item.mark:
        return result  # already so: a write would change nothing
    new = data[: found.offset] + new_mark.encode("ascii") + data[found.offset + 1 :]
    _check_writable(target, snap, shown)
    try:
        if snap.keep_inode:
            wrote = commit.patch(snap, found.offset, new_mark.encode("ascii"))
        else:
            wrote = commit.replace(target, snap, new, found.offset)
    except KeepsIdentity:
        raise
    except OSError as exc:
        raise EditError(f"{shown}: could not write: {_reason(exc)}; file unchanged") from exc
    if not wrote:
        return item.text, fp
    _remember_written(path.name, found, new, new_mark)
    return EditResult(
        path=path,
        line=result.line,
        old_mark=result.old_mark,
        new_mark=new_mark,
        state=result.state,
        text=result.text,
        moved=found.moved,
        fingerprint=fingerprint(new),
    )


def _remember_written(name: str, found: Located, new: bytes, mark: str) -> None:
    """The items of the bytes just written are the old ones with one mark changed: keep them,
    so an undo or the next tick need not walk the file again."""
    if found.marks is not None:
        keep(name, fingerprint(new), ticked_marks(found.marks, found.item.line, mark))


def _snapshot(
    target: Path, shown: str, gone_ok: bool, deadline: float, exclusive: bool, keep_inode: bool
) -> snapshots.Snapshot:
    """Open, lease and read the file for one try (`gone_ok`: a missing file is only busy)."""
    try:
        return snapshots.snapshot(
            target, MAX_BYTES, deadline, exclusive=exclusive, keep_inode=keep_inode
        )
    except FileNotFoundError:
        if gone_ok:
            raise Busy from None  # an editor's rename-and-write, half done
        raise EditError(f"no such file: {shown}", usage=True) from None
    except IsADirectoryError:
        raise EditError(f"{shown} is a folder, not a plan file", usage=True) from None
    except NotRegularFile as exc:
        what = (
            "a folder, not a plan file"
            if "folder" in (exc.strerror or "")
            else ("not a regular file")
        )
        raise EditError(f"{shown} is {what}", usage=True) from None
    except TooLarge as exc:
        raise EditError(f"{shown}: {_reason(exc)}", usage=True) from None
    except OSError as exc:
        raise EditError(f"cannot read {shown}: {_reason(exc)}", usage=True) from None


def _check_writable(target: Path, snap: snapshots.Snapshot, shown: str) -> None:
    """Refuse up front what would fail half way: a read-only file, a folder we cannot write."""
    # Root passes every os.access check, so a file nobody may write counts as read-only too.
    if not os.access(target, os.W_OK) or not snap.st.st_mode & 0o222:
        raise EditError(f"{shown} is read-only; nothing written")
    # A file we have to ourselves, or one written in place, needs no folder we may write.
    copy_only = not snap.keep_inode and not snap.exclusive
    if copy_only and not os.access(target.parent, os.W_OK | os.X_OK):
        raise EditError(f"{shown}: cannot write in its folder {_shown(target.parent)}")


def _reason(exc: OSError) -> str:
    return clean(exc.strerror or str(exc) or type(exc).__name__)


def _shown(path: Path) -> str:
    """A path fit for a one-line message."""
    return clean(str(path))
