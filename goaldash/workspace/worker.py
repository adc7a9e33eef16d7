"""What runs on worker threads: reading every plan, the IO jobs (ticks, undos, re-reads),
following file events and asking git for standup. Each reports what it did through `emit`
(the UI posts it to its own thread) and leaves the workspace's state alone: the UI thread
applies the events.

The IO jobs run one at a time, in order: re-reading changed files, ticks and undos (through
`goaldash.edit`, the only code that writes a user's file). Every job ends with its files read
again, so the view shows what is on disk.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, cast

from goaldash.model import Plan
from goaldash.workspace.events import (
    Event,
    Notice,
    PlansRead,
    Refused,
    RescanNeeded,
    ScanFailed,
    StandupAnswer,
    Ticked,
)
from goaldash.workspace.reader import Reader, decoded, scan_from, settle_items
from goaldash.workspace.state import Job, Workspace

if TYPE_CHECKING:
    import anyio


Emit = Callable[[Event], None]
"""Where a worker reports: called on the worker's thread."""
Cancelled = Callable[[], bool]
"""Asked between steps: True when the worker is to stop."""

SHOWN_WAIT = 0.5
"""How long the IO worker lets the UI show a tick before parsing the written file."""
SCAN_WAIT = 30
"""How long a job waits for a scan to finish before it is dropped."""
STANDUP_WAIT = 120
"""How long standup waits for the scan (it compares git with the plans read)."""


def scan(ws: Workspace, emit: Emit, cancelled: Cancelled, reader: Reader | None = None) -> None:
    """Read every plan, reporting them in batches as they come; from what `reader`'s child
    process sends when there is one (and again here should it fail)."""
    ws.scan_done.clear()
    try:
        if reader is None or not scan_from(reader, ws, emit, cancelled):
            _scan_here(ws, emit, cancelled)
    finally:
        # A scan cancelled for a newer one leaves it to say when the plans are read.
        if not cancelled() or ws.stop.is_set():
            ws.scan_done.set()


def _scan_here(ws: Workspace, emit: Emit, cancelled: Cancelled) -> None:
    from goaldash.cache import ParseCache
    from goaldash.config import ConfigError
    from goaldash.discover import candidates
    from goaldash.report.jsonout import fragment
    from goaldash.scan import read_found

    root = ws.root
    try:
        try:
            config = ws.load_config()
        except ConfigError as exc:
            emit(ScanFailed(str(exc)))
            return
        notes: list[str] = []  # what is passed over, as `--once` says it
        found = candidates(root, config, notes)
        empty = not found and not any(True for _ in root.iterdir())
        emit(PlansRead([], scanned=0, candidates=len(found)))
        cache = ParseCache.for_root(root)
        if cache.warning is not None:
            emit(Notice(cache.warning))
        seen: list[Plan] = []
        for done, got in read_found(found, cache, keep_json=fragment, notes=notes):
            if cancelled():
                return
            batch = decoded([f.base for f in got], ws.today)
            seen.extend(batch)
            emit(PlansRead(batch, scanned=done))
        final = PlansRead.last(seen, len(found), empty, notes)
        emit(final)
        cache.save()
        settle_items(final, ws, cancelled)
    except OSError as exc:
        emit(ScanFailed(f"cannot read {root}: {exc}"))


def run_jobs(ws: Workspace, emit: Emit, cancelled: Cancelled) -> None:
    """Run re-reads, ticks and undos one at a time, in the order they were asked, until the
    workspace stops."""
    while not ws.stop.is_set() and not cancelled():
        run_next(ws, emit)


def run_next(ws: Workspace, emit: Emit, timeout: float = 0.1) -> bool:
    """Run the next job, waiting up to `timeout` for one; False when none came."""
    try:
        job = ws.jobs.get(timeout=timeout)
    except queue.Empty:
        return False
    if not _scan_finished(ws):
        if job.kind != "reread":
            emit(Refused("the plans are still being read", undo_of=job.result, seq=job.seq))
        return True
    try:
        run_job(ws, job, emit)
    except Exception as exc:  # never let one bad job kill the worker
        said = f"{type(exc).__name__}: {exc}"
        if job.kind == "reread":  # no tick to refuse: say the files were not read again
            emit(_not_read_again(said))
        else:
            emit(Refused(said, undo_of=job.result, seq=job.seq))
    return True


