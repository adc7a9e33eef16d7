"""The dashboard never shows a stale or inconsistent number (issue 15).

Seeded random sequences of what a user does (ticks, undos, key bursts, edits by another program,
an editor's return, filters, tab and screen switches, hide-finished) on a small git repository.
After each action the test lets the app settle (it waits for the condition, never for a fixed
time) and reads every number in sight: the status line, the tab labels, the overview's plan and
group rows, the plan screen's header, the blockers, warnings and standup headings. Each is
compared with what the core computes from the files as they are now, parsed afresh by the test
(`goaldash.scan`, which applies `goaldash.checks`). At the end of each sequence every tab is
visited and read the same way.

What counts, for every number: plans that pass the filter (and hide-finished), templates and
stale copies left out. The test states that rule itself (`Expected`), so a view that counts
otherwise, or holds a copy of the plans older than the files, fails it.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from goaldash.model import Plan, Progress
from goaldash.scan import scan
from goaldash.ui.app import GoalDashApp
from goaldash.ui.screens.plan import PlanScreen
from goaldash.ui.tabs import TABS
from goaldash.ui.views import View
from goaldash.ui.widgets import StatusLine, TabBar
from goaldash.workspace import finished, plan_matches
from tests.conftest import TODAY
from tests.ui.helpers import ALPHA, ALPHA_PATH, BETA, BETA_PATH, cursor_node, rows_of

SEQUENCES = 8
"""Random sequences run (each its own seed and app)."""
STEPS = 8
"""Actions in each sequence."""
SETTLE = 8.0
"""How long the app may take to show what the files say, before the test fails."""

CHECKLIST_PATH = "specs/001-beta/checklist.md"
TEMPLATE_PATH = "docs/templates/plan-template.md"
CHECKLIST = """\
# Checklist: Beta

