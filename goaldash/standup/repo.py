"""The git repository a root lies in, and the commits standup names: the baseline at a
moment, the edge of a shallow clone, a revision's commit, how many commits came since.

Every path here is relative to the folder goaldash was pointed at (POSIX); git's own paths,
relative to the top of the work tree, are translated on the way in and out (`Repo`).

This module is core: it must not import Textual.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from goaldash import gitrun
from goaldash.gitrun import GitError


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run `git ARGS` in `cwd` (hardened: `goaldash.gitrun`); its stdout, or GitError with
    the first line git said."""
    proc = gitrun.run(cwd, "-c", "core.quotePath=false", *args, stdin=stdin)
    if proc.returncode != 0:
        raise GitError(gitrun.first_line(proc.stderr, f"git {args[0]} exited {proc.returncode}"))
    return proc.stdout


def author_env(who: str, when: str) -> dict[str, str]:
    """The environment for a git command that commits as `who` at `when` (ISO 8601), with
    no user or system configuration: the demo's history and the tests' repositories."""
    return dict(
        os.environ,
        GIT_AUTHOR_NAME=who,
        GIT_AUTHOR_EMAIL=f"{who.lower()}@example.com",
        GIT_COMMITTER_NAME=who,
        GIT_COMMITTER_EMAIL=f"{who.lower()}@example.com",
        GIT_AUTHOR_DATE=when,
        GIT_COMMITTER_DATE=when,
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
    )


@dataclass(frozen=True, slots=True)
class Repo:
    """The git work tree a root lies in."""

    root: Path
    prefix: str
    """The root's path inside the work tree, "" or ending in "/"."""
    shallow: bool
    head: str | None
    """None before the first commit."""

    def to_git(self, rel: str) -> str:
        return self.prefix + rel

    def from_git(self, path: str) -> str | None:
        """The root-relative path of a work-tree path; None when it is outside the root."""
        if not path.startswith(self.prefix):
            return None
        return path[len(self.prefix) :]


def open_repo(root: Path) -> Repo | None:
    """The repository `root` is in, or None when it is in none (or only in its .git, or in a
    bare repository)."""
    try:
        # The prefix last: a folder's name may hold a newline, so it is all that is left.
        out = git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
        inside, shallow = out.decode("ascii", "replace").split()[:2]
        if inside != "true":
            return None
        prefix = decode_path(git(root, "rev-parse", "--show-prefix"))
    except GitError as exc:
        if "not a git repository" in str(exc).lower():
            return None
        raise
    except ValueError:
        return None
    prefix = prefix[:-1] if prefix.endswith("\n") else prefix
    try:
        head: str | None = git(root, "rev-parse", "--verify", "-q", "HEAD").decode().strip()
    except GitError:
        head = None
    return Repo(root, prefix, shallow == "true", head or None)


def decode_path(raw: bytes) -> str:
    """A path as git wrote it (bytes) as goaldash keeps paths: undecodable bytes kept as
    surrogates, so the name on disk is exactly recoverable (`os.fsencode`)."""
    return raw.decode("utf-8", "surrogateescape")


def commit_time(raw: str) -> datetime:
    """A commit time as git prints it (`%ct`, seconds), in local time."""
    return datetime.fromtimestamp(int(raw)).astimezone()


def baseline_at(repo: Repo, when: datetime) -> str | None:
    """The last commit of HEAD's first-parent line committed at or before `when`."""
    if repo.head is None:
        return None
    out = git(repo.root, "rev-list", "-1", "--first-parent", f"--before={when.isoformat()}", "HEAD")
    return out.decode().strip() or None


def earliest(repo: Repo) -> tuple[str, datetime] | None:
    """The oldest commit HEAD's first-parent line reaches (in a shallow clone, its edge)."""
    if repo.head is None:
        return None
    out = git(repo.root, "rev-list", "--first-parent", "--format=%ct", "HEAD").decode().split()
    # Pairs of "commit SHA" and the timestamp line.
    if len(out) < 3:
        return None
    return out[-2], commit_time(out[-1])


def resolve_commit(repo: Repo, rev: str) -> tuple[str, datetime] | None:
    """A revision's commit and its commit time; None when it names no commit."""
    if rev.startswith("-"):
        return None
    try:
        out = git(repo.root, "rev-parse", "--verify", "-q", "--end-of-options", f"{rev}^{{commit}}")
    except GitError:
        return None
    sha = out.decode().strip()
    when = git(repo.root, "show", "-s", "--format=%ct", sha).decode().strip()
    return sha, commit_time(when)


def count_commits(repo: Repo, base: str | None) -> int:
    if repo.head is None:
        return 0
    spec = f"{base}..HEAD" if base else "HEAD"
    return int(git(repo.root, "rev-list", "--count", spec).decode().strip())
