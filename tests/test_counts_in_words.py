"""Every count is said in good English (issue 15): one helper, `text.counted`, words them all,
and each place that prints a count is rendered here with 0, 1 and 2 (`1 plans`,
`Nothing plan matches`, `Looked at 1 markdown files`, `Reading plans… (1 files)`, `in a
archived/ folder` were printed)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from goaldash.model import Progress
from goaldash.report.standup import summary
from goaldash.standup.result import Change, PlanMoves, Standup
from goaldash.text import a_or_an, counted, plural
from goaldash.ui.views.base import empty_message
from goaldash.ui.views.overview import group_header
from goaldash.ui.views.standup import standup_head
from goaldash.ui.widgets.status_line import summary_line
from goaldash.workspace import Workspace
from tests.conftest import TODAY, plan_of

BAD = ("1 plans", "1 files", "1 changes", "1 commits", "1 blockers", "1 warnings")


def test_the_helper() -> None:
    assert [counted(n, "plan") for n in (0, 1, 2)] == ["0 plans", "1 plan", "2 plans"]
    assert (
        counted(2, "stale copy") == "2 stale copies" and counted(1, "stale copy") == "1 stale copy"
    )
    assert plural(2, "day") == "days" and plural(3, "match") == "matches"
    assert plural(2, "person", "people") == "people" and plural(1, "person", "people") == "person"
    assert [a_or_an(w) for w in ("archived", "archive", "done", "completed")] == [
        "an",
        "an",
        "a",
        "a",
    ]


def _ws(tmp_path: Path, n: int) -> Workspace:
    ws = Workspace.at(tmp_path, TODAY)
    ws.plans = [plan_of(f"# P{i}\n\n- [ ] a\n", f"p{i}.md") for i in range(n)]
    ws.scanning = False
    return ws


@pytest.mark.parametrize("n", [0, 1, 2])
def test_the_dashboard_counts(tmp_path: Path, n: int) -> None:
    ws = Workspace.at(tmp_path, TODAY)
    ws.scanning, ws.scanned, ws.candidates = True, min(n, 1), n
    reading = empty_message(ws, "plan")
    assert reading == f"Reading plans… ({min(n, 1)} of {n} file{'s' * (n != 1)})"
    ws.scanning = False
    (tmp_path / "x.md").write_text("x", encoding="utf-8")  # not an empty folder
    looked = empty_message(ws, "plan")
    if n == 1:
        assert looked.startswith("Looked at 1 markdown file in ") and "it is not a plan" in looked
    elif n == 2:
        assert looked.startswith("Looked at 2 markdown files in ") and "none is a plan" in looked
    ws = _ws(tmp_path, 1)
    ws.query = "zzz"
    assert empty_message(ws, "plan").startswith("No plan matches “zzz”")
    ws = _ws(tmp_path, n)
    line = summary_line(ws).plain
    assert f"  {counted(n, 'plan')}  " in line
    head = group_header("specs/001", ws.plans, 120).plain
    assert f"  {counted(n, 'plan')} · " in head
    for text in (reading, looked, line, head):
        assert not any(bad in text for bad in BAD), text


def _standup(n: int) -> Standup:
    at = datetime(2026, 11, 20, 9, tzinfo=UTC)
    moves = []
    for i in range(n):
        m = PlanMoves(f"p{i}.md", f"P{i}", before=Progress(), after=Progress())
        m.ticked.append(Change("a", 3, "me", at))
        moves.append(m)
    return Standup(Path("/r"), "yesterday", at, at, None, commits=n, plans=moves)


@pytest.mark.parametrize("n", [0, 1, 2])
def test_the_standup_counts(n: int) -> None:
    st = _standup(n)
    head = standup_head(st, n).plain
    assert head.startswith(f"{counted(n, 'change')} in {counted(n, 'plan')}")
    assert f"{counted(n, 'commit')}" in head
    said = summary(st).plain
    assert counted(n, "commit") in said
    assert said.startswith(f"{counted(n, 'change')} in {counted(n, 'plan')}" if n else "Nothing")
    for text in (head, said):
        assert not any(bad in text for bad in BAD), text


@pytest.mark.parametrize(("folder", "article"), [("archived", "an"), ("done", "a")])
def test_a_plan_in_a_finished_folder(folder: str, article: str) -> None:
    plan = plan_of("# P\n\n- [x] a\n- [ ] b\n", f"docs/{folder}/plan.md")
    said = [w.message for w in plan.warnings if "folder" in w.message]
    assert said == [f"in {article} {folder}/ folder but 1 of 2 items are open"]
