"""What git knows about plan files: the repository, a baseline commit, old contents, and the
lines each commit added and removed. Plumbing only, a few `git` processes per question; the
standup logic is in `goaldash.standup`.

Every path here is relative to the folder goaldash was pointed at (POSIX); git's own paths,
relative to the top of the work tree, are translated on the way in and out.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

GIT_TIMEOUT = 60


class GitError(Exception):
    """A git command failed; the message is one line."""


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run `git ARGS` in `cwd`; its stdout, or GitError with the first line git said."""
    env = dict(os.environ, LC_ALL="C", GIT_PAGER="cat", GIT_OPTIONAL_LOCKS="0")
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git {args[0]} failed: {exc}") from None
    if proc.returncode != 0:
        said = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(said[0] if said else f"git {args[0]} exited {proc.returncode}")
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
    top: Path
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
    """The repository `root` is in, or None when it is in none."""
    try:
        out = git(root, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository")
    except GitError as exc:
        if "not a git repository" in str(exc).lower():
            return None
        raise
    lines = out.decode("utf-8", "surrogateescape").split("\n")
    if len(lines) < 3 or not lines[0]:
        return None  # inside .git, or a bare repository
    try:
        head: str | None = git(root, "rev-parse", "--verify", "-q", "HEAD").decode().strip()
    except GitError:
        head = None
    return Repo(root, Path(lines[0]), lines[1], lines[2].strip() == "true", head or None)


def _commit_time(raw: str) -> datetime:
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
    return out[-2], _commit_time(out[-1])


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
    return sha, _commit_time(when)


def count_commits(repo: Repo, base: str | None) -> int:
    if repo.head is None:
        return 0
    spec = f"{base}..HEAD" if base else "HEAD"
    return int(git(repo.root, "rev-list", "--count", spec).decode().strip())


@dataclass(frozen=True, slots=True)
class Moved:
    """How the work tree differs from a commit, for markdown files under the root."""

    renamed: dict[str, str]
    """Now-path -> then-path, for files renamed (and perhaps edited) since."""
    deleted: list[str]
    added: set[str]
    """Files added since (and tracked: see `untracked`)."""


def moved_since(repo: Repo, base: str) -> Moved:
    """Renames, deletions and additions between `base` and the work tree's tracked files
    (uncommitted changes included)."""
    out = git(
        repo.root, "diff", "--name-status", "-M", "-z", "--no-ext-diff", base, "--", *_SPECS
    ).split(b"\0")
    renamed: dict[str, str] = {}
    deleted: list[str] = []
    added: set[str] = set()
    i = 0
    while i < len(out) and out[i]:
        status = out[i].decode()
        if status.startswith(("R", "C")):
            old, new = _rel(repo, out[i + 1]), _rel(repo, out[i + 2])
            if status.startswith("R") and old is not None and new is not None:
                renamed[new] = old
            elif new is not None:
                added.add(new)
            i += 3
            continue
        path = _rel(repo, out[i + 1])
        if path is not None and status == "D":
            deleted.append(path)
        elif path is not None and status == "A":
            added.add(path)
        i += 2
    return Moved(renamed, deleted, added)


def untracked(repo: Repo) -> set[str]:
    """Markdown files under the root that git does not track and does not ignore."""
    out = git(repo.root, "ls-files", "-z", "--others", "--exclude-standard", "--", *_SPECS)
    return {p for raw in out.split(b"\0") if raw and (p := _root_rel(raw)) is not None}


# Markdown names, and stale copies of them, anywhere under the root.
_SPECS = tuple(
    f":(glob)**/*{suffix}"
    for suffix in (".md", ".markdown", ".MD", ".Md", ".md.bak", ".md.orig", ".md~")
)


def _rel(repo: Repo, raw: bytes) -> str | None:
    """A path git printed relative to the top of the work tree, made root-relative."""
    return repo.from_git(raw.decode("utf-8", "surrogateescape"))


def _root_rel(raw: bytes) -> str | None:
    """A path git printed relative to the current folder (the root)."""
    path = raw.decode("utf-8", "surrogateescape")
    return None if path.startswith("../") else path


def read_blobs(repo: Repo, base: str, paths: list[str]) -> dict[str, bytes]:
    """The contents of `paths` at commit `base` (those that existed), in one git process."""
    paths = [p for p in paths if "\n" not in p]  # one path a line: git's batch protocol
    if not paths:
        return {}
    asked = "".join(f"{base}:{repo.to_git(p)}\n" for p in paths).encode("utf-8", "surrogateescape")
    out = git(repo.root, "cat-file", "--batch", stdin=asked)
    blobs: dict[str, bytes] = {}
    pos = 0
    for p in paths:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            blobs[p] = out[pos : pos + size]
            pos += size + 1
    return blobs


@dataclass(slots=True)
class FileDiff:
    """What one commit (or the work tree) did to one file: the lines it added and removed,
    stripped of surrounding white space, which is how changes are traced to their author."""

    path: str
    """The file's path after the change (root-relative)."""
    old_path: str | None
    """Its path before; None when the file is new."""
    deleted: bool = False
    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Commit:
    sha: str
    author: str
    when: datetime
    files: dict[str, FileDiff] = field(default_factory=dict)
    """By path after the commit."""


def commits_since(repo: Repo, base: str | None, paths: list[str] | None = None) -> list[Commit]:
    """The commits after `base` that HEAD has, each with its markdown changes, in the order
    credit is looked for last to first: merges first, then every other commit, oldest
    first (both).

    A commit made on a branch and merged in keeps its own author: its changes are its diff
    against its own parent. A merge on HEAD's first-parent line is there too, with its change
    against the first parent (everything it brought in), so it is credited only with lines
    no commit of the branch wrote, such as a conflict resolved in the merge.
    """
    if repo.head is None:
        return []
    spec = f"{base}..HEAD" if base else "HEAD"
    specs = _SPECS if paths is None else tuple(f":(literal){p}" for p in paths)
    merges = _log(repo, spec, specs, "--first-parent", "--merges", "--diff-merges=first-parent")
    return merges + _log(repo, spec, specs, "--no-merges")


# Diffs as `parse_diff` reads them, whatever the user's git configuration says: renames
# found, no context lines, no colour, no external or text-converting diff, a/ and b/ prefixes.
_DIFF = (
    "-M",
    "--unified=0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
)


def _log(repo: Repo, spec: str, specs: tuple[str, ...], *how: str) -> list[Commit]:
    out = git(
        repo.root,
        "log",
        *how,
        "--reverse",
        *_DIFF,
        "--format=%x00%x01%H%x00%an%x00%at",
        "-p",
        spec,
        "--",
        *specs,
    )
    commits: list[Commit] = []
    for chunk in out.split(b"\x00\x01")[1:]:
        head, _, body = chunk.partition(b"\n")
        sha, author, at = head.decode("utf-8", "replace").split("\x00")
        c = Commit(sha, author, _commit_time(at))
        for d in parse_diff(repo, body):
            c.files[d.path] = d
        commits.append(c)
    return commits


def uncommitted(repo: Repo) -> dict[str, FileDiff]:
    """What the work tree changed since HEAD, by path (untracked files are not included)."""
    if repo.head is None:
        return {}
    out = git(repo.root, "diff", *_DIFF, "HEAD", "--", *_SPECS)
    return {d.path: d for d in parse_diff(repo, out)}


def parse_diff(repo: Repo, text: bytes) -> list[FileDiff]:
    """The files of a `git diff --unified=0` output with their added and removed lines."""
    files: list[FileDiff] = []
    cur: _Pending | None = None
    in_hunk = False
    for raw in text.split(b"\n"):
        if raw.startswith(b"diff --git "):
            if cur is not None:
                cur.finish(files)
            cur, in_hunk = _Pending(), False
        elif cur is None:
            continue
        elif in_hunk and raw[:1] == b"+":
            cur.added.add(_line(raw[1:]))
        elif in_hunk and raw[:1] == b"-":
            cur.removed.add(_line(raw[1:]))
        elif raw.startswith(b"@@"):
            in_hunk = True
        elif in_hunk:
            continue  # "\ No newline at end of file"
        elif raw.startswith(b"rename from "):
            cur.old = _diff_path(repo, raw[12:], "")
        elif raw.startswith(b"rename to "):
            cur.new = _diff_path(repo, raw[10:], "")
        elif raw.startswith(b"--- "):
            if raw[4:] == b"/dev/null":
                cur.created = True
            else:
                cur.old = _diff_path(repo, raw[4:], "a/")
        elif raw.startswith(b"+++ "):
            if raw[4:] == b"/dev/null":
                cur.deleted = True
            else:
                cur.new = _diff_path(repo, raw[4:], "b/")
    if cur is not None:
        cur.finish(files)
    return files


@dataclass(slots=True)
class _Pending:
    old: str | None = None
    new: str | None = None
    created: bool = False
    deleted: bool = False
    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)

    def finish(self, out: list[FileDiff]) -> None:
        path = self.new or self.old
        if path is None:
            return  # outside the root
        old = None if self.created else self.old
        out.append(FileDiff(path, old, self.deleted, self.added, self.removed))


def _diff_path(repo: Repo, raw: bytes, strip: str) -> str | None:
    path = raw.decode("utf-8", "surrogateescape").rstrip("\t")
    if path.startswith('"'):
        path = _unquote(path)
    if strip and path.startswith(strip):
        path = path[len(strip) :]
    return repo.from_git(path)


def _unquote(quoted: str) -> str:
    """Undo git's C-style quoting of an odd path."""
    body = quoted[1:-1] if quoted.endswith('"') else quoted[1:]
    raw = body.encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1", "replace").decode("utf-8", "replace")


def _line(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").strip()
