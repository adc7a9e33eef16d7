"""The benchmark's synthetic repository: N plans of every format and size, prose files that
are not plans, and a year of git history; seeded, so runs repeat."""

from __future__ import annotations

import os
import random
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

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
