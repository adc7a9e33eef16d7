"""Putting one changed mark into a user's file without ever losing someone else's save.

An editor may save the file at any moment: in place (truncate, then write, perhaps in two
writes a few milliseconds apart), by renaming a new file over it, or vim's way (rename the
old file aside, write a new one). A tick must either change exactly the one mark of the file
as the editor last saved it, or change nothing and say so. The file was opened, leased and
read by `snapshot`; from there:

- `replace`, the usual way: the new bytes go to a temporary file beside the original, which is
  given the file's owner, mode and extended attributes (`identity`) and made durable. With
  the lease held, the name must still be the inode we read, holding the bytes we read. The
  temporary file is then *swapped* with the original (`renameat2(RENAME_EXCHANGE)`), so we
  hold what was displaced and look at it. If it is not the inode we read (an editor renamed
  its save over it in between), the swap is undone and nothing is lost. If a program waits
  to open it (an editor that found the file by its name before the swap, and would write
  into the displaced original), the swap is undone too and, under a write lease, the mark is
  written into the original itself instead: the waiting editor then opens the ticked file.
  Without the swap (other systems), a plain rename follows the same checks.
- `patch`, when the inode must stay (hard links; a copy that cannot keep the file's identity;
  someone else's file): the one byte is written into the file itself. Under a write lease
  nobody else can open the file meanwhile, and a one-byte write cannot be torn; without one,
  the bytes are compared just before and just after, and a difference is reported.

A `False` from either means another program saved meanwhile: nothing of ours is left, their
save stands, and the caller starts over from the new bytes.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from contextlib import suppress
from pathlib import Path

from goaldash import kernel
from goaldash.edit.identity import copy_identity
from goaldash.edit.snapshot import Snapshot, remember, same
from goaldash.kernel import Lease

_SETTLE = 0.002
"""Seconds between letting go of the lease and the last look at the displaced original."""


class KeepsIdentity(Exception):
    """A copy cannot carry the file's identity (owner, mode, attributes): patch in place."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def patch(snap: Snapshot, offset: int, byte: bytes) -> bool:
    """Write `byte` at `offset` into the file itself; False if it no longer holds our bytes."""
    fd = snap.fd
    guarded = snap.exclusive and snap.lease is Lease.HELD
    if not guarded and (not same(os.fstat(fd), snap.st) or _bytes_now(snap) != snap.data):
        return False
    os.pwrite(fd, byte, offset)
    try:
        os.fsync(fd)
    except BaseException:
        # Not on disk for sure: put the old byte back, so that a refusal means "unchanged".
        with suppress(OSError):
            os.pwrite(fd, snap.data[offset : offset + 1], offset)
        raise
    after = os.fstat(fd)
    if not guarded:
        expected = snap.data[:offset] + byte + snap.data[offset + 1 :]
        if after.st_size != len(expected) or _bytes_now(snap) != expected:
            raise OSError(0, "another program wrote the file at the same moment; check the item")
    remember(after)
    return True


def replace(target: Path, snap: Snapshot, new: bytes, offset: int) -> bool:
    """Put `new` (the file with the byte at `offset` changed) in place of `target` by a swap;
    False (and nothing changed by us) if another program saved it meanwhile. Raises
    KeepsIdentity when a copy cannot keep the file's owner, mode or attributes, OSError when
    it cannot be written at all."""
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.goaldash-", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        if snap.exclusive and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return patch(snap, offset, new[offset : offset + 1])  # a folder we cannot write
        raise
    ours: os.stat_result | None = None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
            fh.flush()
            problem = copy_identity(snap.fd, snap.st, fh.fileno())
            if problem is not None:
                raise KeepsIdentity(problem)
            os.fsync(fh.fileno())
            ours = os.fstat(fh.fileno())
        if snap.lease_again:
            snap.lease = kernel.take_lease(snap.fd, write=False)
            if snap.lease is Lease.BUSY:
                return False  # someone is writing it now: their save, then ours again
        if not _unchanged(target, snap):
            return False
        if not kernel.exchange(tmp, str(target)):
            os.replace(tmp, target)  # no swap to be had: the check above is the last word
        else:
            try:
                verdict = _after_swap(tmp, snap)
            except BaseException:
                kernel.exchange(tmp, str(target))
                raise
            if verdict != "keep":
                kernel.exchange(tmp, str(target))  # the original goes back under its name
                if verdict == "patch":
                    return patch(snap, offset, new[offset : offset + 1])
                return False
            os.unlink(tmp)  # the original, which nobody wrote since we read it
        _fsync_dir(target.parent)
        remember(ours)
        return True
    finally:
        _discard(tmp, ours)


def _after_swap(tmp: str, snap: Snapshot) -> str:
    """Just after the swap, `tmp` names what `target` held a moment before. "keep" the swap
    when that is the inode we read, unwritten, and nobody waits to open it; "patch" the
    original instead when someone waits and we have the file to ourselves; else "theirs"."""
    if not _displaced_is_ours(tmp, snap):
        return "theirs"  # an editor renamed its save over the file in between
    if snap.lease is Lease.HELD:
        if kernel.lease_wanted(snap.fd, write=snap.exclusive):
            return "patch" if snap.exclusive else "theirs"
        kernel.drop_lease(snap.fd)
        snap.lease = Lease.UNSUPPORTED
        time.sleep(_SETTLE)
    # An editor that opened the original just before the swap writes into it: their save.
    return "theirs" if _written_since(snap) else "keep"


def _unchanged(target: Path, snap: Snapshot) -> bool:
    """The name still holds the inode we read, and it still holds the bytes we read (the
    times alone could miss a save within the same clock tick)."""
    try:
        now = os.lstat(target)
    except OSError:
        return False
    if not stat.S_ISREG(now.st_mode) or not same(now, snap.st):
        return False
    return same(os.fstat(snap.fd), snap.st) and _bytes_now(snap) == snap.data


def _bytes_now(snap: Snapshot) -> bytes:
    """The file's bytes now, up to one more than we read (enough to tell they differ)."""
    return os.pread(snap.fd, len(snap.data) + 1, 0)


def _displaced_is_ours(tmp: str, snap: Snapshot) -> bool:
    try:
        st = os.lstat(tmp)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (snap.st.st_dev, snap.st.st_ino) and not _written_since(snap)


def _written_since(snap: Snapshot) -> bool:
    # Not the change time: the swap itself changes it.
    now = os.fstat(snap.fd)
    return (now.st_size, now.st_mtime_ns) != (snap.st.st_size, snap.st.st_mtime_ns)


def _discard(tmp: str, ours: os.stat_result | None) -> None:
    """Remove our temporary file if the name still holds it (`ours`: the file we wrote,
    None when it was never swapped with anything)."""
    try:
        st = os.lstat(tmp)
    except OSError:
        return
    if ours is None or (st.st_dev, st.st_ino) == (ours.st_dev, ours.st_ino):
        with suppress(OSError):
            os.unlink(tmp)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
