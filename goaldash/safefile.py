"""Reading a user's file safely: regular files only, never a blocking open, never past a limit.

Every read of a file goaldash did not write goes through here. A plan named `plan.md` may be
a FIFO (an open for reading would wait for a writer forever), a symlink to `/dev/zero` or
`/dev/urandom` (a read would never end), or a device whose mere opening does something. So:

1. `stat` the path (following symlinks) and refuse anything but a regular file before
   opening it;
2. open it with `O_NONBLOCK | O_NOCTTY`, so that even a file swapped for a FIFO in between
   cannot block the open, then `fstat` the descriptor and refuse it unless it is the same
   regular file;
3. read at most `limit + 1` bytes through the descriptor, whatever `stat` said, and refuse a
   file that turns out larger than the limit.

The errors are `OSError`s with a one-line `strerror`, so callers that already say "cannot be
read: <reason>" keep doing so.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import errno
import os
import stat
import time

from goaldash import kernel

MAX_BYTES = 32 * 1024 * 1024
"""The default limit: larger files are listed with a warning instead of read."""

_CHUNK = 1 << 20
# A file another process holds a kernel lease on (goaldash's own edit module does, for the
# milliseconds a tick takes) answers a non-blocking open with EWOULDBLOCK: wait a little.
_BUSY_TRIES = 50
_BUSY_PAUSE = 0.002
SETTLE_SECONDS = 0.5
"""How long a read waits for a file another program holds open for writing."""


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder: never opened for reading."""

    def __init__(self, path: str | os.PathLike[str], what: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({what})", os.fspath(path))


class TooLarge(OSError):
    """The file holds more bytes than the limit allows."""

    def __init__(self, path: str | os.PathLike[str], limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {_size(limit)}: not read", os.fspath(path))


def kind_of(mode: int) -> str:
    """What a file mode is, in words: "folder", "FIFO", "device"..."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISLNK(mode):
        return "symbolic link"
    return "special file"


def open_regular(
    path: str | os.PathLike[str],
    flags: int = os.O_RDONLY,
    *,
    follow_symlinks: bool = True,
    dir_fd: int | None = None,
) -> tuple[int, os.stat_result]:
    """Open a regular file without ever blocking; the descriptor and its `fstat`.

    Raises `NotRegularFile` for anything else (checked before opening, so that nothing else
    is ever opened, and again after), and the
    `OSError` of `stat` or `open` otherwise (FileNotFoundError, PermissionError, ELOOP...).
    The caller closes the descriptor.

    With `follow_symlinks=False` a symbolic link is never followed: it is refused as not a
    regular file, and opened with `O_NOFOLLOW` so that one put in place after the check
    fails with ELOOP. `dir_fd` makes `path` relative to that open folder (as `os.open`).
    """
    before = os.stat(path, dir_fd=dir_fd, follow_symlinks=follow_symlinks)
    if not stat.S_ISREG(before.st_mode):
        raise NotRegularFile(path, kind_of(before.st_mode))
    extra = os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        extra |= os.O_NOFOLLOW
    fd = _open_busy(path, flags | extra, dir_fd)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            # Swapped for something else between the two looks. (Another regular file in its
            # place is an editor's save by rename: that one is read.)
            raise NotRegularFile(path, kind_of(st.st_mode))
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def _open_busy(path: str | os.PathLike[str], flags: int, dir_fd: int | None = None) -> int:
    for _ in range(_BUSY_TRIES - 1):
        try:
            return os.open(path, flags, dir_fd=dir_fd)
        except BlockingIOError:
            time.sleep(_BUSY_PAUSE)
    return os.open(path, flags, dir_fd=dir_fd)


def read_fd(
    fd: int, limit: int = MAX_BYTES, path: str | os.PathLike[str] = "", *, size_hint: int = 0
) -> bytes:
    """Every byte from the start of `fd`, but never more than `limit` (else `TooLarge`).

    `size_hint` (the size `fstat` gave) only sizes the first read."""
    chunks: list[bytes] = []
    got = 0
    offset = 0
    # The first read asks for the whole file as `stat` saw it (one buffer, nothing joined);
    # the loop still ends only at the end of the file, or one byte past the limit.
    want = max(_CHUNK, size_hint + 1)
    while True:
        chunk = os.pread(fd, min(want, limit + 1 - got), offset)
        want = _CHUNK
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        offset += len(chunk)
        if got > limit:
            raise TooLarge(path, limit)
    return b"".join(chunks)


def read_regular(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.

    Not while another program is half way through saving it in place: where the kernel
    grants a read lease (`goaldash.kernel`), it is granted only when no process has the file
    open for writing, and any that opens it meanwhile waits until the read is done. A file
    held open for writing is waited for (`SETTLE_SECONDS` at most, then read as it is).
    """
    deadline = time.monotonic() + SETTLE_SECONDS
    while True:
        fd, st = open_regular(path)
        try:
            if kernel.take_lease(fd, write=False) is not kernel.Lease.BUSY or (
                time.monotonic() > deadline
            ):
                if st.st_size > limit:
                    raise TooLarge(path, limit)
                return read_fd(fd, limit, path, size_hint=st.st_size)
        finally:
            os.close(fd)  # which lets go of the lease
        time.sleep(_BUSY_PAUSE)


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n} bytes"
