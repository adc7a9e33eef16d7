"""`goaldash toggle FILE:LINE`: what it prints, and every failure in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from goaldash.cli import main as goaldash_main
from tests.edit.helpers import (
    write,
)


def toggle_main(argv: list[str]) -> int:
    """`goaldash toggle ARGV` in this process."""
    return goaldash_main(["toggle", *argv])


def run_toggle(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from goaldash.cli import main; sys.exit(main(['toggle', *sys.argv[1:]]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, check=False
    )


# -- the command ----------------------------------------------------------------------------


def test_toggle_main_prints_state_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plan.md", b"# Plan\n- [ ] Write the docs\n")
    assert toggle_main(["plan.md:2"]) == 0
    assert capsys.readouterr().out == "done  plan.md:2  [x] Write the docs\n"
    assert toggle_main(["plan.md:2"]) == 0
    assert capsys.readouterr().out == "open  plan.md:2  [ ] Write the docs\n"
    assert toggle_main(["plan.md:2", "--in-progress"]) == 0
    assert capsys.readouterr().out == "in progress  plan.md:2  [-] Write the docs\n"
    assert toggle_main(["plan.md:2", "--done"]) == 0
    assert capsys.readouterr().out == "done  plan.md:2  [x] Write the docs\n"
    assert toggle_main(["plan.md:2", "--open"]) == 0
    assert (tmp_path / "plan.md").read_bytes() == b"# Plan\n- [ ] Write the docs\n"


def test_toggle_main_expect_follows_a_moved_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plan.md", b"- [ ] new\n- [ ] a\n")
    assert toggle_main(["plan.md:1", "--expect", "a"]) == 0
    out = capsys.readouterr()
    assert out.out == "done  plan.md:2  [x] a\n"
    assert "moved from line 1 to 2" in out.err
    assert toggle_main(["plan.md:1", "--expect", "gone"]) == 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["plan.md:3"], 1, "goaldash: plan.md:3: not a task-list item"),
        (["plan.md:2"], 1, "goaldash: plan.md:2: not a task-list item"),
        (["plan.md:40"], 2, "goaldash: plan.md:40: line out of range"),
        (["missing.md:1"], 2, "goaldash: no such file: missing.md"),
        (["plan.md"], 2, "goaldash toggle: expected FILE:LINE"),
        (["plan.md:x"], 2, "goaldash toggle: expected FILE:LINE"),
        (["plan.md:0"], 2, "goaldash: plan.md:0: lines count from 1"),
        (["plan.md:1", "--done", "--open"], 2, "goaldash toggle: argument --open"),
        ([], 2, "goaldash toggle: the following arguments are required"),
    ],
)
def test_command_errors_are_one_line(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    write(tmp_path / "plan.md", b"- [ ] a\n```\n- [ ] fake\n```\n")
    out = run_toggle(*args, cwd=tmp_path)
    assert out.returncode == code, out.stderr
    assert out.stdout == ""
    assert out.stderr.startswith(message), out.stderr
    assert out.stderr.count("\n") == 1, out.stderr
    assert (tmp_path / "plan.md").read_bytes() == b"- [ ] a\n```\n- [ ] fake\n```\n"


def test_command_read_only_file(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.md", b"- [ ] a\n")
    path.chmod(0o444)
    out = run_toggle("plan.md:1", cwd=tmp_path)
    assert (out.returncode, out.stdout) == (1, "")
    assert out.stderr == "goaldash: plan.md is read-only; nothing written\n"


def test_command_success(tmp_path: Path) -> None:
    write(tmp_path / "plan.md", b"# Plan\r\n- [ ] Write the docs\r\n")
    out = run_toggle("plan.md:2", cwd=tmp_path)
    assert (out.returncode, out.stdout, out.stderr) == (
        0,
        "done  plan.md:2  [x] Write the docs\n",
        "",
    )
    assert (tmp_path / "plan.md").read_bytes() == b"# Plan\r\n- [x] Write the docs\r\n"


def test_out_of_range_counts_lines_in_words(tmp_path: Path) -> None:
    """'the file has 1 line', not '1 lines'."""
    write(tmp_path / "plan.md", b"- [ ] a\n")
    out = run_toggle("plan.md:5", cwd=tmp_path)
    assert out.returncode == 2
    assert "(the file has 1 line)" in out.stderr, out.stderr
