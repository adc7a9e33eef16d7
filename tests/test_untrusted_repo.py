"""A repository goaldash does not trust: FIFOs and devices posing as plans or configuration,
submodules, and a `.git/config` that names commands. Nothing hangs, nothing eats memory,
nothing the repository names is run. Each check runs under a time limit, so a regression
fails instead of hanging the suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest

from goaldash import gitrun
from goaldash.cli import main
from goaldash.config import Config, ConfigError, load_config
from goaldash.discover import candidate_for, candidates
from goaldash.scan import scan
from goaldash.standup import standup
from goaldash.standup.gitlog import read_blobs
from goaldash.standup.repo import author_env, open_repo
from goaldash.watch import reread

from .conftest import TODAY

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = "# Plan\n\n## Phase 1: x\n\n- [ ] one\n- [x] two\n"
T = TypeVar("T")
NOW = datetime(2026, 11, 21, 10, 0).astimezone()


def within(seconds: float, fn: Callable[[], T]) -> T:
    """`fn()`, failing the test if it takes longer than `seconds` (a hang, say)."""
    box: dict[str, object] = {}

    def go() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"still running after {seconds} s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def git(root: Path, *args: str, when: str = "2026-11-20T10:00:00") -> None:
    subprocess.run(
        ["git", "-c", "protocol.file.allow=always", *args],
        cwd=root,
        env=author_env("Ann", when),
        check=True,
        capture_output=True,
    )


def write(root: Path, rel: str, text: str = PLAN) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text)


def paths(root: Path, config: Config | None = None) -> list[str]:
    return within(30, lambda: [p.path for p in scan(root, TODAY, config).plans])


# ------------------------------------------------------------------ FIFOs and devices


@pytest.mark.parametrize("kind", ["tracked-symlink", "include-glob"])
@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_a_fifo_or_a_device_posing_as_a_plan(tmp_path: Path, kind: str, target: str) -> None:
    write(tmp_path, "docs/plans/p.md")
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
    name = "plan.md" if kind == "tracked-symlink" else "notes.txt"
    os.symlink(target, tmp_path / name)
    git(tmp_path, "init", "-q")
    if kind == "tracked-symlink":
        git(tmp_path, "add", "plan.md")
    else:
        write(tmp_path, ".goaldash.toml", 'include = ["*.txt"]\n')
    found = paths(tmp_path, load_config(tmp_path))
    assert "docs/plans/p.md" in found
    (odd,) = [p for p in scan(tmp_path, TODAY, load_config(tmp_path)).plans if p.path == name]
    assert [w.kind for w in odd.warnings] == ["unreadable"]


def test_standup_never_opens_a_fifo_or_reads_a_device(tmp_path: Path) -> None:
    write(tmp_path, "docs/plans/p.md")
    os.mkfifo(tmp_path / "fifo")
    os.symlink("fifo", tmp_path / "plan.md")
    os.symlink("/dev/zero", tmp_path / "tasks.md")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "x", when="2026-11-10T10:00:00")
    write(tmp_path, "docs/plans/p.md", PLAN.replace("[ ] one", "[x] one"))
    st = within(30, lambda: standup(tmp_path, "2026-11-15", NOW))
    assert [m.path for m in st.plans] == ["docs/plans/p.md"]


@pytest.mark.parametrize("name", [".goaldash.toml", "pyproject.toml"])
def test_a_configuration_file_that_is_a_fifo_a_device_or_huge(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    if name == "pyproject.toml":  # someone else's file: not ours to judge
        assert within(10, lambda: load_config(tmp_path)) == Config()
        return
    with pytest.raises(ConfigError, match=r"^\.goaldash\.toml: cannot be read \(not a regular"):
        within(10, lambda: load_config(tmp_path))
    (tmp_path / name).unlink()
    os.symlink("/dev/zero", tmp_path / name)
    with pytest.raises(ConfigError, match="not a regular file"):
        within(10, lambda: load_config(tmp_path))
    (tmp_path / name).unlink()
    with open(tmp_path / name, "wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: no disk used, 64 MB to read
    with pytest.raises(ConfigError, match="larger than 1 MB"):
        within(10, lambda: load_config(tmp_path))
    (tmp_path / name).write_text("exclude = " + "[" * 50_000)
    with pytest.raises(ConfigError, match="not valid TOML"):
        within(10, lambda: load_config(tmp_path))


# ------------------------------------------------------------------ submodules


def _superproject(tmp_path: Path) -> Path:
    sub = tmp_path / "subsrc"
    write(sub, "docs/plans/inner.md")
    git(sub, "init", "-q")
    git(sub, "add", "-A")
    git(sub, "commit", "-qm", "x")
    sup = tmp_path / "super"
    write(sup, "docs/plans/outer.md")
    git(sup, "init", "-q")
    git(sup, "submodule", "add", "-q", str(sub), "vendor-sub")
    git(sup, "add", "-A")
    git(sup, "commit", "-qm", "x", when="2026-11-10T10:00:00")
    return sup


def test_plans_inside_a_submodule_are_found(tmp_path: Path) -> None:
    sup = _superproject(tmp_path)
    assert paths(sup) == ["docs/plans/outer.md", "vendor-sub/docs/plans/inner.md"]
    # Standup follows the repository's own history only: no "created" for the submodule's.
    write(sup, "docs/plans/outer.md", PLAN.replace("[ ] one", "[x] one"))
    assert [m.path for m in standup(sup, "2026-11-15", NOW).plans] == ["docs/plans/outer.md"]


def test_a_submodule_replaced_by_a_symlink_is_not_followed(tmp_path: Path) -> None:
    sup = _superproject(tmp_path)
    outside = tmp_path / "outside"
    write(outside, "docs/plans/secret.md")
    git(outside, "init", "-q")
    shutil.rmtree(sup / "vendor-sub")
    os.symlink(outside, sup / "vendor-sub")
    assert paths(sup) == ["docs/plans/outer.md"]


# ------------------------------------------------------------------ commands in .git/config


def test_a_repository_cannot_make_goaldash_run_a_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """core.fsmonitor (run by ls-files and diff), a clean filter (run when git hashes a
    work-tree file), an external diff, a textconv driver and a pager: none may run."""
    root = tmp_path / "repo"
    marks = tmp_path / "marks"
    marks.mkdir()
    write(root, "docs/plans/p.md")
    write(root, "docs/plans/gone.md")
    write(root, "docs/plans/old-name.md", PLAN + "\n- [ ] three\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "x", when="2026-11-10T10:00:00")
    # Uncommitted work of every kind: an edit, a staged rename, a deletion, a new file.
    write(root, "docs/plans/p.md", PLAN.replace("[ ] one", "[x] one"))
    git(root, "mv", "docs/plans/old-name.md", "docs/plans/new-name.md")
    (root / "docs/plans/gone.md").unlink()
    write(root, "docs/plans/new.md")
    write(root, ".gitattributes", "*.md filter=evil diff=evil\n")
    for key, what in (
        ("core.fsmonitor", "fsmonitor"),
        ("filter.evil.clean", "clean"),
        ("filter.evil.process", "process"),
        ("diff.evil.textconv", "textconv"),
        ("diff.evil.command", "diffcommand"),
        ("diff.external", "external"),
        ("core.pager", "pager"),
        ("gpg.program", "gpg"),
    ):
        git(root, "config", key, f"touch {marks / what}; cat")
    git(root, "config", "log.showSignature", "true")
    git(root, "config", "filter.evil.required", "true")

    for args in (
        ["--json", str(root)],
        ["--once", str(root)],
        ["standup", str(root), "--since", "2026-11-15", "--json"],
        ["standup", str(root), "--since", "2026-11-15"],
    ):
        assert within(30, partial(main, args)) == 0, capsys.readouterr().err
    st = standup(root, "2026-11-15", NOW)
    moved = {m.path: m for m in st.plans}
    assert [c.author for c in moved["docs/plans/p.md"].ticked] == ["uncommitted"]
    assert moved["docs/plans/new-name.md"].renamed_from == "docs/plans/old-name.md"
    assert moved["docs/plans/gone.md"].deleted is not None
    assert candidate_for(root, "docs/plans/p.md", Config()) is not None
    reread(root, ["docs/plans/p.md"], Config(), TODAY, lambda _rel: True)
    assert sorted(os.listdir(marks)) == []
    capsys.readouterr()


def test_git_output_is_bounded(tmp_path: Path) -> None:
    write(tmp_path, "docs/plans/p.md", PLAN * 100)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "x")
    with pytest.raises(gitrun.GitError, match="wrote more than"):
        gitrun.run(tmp_path, "log", "-p", limit=100)
    repo = open_repo(tmp_path)
    assert repo is not None
    assert read_blobs(repo, "HEAD", ["docs/plans/p.md"], limit=len(PLAN) * 100) != {}
    assert read_blobs(repo, "HEAD", ["docs/plans/p.md"], limit=len(PLAN)) == {}  # too large


def test_candidates_in_a_work_tree_are_those_git_lists(tmp_path: Path) -> None:
    write(tmp_path, "a.md")
    write(tmp_path, "ignored/b.md")
    write(tmp_path, ".gitignore", "ignored/\n")
    git(tmp_path, "init", "-q")
    assert [c.rel for c in candidates(tmp_path)] == ["a.md"]
