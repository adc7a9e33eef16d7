"""The benchmark: how fast goaldash is on a synthetic repository, next to the floors.

    python -m goaldash.bench                 # N=1000 plans, writes bench.json
    python -m goaldash.bench --quick         # N=50, one or two runs each (CI runs this)
    python -m goaldash.bench -n 300 --repeat 5 --out result.json

It generates a repository of N plans (mixed formats and sizes, 1 KB to 60 KB, plus prose
files that are not plans), seeded so runs repeat, then measures, each several times (median
and spread): the floors (reading every byte, a regex count of the checkboxes, markdown-it-py's
full commonmark+table parse), `goaldash --json` cold and warm, the dashboard's first paint
and the time until every plan is shown (headless, next to a bare Textual app), one changed
file until the view shows it, a tick from key press to bytes on disk and to the view, peak
memory, and `goaldash standup` over a year of git history (500 commits, 50 plans). It prints
a table and writes JSON. It asserts nothing about time.

The two ratios with a target are paired: each cold `--json` runs right after its own
markdown-it-py parse, each dashboard start right after a bare app's, and the ratio given is
the median of the pairs' ratios (with their range), so a shared machine whose load drifts
between runs does not decide the verdict.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 21)
WORDS = [
    "index",
    "schema",
    "api",
    "client",
    "server",
    "cache",
    "queue",
    "worker",
    "deploy",
    "review",
    "migrate",
    "backfill",
    "dashboard",
    "metrics",
    "alert",
    "token",
    "auth",
    "session",
    "export",
    "import",
    "search",
    "ranking",
    "facet",
    "billing",
    "invoice",
    "report",
    "email",
    "webhook",
    "retry",
    "timeout",
    "latency",
    "rollout",
    "canary",
    "flag",
    "docs",
    "tests",
    "lint",
    "build",
    "release",
    "mobile",
    "desktop",
    "sync",
    "offline",
    "conflict",
    "merge",
]

# ------------------------------------------------------------------------- the repository


FORMATS = ("spec-kit", "goalkit", "kiro", "frontmatter", "implementation")
"""The plan formats the generated repository mixes, in turn."""


def _sentence(rng: random.Random, lo: int = 3, hi: int = 9) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).capitalize()


def _mark(rng: random.Random) -> str:
    return rng.choices(["x", " ", "-"], weights=[5, 6, 1])[0]


def _phase_body(rng: random.Random, fmt: str, phase: int, target: int, out: list[str]) -> None:
    start = TODAY + timedelta(days=(phase - 3) * 14)
    if fmt == "spec-kit":
        out.append(f"## Phase {phase}: {_sentence(rng, 1, 3)}\n")
        for _ in range(rng.randint(4, 12)):
            out.append(f"- [{_mark(rng)}] T{rng.randint(1, 999):03d} [P] {_sentence(rng)}")
    elif fmt == "goalkit":
        out.append(
            f"**Phase {phase}: {_sentence(rng, 1, 3)}** (Weeks {phase * 2 - 1}-{phase * 2}, "
            f"Milestone {phase})"
        )
        for _ in range(rng.randint(3, 8)):
            out.append(f"- [{_mark(rng)}] {_sentence(rng)}")
    elif fmt == "kiro":
        out.append(f"- [{_mark(rng)}] {phase}. {_sentence(rng, 2, 5)}")
        for sub in range(rng.randint(2, 6)):
            out.append(f"  - [{_mark(rng)}] {phase}.{sub + 1} {_sentence(rng)}")
            out.append(f"    - _Requirements: {phase}.{sub + 1}_")
    else:
        end = start + timedelta(days=13)
        out.append(f"### Phase {phase}: {_sentence(rng, 1, 3)} ({start} to {end})\n")
        out.append("#### Tasks\n")
        for t in range(rng.randint(3, 9)):
            out.append(f"- [{_mark(rng)}] **Task {phase}.{t + 1}:** {_sentence(rng)}")
        out.append("\n**Exit gate:**")
        for _ in range(rng.randint(1, 3)):
            out.append(f"- [{_mark(rng)}] {_sentence(rng)}")
    out.append("")
    while sum(len(x) + 1 for x in out) < target * phase // 8 and rng.random() < 0.7:
        out.append(_sentence(rng, 12, 30) + ".\n")


def synthetic_plan(rng: random.Random, fmt: str, size: int) -> str:
    """One plan of about `size` bytes in the format `fmt`."""
    out: list[str] = []
    if fmt == "frontmatter":
        out += ["---", "type: plan", f'title: "{_sentence(rng, 2, 4)}"', "status: active"]
        out += [f"created: {TODAY - timedelta(days=40)}", "---", ""]
    title = {"spec-kit": "Tasks: ", "kiro": "Implementation Plan: ", "goalkit": "Execution: "}
    out.append(f"# {title.get(fmt, '')}{_sentence(rng, 2, 5)}\n")
    if fmt == "kiro":
        out.append("## Tasks\n")
    phase = 0
    while sum(len(x) + 1 for x in out) < size and phase < 40:
        phase += 1
        _phase_body(rng, fmt, phase, size, out)
    if fmt == "frontmatter":
        out.append("## Phase Status\n")
        out.append("| Phase | Status | Progress | Start | End | Notes |")
        out.append("|---|---|---|---|---|---|")
        for p in range(1, phase + 1):
            status = "✅" if p < phase // 2 else "🚧" if p == phase // 2 else "⏳"
            out.append(f"| Phase {p} | {status} | {min(100, p * 20)}% | | | |")
        out.append("\n### Current Blockers\n\n**Active blockers:**\n")
        for b in range(rng.randint(0, 3)):
            eta = TODAY + timedelta(days=rng.randint(-5, 10))
            owner = rng.choice(WORDS)
            out.append(f"{b + 1}. {_sentence(rng)}\n   - Owner: {owner}\n   - ETA: {eta}")
        out.append("\n### Timeline Adjustments\n")
        when = TODAY - timedelta(days=9)
        out.append(f"- {when}: {_sentence(rng)} - {_sentence(rng)} - Impact: +3 days")
    return "\n".join(out) + "\n"


def prose(rng: random.Random, size: int) -> str:
    """A markdown file that is not a plan."""
    out = [f"# {_sentence(rng, 2, 4)}\n"]
    while sum(len(x) + 1 for x in out) < size:
        out.append(f"## {_sentence(rng, 1, 3)}\n")
        out.append(_sentence(rng, 30, 80) + ".\n")
        if rng.random() < 0.3:
            out.append(f"- {_sentence(rng)}\n- {_sentence(rng)}\n")
    return "\n".join(out)


def generate(root: Path, n: int, seed: int = 1) -> list[Path]:
    """Write `n` plans (and n/3 prose files) under `root`; returns the plans' paths."""
    rng = random.Random(seed)
    formats = FORMATS
    plans: list[Path] = []
    for i in range(n):
        fmt = formats[i % len(formats)]
        size = int(1024 * 60 ** rng.random())  # log-uniform, 1 KB to 60 KB
        if fmt == "spec-kit":
            path = root / "specs" / f"{i:04d}-feature" / "tasks.md"
        elif fmt == "kiro":
            path = root / ".kiro" / "specs" / f"spec-{i:04d}" / "tasks.md"
        elif fmt == "goalkit":
            path = root / ".goalkit" / "goals" / f"{i:04d}-goal" / "execution.md"
        else:
            path = root / "docs" / "plans" / f"{i:04d}-{fmt}-plan.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(synthetic_plan(rng, fmt, size), encoding="utf-8")
        plans.append(path)
    for i in range(n // 3):
        path = root / "docs" / "guide" / f"page-{i:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(prose(rng, int(1024 * 30 ** rng.random())), encoding="utf-8")
    return plans


def history(root: Path, plans: int, commits: int, seed: int = 1) -> None:
    """A git repository of `plans` plans and `commits` commits over the year before TODAY:
    items ticked, unticked and added by five authors. Written with `git fast-import`, so
    a year of history takes a moment, not minutes."""
    rng = random.Random(seed)
    files: dict[str, list[str]] = {}
    for i in range(plans):
        fmt = ("spec-kit", "kiro", "implementation")[i % 3]
        text = synthetic_plan(rng, fmt, int(1024 * 20 ** rng.random()))
        files[f"plans/{i:03d}-plan.md"] = text.splitlines(keepends=True)
    authors = ["Ana", "Ben", "Chen", "Dara", "Eli"]
    start = int(time.mktime((TODAY - timedelta(days=365)).timetuple()))
    step = 365 * 86400 // max(1, commits)
    out: list[bytes] = []

    def blob(path: str) -> None:
        data = "".join(files[path]).encode()
        out.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

    for c in range(commits):
        who = authors[c % len(authors)]
        when = start + c * step
        msg = f"plan update {c}".encode()
        out.append(
            f"commit refs/heads/main\nauthor {who} <{who.lower()}@example.com> {when} +0000\n"
            f"committer {who} <{who.lower()}@example.com> {when} +0000\n"
            f"data {len(msg)}\n".encode()
            + msg
            + b"\n"
        )
        if c == 0:
            for path in files:
                blob(path)
            continue
        for path in rng.sample(sorted(files), rng.randint(1, 3)):
            lines = files[path]
            boxes = [i for i, ln in enumerate(lines) if "- [ ] " in ln or "- [x] " in ln]
            roll = rng.random()
            if boxes and roll < 0.8:
                i = rng.choice(boxes)
                if "- [ ] " in lines[i]:
                    lines[i] = lines[i].replace("- [ ] ", "- [x] ", 1)
                else:
                    lines[i] = lines[i].replace("- [x] ", "- [ ] ", 1)
            else:
                lines.append(f"- [ ] {_sentence(rng)} {c}\n")
            blob(path)
    root.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    run = dict(cwd=root, env=env, check=True, capture_output=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], **run)  # type: ignore[call-overload]
    subprocess.run(["git", "fast-import", "--quiet"], input=b"".join(out), **run)  # type: ignore[call-overload]
    subprocess.run(["git", "checkout", "-q", "-f", "main"], **run)  # type: ignore[call-overload]


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
    args = [sys.executable, "-m", "goaldash.ui.probe", repr(time.time()), mode]
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
    from goaldash.ui.plan_screen import Node, PlanScreen
    from goaldash.ui.widgets import ChecklistTree

    app = GoalDashApp(root, TODAY, watch=True)
    change: list[float] = []
    disk: list[float] = []
    view: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.state.scanning:
            await pilot.pause(0.01)
        await pilot.pause(0.5)  # let the watcher settle
        plan = next(p for p in app.state.plans if p.items and not p.template)
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


