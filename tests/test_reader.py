"""The dashboard's first reading on another process (goaldash/workspace/reader.py): it gives
what the scan on a thread gives; a child that breaks off, or sends what is no plan, is
never believed (the plans are read again here); no fork while threads run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from goaldash.config import load_config
from goaldash.workspace import PlansRead, ScanFailed, worker
from goaldash.workspace import reader as rd

from .test_workspace import A, B, Headless, make_root

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_root(tmp_path)


def _fed(write: Callable[[int], None]) -> tuple[rd.Reader, threading.Thread]:
    """A reader whose pipe `write` fills from a thread, as the child would from its process."""
    r, w = os.pipe()

    def run() -> None:
        try:
            write(w)
        except BrokenPipeError:  # the reader let go: as the child, stop
            pass
        finally:
            os.close(w)

    thread = threading.Thread(target=run)
    thread.start()
    return rd.Reader(None, r), thread


def _scan(root: Path, reader: rd.Reader | None) -> Headless:
    h = Headless(root)
    worker.scan(h.ws, h.emit, lambda: False, reader)
    h.apply()
    return h


def _final(h: Headless) -> list[PlansRead]:
    return [e for e in h.of(PlansRead) if isinstance(e, PlansRead) and e.final]


def test_the_child_gives_what_a_scan_on_a_thread_gives(folder: Path) -> None:
    here = _scan(folder, None)
    reader, thread = _fed(lambda w: rd.child(folder.resolve(), load_config(folder), w))
    there = Headless(folder)
    assert rd.scan_from(reader, there.ws, there.emit, lambda: False)  # all taken from it
    there.apply()
    thread.join()
    assert [p.path for p in there.ws.plans] == [A, B]
    assert there.ws.plans == here.ws.plans
    (final,) = _final(there)
    assert final.replace_all and final.scanned == there.ws.candidates == here.ws.candidates
    assert not there.ws.scanning


def test_the_child_saves_the_cache_it_read_with(folder: Path) -> None:
    from goaldash.cache import ParseCache

    reader, thread = _fed(lambda w: rd.child(folder.resolve(), load_config(folder), w))
    _scan(folder, reader)
    thread.join()
    assert {A, B} <= set(ParseCache.for_root(folder.resolve()).entries)


def _frames(*frames: tuple[bytes, bytes]) -> Callable[[int], None]:
    def write(w: int) -> None:
        out = rd.Writer(w)
        for kind, payload in frames:
            out.send(kind, payload)

    return write


@pytest.mark.parametrize(
    "frames",
    [
        [(rd.START, b"3")],  # stops before its end
        [(rd.START, b"3"), (rd.BATCH, b'[1,[5]]\n["x"]'), (rd.END, b"[3,false,[]]")],  # no plan
        [(rd.START, b"3"), (rd.BATCH, b"[1,[500]]\n{}")],  # shorter than it says
        [(rd.START, b'"three"')],  # not a count
        [(b"?", b"")],  # no kind of ours
    ],
    ids=["broken-off", "not-a-plan", "short", "not-a-count", "unknown-kind"],
)
def test_what_the_child_sends_is_never_believed_unchecked(
    folder: Path, frames: list[tuple[bytes, bytes]]
) -> None:
    here = _scan(folder, None)
    reader, thread = _fed(_frames(*frames))
    there = _scan(folder, reader)
    thread.join()
    assert there.ws.plans == here.ws.plans  # read again here, whole and right
    (final,) = _final(there)
    assert final.replace_all


def _held_open(first: bytes) -> tuple[rd.Reader, threading.Event, threading.Thread]:
    """A reader whose writer sends `first`, then holds the pipe open (sending nothing) until
    let go: only a check of what came, or a cancel, can end the wait."""
    let_go = threading.Event()

    def write(w: int) -> None:
        os.write(w, first)
        let_go.wait(timeout=30)

    reader, thread = _fed(write)
    return reader, let_go, thread


def test_a_frame_longer_than_any_is_refused(folder: Path) -> None:
    reader, let_go, thread = _held_open(rd._FRAME.pack(rd.BATCH, rd.MAX_FRAME + 1))
    h = Headless(folder)
    given_up = threading.Event()  # waiting for the frame's bytes would end only so
    timer = threading.Timer(5, given_up.set)
    timer.start()
    try:
        whole = rd.scan_from(reader, h.ws, h.emit, given_up.is_set)
    finally:
        timer.cancel()
        let_go.set()
        thread.join()
    assert whole is False and not given_up.is_set()  # refused at once, not waited for


def test_a_scan_cancelled_while_the_child_is_silent_stops(folder: Path) -> None:
    reader, let_go, thread = _held_open(rd._FRAME.pack(rd.START, 1) + b"2")
    h = Headless(folder)
    asked = threading.Event()
    threading.Timer(0.2, asked.set).start()
    try:
        whole = rd.scan_from(reader, h.ws, h.emit, asked.is_set)
        stopped_waiting = not let_go.is_set()
    finally:
        let_go.set()
        thread.join()
    assert whole is True and stopped_waiting  # returned while the child still held on
    assert all(not isinstance(e, PlansRead) or not e.final for e in h.pending)


def test_a_cancelled_scan_leaves_it_to_the_newer_to_say_all_is_read(folder: Path) -> None:
    h = Headless(folder)
    worker.scan(h.ws, h.emit, lambda: True)  # cancelled: a newer scan runs
    assert not h.ws.scan_done.is_set()
    h.ws.stop.set()
    worker.scan(h.ws, h.emit, lambda: True)  # cancelled as the dashboard closes
    assert h.ws.scan_done.is_set()


@pytest.mark.parametrize(
    "payload",
    [b'[1,[3]]\n["x"]trailing', b"[-1,[]]", b"[1,[2,2]]\n[]x[]", b'[1,"3"]\n[1]'],
    ids=["bytes-left-over", "negative-count", "no-newline-between", "lengths-not-a-list"],
)
def test_a_batch_whose_lengths_do_not_add_up_is_refused(payload: bytes) -> None:
    with pytest.raises(rd.Broken):
        rd._batch(payload)


def test_a_folder_the_child_cannot_read_fails_the_scan_as_here(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    config = load_config(gone)
    gone.rmdir()
    reader, thread = _fed(lambda w: rd.child(gone, config, w))
    there = _scan(gone, reader)
    thread.join()
    (failed,) = there.of(ScanFailed)
    assert isinstance(failed, ScanFailed) and failed.message.startswith(f"cannot read {gone}")


def test_a_cancelled_scan_lets_the_child_go(folder: Path) -> None:
    wrote = threading.Event()

    def write(w: int) -> None:
        out = rd.Writer(w)
        out.send(rd.START, b"2")
        while True:  # as a child with much to send: until the pipe breaks
            out.send(rd.NOTICE, b'"more"')
            wrote.set()

    reader, thread = _fed(write)
    h = Headless(folder)
    worker.scan(h.ws, h.emit, lambda: wrote.is_set(), reader)
    thread.join(timeout=30)
    assert not thread.is_alive()  # the pipe broke under the writer: it stopped


def test_no_fork_while_threads_run(folder: Path) -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert rd.start(folder, load_config(folder)) is None
    finally:
        release.set()
        other.join()


_FORKED = """
import json, sys
from pathlib import Path
from datetime import date
from goaldash.config import load_config
from goaldash.workspace import Workspace, PlansRead, reader
root = Path(sys.argv[1]).resolve()
early = reader.start(root, load_config(root))
ws = Workspace.at(root, date(2026, 11, 21))
events = []
whole = reader.scan_from(early, ws, events.append, lambda: False)
final = [e for e in events if isinstance(e, PlansRead) and e.final][0]
print(json.dumps({
    "forked": early is not None and early.pid not in (None, 0),
    "whole": whole,
    "plans": [[p.path, p.progress.done, p.progress.total] for p in final.plans],
}))
"""


def test_the_dashboard_forks_its_reader_before_textual(folder: Path) -> None:
    """In a fresh process, as `goaldash ROOT` starts: the child is forked, and all it sends
    is taken (nothing read again here)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    out = subprocess.run(
        [sys.executable, "-c", _FORKED, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    got = json.loads(out.stdout)
    assert got == {"forked": True, "whole": True, "plans": [[A, 1, 3], [B, 2, 2]]}


def test_a_file_changed_while_the_child_read_is_read_again(folder: Path) -> None:
    """The dashboard's watcher starts after the child has begun: what changed since the
    child started is read again once it is done."""
    reader, thread = _fed(lambda w: rd.child(folder.resolve(), load_config(folder), w))
    thread.join()  # the child read every file: then, before the watcher watches, an edit
    alpha = folder / A
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("- [ ] Ship it", "- [x] Ship it"))
    os.utime(alpha, ns=(reader.started + 10**9, reader.started + 10**9))
    dash = _scan(folder, reader)
    assert dash.plan(A).progress.done == 1  # what the child read
    assert not dash.ws.jobs.empty()
    dash.jobs()
    assert dash.plan(A).progress.done == 2


@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_SETPIPE_SZ"), reason="Linux's pipes")
def test_the_pipe_holds_a_batch_without_the_dashboard_looking() -> None:
    # Each time the pipe is full the child waits for the dashboard's thread, which waits its
    # turn behind a busy UI thread: with 64 KiB of room, a big repository's plans came a
    # second late. The pipe takes what the system lets it (a megabyte here) at one go.
    import fcntl

    r, w = os.pipe()
    try:
        rd._widen(w)
        room = min(rd.PIPE_SIZE, int(Path("/proc/sys/fs/pipe-max-size").read_text()))
        assert fcntl.fcntl(w, fcntl.F_GETPIPE_SZ) >= room > 1 << 16
        os.set_blocking(w, False)
        assert os.write(w, bytes(room)) == room  # none of it waits for the reader
    finally:
        os.close(r)
        os.close(w)
