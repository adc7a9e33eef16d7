"""The benchmark's measures: the floors, `goaldash --json` cold and warm, the dashboard's
first paint and live figures, standup; each timed several times."""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.repo import TODAY


def run_standup(root: Path, cache: Path) -> float:
    """`goaldash standup --since 365d --json` in a fresh process: seconds."""
    env = dict(os.environ, GOALDASH_CACHE_DIR=str(cache))
    args = ["standup", str(root), "--since", "365d", "--json", "--today", TODAY.isoformat()]
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "goaldash", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    took = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"goaldash standup failed: {proc.stderr.decode()[-500:]}")
    return took


# ------------------------------------------------------------------------- measuring


@dataclass
class Figure:
    """One measured quantity: its samples, in seconds (or MB for memory)."""

    name: str
    samples: list[float] = field(default_factory=list)
    unit: str = "s"
    target: str = ""
    floor: str = ""
    """The name of the floor this figure is compared with ("" for none)."""
    ratios: list[float] = field(default_factory=list)
    """Each run divided by the floor run made right before it: the ratio given, when there
    are such pairs (a shared machine's load drifts between runs, and a pair sees the same)."""

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.ratios) if self.ratios else None

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    @property
    def spread(self) -> tuple[float, float]:
        return (min(self.samples), max(self.samples)) if self.samples else (0.0, 0.0)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


_BOX = re.compile(rb"^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX~/-]\]", re.MULTILINE)


def floors(files: list[Path], repeat: int) -> tuple[list[Figure], Callable[[], float]]:
    """The reading and regex floors; and a timer of one markdown-it-py full parse, run next
    to each cold `--json` so the two see the same machine."""
    from markdown_it import MarkdownIt

    def read_all() -> list[bytes]:
        return [f.read_bytes() for f in files]

    datas = read_all()
    texts = [d.decode("utf-8") for d in datas]
    md = MarkdownIt("commonmark").enable("table")

    def full_parse() -> float:
        return timed(lambda: [len(md.parse(t)) for t in texts], 1)[0]

    return [
        Figure("floor: read every byte", timed(read_all, repeat)),
        Figure(
            "floor: regex count of checkboxes",
            timed(lambda: sum(len(_BOX.findall(d)) for d in read_all()), repeat),
        ),
    ], full_parse


_CLI_PROBE = r"""
import resource, sys
from goaldash.cli import main
code = main(sys.argv[2:])
peak = max(
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
)
with open(sys.argv[1], "w") as fh:
    fh.write(str(peak))
sys.exit(code)
"""


def run_cli(root: Path, cache: Path) -> tuple[float, float]:
    """`goaldash --json` in a fresh process: (seconds, peak RSS in MB).

    The peak is measured inside that process (its own and its parsing workers'): a forked
    child's figure seen from here would count this process's memory too.
    """
    env = dict(os.environ, GOALDASH_CACHE_DIR=str(cache))
    report = cache.parent / f"rss-{cache.name}.txt"
    t = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _CLI_PROBE,
            str(report),
            "--json",
            "--today",
            TODAY.isoformat(),
            str(root),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    took = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"goaldash --json failed: {proc.stderr.decode()[-500:]}")
    return took, int(report.read_text()) / 1024


def run_app(mode: str, root: Path | None, cache: Path) -> list[float]:
    """Seconds from process start to first paint (and to every plan shown, mode "all")."""
    env = dict(os.environ, GOALDASH_CACHE_DIR=str(cache))
    args = [sys.executable, "-m", "bench.probe", repr(time.time()), mode]
    if root is not None:
        args.append(str(root))
    proc = subprocess.run(args, env=env, capture_output=True, text=True, check=False, timeout=600)
    if proc.returncode != 0:
        raise SystemExit(f"app probe failed: {proc.stderr[-800:]}")
    return [float(x) for x in proc.stdout.split()]


def _wait_for_change(path: Path, before: bytes, out: list[float]) -> None:
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        if path.read_bytes() != before:
            out.append(time.perf_counter())
            return
        time.sleep(0.0005)
    out.append(float("nan"))


async def live_figures(
    root: Path, repeat: int, cache: Path
) -> tuple[list[float], list[float], list[float]]:
    """(one changed file -> view, tick key -> bytes on disk, tick key -> view), in seconds."""
    os.environ["GOALDASH_CACHE_DIR"] = str(cache)
    from goaldash.ui.app import GoalDashApp
    from goaldash.ui.screens.plan import PlanScreen
    from goaldash.ui.widgets.checklist import ChecklistTree, Node

    app = GoalDashApp(root, TODAY, watch=True)
    change: list[float] = []
    disk: list[float] = []
    view: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.workspace.scanning:
            await pilot.pause(0.01)
        await pilot.pause(0.5)  # let the watcher settle
        plan = next(p for p in app.workspace.plans if p.items and not p.template)
        target = root / plan.path
        for i in range(repeat):
            text = target.read_text(encoding="utf-8")
            marker = f"\n- [ ] bench change {i}\n"
            t = time.perf_counter()
            target.write_text(text + marker, encoding="utf-8")
            while True:
                p = app.plan(plan.path)
                if p is not None and any(f"bench change {i}" in it.text for it in p.items):
                    break
                await asyncio.sleep(0.002)
            change.append(time.perf_counter() - t)
        app.open_plan(plan.path)
        while not isinstance(app.screen, PlanScreen) or not app.screen.query(ChecklistTree):
            await pilot.pause(0.01)
        await pilot.pause(0.2)
        tree = app.screen.query_one(ChecklistTree)
        for _ in range(repeat):
            node = tree.cursor_node
            assert node is not None and isinstance(node.data, Node) and node.data.item
            before = target.read_bytes()
            done_before = app.plan(plan.path).progress.done  # type: ignore[union-attr]
            on_disk: list[float] = []
            # A thread watches the bytes, so the time they land is not held up by the pilot
            # (which returns from a key press only once the app has finished redrawing).
            spy = threading.Thread(target=_wait_for_change, args=(target, before, on_disk))
            spy.start()
            # Another task watches the view, so the time is not the pilot's: `press` returns
            # only once the app is idle again.
            seen = asyncio.get_running_loop().create_future()

            async def watch(done: int = done_before, fut: asyncio.Future[float] = seen) -> None:
                while app.plan(plan.path).progress.done == done:  # type: ignore[union-attr]
                    await asyncio.sleep(0.0005)
                fut.set_result(time.perf_counter())

            watcher = asyncio.create_task(watch())
            t = time.perf_counter()
            await pilot.press("space")
            view.append(await seen - t)
            await watcher
            spy.join()
            disk.append(on_disk[0] - t)
            await pilot.pause(0.3)  # the watcher's echo of our own write
    return change, disk, view
