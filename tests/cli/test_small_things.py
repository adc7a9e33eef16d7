"""Small things a user notices (issue 15): counts in words, `goaldash FILE`, `--demo PATH`,
a binary plan.md, a folder that cannot be read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from goaldash.cli import main
from tests.conftest import unlistable

PLAN = "# Billing\n\n## Phase 1: Build\n\n- [x] a\n- [ ] b\n"


def _write(root: Path, rel: str, text: str = PLAN) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _once(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    os.environ.setdefault("COLUMNS", "120")
    rc = main(["--once", "--today", "2026-01-20", str(root)])
    got = capsys.readouterr()
    return rc, got.out, got.err


def test_counts_are_said_in_good_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "docs/plans/plan.md")
    _write(tmp_path, "docs/plans/plan.md.bak")
    rc, out, _ = _once(tmp_path, capsys)
    assert rc == 0
    head = out.splitlines()[0]
    assert " 1 plan " in head and "1 plans" not in head
    assert "(+1 stale copy)" in head and "templates/copies" not in out
    _write(tmp_path, "docs/plans/two.md")
    _write(tmp_path, "docs/plans/two.md.orig")
    _, out, _ = _once(tmp_path, capsys)
    assert " 2 plans " in out.splitlines()[0] and "(+2 stale copies)" in out


def test_goaldash_file_reports_that_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, "notes/billing.md")
    _write(tmp_path, "notes/other-plan.md", "# Other\n\n- [ ] c\n")
    assert main(["--json", "--today", "2026-01-20", str(plan)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [(p["path"], p["title"]) for p in doc["plans"]] == [("billing.md", "Billing")]
    assert doc["root"] == str(plan.parent)
    assert main(["--once", "--today", "2026-01-20", str(plan)]) == 0
    out = capsys.readouterr().out
    assert "Billing" in out and "Other" not in out and "1/2" in out
    readme = _write(tmp_path, "README.md", "# Project\n\nJust words.\n")
    assert main(["--once", str(readme)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a plan" in err


def test_demo_with_a_path_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "--json", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--demo" in err and "Traceback" not in err


def test_a_binary_plan_is_a_note_not_a_plan_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "plan.md").write_bytes(b"\x00\x01binary\xff" * 100)
    _write(tmp_path, "docs/plans/real.md")
    assert main(["--json", "--today", "2026-01-20", str(tmp_path)]) == 0
    got = capsys.readouterr()
    assert [p["path"] for p in json.loads(got.out)["plans"]] == ["docs/plans/real.md"]
    assert got.err.count("\n") == 1 and "plan.md" in got.err and "binary" in got.err
    rc, out, err = _once(tmp_path, capsys)
    assert rc == 0 and " 1 plan " in out.splitlines()[0] and "binary" in err


def test_an_unreadable_folder_is_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "docs/plans/real.md")
    _write(tmp_path, "locked/plan.md")
    unlistable(monkeypatch, "locked")
    assert main(["--json", "--today", "2026-01-20", str(tmp_path)]) == 0
    got = capsys.readouterr()
    assert [p["path"] for p in json.loads(got.out)["plans"]] == ["docs/plans/real.md"]
    assert got.err == "goaldash: note: folder locked skipped: cannot read it (Permission denied)\n"


@pytest.mark.parametrize("columns", [60, 80, 100, 120, 160])
def test_once_gives_titles_the_room_first(
    columns: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At 100 columns the bar, the status, the phase and the due date left titles 12 columns:
    # "Roadmap: Ob…". Two plans told apart only late in their titles must read apart.
    monkeypatch.setenv("COLUMNS", str(columns))
    title = "Implementation Plan: Billing"
    body = (
        "\n\n## Phase 7: Schema and migration tooling for the ledger (due 2026-01-10)\n\n"
        + "- [x] done\n" * 21
        + "- [ ] open\n" * 2
    )
    _write(tmp_path, "a/plan.md", f"# {title} export{body}")
    _write(tmp_path, "b/plan.md", f"# {title} import{body}")
    _, out, _ = _once(tmp_path, capsys)
    rows = out.splitlines()
    want = 20 if columns < 80 else len(title) + 4  # "...export" in full from 80 columns up
    assert any(f"{title} export"[:want] in r for r in rows), out
    assert any(f"{title} import"[:want] in r for r in rows), out
    assert max(len(r.rstrip()) for r in rows) <= columns