- [ ] CHK001 Docs reviewed for [FEATURE NAME]
- [x] CHK002 Tests pass
"""
TEMPLATE = "# Plan: [FEATURE NAME]\n\n## Phase 1: [NAME]\n\n- [ ] [TASK]\n- [ ] [TASK]\n"
PLANS = (ALPHA_PATH, BETA_PATH, CHECKLIST_PATH)
FILTERS = ("", "alpha", "beta", "checklist", "legal", "zzz")
HAS_GIT = shutil.which("git") is not None


def write_repo(root: Path) -> None:
    """Three plans (two in one spec folder, one finished), a template, a readme; committed."""
    files = {
        ALPHA_PATH: ALPHA.format(
            d1="2026-11-01", d2="2026-11-14", d3="2026-11-15", d4="2026-12-10"
        ).replace("1. Legal review pending", "1. Legal review pending\n2. ~~Vendor contract~~"),
        BETA_PATH: BETA,
        CHECKLIST_PATH: CHECKLIST,
        TEMPLATE_PATH: TEMPLATE,
        "README.md": "# Just a readme\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    if HAS_GIT:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Kim",
            "GIT_AUTHOR_EMAIL": "kim@example.com",
            "GIT_COMMITTER_NAME": "Kim",
            "GIT_COMMITTER_EMAIL": "kim@example.com",
            "GIT_AUTHOR_DATE": "2026-11-02T10:00:00+00:00",
            "GIT_COMMITTER_DATE": "2026-11-02T10:00:00+00:00",
        }
        for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "plans"]):
            subprocess.run(["git", *cmd], cwd=root, env=env, check=True, capture_output=True)


# -------------------------------------------------------------------- edits to the files


def outside_edit(root: Path, rng: random.Random) -> None:
    """What another program (or the user's editor) might do to a plan: tick or untick a box,
    add an item, strike a blocker through or open it again."""
    rel = rng.choice(PLANS)
    path = root / rel
    text = path.read_text(encoding="utf-8")
    boxes = [m.start() for m in re.finditer(r"- \[[ xX]\]", text)]
    kind = rng.choice(("toggle", "toggle", "add", "blocker"))
    if kind == "toggle" and boxes:
        at = rng.choice(boxes) + 3
        text = text[:at] + (" " if text[at] in "xX" else "x") + text[at + 1 :]
    elif kind == "blocker" and rel == ALPHA_PATH:
        if "~~Legal review pending~~" in text:
            text = text.replace("~~Legal review pending~~", "Legal review pending")
        else:
            text = text.replace("Legal review pending", "~~Legal review pending~~")
    else:
        text = text.rstrip("\n") + f"\n- [{rng.choice(' x')}] Added item {rng.randrange(999)}\n"
    # As most editors save: a whole new file renamed over the old one (never half-written).
    new = path.with_name(f".{path.name}.new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


# ------------------------------------------------------------------ what the files say now


@dataclass
class Expected:
    """Every number the dashboard must show, from the files as they are now."""

    visible: list[Plan]
    """Plans that pass the filter and hide-finished (templates and copies included)."""
    counted: list[Plan]
    """Of those, the ones that count: not templates, not stale copies."""

    @classmethod
    def now(cls, root: Path, query: str, hide_finished: bool) -> Expected:
        plans = scan(root, TODAY).plans
        visible = [
            p for p in plans if plan_matches(p, query) and not (hide_finished and finished(p))
        ]
        return cls(visible, [p for p in visible if not p.template and not p.backup])

    @property
    def progress(self) -> Progress:
        return sum((p.progress for p in self.counted), Progress())

    @property
    def open_blockers(self) -> int:
        return sum(len(p.open_blockers) for p in self.counted)

    @property
    def resolved_blockers(self) -> int:
        return sum(len(p.blockers) - len(p.open_blockers) for p in self.counted)

    @property
    def warnings(self) -> int:
        return sum(len(p.warnings) for p in self.counted)

    def plan(self, path: str) -> Plan | None:
        return next((p for p in self.visible if p.path == path), None)


# ------------------------------------------------------------------------ what is on show


def plain(widget: Static) -> str:
    content: Any = widget.content
    return getattr(content, "plain", None) or str(content)


def number(pattern: str, text: str, default: int | None = None) -> int | None:
    m = re.search(pattern, text)
    return int(m.group(1)) if m else default


def check_main_top(app: GoalDashApp, exp: Expected, problems: list[str]) -> None:
    """The status line and the tab labels (on the main screen, also under a plan screen)."""
    line = plain(app.main.query_one(StatusLine))
    p = exp.progress
    want = f"{len(exp.counted)} plan{'s' * (len(exp.counted) != 1)}"
    if want not in line or f" {p.done}/{p.total} (" not in line:
        problems.append(f"status line {line!r}: want {want} and {p.done}/{p.total}")
    shown_blockers = number(r"⚑ (\d+) blocker", line, 0)
    if shown_blockers != exp.open_blockers:
        problems.append(f"status line {line!r}: want {exp.open_blockers} blockers")
    bar = app.main.query_one(TabBar)
    for tab, want_n in (("blockers", exp.open_blockers), ("warnings", exp.warnings)):
        label = bar.label(tab)
        if number(r"\((\d+)\)", label, 0) != want_n:
            problems.append(f"tab label {label!r}: want {want_n}")


def check_overview(app: GoalDashApp, exp: Expected, problems: list[str]) -> None:
    rows = rows_of(app, "overview")
    body = [r for r in rows if r[:2] in ("  ", "▲ ")]
    for p in exp.visible:
        title = p.title or p.path
        row = next((r for r in body if r[2:].startswith(title)), None)
        if row is None:
            problems.append(f"overview: no row for {p.path}")
            continue
        rest = row[2 + len(title) :]
        if f"{p.progress.done}/{p.progress.total}" != (re.findall(r"\d+/\d+", rest) or [""])[0]:
            problems.append(f"overview row {row!r}: want {p.progress.done}/{p.progress.total}")
        if not p.template and not p.backup:
            if number(r"⚑(\d+)", rest, 0) != len(p.open_blockers):
                problems.append(f"overview row {row!r}: want ⚑{len(p.open_blockers)}")
            if number(r"⚠(\d+)", rest, 0) != len(p.warnings):
                problems.append(f"overview row {row!r}: want ⚠{len(p.warnings)}")
    titles = {p.title or p.path for p in exp.visible}
    extra = [r for r in body if not any(r[2:].startswith(t) for t in titles)]
    if extra:
        problems.append(f"overview: rows of plans not on show {extra}")
    groups: dict[str, list[Plan]] = {}
    for p in exp.counted:
        groups.setdefault(p.group, []).append(p)
    for row in rows:
        if not row.startswith("▾ "):
            continue
        name, _, tail = row[2:].partition("  ")
        members = groups.get("" if name == "Other plans" else name, [])
        total = sum((p.progress for p in members), Progress())
        n = len(members)
        want = f"{n} plan{'s' * (n != 1)} · {total.done}/{total.total}"
        if not tail.startswith(want):
            problems.append(f"group row {row!r}: want {want}")


def view_head(app: GoalDashApp, tab: str) -> str:
    view = app.main.query_one(f"#{tab}-view", View)
    head = view.query_one(".view-head", Static)
    return plain(head) if head.display else ""


def check_blockers(app: GoalDashApp, exp: Expected, problems: list[str]) -> None:
    rows = rows_of(app, "blockers")
    open_rows = sum(1 for r in rows if r.startswith("● "))
    head = view_head(app, "blockers")
    if open_rows != exp.open_blockers or number(r"(\d+) open", head, 0) != exp.open_blockers:
        problems.append(f"blockers {head!r}, {open_rows} rows: want {exp.open_blockers} open")
    resolved = sum(1 for r in rows if r.startswith("✓ "))
    if resolved != exp.resolved_blockers:
        problems.append(f"blockers: {resolved} resolved rows, want {exp.resolved_blockers}")


def check_warnings(app: GoalDashApp, exp: Expected, problems: list[str]) -> None:
    head = view_head(app, "warnings")
    if number(r"(\d+) warnings?", head, 0) != exp.warnings:
        problems.append(f"warnings heading {head!r}: want {exp.warnings}")


def check_standup(app: GoalDashApp, exp: Expected, problems: list[str]) -> None:
    ws = app.workspace
    if ws.standup_busy or ws.standup_stale or ws.standup is None:
        problems.append("standup: not answered yet")
        return
    rows = rows_of(app, "standup")
    changes = sum(1 for r in rows if r.startswith("  ") and r.strip())
    head = view_head(app, "standup")
    if changes and number(r"(\d+) changes?", head) != changes:
        problems.append(f"standup heading {head!r} over {changes} change rows")
    shown = {p.path for p in exp.visible}
    listed = [r.split("  ")[0] for r in rows if r and not r.startswith((" ", "note:"))]
    stray = [path for path in listed if path not in shown]
    if stray:
        problems.append(f"standup lists plans the filter leaves out: {stray}")


def check_plan_screen(app: GoalDashApp, exp: Expected, problems: list[str]) -> None:
    screen = app.screen
    assert isinstance(screen, PlanScreen)
    p = exp.plan(screen.path) or next(
        (q for q in scan(app.workspace.root, TODAY).plans if q.path == screen.path), None
    )
    if p is None:
        return
    if not screen.query("#plan-head"):
        problems.append("the plan screen is not composed yet")  # pushed a moment ago
        return
    head = plain(screen.query_one("#plan-head", Static))
    second = head.split("\n")[1] if "\n" in head else ""
    if (re.findall(r"\d+/\d+", second) or [""])[0] != f"{p.progress.done}/{p.progress.total}":
        problems.append(f"plan screen {second!r}: want {p.progress.done}/{p.progress.total}")
    if number(r"⚑ (\d+) blocker", second, 0) != len(p.open_blockers):
        problems.append(f"plan screen {second!r}: want {len(p.open_blockers)} blockers")
    if number(r"⚠ (\d+)", second, 0) != len(p.warnings):
        problems.append(f"plan screen {second!r}: want {len(p.warnings)} warnings")


CHECKS = {
    "overview": check_overview,
    "blockers": check_blockers,
    "warnings": check_warnings,
    "standup": check_standup,
}


def problems_now(app: GoalDashApp, query: str, hide: bool) -> list[str]:
    """What the screen in sight shows that the files, read now, contradict."""
    exp = Expected.now(app.workspace.root, query, hide)
    problems: list[str] = []
    check_main_top(app, exp, problems)
    if isinstance(app.screen, PlanScreen):
        check_plan_screen(app, exp, problems)
    elif app.screen is app.main:
        tab = app.main.active_tab
        mounted = tab in CHECKS and bool(app.main.query(f"#{tab}-view"))
        if mounted and (tab != "standup" or HAS_GIT):
            CHECKS[tab](app, exp, problems)
    return problems


async def settled(pilot: Pilot[Any], app: GoalDashApp, state: dict[str, Any], why: str) -> None:
    """Wait until what is in sight agrees with the files; fail saying how it does not."""
    deadline = time.monotonic() + SETTLE
    while True:
        problems = problems_now(app, state["query"], state["hide"])
        if not problems:
            return
        if time.monotonic() >= deadline:
            ws = app.workspace
            held = ", ".join(f"{p.path} {p.progress.done}/{p.progress.total}" for p in ws.plans)
            pytest.fail(
                f"after {why}: "
                + "; ".join(problems)
                + f" (the workspace holds {held}; jobs {ws.jobs.qsize()}, busy {getattr(ws, 'busy', None)}; workers {[(w.name, w.state.name) for w in app.workers]})"
            )
        await pilot.pause(0.02)


# ------------------------------------------------------------------------------ actions


async def act(
    pilot: Pilot[Any], app: GoalDashApp, rng: random.Random, state: dict[str, Any]
) -> str:
    """Do one random thing a user does; say what."""
    root = app.workspace.root
    kind = rng.choice(
        ("tick", "tick", "undo", "burst", "outside", "editor", "filter", "tab", "back", "hide")
    )
    if kind in ("tick", "burst"):
        if not isinstance(app.screen, PlanScreen):
            app.open_plan(rng.choice(PLANS))
            await pilot.pause()
        if not isinstance(app.screen, PlanScreen):
            return "open a plan (it is not on show)"
        await _wait(pilot, lambda: cursor_node(app) is not None)
        for _ in range(rng.randrange(6)):
            await pilot.press("j")
        keys = ["space"] if kind == "tick" else ["space", "space", "space", "u", "u", "u"]
        await pilot.press(*keys)
        return f"{kind} in {app.screen.path}"
    if kind == "undo":
        await pilot.press("u")
        return "undo"
    if kind == "outside":
        outside_edit(root, rng)
        return "an outside edit"
    if kind == "editor":
        rel = rng.choice(PLANS)
        state["editor_rng"] = rng
        app.open_editor(rel, 1)
        return f"an editor's return on {rel}"
    if kind == "filter":
        word = rng.choice(FILTERS)
        if word:
            await pilot.press("slash")
            app.main.query_one("#filter", Input).value = word  # typed (keys are slow in tests)
            await pilot.press("enter")
            state["query"] = word
        else:
            app.action_filter()
            await pilot.pause()
            app.main.action_clear_filter()
            state["query"] = ""
        return f"filter {word!r}"
    if kind == "tab":
        n = rng.randrange(1, len(TABS) + 1)
        await pilot.press(str(n))
        return f"tab {n}"
    if kind == "back":
        await pilot.press("escape")
        return "escape"
    await pilot.press("f")
    state["hide"] = not state["hide"]
    return "hide finished"


async def _wait(pilot: Pilot[Any], cond: Any) -> None:
    deadline = time.monotonic() + SETTLE
    while not cond() and time.monotonic() < deadline:
        await pilot.pause(0.02)


async def tour(pilot: Pilot[Any], app: GoalDashApp, state: dict[str, Any], why: str) -> None:
    """Visit every tab and read it."""
    for n, tab in enumerate(TABS, 1):
        await pilot.press(str(n))
        await _wait(pilot, lambda tab=tab: bool(app.main.query(f"#{tab.id}-view")))
        await settled(pilot, app, state, f"{why}, then showing tab {n}")


@pytest.mark.parametrize("seed", range(SEQUENCES))
async def test_every_number_agrees_with_the_files(tmp_path: Path, seed: int) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    write_repo(root)
    rng = random.Random(seed)
    state: dict[str, Any] = {"query": "", "hide": False, "editor_rng": rng}

    def editor(cmd: list[str]) -> None:  # the user's editor: changes the file, then quits
        path = Path(next(a for a in cmd if a.endswith(".md"))).resolve()
        rel = path.relative_to(root.resolve()).as_posix()
        outside_edit(root, _Pinned(state["editor_rng"], rel))

    app = GoalDashApp(root, TODAY, watch=True, editor_runner=editor)
    done: list[str] = []
    async with app.run_test(size=(120, 34)) as pilot:
        await _wait(pilot, lambda: not app.workspace.scanning)
        await settled(pilot, app, state, "start")
        for _ in range(STEPS):
            done.append(await act(pilot, app, rng, state))
            await settled(pilot, app, state, " → ".join(done))
        if isinstance(app.screen, PlanScreen):
            await pilot.press("escape")
        await tour(pilot, app, state, " → ".join(done))


class _Pinned(random.Random):
    """A random source whose first `choice` among the plans is pinned to one plan."""

    def __init__(self, rng: random.Random, rel: str) -> None:
        super().__init__(rng.random())
        self.rel = rel

    def choice(self, seq: Any) -> Any:
        return self.rel if seq is PLANS else super().choice(seq)
