"""The bundled sample repository behind `goaldash --demo`.

The samples are written with `{{today}}` and `{{today-24}}`-style tokens, so every run shows
finished, current, late and future phases whatever the date. They are copied into a temporary
folder, so ticking in the demo never changes the installed package. With `history`, the copy
is also given a small git history (a week-old first commit, two colleagues' commits on the
previous working day, one uncommitted edit), so the Standup view has something to show.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from contextlib import suppress
from datetime import date, datetime, time, timedelta
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_TOKEN = re.compile(r"\{\{today(?:([+-])(\d+))?\}\}")


def render(text: str, today: date) -> str:
    """Replace `{{today}}`, `{{today+N}}` and `{{today-N}}` with ISO dates."""

    def sub(m: re.Match[str]) -> str:
        days = int(m.group(2) or 0) * (-1 if m.group(1) == "-" else 1)
        return (today + timedelta(days=days)).isoformat()

    return _TOKEN.sub(sub, text)


def _copy(src: Traversable, dest: Path, today: date) -> None:
    for entry in src.iterdir():
        target = dest / entry.name
        if entry.is_dir():
            if entry.name == "__pycache__":
                continue
            target.mkdir(parents=True, exist_ok=True)
            _copy(entry, target, today)
        elif entry.name.endswith(".md"):
            target.write_text(render(entry.read_text(encoding="utf-8"), today), encoding="utf-8")


def make_demo(
    today: date, dest: Path | None = None, history: bool = False, now: datetime | None = None
) -> Path:
    """Write the sample repository into `dest` (a new temporary folder by default); with
    `history`, make it a git repository with a history (skipped when git is missing). `now`:
    the moment nothing is stamped after (the clock by default)."""
    root = dest or Path(tempfile.mkdtemp(prefix="goaldash-demo-"))
    _copy(resources.files("goaldash") / "demo_data", root, today)
    if history:
        # No git: the demo works without a history, and the Standup view says why.
        with suppress(OSError, subprocess.SubprocessError):
            add_history(root, today, now)
    return root


# (file, old text, new text, author, day, time); day None: today, left uncommitted.
HISTORY: list[tuple[str, str, str, str, str | None, time]] = [
    (
        "docs/plans/search-rebuild-plan.md",
        "- [ ] **Task 3:** Dead",
        "- [x] **Task 3:** Dead",
        "Sam",
        "previous",
        time(11, 20),
    ),
    ("specs/002-csv-export/tasks.md", "- [ ] T006", "- [x] T006", "Lee", "previous", time(16, 45)),
    (
        "specs/002-csv-export/tasks.md",
        "- [ ] T008 [US2] Schedule model and storage\n",
        "- [ ] T008 [US2] Schedule model and storage\n- [ ] T008a [US2] Time zones for schedules\n",
        "Lee",
        "previous",
        time(16, 45),
    ),
    (
        "docs/plans/onboarding-implementation-plan.md",
        "- [ ] **Task 2.2:**",
        "- [x] **Task 2.2:**",
        "",
        None,
        time(8, 55),
    ),
]


def add_history(root: Path, today: date, now: datetime | None = None) -> None:
    """Commit the demo a week before `today`, then the edits of HISTORY at their times. The
    uncommitted edit is stamped at its time today, or at `now` (the clock by default) when
    that is earlier: never later than now."""
    from goaldash.standup import previous_working_day
    from goaldash.standup.repo import author_env

    def at(day: date, clock: time) -> str:
        return datetime.combine(day, clock).astimezone().isoformat()

    def git(*args: str, who: str = "Priya", when: str = "") -> None:
        env = author_env(who, when or at(today - timedelta(days=8), time(9, 0)))
        subprocess.run(
            ["git", *args], cwd=root, env=env, check=True, capture_output=True, timeout=30
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "Plans")
    for rel, old, new, who, day, clock in HISTORY:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        if day is None:
            latest = (now or datetime.now().astimezone()).timestamp()
            stamp = min(datetime.combine(today, clock).timestamp(), latest)
            os.utime(path, (stamp, stamp))
            continue
        git("add", "-A")
        git("commit", "-q", "-m", "Progress", who=who, when=at(previous_working_day(today), clock))
