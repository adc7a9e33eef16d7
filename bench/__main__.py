"""The benchmark: how fast goaldash is on a synthetic repository, next to the floors.

    python -m bench                 # N=1000 plans, writes bench.json
    python -m bench --quick         # N=50, one or two runs each (CI runs this)
    python -m bench -n 300 --repeat 5 --out result.json

It generates a repository of N plans (mixed formats and sizes, 1 KB to 60 KB, plus prose
files that are not plans), seeded so runs repeat, then measures, each several times (median
and spread): the floors (reading every byte, a regex count of the checkboxes, markdown-it-py's
full commonmark+table parse), `goaldash --json` cold and warm, the dashboard's first paint
and the time until every plan is shown (headless, next to a bare Textual app), one changed
file until the view shows it, a tick from key press to bytes on disk and to the view, peak
memory, the plan screen on a plan of 100,000 items (enter to its first frame, and the longest
a key waits while the checklist fills in), and `goaldash standup` over a year of git history
(500 commits, 50 plans). It prints a table and writes JSON. It asserts nothing about time.

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
import shutil
import tempfile
from pathlib import Path
from typing import Any

from bench.measure import Figure, floors, live_figures, run_app, run_cli, run_standup
from bench.plan_screen import plan_screen_figures, write_big_plan
from bench.repo import generate, history

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


def _compiled() -> None:
    """Compile the measured modules, as `pip install` compiles an installed goaldash: the runs
    import them from this tree, and where PYTHONDONTWRITEBYTECODE is set (as on CI) Python
    loads compiled modules but never saves them, so each run would compile goaldash again
    (a tenth of a second of every start, which no user pays)."""
    import compileall

    import goaldash

    for package in (Path(goaldash.__file__).parent, Path(__file__).parent):
        compileall.compile_dir(package, quiet=2)  # where it cannot be written, as it was


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("-n", type=int, default=1000, help="plans to generate (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measure (default 5)")
    parser.add_argument("--quick", action="store_true", help="N=50 and one or two runs (for CI)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="bench.json", help="where the JSON goes")
    parser.add_argument("--keep", action="store_true", help="keep the generated repository")
    args = parser.parse_args(argv)
    n, repeat = (50, 2) if args.quick else (args.n, args.repeat)
    _compiled()
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
            first, last, _ = run_app("all", root, work / f"cache-app-{i}")
            paint.samples.append(first)
            paint.ratios.append(first / bare.samples[-1])
            shown.append(last)
        warm_runs = [run_app("all", root, work / "cache-app-0") for _ in range(repeat)]
        floor[bare.name] = bare.median
        floor[cold.name] = cold.median
        figures += [
            bare,
            paint,
            Figure(
                "dashboard: every plan shown, cold",
                shown,
                target="≤ 1.5x cold --json",
                floor=cold.name,
            ),
            Figure(
                "dashboard: every plan shown, warm",
                [r[1] for r in warm_runs],
                target="≤ 0.5 s",
                floor="bare Textual app: first paint",
            ),
            Figure("dashboard: idle after, warm (items decoded)", [r[2] for r in warm_runs]),
        ]
        change, disk, view = asyncio.run(live_figures(root, max(3, repeat), work / "cache-live"))
        figures += [
            Figure("one changed file -> view", change, target="≤ 150 ms"),
            Figure("tick: key -> bytes on disk", disk, target="≤ 30 ms"),
            Figure("tick: key -> view updated", view, target="≤ 100 ms"),
            Figure("peak RSS (goaldash --json)", rss, unit="MB", target="≤ 250 MB"),
        ]
        items = 10_000 if args.quick else 100_000
        big = write_big_plan(work / "big", items)
        opened, waited, during = asyncio.run(plan_screen_figures(big, repeat, work / "cache-big"))
        figures += [
            Figure(f"plan of {items:,} items: enter -> first frame", opened, target="≤ 200 ms"),
            Figure(
                f"plan of {items:,} items: longest key wait while it fills ({during} keys)",
                waited,
                target="≤ 200 ms",
            ),
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
