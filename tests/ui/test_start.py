"""What the dashboard puts off until after its first frame: the cycle collector's return, and
the file watcher (started once the first reading is shown, reading again what changed since
that reading began). (ui/app.py, collector.py, workspace/worker.py, watch.py)"""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from goaldash.collector import end_start_pause, pause_for_start
from goaldash.config import Config
from goaldash.watch import changed_since, watch
from goaldash.workspace import Workspace, worker
from tests.ui.helpers import ALPHA_PATH, loaded, make_app, wait_for


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    end_start_pause()
    (gc.enable if was else gc.disable)()


async def test_the_collector_is_back_once_the_first_frame_is_drawn(
    repo: Path, collector_on: None
) -> None:
    pause_for_start()  # as `goaldash ROOT` does before it imports the dashboard
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, gc.isenabled, what="the collector back on")
        await loaded(pilot, app)
        assert gc.isenabled()


async def test_the_watcher_starts_once_the_first_reading_is_shown(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bool, int | None]] = []

    async def follow(ws: Workspace, since_ns: int | None = None) -> None:
        calls.append((ws.scanning, since_ns))

    monkeypatch.setattr(worker, "follow_files", follow)
    before = time.time_ns()
    app = make_app(repo, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await wait_for(pilot, lambda: bool(calls), what="the watcher started")
        await pilot.press("r")  # a reload reads again, with the watcher already on
        await loaded(pilot, app)
        await pilot.pause()
    assert len(calls) == 1
    scanning, since = calls[0]
    assert not scanning and since is not None and before <= since <= time.time_ns()


async def test_a_change_made_before_the_watcher_was_in_place_is_read_again(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed after the first reading looked at it, but before the watcher (started
    once that reading is shown) was watching, is read again."""
    alpha = repo / ALPHA_PATH
    follow = worker.follow_files

    async def late(ws: Workspace, since_ns: int | None = None) -> None:
        alpha.write_text(alpha.read_text().replace("- [ ] Ship it", "- [x] Ship it"))
        await follow(ws, since_ns)

    monkeypatch.setattr(worker, "follow_files", late)
    app = make_app(repo, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        done = app.plan(ALPHA_PATH).progress.done  # type: ignore[union-attr]
        await wait_for(
            pilot,
            lambda: app.plan(ALPHA_PATH).progress.done == done + 1,  # type: ignore[union-attr]
            what="the change made before the watcher started",
        )


def test_a_watcher_given_a_start_yields_what_changed_since(tmp_path: Path) -> None:
    plan = tmp_path / "docs" / "plans" / "a-plan.md"
    plan.parent.mkdir(parents=True)
    plan.write_text("# P\n\n- [ ] one\n")
    since = time.time_ns()
    plan.write_text("# P\n\n- [x] one\n")  # before the watcher is in place
    stop = threading.Event()
    seen: set[str] = set()

    async def run() -> None:
        def lost(since_ns: int) -> set[str]:
            return changed_since(tmp_path, since_ns, Config(), [])

        async for rels in watch(tmp_path, stop, lost, since_ns=since):
            seen.update(rels)
            stop.set()

    asyncio.run(asyncio.wait_for(run(), timeout=30))
    assert seen == {"docs/plans/a-plan.md"}
