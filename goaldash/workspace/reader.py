"""The dashboard's first reading of every plan, on another core.

Before the dashboard imports Textual, `start` forks a child process that does what
`worker.scan` does up to the decoding: it lists the candidates, loads the parse cache,
reads every file, parses what the cache does not hold, saves the cache, and sends each plan
as the cache encodes it (`goaldash.codec`) through a pipe. So the reading runs on the second
core while the first one starts Textual and paints; the scan worker then only decodes what
came (`scan_from`). A thread of the dashboard's process empties the pipe as it fills, so the
child never waits for the dashboard to be up.

The child runs goaldash's own code and nothing else; it writes nothing but the pipe and the
parse cache. What comes through the pipe is decoded as strictly as the cache is (plain data,
checked value by value). Where forking is not to be had (no `fork`, or threads already
running, which a fork would copy mid-step), `start` gives None and the scan runs on a thread
as before. Should the child fail or its data not decode, the scan is done again on the
dashboard's own thread: slower, never wrong.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import queue
import struct
import threading
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goaldash.config import Config
    from goaldash.model import Plan
    from goaldash.workspace.events import Event, PlansRead
    from goaldash.workspace.state import Workspace

_FRAME = struct.Struct("!cQ")
"""A frame's head: its kind (one byte) and its payload's length."""
START, NOTICE, BATCH, END, FAIL = b"S", b"N", b"B", b"E", b"F"
MAX_FRAME = 1 << 36
"""A frame longer than this is no frame of ours: the child's data is refused."""


class Broken(Exception):
    """The child stopped before it had sent everything, or sent what is no frame."""


class Cancelled(Exception):
    """The scan waiting for the child's next frame was cancelled."""


LOOK_EVERY = 0.05
"""While waiting for the child's next bytes, how often a cancelled scan is noticed (s)."""


def start(root: Path, config: Config) -> Reader | None:
    """Fork the child reading every plan under `root`; None where that cannot be done."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    # The codec, before the fork: the child encodes with it, and the scan here decodes with
    # it. Imported on the scan's thread instead, it waited on the busy UI thread for a tenth
    # of a second before the first plan could be decoded.
    import goaldash.codec  # noqa: F401
    from goaldash.collector import end_start_pause

    r, w = os.pipe()
    _widen(w)
    started = time.time_ns()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return None
    if pid == 0:  # the child: never returns
        os.close(r)
        code = 1
        try:
            end_start_pause()  # the dashboard's, if on: the child has its own work
            _let_go_of_the_terminal()
            child(root, config, w)
            code = 0
        except BaseException:  # a child says nothing: the dashboard reads again
            pass
        finally:
            os._exit(code)
    os.close(w)
    return Reader(pid, r, started)


PIPE_SIZE = 1 << 20
"""The pipe's room (bytes), as far as the system allows: each time it fills, the child waits
for the dashboard's thread to empty it, and that thread waits its turn for the interpreter
behind a busy UI thread (up to the switch interval, 5 ms). With Linux's 64 KiB, a thousand
plans' 15 MB took over two hundred such turns: a second before the last plan came."""


def _widen(fd: int) -> None:
    """Give the pipe `fd` the room of `PIPE_SIZE`, or as much of it as the system lets us."""
    try:
        from fcntl import F_SETPIPE_SZ, fcntl  # Linux's
    except ImportError:
        return
    size = PIPE_SIZE
    with contextlib.suppress(OSError, ValueError):
        size = min(size, int(Path("/proc/sys/fs/pipe-max-size").read_text()))
    with contextlib.suppress(OSError):
        fcntl(fd, F_SETPIPE_SZ, size)


CHILD_NICENESS = 10
"""How much lower the child (and the parsing processes it starts) runs than the dashboard:
on a machine of few cores, a cold start's parsing never slows the dashboard's first frame,
and takes every core the dashboard leaves idle."""