def _scan_finished(ws: Workspace) -> bool:
    """Wait (up to `SCAN_WAIT`) for the scan to have read every plan; False when it has not,
    or the workspace stops meanwhile."""
    deadline = time.monotonic() + SCAN_WAIT
    while not ws.scan_done.wait(timeout=0.1):
        if ws.stop.is_set() or time.monotonic() > deadline:
            return False
    return True


def _not_read_again(why: str) -> Notice:
    """What the dashboard says when changed files could not be read again (`why`)."""
    return Notice(f"Not read again: {why}", severity="error")


def run_job(ws: Workspace, job: Job, emit: Emit) -> None:
    """Run `job`, then read its files again (and those of re-reads already queued)."""
    from goaldash.config import ConfigError
    from goaldash.edit import EditError, set_item_state, undo
    from goaldash.watch import reread

    rels = set(job.rels)
    if job.kind == "tick":
        (rel,) = rels
        try:
            result = set_item_state(
                ws.root / rel,
                job.line,
                None,
                expect_text=job.text,
                expect_fingerprint=job.fingerprint,
                known_items=job.items,
            )
            shown = threading.Event()
            emit(
                Ticked(result, rel, undone=False, before=job.fingerprint, shown=shown, seq=job.seq)
            )
            # Parsing holds the interpreter; let the UI show the tick first.
            shown.wait(timeout=SHOWN_WAIT)
        except EditError as exc:
            emit(Refused(str(exc), seq=job.seq))
    elif job.kind == "undo":
        (rel,) = rels
        assert job.result is not None
        try:
            done = undo(job.result)
            emit(Ticked(done, rel, undone=True, before=job.result.fingerprint, seq=job.seq))
        except EditError as exc:
            emit(Refused(str(exc), undo_of=job.result, seq=job.seq))
    # Fold in the re-reads queued next. Only from the front: a tick or an undo stays where
    # it is (taking it out and putting it back sent it behind the jobs asked after it, so a
    # burst of ticks and undos ran out of order).
    with ws.jobs.mutex:
        waiting = ws.jobs.queue
        while waiting and waiting[0].kind == "reread":
            rels |= waiting.popleft().rels
    try:
        config = ws.load_config()
    except ConfigError as exc:  # the tick above stands: only the reading waits for a fix
        emit(_not_read_again(str(exc)))
        return
    known = ws.known()
    out = reread(ws.root, rels, config, ws.today, known.__contains__, known)
    if out.rescan:
        ws.config = None
        emit(RescanNeeded())
    if out.plans or out.removed or out.binary or ws.passed_over:
        emit(PlansRead(out.plans, out.removed, looked_at=tuple(rels), binary=tuple(out.binary)))


def read_standup(ws: Workspace, round: int, span: str) -> StandupAnswer:
    """Git's answer for `span`, once the plans are read (so they can be compared)."""
    from goaldash.standup import StandupError, standup

    ws.scan_done.wait(timeout=STANDUP_WAIT)
    try:
        result = standup(ws.root, span, ws.now(), ws.load_config(), plans=ws.plans)
    except StandupError as exc:
        return StandupAnswer(round, None, str(exc))
    except Exception as exc:  # never a traceback on screen
        return StandupAnswer(round, None, f"standup failed: {exc}")
    return StandupAnswer(round, result, None)


async def follow_files(ws: Workspace, since_ns: int | None = None) -> None:
    """Turn file events into re-read jobs until the workspace stops (the IO worker trusts a
    fresh stat, not the events). What changed since `since_ns` (when the first reading
    began) and before the watcher was in place is read again too. Raises when the watcher
    dies."""
    import asyncio

    # The watcher's module brings the parser: imported on a thread, not on the UI's.
    changed_since, watch = await asyncio.to_thread(_watch_functions)
    # watchfiles polls `is_set()` from its thread and calls `set()` when cancelled: a
    # threading.Event does both, and also stops the IO worker at exit.
    stop = cast("anyio.Event", ws.stop)

    def lost(since_ns: int) -> set[str]:  # what the watcher missed (not yet, or restarting)
        return changed_since(ws.root, since_ns, ws.load_config(), list(ws.known()))

    async for rels in watch(ws.root, stop, lost, since_ns=since_ns):
        ws.request_reread(rels)


def _watch_functions() -> tuple[Callable[..., set[str]], Callable[..., AsyncIterator[set[str]]]]:
    from goaldash.watch import changed_since, watch

    return changed_since, watch
