"""Worker processes for parsing: on every core when there is enough to parse, else here.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Parsing is CPU-bound: with many files to parse, the other cores help. Below these, a pool's
# start-up (a fresh interpreter per worker, about 0.3 s) costs more than it saves: measured on
# 2 cores, 66 files of 0.95 MB parse 0.12 s faster here, 3 MB 0.27 s faster on the pool.
POOL_MIN_FILES = 200
POOL_MIN_BYTES = 1_500_000


def workers_default() -> int:
    """Processes to parse with: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


_Job = TypeVar("_Job", bound=tuple[Any, ...])
"""A parse job: (path, bytes, ...)."""
_Out = TypeVar("_Out")


def pays_to_pool(jobs: list[_Job], workers: int | None) -> bool:
    """Whether parsing `jobs` on worker processes pays for starting them: more than one job
    (one file cannot be shared out), and enough files or bytes."""
    workers = workers if workers is not None else workers_default()
    size = sum(len(j[1]) for j in jobs)
    many = len(jobs) >= POOL_MIN_FILES or size >= POOL_MIN_BYTES
    return workers > 1 and len(jobs) > 1 and many


@contextmanager
def mapped(
    fn: Callable[[_Job], _Out], jobs: list[_Job], workers: int | None, chunksize: int
) -> Iterator[Iterator[_Out]]:
    """`map(fn, jobs)` (parse jobs: path, bytes, ...), lazily, on worker processes when
    there are enough jobs or bytes to pay for starting them; in this process otherwise."""
    pool: ProcessPoolExecutor | None = None
    if pays_to_pool(jobs, workers):
        try:
            pool = start_pool(workers)
        except (OSError, ValueError, RuntimeError):
            # No processes to be had (inside a TUI whose stderr is not a real file, say):
            # parse here, slower but right.
            pool = None
    try:
        yield pool.map(fn, jobs, chunksize=chunksize) if pool is not None else map(fn, jobs)
    finally:
        if pool is not None:
            # Waiting (for idle workers to exit, a few ms) is what keeps the executor's own
            # exit hook from racing its manager thread: Python 3.11 then prints "Exception
            # ignored ... Bad file descriptor" on the way out, about one run in twenty.
            pool.shutdown(wait=True, cancel_futures=True)


def start_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """Worker processes for parsing ("spawn": forking a process that runs threads is unsafe).

    Inside the dashboard, Textual has replaced `sys.stderr` with an object whose file number
    is -1, which multiprocessing cannot hand to its helper process; the real one is lent for
    the start. The workers' own output goes nowhere, so it can never scribble on the screen.

    multiprocessing is imported here, not with this module: a warm start, which parses
    nothing, does not pay for it (a fiftieth of a second, on the reading child's path).
    """
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with _real_stderr():
        pool = ProcessPoolExecutor(
            max_workers=workers or workers_default(),
            mp_context=get_context("spawn"),
            initializer=_silence,
        )
        pool.submit(int).result()  # the processes and their helper exist from here on
    return pool


@contextmanager
def _real_stderr() -> Iterator[None]:
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable or sys.__stderr__ is None:
        yield
        return
    saved, sys.stderr = sys.stderr, sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


def _silence() -> None:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
