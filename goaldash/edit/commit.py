"""Putting one changed mark into a user's file without ever losing someone else's save.

An editor may save the file at any moment, in place (truncate, then write, perhaps in two
writes a few milliseconds apart), by renaming a new file over it, or vim's way (rename the
old file aside, write a new one). A tick must either change exactly the one mark of the file
as the editor last saved it, or change nothing and say so. The layers, in order:

1. The file is opened (never blocking: `goaldash.safefile`) and *leased* (`kernel`). A write
   lease is granted only when no other process has the file open at all, so no save is half
   done, and until we let go any other open waits. Where leases are not to be had, we wait
   instead until the file has been quiet for `QUIET` seconds.
2. Its bytes are read through that descriptor; the caller finds the mark in them.
3. Under a write lease (the usual way), the one byte is written into the file itself: no
   other program can touch the file meanwhile, and a one-byte write cannot be torn. The file
   keeps its inode, owner, mode, attributes and links.
4. When another program keeps the file open (a reader: `less`, `tail -f`), only a read lease
   is to be had, which keeps writers waiting but not readers: the copy-and-swap way. The
   lease is let go while the new bytes go to a temporary file
   beside it, which is given the file's owner, mode and extended attributes (`identity`) and
   made durable, so that no editor waits on us for long. Then the lease is taken again and,
   with it held, the name must still be the inode we read, holding the bytes we read. The
   temporary file is *swapped* with the original (`renameat2(RENAME_EXCHANGE)`), so we hold
   what was displaced and look at it: if it is not the inode we read (an editor renamed its
   save over it in between), or someone waits to open it for writing (an editor that found
   the file by its name before the swap, and would write into the displaced original), it is
   swapped back and nothing is lost. Only then is the lease dropped and the original removed.
   Without the swap (other systems), a plain rename follows the same check.
5. Without leases, in place (a file with several hard links, or owned by someone else): the
   bytes are compared just before and after the write, and a difference is reported.

A `False` from `replace` or `patch` means another program saved meanwhile: nothing of ours
is left, their save stands, and the caller starts over from the new bytes.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from goaldash import kernel
from goaldash.edit.identity import copy_identity
from goaldash.kernel import Lease
from goaldash.safefile import open_regular, read_fd

QUIET = 0.05
"""Without a lease: seconds a file must have gone unchanged before it is read for a tick."""
_SETTLE = 0.002
"""Seconds between letting go of the lease and the last look at the displaced original."""


class Busy(Exception):
    """Another program is writing the file right now: try again in a moment."""


class KeepsIdentity(Exception):
    """A copy cannot carry the file's identity (owner, mode, attributes): patch in place."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass(slots=True)
class Snapshot:
    """A file opened for a tick: its descriptor, its `fstat` and bytes when read, the lease."""

    fd: int
    st: os.stat_result
    data: bytes
    lease: Lease
    in_place: bool
    leasable: bool = False
    """The lease was let go after the read, and is to be taken again before the swap."""

    def close(self) -> None:
        if self.fd >= 0:
            if self.lease is Lease.HELD:
                kernel.drop_lease(self.fd)
            os.close(self.fd)
            self.fd = -1


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    """Same inode, same size, same modification and change times."""
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns, a.st_ctime_ns) == (
        b.st_dev,
        b.st_ino,
        b.st_size,
        b.st_mtime_ns,
        b.st_ctime_ns,
    )


# The states our own last writes left, by inode: a file we just wrote is quiet to us.
_ours: dict[tuple[int, int], tuple[int, int]] = {}


def _remember(st: os.stat_result) -> None:
    if len(_ours) > 64:
        _ours.clear()
    _ours[(st.st_dev, st.st_ino)] = (st.st_size, st.st_mtime_ns)


def snapshot(target: Path, limit: int, deadline: float, *, exclusive: bool) -> Snapshot:
    """Open, lease and read `target` for a tick. Raises Busy while another program writes it
    (or, with `exclusive`, has it open at all), and the errors of `open_regular` and
    `read_fd` otherwise.

    The best is a write lease: nobody else can even open the file until we let go, so the
    mark is simply written into it (`patch`). When others keep the file open (a reader), and
    not `exclusive`, a read lease does for the copy-and-swap way (`replace`). Without
    leases, the file is read once it has been quiet a while, and patched in place when a copy
    would break it (hard links, someone else's file), else copied and swapped.
    """
    try:
        fd, st = open_regular(target, os.O_RDWR)
    except PermissionError:
        fd = -1  # not ours to write: refused later with a reason, after the item is found
    if fd >= 0:
        lease = kernel.take_lease(fd, write=True)
        if lease is Lease.HELD:
            return _read(Snapshot(fd, st, b"", lease, True), target, limit)
        os.close(fd)
        if lease is Lease.BUSY and (exclusive or st.st_nlink > 1):
            raise Busy  # a copy would break the other hard links: wait for the file
        if lease is Lease.UNSUPPORTED:
            return _unleased(target, limit, deadline)
    fd, st = open_regular(target, os.O_RDONLY)
    snap = Snapshot(fd, st, b"", kernel.take_lease(fd, write=False), False)
    if snap.lease is Lease.BUSY:
        snap.close()
        raise Busy
    if snap.lease is Lease.UNSUPPORTED:
        snap.close()
        return _unleased(target, limit, deadline)
    _read(snap, target, limit)
    # The new copy takes a while to write; nobody should wait on us meanwhile. The lease is
    # taken again for the last look and the swap (`replace`).
    kernel.drop_lease(fd)
    snap.lease, snap.leasable = Lease.UNSUPPORTED, True
    return snap


