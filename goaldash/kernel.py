"""What the kernel offers against a concurrent save, where it offers it: leases and swaps.

No lock exists that editors honour, but Linux has two tools that work on them anyway:

- A *lease* (`fcntl(F_SETLEASE)`) on a file we opened: while we hold a read lease, any other
  process's open of that file for writing (an in-place save, `O_TRUNC`) waits until we let go;
  a write lease makes every other open wait. A lease is granted only when nobody else has the
  file open for writing (for a write lease: open at all), so holding one also proves that no
  save is half done. The kernel tells the holder that someone is waiting with a signal:
  SIGIO by default, whose default action ends the process, so goaldash asks for SIGURG,
  which is ignored by default, and asks the lease itself whether anyone waits.
- `renameat2(RENAME_EXCHANGE)` swaps two names atomically: after putting the new file in
  place we hold what was there under the temporary name, and can look at it, and swap back
  when it is not the file we read (an editor renamed its save over it meanwhile).

The edit module uses both; `goaldash.safefile` takes a read lease to read a file only when no
save of it is half done. Elsewhere (other systems, file systems without them, a file owned by
another user), each helper says it cannot, and the caller falls back to the careful checks
alone.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from enum import Enum

try:
    import fcntl
except ImportError:  # not on Unix
    fcntl = None  # type: ignore[assignment]

_F_SETLEASE = getattr(fcntl, "F_SETLEASE", None)
_F_GETLEASE = getattr(fcntl, "F_GETLEASE", None)
_F_SETSIG = getattr(fcntl, "F_SETSIG", None)
_NOTICE = getattr(signal, "SIGURG", None)
# The lease errors that mean "not here" rather than "busy": no support in the file system or
# the kernel (EINVAL, ENOLCK), or not ours to lease (EACCES, EPERM).
_UNSUPPORTED = {errno.EINVAL, errno.ENOLCK, errno.EACCES, errno.EPERM, errno.ENOSYS}
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class Lease(Enum):
    """What asking for a lease gave."""

    HELD = "held"
    BUSY = "busy"
    """Someone else has the file open for writing (for a write lease: open at all)."""
    UNSUPPORTED = "unsupported"


def take_lease(fd: int, write: bool) -> Lease:
    """Ask for a read lease (`write` False: `fd` must be open read-only) or a write lease."""
    if fcntl is None or _F_SETLEASE is None or _F_SETSIG is None or _NOTICE is None:
        return Lease.UNSUPPORTED
    try:
        # The signal is set on every take: letting go of a lease resets it.
        fcntl.fcntl(fd, _F_SETSIG, int(_NOTICE))
        fcntl.fcntl(fd, _F_SETLEASE, fcntl.F_WRLCK if write else fcntl.F_RDLCK)
    except BlockingIOError:
        return Lease.BUSY
    except OSError as exc:
        if exc.errno in _UNSUPPORTED:
            return Lease.UNSUPPORTED
        if exc.errno == errno.EAGAIN:
            return Lease.BUSY
        raise
    return Lease.HELD


def lease_wanted(fd: int, write: bool) -> bool:
    """True when another process waits to open the file (the lease is being broken)."""
    if fcntl is None or _F_GETLEASE is None:
        return False
    try:
        now = fcntl.fcntl(fd, _F_GETLEASE)
    except OSError:
        return True
    return bool(now != (fcntl.F_WRLCK if write else fcntl.F_RDLCK))


def drop_lease(fd: int) -> None:
    """Let go of the lease on `fd` (waiting openers go on at once)."""
    if fcntl is None or _F_SETLEASE is None:
        return
    with suppress(OSError):  # closing the descriptor lets go of it anyway
        fcntl.fcntl(fd, _F_SETLEASE, fcntl.F_UNLCK)


_renameat2: Callable[..., int] | None = None
_looked = False


def _lookup() -> Callable[..., int] | None:
    global _renameat2, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(None, use_errno=True)
                fn = libc.renameat2
            except (OSError, AttributeError):
                fn = None
            if fn is not None:
                fn.argtypes = [
                    ctypes.c_int,
                    ctypes.c_char_p,
                    ctypes.c_int,
                    ctypes.c_char_p,
                    ctypes.c_uint,
                ]
                fn.restype = ctypes.c_int
            _renameat2 = fn
    return _renameat2


def exchange(a: str, b: str) -> bool:
    """Swap the names `a` and `b` atomically. False when the system or the file system cannot
    (the caller falls back to a plain rename); OSError when it failed for another reason
    (FileNotFoundError: one of the names is gone)."""
    fn = _lookup()
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), a, None, b)
