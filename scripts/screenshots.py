"""Make the README's screenshots: every view of the bundled demo, headless, as SVG.

    python scripts/screenshots.py            # writes screenshots/*.svg
    python scripts/screenshots.py --png      # also PNGs, when rsvg-convert is installed

The demo's dates are computed from `today`, fixed here so the pictures only change when the
dashboard does. For the standup view the demo is given its git history (`make_demo(...,
history=True)`): fixed authors, dates relative to `today`, one uncommitted edit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from goaldash.demo import make_demo
from goaldash.ui.app import GoalDashApp
from goaldash.ui.screens.plan import PlanScreen

TODAY = date(2026, 11, 21)
OUT = Path(__file__).resolve().parent.parent / "screenshots"
SHOTS: list[tuple[str, tuple[int, int], tuple[str, ...], str | None]] = [
    ("overview", (120, 32), (), None),
    ("overview-80x24", (80, 24), (), None),
    ("plan", (120, 32), (), "docs/plans/search-rebuild-plan.md"),
    ("blockers", (120, 32), ("2",), None),
    ("timeline", (120, 32), ("3",), None),
    ("warnings", (120, 32), ("4",), None),
    ("help", (120, 32), ("question_mark",), None),
    ("standup", (120, 32), ("s",), None),
]


async def shoot(name: str, size: tuple[int, int], keys: tuple[str, ...], plan: str | None) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "demo"
        make_demo(TODAY, root, history=name == "standup")
        app = GoalDashApp(root, TODAY, watch=False)
        async with app.run_test(size=size) as pilot:
            for _ in range(200):
                if not app.workspace.scanning:
                    break
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            if plan is not None:
                app.open_plan(plan)
                while not isinstance(app.screen, PlanScreen):
                    await pilot.pause(0.05)
                await pilot.pause(0.3)
            for key in keys:
                await pilot.press(key)
                await pilot.pause(0.2)
            for _ in range(200):
                if not app.workspace.standup_busy:
                    break
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            svg = app.export_screenshot(title=f"goaldash: {name}")
    out = OUT / f"{name}.svg"
    out.write_text(svg, encoding="utf-8")
    return out


def main() -> None:
    os.environ["TZ"] = "UTC"  # the standup's times, the same wherever this runs
    time.tzset()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", action="store_true", help="also write PNGs with rsvg-convert")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    for name, size, keys, plan in SHOTS:
        out = asyncio.run(shoot(name, size, keys, plan))
        print(out)
        if args.png and shutil.which("rsvg-convert"):
            png = out.with_suffix(".png")
            subprocess.run(
                ["rsvg-convert", "-z", "1.5", "-b", "#1e1e1e", str(out), "-o", str(png)],
                check=True,
            )
            print(png)


if __name__ == "__main__":
    main()
