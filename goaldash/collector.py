"""Python's cycle collector, paused while much is made that holds no reference cycles.

A plan is plain data, made of no reference cycles; but a big one is a million objects, which
the collector, set off by the allocations of its making, encoding or decoding, walks again
and again for nothing (a third of the time a plan of a million items takes to read, and as
much again to encode). Starting the dashboard is the same: importing Textual and goaldash
makes a few hundred thousand long-lived objects, and the collector walked them again and
again before the first frame (a tenth of the dashboard's start, measured).

This module is core: it must not import Textual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_PAUSE = threading.Lock()
_pausing = 0
"""How many pauses are on (the last one to end turns the collector back on)."""
_was_enabled = False
_starting = False
"""True between `pause_for_start` and `end_start_pause`."""


def _pause() -> None:
    global _pausing, _was_enabled
    with _PAUSE:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1


def _resume() -> None:
    global _pausing
    with _PAUSE:
        _pausing -= 1
        if _pausing == 0 and _was_enabled:
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off meanwhile (back on after, if it was on). With several threads
    pausing it at once, the last one out turns it back on (if it was on when the first came
    in), never off for good."""
    _pause()
    try:
        yield
    finally:
        _resume()


def pause_for_start() -> None:
    """The collector off while the dashboard starts, until `end_start_pause` (once only)."""
    global _starting
    if not _starting:
        _starting = True
        _pause()


def end_start_pause() -> None:
    """End `pause_for_start`'s pause, if it is on: what the start made, nearly all of it
    long-lived, is set aside for good (`gc.freeze`: no collection walks it again), and the
    collector is back as it was. Called once the first frame is drawn, and by a process
    forked meanwhile.

    The few thousand objects of cyclic garbage the start leaves (Textual's caches of its
    first frames: about half a megabyte, measured) are set aside with the rest, never freed:
    finding them would walk everything the start made, 70 ms on the UI thread."""
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        _resume()