def _let_go_of_the_terminal() -> None:
    """The child's standard streams become /dev/null: it never writes to the dashboard's
    terminal, and does not keep it open should it outlive the dashboard (saving the cache).
    It also steps behind the dashboard for the processor (`CHILD_NICENESS`)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    with contextlib.suppress(OSError):
        os.nice(CHILD_NICENESS)


class Reader:
    """The dashboard's end of the pipe: a thread empties it into memory as it fills, and
    `frames` hands its frames, in order, to the scan worker."""

    def __init__(self, pid: int | None, fd: int, started: int | None = None) -> None:
        """`pid`: the child writing at the other end of the pipe `fd` (None: no child of
        ours to wait for, as when a test writes there); `started`: when it started to read
        (ns since the epoch; now if not given)."""
        self.pid, self.fd = pid, fd
        self.started = started if started is not None else time.time_ns()
        """What changed since is read again once the child is done: the dashboard's file
        watcher was not yet watching while the child read."""
        self._chunks: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._buf = bytearray()
        threading.Thread(target=self._drain, name="goaldash-reader", daemon=True).start()

    def _drain(self) -> None:
        try:
            while not self._stop.is_set():
                data = os.read(self.fd, 1 << 20)
                if not data:
                    break
                self._chunks.put(data)
        except OSError:
            pass
        finally:
            self._chunks.put(b"")  # the end
            os.close(self.fd)  # a child still writing gets a broken pipe, and stops
            if self.pid is not None:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(self.pid, 0)

    def close(self) -> None:
        """Stop reading: the child is let go (it stops at its next write)."""
        self._stop.set()

    def _take(self, n: int, cancelled: Callable[[], bool]) -> bytes:
        while len(self._buf) < n:
            try:
                chunk = self._chunks.get(timeout=LOOK_EVERY)
            except queue.Empty:
                if cancelled():
                    raise Cancelled from None
                continue
            if not chunk:
                self._chunks.put(b"")  # every later look sees the end too
                raise Broken("the reading process stopped early")
            self._buf += chunk
        out = bytes(self._buf[:n])
        del self._buf[:n]
        return out

    def frame(self, cancelled: Callable[[], bool] = lambda: False) -> tuple[bytes, bytes]:
        """The next frame: its kind and payload. Raises Broken at the end of the data, and
        Cancelled should `cancelled()` say so while it waits."""
        kind, size = _FRAME.unpack(self._take(_FRAME.size, cancelled))
        if size > MAX_FRAME:
            raise Broken("not a frame")
        return kind, self._take(size, cancelled)


# ------------------------------------------------------------------------------- the child


class Writer:
    """The child's end of the pipe: frames written whole."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def send(self, kind: bytes, payload: bytes) -> None:
        data = memoryview(_FRAME.pack(kind, len(payload)) + payload)
        while data:
            data = data[os.write(self.fd, data) :]

    def json(self, kind: bytes, value: Any) -> None:
        self.send(kind, json.dumps(value).encode())


def child(root: Path, config: Config, fd: int) -> None:
    """What the child does: `worker.scan` up to the decoding, each plan sent encoded."""
    from goaldash.cache import ParseCache
    from goaldash.codec import encode_plan
    from goaldash.collector import collector_paused
    from goaldash.discover import candidates
    from goaldash.report.jsonout import fragment
    from goaldash.scan import read_found

    out = Writer(fd)
    notes: list[str] = []
    try:
        found = candidates(root, config, notes)
        empty = not found and not any(True for _ in root.iterdir())
        out.json(START, len(found))
        cache = ParseCache.for_root(root)
        if cache.warning is not None:
            out.json(NOTICE, cache.warning)
        for done, got in read_found(found, cache, keep_json=fragment, notes=notes):
            with collector_paused():
                blobs = [encode_plan(f.base()) if f.entry is None else f.entry.blob for f in got]
            head = json.dumps([done, [len(b) for b in blobs]]).encode()
            out.send(BATCH, b"\n".join([head, *blobs]))
        out.json(END, [len(found), empty, notes])
    except OSError as exc:
        out.json(FAIL, f"cannot read {root}: {exc}")
        return
    cache.save()


# ------------------------------------------------------------------ the dashboard's side


def scan_from(
    reader: Reader,
    ws: Workspace,
    emit: Callable[[Event], None],
    cancelled: Callable[[], bool],
) -> bool:
    """`worker.scan`, from what the child sends: True when it was all read and reported;
    False when the child's data broke off or did not decode (the caller reads again)."""
    from goaldash.codec import ERRORS, decode_plan
    from goaldash.workspace.events import Notice, PlansRead, ScanFailed

    seen: list[Plan] = []
    try:
        while True:
            kind, payload = reader.frame(cancelled)
            if cancelled():
                raise Cancelled
            if kind == BATCH:
                done, blobs = _batch(payload)
                batch = decoded([partial(decode_plan, b) for b in blobs], ws.today)
                if cancelled():
                    raise Cancelled
                seen.extend(batch)
                emit(PlansRead(batch, scanned=done))
            elif kind == START:
                emit(PlansRead([], scanned=0, candidates=_count(_typed(payload, int))))
            elif kind == NOTICE:
                emit(Notice(_typed(payload, str)))
            elif kind == FAIL:
                emit(ScanFailed(_typed(payload, str)))
                return True
            elif kind == END:
                total, empty, notes = json.loads(payload)
                if type(empty) is not bool or type(notes) is not list:
                    raise Broken("not an end")
                if not all(type(n) is str for n in notes):
                    raise Broken("not an end")
                final = PlansRead.last(seen, _count(total), empty, notes)
                emit(final)
                if final.shown is not None:
                    final.shown.wait(timeout=SHOWN_WAIT)
                _catch_up(reader, ws)
                settle_items(final, ws, cancelled)
                return True
            else:
                raise Broken("not a frame")
    except Cancelled:  # a newer scan, or the dashboard is closing: say nothing more
        reader.close()
        return True
    except (Broken, *ERRORS):
        reader.close()
        return False