# ------------------------------------------------------------------------- the report


def table(figures: list[Figure], floor_by_name: dict[str, float]) -> str:
    rows = [("measure", "median", "spread", "vs floor", "target")]
    for f in figures:
        if f.unit == "MB":
            med, spread = f"{f.median:.0f} MB", f"{f.spread[0]:.0f}–{f.spread[1]:.0f}"
        else:
            med = f"{f.median * 1000:.0f} ms" if f.median < 10 else f"{f.median:.1f} s"
            spread = f"{f.spread[0] * 1000:.0f}–{f.spread[1] * 1000:.0f} ms"
        ratio = ""
        if f.floor and f.ratio is not None:
            lo, hi = min(f.ratios), max(f.ratios)
            ratio = f"{f.ratio:.2f}x ({lo:.2f}–{hi:.2f}) {f.floor.split(': ')[-1]}"
        elif f.floor and f.floor in floor_by_name and floor_by_name[f.floor] > 0:
            ratio = f"{f.median / floor_by_name[f.floor]:.2f}x {f.floor.split(': ')[-1]}"
        rows.append((f.name, med, spread, ratio, f.target))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cores": cores,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m goaldash.bench", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("-n", type=int, default=1000, help="plans to generate (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measure (default 5)")
    parser.add_argument("--quick", action="store_true", help="N=50 and one or two runs (for CI)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="bench.json", help="where the JSON goes")
    parser.add_argument("--keep", action="store_true", help="keep the generated repository")
    args = parser.parse_args(argv)
    n, repeat = (50, 2) if args.quick else (args.n, args.repeat)
    work = Path(tempfile.mkdtemp(prefix="goaldash-bench-"))
    try:
        root = work / "repo"
        root.mkdir()
        generate(root, n, args.seed)
        everything = sorted(root.rglob("*.md"))
        size = sum(f.stat().st_size for f in everything)
        print(
            f"goaldash bench: {n} plans + {len(everything) - n} other markdown files, "
            f"{size / 1e6:.1f} MB, {repeat} runs each",
            flush=True,
        )
        figures, full_parse = floors(everything, repeat)
        full = Figure("floor: markdown-it-py full parse")
        figures.append(full)
        cold = Figure(
            "goaldash --json, cold (no cache)",
            target="≤ ½ full parse",
            floor="floor: markdown-it-py full parse",
        )
        warm, rss = [], []
        for i in range(repeat):
            c = work / f"cache-cold-{i}"
            full.samples.append(full_parse())
            took, peak = run_cli(root, c)
            cold.samples.append(took)
            cold.ratios.append(took / full.samples[-1])
            rss.append(peak)
            took, peak = run_cli(root, c)
            warm.append(took)
            rss.append(peak)
        floor = {f.name: f.median for f in figures}
        figures += [
            cold,
            Figure(
                "goaldash --json, warm (cache)",
                warm,
                target="≤ 1.0 s",
                floor="floor: read every byte",
            ),
        ]
        bare = Figure("bare Textual app: first paint")
        paint = Figure(
            "dashboard: first paint", target="≤ 1.3x bare", floor="bare Textual app: first paint"
        )
        shown = []
        for i in range(repeat):  # each dashboard start right after a bare one
            bare.samples.append(run_app("bare", None, work / "c-bare")[0])
            first, last = run_app("all", root, work / f"cache-app-{i}")
            paint.samples.append(first)
            paint.ratios.append(first / bare.samples[-1])
            shown.append(last)
        warm_shown = [run_app("all", root, work / "cache-app-0")[1] for _ in range(repeat)]
        floor[bare.name] = bare.median
        figures += [
            bare,
            paint,
            Figure("dashboard: every plan shown, cold", shown),
            Figure("dashboard: every plan shown, warm", warm_shown),
        ]
        change, disk, view = asyncio.run(live_figures(root, max(3, repeat), work / "cache-live"))
        figures += [
            Figure("one changed file -> view", change, target="≤ 150 ms"),
            Figure("tick: key -> bytes on disk", disk, target="≤ 30 ms"),
            Figure("tick: key -> view updated", view, target="≤ 100 ms"),
            Figure("peak RSS (goaldash --json)", rss, unit="MB", target="≤ 250 MB"),
        ]
        git_plans, git_commits = (10, 50) if args.quick else (50, 500)
        history(work / "history", git_plans, git_commits, args.seed)
        run_standup(work / "history", work / "cache-standup")  # fills the parse cache
        figures.append(
            Figure(
                f"standup: {git_commits} commits, {git_plans} plans, a year",
                [run_standup(work / "history", work / "cache-standup") for _ in range(repeat)],
                target="≤ 2 s",
            )
        )
        print(table(figures, floor))
        doc = {
            "n": n,
            "files": len(everything),
            "bytes": size,
            "repeat": repeat,
            "machine": machine(),
            "figures": [
                {
                    "name": f.name,
                    "unit": f.unit,
                    "median": f.median,
                    "min": f.spread[0],
                    "max": f.spread[1],
                    "samples": f.samples,
                    "target": f.target,
                    "floor": f.floor,
                    "ratio_to_floor": f.ratio
                    if f.ratio is not None
                    else (f.median / floor[f.floor])
                    if f.floor in floor
                    else None,
                    "paired_ratios": f.ratios,
                    "ratio_to_floors": {
                        k: f.median / v for k, v in floor.items() if k.startswith("floor") and v
                    }
                    if f.unit == "s"
                    else {},
                }
                for f in figures
            ],
        }
        Path(args.out).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    finally:
        if args.keep:
            print(f"repository kept in {work / 'repo'}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
