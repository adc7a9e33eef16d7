"""The benchmark's probe: start an app headless, print the seconds since START when its first
frame is made for the terminal (and, for the dashboard, when the screen has been refreshed
with every plan on it, then when the process is idle: the scan decodes the plans' items once
they are shown), then exit. Run by the benchmark in a fresh process, so imports count:

    python -m bench.probe START_EPOCH bare|all [ROOT]

With GOALDASH_PROBE_WHY=1 (mode all), it also says on stderr where the time went: when the
scan's thread started and ended, and the CPU seconds of that thread, of the UI thread (from
its first line of the app's own code, after the imports) and of the whole process. With
GOALDASH_PROBE_NO_READER=1 the dashboard reads the plans on a thread of its own, as it does
where it cannot fork a reading process.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.pilot import Pilot

_first: list[float] = []


def _spy_on_frames() -> None:
    """Note when the first frame is made for the terminal.

    Headless, Textual composes and renders each frame as it would for a terminal, then
    leaves it unwritten (`App._display`); the first thing the headless driver does write is
    an escape code, sent as the app starts, before any screen is composed."""
    from textual.app import App

    display = App._display

    def spy(self: App[Any], screen: Any, renderable: Any) -> None:
        if renderable is not None and not _first:
            _first.append(time.time())
        display(self, screen, renderable)

    App._display = spy  # type: ignore[method-assign]


POLL = 0.005
"""How often the probe looks (s). It sleeps on the event loop between looks: `pilot.pause`
would wait for every widget to be idle and paint the whole screen at each look, work the
app itself never does, which slowed the app it measured."""

DEADLINE = 300.0
"""Seconds after which the probe gives up (an app that never finishes must not hang a run)."""


async def _until(ready: Callable[[], bool], t0: float) -> None:
    while not ready():
        if time.time() - t0 > DEADLINE:
            raise SystemExit(f"probe: gave up after {DEADLINE:.0f} s")
        await asyncio.sleep(POLL)


async def _painted(pilot: Pilot[Any], t0: float) -> None:
    await _until(lambda: bool(_first), t0)
    print(_first[0] - t0, flush=True)


def main(argv: list[str]) -> None:
    t0, mode = float(argv[0]), argv[1]
    if mode == "bare":
        from textual.app import App

        _spy_on_frames()

        async def bare(pilot: Pilot[Any]) -> None:
            await _painted(pilot, t0)
            pilot.app.exit()

        App[None]().run(headless=True, auto_pilot=bare)
        return
    # As `goaldash ROOT` starts (`cli.dashboard._dashboard`): the child reading the plans is
    # forked before Textual is imported.
    from goaldash.collector import pause_for_start
    from goaldash.config import load_config
    from goaldash.workspace import reader

    pause_for_start()
    root = Path(argv[2]).resolve()
    config = load_config(root)
    own_thread = os.environ.get("GOALDASH_PROBE_NO_READER") == "1"  # to compare
    early = None if own_thread else reader.start(root, config)
    from goaldash.ui.app import GoalDashApp

    _spy_on_frames()
    why = _why(t0) if os.environ.get("GOALDASH_PROBE_WHY") == "1" else None

    async def dash(pilot: Pilot[Any]) -> None:
        await _painted(pilot, t0)
        app = pilot.app
        assert isinstance(app, GoalDashApp)
        await _until(lambda: not app.workspace.scanning, t0)
        drawn = asyncio.get_running_loop().create_future()
        app.call_after_refresh(lambda: drawn.set_result(time.time()))
        print(await drawn - t0, flush=True)  # the screen refreshed with every plan on it
        await pilot.pause()  # and the process idle: the work left after it done too
        print(time.time() - t0, flush=True)
        app.exit()

    app = GoalDashApp(root, date(2026, 11, 21), config=config, watch=True, reader=early)
    app.run(headless=True, auto_pilot=dash)
    if why is not None:
        why["ui_cpu"] += time.thread_time()
        why["process_cpu"] = time.process_time()
        print(" ".join(f"{k}={v:.3f}" for k, v in why.items()), file=sys.stderr)


def _why(t0: float) -> dict[str, float]:
    """Times the dashboard's scan (wrapping `worker.scan`); filled in as it runs."""
    from goaldash.workspace import worker

    why = {"ui_cpu": -time.thread_time()}
    scan = worker.scan

    def timed(*args: Any) -> None:
        why["scan_start"] = time.time() - t0
        cpu = time.thread_time()
        try:
            scan(*args)
        finally:
            why["scan_cpu"] = time.thread_time() - cpu
            why["scan_end"] = time.time() - t0

    worker.scan = timed  # type: ignore[assignment]
    return why


if __name__ == "__main__":
    main(sys.argv[1:])