def decoded(got: list[Callable[[], Plan]], today: date) -> list[Plan]:
    """The plans of a batch as of `today`, each made by its call (decoded from the cache
    where it was found there).

    They live as long as the dashboard shows them: a few hundred thousand objects for a big
    repository, with no reference cycles. The cycle collector is paused while they are made
    and they are then frozen (`gc.freeze`), so it never walks them: left to it, it walked
    each plan's objects as it was decoded, and again as they aged, a fifth of a warm scan's
    time."""
    from goaldash.checks import as_of
    from goaldash.collector import collector_paused

    with collector_paused():
        batch = [as_of(base(), today) for base in got]
        gc.freeze()
    return batch


SHOWN_WAIT = 2.0
"""How long the scan waits for the UI to show every plan before it decodes their items."""


def settle_items(final: PlansRead, ws: Workspace, cancelled: Callable[[], bool]) -> None:
    """Once the UI showed `final`'s plans (or after `SHOWN_WAIT`), decode the items of every
    plan that left them encoded (`LazyItems`) on this worker, so that the UI thread seldom
    has to; a plan whose kept items do not decode is read again from its file (by the IO
    worker, which never asks the cache). Waiting first, the decoding never holds up the
    screen that shows the plans."""
    from goaldash.collector import collector_paused
    from goaldash.lazyitems import LazyItems

    kept = [(p.path, p.items) for p in final.plans if isinstance(p.items, LazyItems)]
    if not kept:
        return
    if final.shown is not None and not all(items.decoded for _, items in kept):
        final.shown.wait(timeout=SHOWN_WAIT)
    broken = set()  # those decoded meanwhile too (a plan opened at once): read again all the same
    with collector_paused():
        for path, items in kept:
            if cancelled():
                return
            items.load()
            if items.broken:
                broken.add(path)
            time.sleep(0)  # the interpreter to the UI thread, should it have work
        gc.freeze()  # long-lived, and no cycles: see `decoded`
    if broken:
        ws.request_reread(broken)


def _catch_up(reader: Reader, ws: Workspace) -> None:
    """Have the files that changed since the child started read again: the dashboard's
    watcher, started meanwhile, may have missed them."""
    from goaldash.config import ConfigError
    from goaldash.watch import changed_since

    try:
        changed = changed_since(ws.root, reader.started, ws.load_config(), ws.known())
    except (ConfigError, OSError):  # made bad or unreadable meanwhile: the watcher says so
        return
    if changed:
        ws.request_reread(changed)


def _batch(payload: bytes) -> tuple[int, list[bytes]]:
    """A batch: the files read so far, and its plans (after its head, `[files read, [each
    plan's length]]`, and a newline: each plan, a newline between two). Broken unless the
    lengths account for every byte."""
    head, _, rest = payload.partition(b"\n")
    done, sizes = json.loads(head)
    if type(sizes) is not list or not all(type(n) is int and n >= 0 for n in sizes):
        raise Broken("not a batch")
    if sum(sizes) + max(len(sizes) - 1, 0) != len(rest):
        raise Broken("not a batch")
    blobs, at = [], 0
    for size in sizes:
        if at and rest[at - 1 : at] != b"\n":
            raise Broken("not a batch")
        blobs.append(rest[at : at + size])
        at += size + 1
    return _count(done), blobs


def _count(value: object) -> int:
    if type(value) is not int or value < 0:
        raise Broken("not a count")
    return value


def _typed(payload: bytes, kind: type) -> Any:
    value = json.loads(payload)
    if type(value) is not kind:
        raise Broken("not a frame")
    return value
