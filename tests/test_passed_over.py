"""What the scan passes over (a folder it cannot read, a binary plan.md) is said by the
dashboard's workspace as `--once` says it (issue 15): never a plan row, never silence."""

from __future__ import annotations

from pathlib import Path

import pytest

from goaldash.scan import scan
from goaldash.workspace import PlansRead, Workspace, worker
from goaldash.workspace.events import Event

from .conftest import TODAY, unlistable

PLAN = "# Billing\n\n## Phase 1: Build\n\n- [x] a\n- [ ] b\n"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs" / "plans").mkdir(parents=True)
    (tmp_path / "docs" / "plans" / "real.md").write_text(PLAN, encoding="utf-8")
    (tmp_path / "plan.md").write_bytes(b"\x00\x01binary\xff" * 100)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "plan.md").write_text(PLAN, encoding="utf-8")
    unlistable(monkeypatch, "locked")
    return tmp_path


def test_the_workspace_carries_the_notes_once_writes(root: Path) -> None:
    ws = Workspace.at(root, TODAY)
    seen: list[Event] = []
    worker.scan(ws, seen.append, lambda: False)
    for event in seen:
        if isinstance(event, PlansRead):
            ws.apply_plans(event)
    assert [p.path for p in ws.plans] == ["docs/plans/real.md"]  # no row for either
    once = scan(root, TODAY).notes  # what `goaldash --once` writes on stderr
    assert len(once) == 2
    assert list(ws.passed_over) == once
    assert any("binary" in n and "plan.md" in n for n in ws.passed_over)
    assert any("locked" in n and "cannot read" in n for n in ws.passed_over)
    assert ws.summary().passed_over == 2 and ws.summary().plans == 1


def _apply(ws: Workspace, seen: list[Event]) -> None:
    for event in seen:
        if isinstance(event, PlansRead):
            ws.apply_plans(event)
    seen.clear()


def test_a_plan_turned_binary_after_the_scan_is_passed_over_and_back(tmp_path: Path) -> None:
    """A re-read (the watcher's) treats a binary file as the scan does: no plan row, a note;
    and once it is markdown again, a plan and no note."""
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    ws = Workspace.at(tmp_path, TODAY)
    seen: list[Event] = []
    worker.scan(ws, seen.append, lambda: False)
    _apply(ws, seen)
    assert [p.path for p in ws.plans] == ["plan.md"] and ws.passed_over == ()
    plan.write_bytes(b"\x00\x01binary\xff" * 100)
    ws.request_reread({"plan.md"})
    assert worker.run_next(ws, seen.append)
    _apply(ws, seen)
    assert ws.plans == []
    assert len(ws.passed_over) == 1 and "binary" in ws.passed_over[0]
    assert ws.summary().passed_over == 1
    plan.write_text(PLAN, encoding="utf-8")
    ws.request_reread({"plan.md"})
    assert worker.run_next(ws, seen.append)
    _apply(ws, seen)
    assert [p.path for p in ws.plans] == ["plan.md"] and ws.passed_over == ()
