"""The command line: exit codes, one-line errors, `--json` shape, `--once` output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from goaldash.cli import main


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _write(
        tmp_path,
        "docs/plans/plan.md",
        "---\ntitle: Billing\nstatus: active\ncreated: 2026-01-05\n---\n\n"
        "## Phase 1: Build (Weeks 1-2)\n\n- [x] a\n- [ ] b\n\n## Blockers\n\n"
        "- Keys missing\n  - Owner: Dana\n  - ETA: 2026-01-08\n",
    )
    _write(tmp_path, "README.md", "# Project\n\nJust a readme.\n")
    return tmp_path


def run(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **kw.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.run(
        [sys.executable, "-m", "goaldash", *args], capture_output=True, text=True, env=env, **kw
    )  # type: ignore[call-overload, no-any-return]


def test_json_document(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "--today", "2026-01-20", str(repo)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == 1
    assert doc["today"] == "2026-01-20"
    assert doc["root"] == str(repo)
    (plan,) = doc["plans"]
    assert plan["path"] == "docs/plans/plan.md"
    assert plan["title"] == "Billing"
    assert plan["status"] == "in_progress"
    assert plan["progress"] == {"done": 1, "in_progress": 0, "open": 1, "total": 2, "percent": 50.0}
    assert plan["phases"][0]["start"] == "2026-01-05"
    assert plan["phases"][0]["end"] == "2026-01-18"
    assert plan["items"][0] == {
        "line": 9,
        "column": 4,
        "state": "done",
        "text": "a",
        "depth": 0,
        "phase": "1",
        "section": "Phase 1",
    }
    assert plan["blockers"][0]["eta"] == "2026-01-08"
    required = {
        "path", "group", "format", "template", "title", "status", "progress", "dates", "phases",
        "items", "tasks", "blockers", "adjustments", "placeholders", "warnings",
    }  # fmt: skip
    assert required <= set(plan)


def test_missing_path_is_one_line_exit_2(tmp_path: Path) -> None:
    out = run(["--once", str(tmp_path / "nope")])
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and "no such file or folder" in out.stderr


def test_bad_flag_is_one_line_exit_2() -> None:
    out = run(["--frobnicate"])
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_bad_today_is_one_line_exit_2(repo: Path) -> None:
    out = run(["--json", "--today", "tomorrow", str(repo)])
    assert out.returncode == 2
    assert out.stderr.strip() == "goaldash: --today wants YYYY-MM-DD, not 'tomorrow'"


def test_bad_config_names_file_and_key(repo: Path) -> None:
    (repo / ".goaldash.toml").write_text('exclude = "x"\ncolour = 1\n')
    out = run(["--json", str(repo)])
    assert out.returncode == 2
    assert (
        out.stderr.strip()
        == "goaldash: .goaldash.toml: unknown key 'colour' (known: include, exclude)"
    )
    (repo / ".goaldash.toml").write_text("exclude = [\n")
    out = run(["--json", str(repo)])
    assert out.returncode == 2
    assert out.stderr.startswith("goaldash: .goaldash.toml: not valid TOML")
    assert out.stderr.count("\n") == 1


def test_once_plain_and_narrow(repo: Path) -> None:
    out = run(
        ["--once", "--today", "2026-01-20", str(repo)], env={"NO_COLOR": "1", "COLUMNS": "60"}
    )
    assert out.returncode == 0, out.stderr
    assert "\x1b[" not in out.stdout
    assert all(len(line) <= 60 for line in out.stdout.splitlines())
    assert "Billing" in out.stdout
    assert "1/2" in out.stdout
    assert "Keys missing" in out.stdout
    assert "README" not in out.stdout


def test_once_on_empty_folder(tmp_path: Path) -> None:
    out = run(["--once", str(tmp_path)], env={"NO_COLOR": "1"})
    assert out.returncode == 0
    assert "No plan files found here." in out.stdout


def test_once_shows_brackets_and_strips_escapes(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "plan.md",
        "# [bold]Plan[/bold] \x1b]0;pwned\x07\x1b[2J\n\n- [ ] [/x] task (BLOCKED: [@click=quit])\n",
    )
    out = run(["--once", str(tmp_path)], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert out.returncode == 0, out.stderr
    assert "[bold]Plan[/bold]" in out.stdout
    assert "[/x] task (BLOCKED: [@click=quit])" in out.stdout
    assert "\x1b" not in out.stdout and "pwned" not in out.stdout


def test_demo_runs_on_a_copy(tmp_path: Path) -> None:
    out = run(["--demo", "--json", "--today", "2026-11-21"], env={"TMPDIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert Path(doc["root"]).is_relative_to(tmp_path)
    formats = {p["format"] for p in doc["plans"]}
    assert {
        "goalkit-execution",
        "goalkit-milestones",
        "goalkit-tasks",
        "plan-frontmatter",
        "implementation-plan",
        "spec-kit-tasks",
    } <= formats
    plans = {p["path"]: p for p in doc["plans"]}
    search = plans["docs/plans/search-rebuild-plan.md"]
    statuses = {ph["status"] for ph in search["phases"]}
    assert {"done", "in_progress", "not_started"} <= statuses
    assert search["adjustments"] and search["dates"]["estimated_completion"]
    etas = [b["eta"] for p in doc["plans"] for b in p["blockers"] if b["eta"]]
    assert any(e < "2026-11-21" for e in etas) and any(e > "2026-11-21" for e in etas)
    assert plans["docs/templates/plan.md"]["template"] is True


def test_python_dash_m_works() -> None:
    out = run(["--version"])
    assert out.returncode == 0 and out.stdout.startswith("goaldash ")


def test_demo_removes_its_copy_on_exit(tmp_path: Path) -> None:
    out = run(["--demo", "--once"], env={"TMPDIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert "removed on exit" in out.stderr
    assert list(tmp_path.iterdir()) == []


def test_keep_demo_keeps_the_copy_and_says_where(tmp_path: Path) -> None:
    out = run(["--demo", "--keep-demo", "--json"], env={"TMPDIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    (kept,) = tmp_path.iterdir()
    assert f"copied to {kept}; the copy is kept" in out.stderr
    assert (kept / "docs" / "plans").is_dir()
    alone = run(["--keep-demo", str(tmp_path)])
    assert alone.returncode == 2 and "goes with --demo" in alone.stderr


def test_demo_copy_is_removed_when_killed(tmp_path: Path) -> None:
    """SIGTERM (or a closed terminal's SIGHUP) still removes the copy. The dashboard is
    replaced by a stand-in that waits until killed, so no terminal is needed."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "GOALDASH_CACHE_DIR": "off"}
    code = (
        "import sys, threading\n"
        "import goaldash.cli.dashboard as d\n"
        "def show(args, root, today):\n"
        "    print(root, flush=True)\n"
        "    threading.Event().wait()\n"
        "d._show = show\n"
        "sys.exit(d.main(['--demo']))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    root = Path(proc.stdout.readline().strip())
    assert root.is_dir()
    proc.terminate()
    assert proc.wait(timeout=30) == 128 + 15
    assert not root.exists()
