"""Who moved a change, and when: the newest commit that wrote the line the change now stands
on (or removed the line it stood on), or "uncommitted" when the work tree did. A `Trail` is
one file's changes, newest first, followed back through renames.

This module is core: it must not import Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from goaldash.standup.gitlog import Commit
from goaldash.standup.patch import FileDiff
from goaldash.standup.result import Change

UNCOMMITTED = "uncommitted"


@dataclass(frozen=True, slots=True)
class Who:
    author: str
    when: datetime | None


_NOBODY = Who("unknown", None)


@dataclass(slots=True)
class Trail:
    """The changes to one file, newest first (the work tree's, then each commit's), following
    it back through renames."""

    steps: list[tuple[Who, FileDiff | None]]
    """(who, diff); a None diff: the whole file is new and uncommitted."""

    @classmethod
    def of(
        cls,
        root: Path,
        path: str,
        commits: list[Commit],
        work: dict[str, FileDiff],
        untracked: bool,
    ) -> Trail:
        steps: list[tuple[Who, FileDiff | None]] = []
        names = {path}
        if untracked or path in work:
            try:
                mtime: datetime | None = datetime.fromtimestamp(
                    (root / path).stat().st_mtime
                ).astimezone()
            except OSError:
                mtime = None
            diff = None if untracked else work[path]
            steps.append((Who(UNCOMMITTED, mtime), diff))
            if diff is not None and diff.old_path:
                names.add(diff.old_path)
        for c in reversed(commits):  # see gitlog.commits_since for the order
            for d in c.files.values():
                if d.path in names:
                    steps.append((Who(c.author, c.when), d))
                    if d.old_path:
                        names.add(d.old_path)
        return cls(steps)

    def wrote(self, *lines: str) -> Who:
        """Who last wrote any of these lines (as they read now); else whoever last touched
        the file."""
        return self.writer(*lines) or self.last()

    def writer(self, *lines: str) -> Who | None:
        """Who last wrote any of these lines (as they read now), if a step did."""
        keys = {ln.strip() for ln in lines if ln.strip()}
        for who, d in self.steps:
            if d is None or keys & d.added:
                return who
        return None

    def erased(self, line: str) -> Who:
        """Who last removed this line (as it read at the baseline)."""
        key = line.strip()
        for who, d in self.steps:
            if d is None or key in d.removed:
                return who
        return self.last()

    def creation(self) -> Who:
        for who, d in reversed(self.steps):
            if d is None or d.old_path is None:
                return who
        return self.last()

    def renaming(self) -> Who:
        """Who last renamed the file."""
        for who, d in self.steps:
            if d is not None and d.old_path is not None and d.old_path != d.path:
                return who
        return self.last()

    def deletion(self) -> Who:
        for who, d in self.steps:
            if d is not None and d.deleted:
                return who
        return self.last()

    def last(self) -> Who:
        return self.steps[0][0] if self.steps else _NOBODY


def latest(changes: list[Change]) -> Who | None:
    """Who made the most recent of these changes (those with a time), if any."""
    timed = [c for c in changes if c.when is not None]
    if not timed:
        return None
    last = max(timed, key=lambda c: c.when or datetime.min)
    return Who(last.author, last.when)
