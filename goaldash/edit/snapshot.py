"""Opening a file for a tick: leased where the kernel allows it, and read whole.

A *write lease* (`goaldash.kernel`) is the best: the kernel grants it only when no other
program has the file open at all (so no save of it is half done), and until we let go, any
program that opens the file waits. Only the file's owner (or root) may take one, and only
where the file system supports them.

When another program keeps the file open (a pager, `tail -f`), no write lease is to be had:
after a short wait (`exclusive` in `snapshot`) a *read lease* does, which keeps writers
waiting but not readers, and the tick copies and swaps the file (`commit.replace`).

Without leases at all (other systems, NFS, someone else's file), the file is read once it has
gone `QUIET` seconds without a change, and the checks of `commit` are the only guard.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import errno
import os
import time
from dataclasses import dataclass
from pathlib import Path

from goaldash import kernel
from goaldash.kernel import Lease
from goaldash.safefile import open_regular, read_fd

QUIET = 0.05
"""Without a lease: seconds a file must have gone unchanged before it is read for a tick."""
# Opening for writing fails so on a file (or file system) we may not write: the tick reads it
# anyway, and then refuses with the reason.
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ETXTBSY}


class Busy(Exception):
    """Another program is writing the file right now: try again in a moment."""


@dataclass(slots=True)
class Snapshot:
    """A file opened for a tick: its descriptor, its `fstat` and bytes when read, its lease."""

    fd: int
    st: os.stat_result
    data: bytes
    lease: Lease
    """HELD while a lease is held on `fd`."""
    exclusive: bool = False
    """The lease held is a write lease (and `fd` is open for writing): the file is ours."""
    keep_inode: bool = False
    """The mark must be written into this very file (hard links, someone else's file)."""
    lease_again: bool = False
    """A read lease was let go after the read, to be taken again for the swap."""

    def close(self) -> None:
        if self.fd >= 0:
            if self.lease is Lease.HELD:
                kernel.drop_lease(self.fd)
            os.close(self.fd)
            self.fd = -1


def snapshot(
    target: Path, limit: int, deadline: float, *, exclusive: bool, keep_inode: bool = False
) -> Snapshot:
    """Open, lease and read `target`. Raises Busy while another program writes it (with
    `exclusive`, or when the inode must stay: while it has it open at all), and the errors
    of `open_regular` and `read_fd` otherwise."""
    try:
        fd, st = open_regular(target, os.O_RDWR)
    except OSError as exc:
        if exc.errno not in _NOT_WRITABLE:
            raise
        fd = -1
    if fd >= 0:
        lease = kernel.take_lease(fd, write=True)
        keep = keep_inode or st.st_nlink > 1
        if lease is Lease.HELD:
            return _read(Snapshot(fd, st, b"", lease, True, keep), target, limit)
        os.close(fd)
        if lease is Lease.BUSY and (exclusive or keep):
            raise Busy
        if lease is Lease.UNSUPPORTED:
            return _unleased(target, limit, deadline, keep_inode)
    fd, st = open_regular(target, os.O_RDONLY)
    snap = Snapshot(fd, st, b"", kernel.take_lease(fd, write=False))
    if snap.lease is not Lease.HELD:
        snap.close()
        if snap.lease is Lease.BUSY:
            raise Busy
        return _unleased(target, limit, deadline, keep_inode)
    _read(snap, target, limit)
    # The copy takes a while to write; nobody should wait on us meanwhile.
    kernel.drop_lease(fd)
    snap.lease, snap.lease_again = Lease.UNSUPPORTED, True
    return snap


def _unleased(target: Path, limit: int, deadline: float, keep_inode: bool) -> Snapshot:
    """No lease to be had: wait until the file has been quiet, then read it. The mark goes
    into the file itself when a copy would break it (several hard links) or take it from
    its owner (someone else's file)."""
    st = os.stat(target)
    geteuid = getattr(os, "geteuid", None)
    keep = (
        keep_inode or st.st_nlink > 1 or (geteuid is not None and geteuid() not in (0, st.st_uid))
    )
    try:
        fd, st = open_regular(target, os.O_RDWR if keep else os.O_RDONLY)
    except OSError as exc:
        if exc.errno not in _NOT_WRITABLE:
            raise
        fd, st = open_regular(target, os.O_RDONLY)  # refused once the item is found
    snap = Snapshot(fd, st, b"", Lease.UNSUPPORTED, False, keep)
    try:
        snap.st = _wait_quiet(fd, deadline)
    except BaseException:
        snap.close()
        raise
    return _read(snap, target, limit)


def _read(snap: Snapshot, target: Path, limit: int) -> Snapshot:
    try:
        snap.data = read_fd(snap.fd, limit, target)
        if not same(os.fstat(snap.fd), snap.st):
            raise Busy  # written while we read: only possible without a lease
    except BaseException:
        snap.close()
        raise
    return snap


def same(a: os.stat_result, b: os.stat_result) -> bool:
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


def remember(st: os.stat_result) -> None:
    """The state a write of ours left the file in."""
    if len(_ours) > 64:
        _ours.clear()
    _ours[(st.st_dev, st.st_ino)] = (st.st_size, st.st_mtime_ns)


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
        if age < 0 and same(os.fstat(fd), st):
            return st
