"""The benchmark's probe: start an app headless, print the seconds since START when its first
frame reaches the terminal driver (and, for the dashboard, when every plan is shown), then
exit. Run by the benchmark in a fresh process, so imports count:

    python -m bench.probe START_EPOCH bare|all [ROOT]
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot

_first: list[float] = []
_write = HeadlessDriver.write


def _spy(self: HeadlessDriver, data: str) -> None:
    if data and not _first:
        _first.append(time.time())
    _write(self, data)


async def _painted(pilot: Pilot[Any], t0: float) -> None:
    while not _first:
        await pilot.pause(0.001)
    print(_first[0] - t0, flush=True)


def main(argv: list[str]) -> None:
    t0, mode = float(argv[0]), argv[1]
    HeadlessDriver.write = _spy  # type: ignore[method-assign]
    if mode == "bare":

        async def bare(pilot: Pilot[Any]) -> None:
            await _painted(pilot, t0)
            pilot.app.exit()

        App[None]().run(headless=True, auto_pilot=bare)
        return
    from goaldash.ui.app import GoalDashApp

    async def dash(pilot: Pilot[Any]) -> None:
        await _painted(pilot, t0)
        app = pilot.app
        assert isinstance(app, GoalDashApp)
        while app.workspace.scanning:
            await pilot.pause(0.002)
        await pilot.pause()
        print(time.time() - t0, flush=True)
        app.exit()

    GoalDashApp(Path(argv[2]), date(2026, 11, 21), watch=False).run(headless=True, auto_pilot=dash)


if __name__ == "__main__":
    main(sys.argv[1:])
