"""Standup tests' ground: a temporary git repository with commits at set dates and authors,
holding one plan (PLAN at P). Also used by the dashboard's standup view tests (tests/ui)."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from goaldash.standup import Standup
from goaldash.standup.repo import author_env

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = """\
# Alpha plan

## Phase 1: Build

- [ ] write parser
- [ ] write tests
- [x] set up repo

## Phase 2: Ship

- [ ] release

## Blockers

- Waiting on API keys

## Timeline Adjustments

- 2026-11-10: Phase 1 moved a week - vendor late - Impact: +5 days
"""


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2026-11-01T09:00:00", who: str = "Alice") -> str:
        return subprocess.run(
            ["git", *args],
            cwd=self.root,
            env=author_env(who, when),
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit(self, when: str, who: str = "Alice", message: str = "change") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, when=when, who=who)


P = "docs/plans/alpha-plan.md"
NOW = datetime.fromisoformat("2026-11-21T10:00:00+00:00")  # a Saturday


def plan_repo(tmp_path: Path) -> Repo:
    """A repository holding PLAN at P and a README, committed on 2026-11-01 by Alice."""
    r = Repo(tmp_path / "repo")
    r.write(P, PLAN)
    r.write("README.md", "# Project\n")
    r.commit("2026-11-01T09:00:00")
    return r


def local_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC while the test runs, so set dates mean the same everywhere (the body
    of an autouse fixture)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def one(st: Standup, path: str = P):  # type: ignore[no-untyped-def]
    found = [m for m in st.plans if m.path == path]
    assert found, f"{path} not in {[m.path for m in st.plans]}"
    return found[0]


def texts(changes) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.text for c in changes]
