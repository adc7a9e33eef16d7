"""Make the README's screenshots: every view of the bundled demo, headless, as SVG.

    python scripts/screenshots.py            # writes screenshots/*.svg
    python scripts/screenshots.py --png      # also PNGs, when rsvg-convert is installed

The demo's dates are computed from `today`, fixed here so the pictures only change when the
dashboard does. For the standup view the demo is given a git history first: fixed authors,
fixed dates, and one uncommitted edit with a fixed modification time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from goaldash.demo import make_demo
from goaldash.ui.app import GoalDashApp
from goaldash.ui.plan_screen import PlanScreen

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

# (file, old text, new text, author, when); when None: left uncommitted.
HISTORY = [
    (
        "docs/plans/search-rebuild-plan.md",
        "- [ ] **Task 3:** Dead",
        "- [x] **Task 3:** Dead",
        "Sam",
        "2026-11-20T11:20:00",
    ),
    ("specs/002-csv-export/tasks.md", "- [ ] T006", "- [x] T006", "Lee", "2026-11-20T16:45:00"),
    (
        "specs/002-csv-export/tasks.md",
        "- [ ] T008 [US2] Schedule model and storage\n",
        "- [ ] T008 [US2] Schedule model and storage\n- [ ] T008a [US2] Time zones for schedules\n",
        "Lee",
        "2026-11-20T16:45:00",
    ),
    (
        "docs/plans/onboarding-implementation-plan.md",
        "- [ ] **Task 2.2:**",
        "- [x] **Task 2.2:**",
        "",
        None,
    ),
]


def give_history(root: Path) -> None:
    """Commit the demo a week ago, then the edits of HISTORY at their dates."""

    def git(*args: str, who: str = "Priya", when: str = "2026-11-13T09:00:00") -> None:
        env = dict(
            os.environ,
            GIT_AUTHOR_NAME=who,
            GIT_AUTHOR_EMAIL=f"{who.lower()}@example.com",
            GIT_COMMITTER_NAME=who,
            GIT_COMMITTER_EMAIL=f"{who.lower()}@example.com",
            GIT_AUTHOR_DATE=when,
            GIT_COMMITTER_DATE=when,
            GIT_CONFIG_GLOBAL=os.devnull,
            GIT_CONFIG_NOSYSTEM="1",
        )
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "Plans")
    for rel, old, new, who, when in HISTORY:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        if when is None:
            stamp = datetime.fromisoformat("2026-11-21T08:55:00").timestamp()
            os.utime(path, (stamp, stamp))
            continue
        git("add", "-A")
        git("commit", "-q", "-m", "Progress", who=who, when=when)


async def shoot(name: str, size: tuple[int, int], keys: tuple[str, ...], plan: str | None) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "demo"
        make_demo(TODAY, root)
        if name == "standup":
            give_history(root)
        app = GoalDashApp(root, TODAY, watch=False)
        async with app.run_test(size=size) as pilot:
            for _ in range(200):
                if not app.state.scanning:
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
                if not app.state.standup_busy:
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