def _unleased(target: Path, limit: int, deadline: float) -> Snapshot:
    """No leases here: wait until the file has been quiet, then read it; in place when a copy
    would break it (several hard links) or take it from its owner (someone else's file)."""
    st = os.stat(target)
    geteuid = getattr(os, "geteuid", None)
    in_place = st.st_nlink > 1 or (geteuid is not None and geteuid() not in (0, st.st_uid))
    fd, st = open_regular(target, os.O_RDWR if in_place else os.O_RDONLY)
    snap = Snapshot(fd, st, b"", Lease.UNSUPPORTED, in_place)
    try:
        snap.st = _wait_quiet(fd, deadline)
    except BaseException:
        snap.close()
        raise
    return _read(snap, target, limit)


def _read(snap: Snapshot, target: Path, limit: int) -> Snapshot:
    try:
        snap.data = read_fd(snap.fd, limit, target)
        if not _same(os.fstat(snap.fd), snap.st):
            raise Busy  # written while we read: only possible without a lease
    except BaseException:
        snap.close()
        raise
    return snap


def _wait_quiet(fd: int, deadline: float) -> os.stat_result:
    """The file's `fstat` once it has gone `QUIET` seconds without a change."""
    while True:
        st = os.fstat(fd)
        if _ours.get((st.st_dev, st.st_ino)) == (st.st_size, st.st_mtime_ns):
            return st
        age = time.time() - max(st.st_mtime_ns, st.st_ctime_ns) / 1e9
        if age >= QUIET:
            return st
        # A time in the future (a clock elsewhere): watch it for a while instead.
        wait = QUIET if age < 0 else QUIET - age
        if time.monotonic() + wait > deadline:
            raise Busy
        time.sleep(wait)
        if age < 0 and _same(os.fstat(fd), st):
            return st


def patch(snap: Snapshot, offset: int, byte: bytes) -> bool:
    """Write `byte` at `offset` into the file itself; False if it no longer holds our bytes."""
    fd = snap.fd
    if snap.lease is not Lease.HELD and (
        not _same(os.fstat(fd), snap.st) or read_fd(fd, len(snap.data), "") != snap.data
    ):
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
    if snap.lease is not Lease.HELD:
        expected = snap.data[:offset] + byte + snap.data[offset + 1 :]
        if after.st_size != len(expected) or read_fd(fd, len(expected), "") != expected:
            raise OSError(0, "another program wrote the file at the same moment; check the item")
    _remember(after)
    return True


def replace(target: Path, snap: Snapshot, new: bytes) -> bool:
    """Put `new` in place of `target` by a swap; False (and nothing changed by us) if another
    program saved it meanwhile. Raises KeepsIdentity when a copy cannot keep the file's
    owner, mode or attributes, OSError when it cannot be written at all."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.goaldash-", suffix=".tmp", dir=target.parent)
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
        if snap.leasable:
            snap.lease = kernel.take_lease(snap.fd, write=False)
            if snap.lease is Lease.BUSY:
                return False  # someone is writing it now: their save, then ours again
        if not _unchanged(target, snap):
            return False
        if not kernel.exchange(tmp, str(target)):
            os.replace(tmp, target)  # no swap to be had: the check above is the last word
        else:
            try:
                kept = _keep_swap(tmp, snap)
            except BaseException:
                kernel.exchange(tmp, str(target))
                raise
            if not kept:
                kernel.exchange(tmp, str(target))  # theirs goes back under its name
                return False
            os.unlink(tmp)  # the original, which nobody wrote since we read it
        _fsync_dir(target.parent)
        _remember(ours)
        return True
    finally:
        _discard(tmp, ours)


def _keep_swap(tmp: str, snap: Snapshot) -> bool:
    """Just after the swap, `tmp` names what `target` held a moment before: keep the swap
    only if that is the inode we read, unwritten, and nobody waits to write it."""
    if not _displaced_is_ours(tmp, snap):
        return False  # an editor renamed its save over the file in between
    if snap.lease is Lease.HELD:
        if kernel.lease_wanted(snap.fd, write=False):
            return False  # an editor is about to write into it
        kernel.drop_lease(snap.fd)
        snap.lease = Lease.UNSUPPORTED
        time.sleep(_SETTLE)
    # An editor that opened the original just before the swap writes into it: their save.
    return not _written_since(snap)


def _unchanged(target: Path, snap: Snapshot) -> bool:
    """The name still holds the inode we read, and it still holds the bytes we read (the
    times alone could miss a save within the same clock tick)."""
    try:
        now = os.lstat(target)
    except OSError:
        return False
    if not (
        stat.S_ISREG(now.st_mode) and _same(now, snap.st) and _same(os.fstat(snap.fd), snap.st)
    ):
        return False
    return read_fd(snap.fd, len(snap.data), "") == snap.data


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
