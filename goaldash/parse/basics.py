"""The light part of parsing: hashing bytes, plans that could not be read. Importing it does
not import the markdown parser, so a start whose plans all come from the cache never pays for
that."""

from __future__ import annotations

import gc
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePosixPath

from goaldash.model import Plan, PlanFormat, Progress, Status, Warning
from goaldash.parse.formats import is_backup_path


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off meanwhile (back on after, if it was on).

    A plan is plain data, made of no reference cycles; but a big one is a million objects,
    which the collector, set off by the allocations of its making, encoding or decoding,
    walks again and again for nothing (a third of the time a plan of a million items takes
    to read, and as much again to encode). With several threads pausing it at once, the
    last one out turns it back on (if it was on when the first came in), never off for good.
    """
    global _pausing, _was_enabled
    with _PAUSE:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _PAUSE:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                gc.enable()


_PAUSE = threading.Lock()
_pausing = 0
"""How many threads are inside `collector_paused` (the last one out turns it back on)."""
_was_enabled = False


def fingerprint(data: bytes) -> str:
    """The content hash edits compare against before writing."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def unread_plan(path: str, group: str, kind: str, message: str, data: bytes = b"") -> Plan:
    """A plan that could not be read: listed with its warning, never dropped silently."""
    return Plan(
        path=path,
        group=group,
        format=PlanFormat.GENERIC,
        title=PurePosixPath(path).name,
        status=Status.UNKNOWN,
        progress=Progress(),
        warnings=(Warning(kind, message),),
        size=len(data),
        fingerprint=fingerprint(data),
        backup=is_backup_path(path),
    )
