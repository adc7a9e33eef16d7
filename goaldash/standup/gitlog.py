"""What git knows about the plan files under a root: what moved since a commit (renames,
deletions, additions), which files git does not track, their old contents, and the lines each
commit since added and removed. Plumbing only, a few `git` processes per question; which
commit to compare with, and what the changes mean, is for the rest of `goaldash.standup`.

Every path here is root-relative (see `repo.Repo`).

This module is core: it must not import Textual.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime

from goaldash import gitrun
from goaldash.safefile import MAX_BYTES
from goaldash.standup.patch import FileDiff, parse_diff
from goaldash.standup.repo import Repo, commit_time, decode_path, git

# Blobs fetched by one `cat-file --batch`, at most (several processes for more).
_BATCH_BYTES = 128 * 1024 * 1024


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
    (uncommitted changes included).

    Git compares `base` with the index (`--cached`), never with the work tree: hashing a
    work-tree file runs the clean filter its attributes name. Files deleted from the work
    tree but not from the index are found by `ls-files --deleted`, which only looks at them.
    """
    out = git(
        repo.root,
        "diff",
        "--cached",
        "--name-status",
        "-M",
        "-z",
        "--no-ext-diff",
        "--no-textconv",
        "--ignore-submodules=all",
        base,
        "--",
        *_SPECS,
    ).split(b"\0")
    renamed: dict[str, str] = {}
    deleted: list[str] = []
    added: set[str] = set()
    i = 0
    while i < len(out) and out[i]:
        status = out[i].decode("ascii", "replace")
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
    for path in missing(repo):
        if path in added:
            added.discard(path)
        elif path in renamed:
            deleted.append(renamed.pop(path))
        elif path not in deleted:
            deleted.append(path)
    return Moved(renamed, sorted(set(deleted)), added)


def names_since(repo: Repo, base: str, path: str) -> list[str]:
    """Every name the file at `path` in HEAD had in the commits after `base`, newest first
    (`path` first), following renames one commit at a time (`git log --follow`): a chain of
    renames each with a small edit is followed though its two ends differ too much for git
    to pair them."""
    out = git(
        repo.root,
        "log",
        "--follow",
        "-M",
        "--name-status",
        "-z",
        "--format=",
        "--no-ext-diff",
        "--no-textconv",
        f"{base}..HEAD",
        "--",
        f":(literal){repo.to_git(path)}",
    ).split(b"\0")
    names = [path]
    i = 0
    while i < len(out):
        status = out[i].strip(b"\n").decode("ascii", "replace")
        if status.startswith(("R", "C")) and i + 2 < len(out):
            old = _rel(repo, out[i + 1])
            if status.startswith("R") and old is not None and old not in names:
                names.append(old)
            i += 3
        else:
            i += 2 if status else 1
    return names


def missing(repo: Repo) -> set[str]:
    """Markdown files under the root that the index has and the work tree does not."""
    out = git(repo.root, "ls-files", "-z", "--deleted", "--", *_SPECS)
    return {p for raw in out.split(b"\0") if raw and (p := _root_rel(raw)) is not None}


def untracked(repo: Repo) -> set[str]:
    """Markdown files under the root that git does not track and does not ignore."""
    out = git(repo.root, "ls-files", "-z", "--others", "--exclude-standard", "--", *_SPECS)
    return {p for raw in out.split(b"\0") if raw and (p := _root_rel(raw)) is not None}


def gitlinks(repo: Repo) -> list[str]:
    """The submodules under the root (root-relative): goaldash does not follow their history."""
    out = git(repo.root, "ls-files", "-z", "--stage")
    return [p for p in gitrun.parse_stage(out)[1] if not p.startswith("../")]


# Markdown names, and stale copies of them, anywhere under the root.
_SPECS = tuple(
    f":(glob)**/*{suffix}"
    for suffix in (".md", ".markdown", ".MD", ".Md", ".md.bak", ".md.orig", ".md~")
)


def _rel(repo: Repo, raw: bytes) -> str | None:
    """A path git printed relative to the top of the work tree, made root-relative."""
    return repo.from_git(decode_path(raw))


def _root_rel(raw: bytes) -> str | None:
    """A path git printed relative to the current folder (the root)."""
    path = decode_path(raw)
    return None if path.startswith("../") else path


@dataclass(frozen=True, slots=True)
class Blob:
    oid: str
    size: int


def blob_ids(repo: Repo, rev: str, paths: list[str]) -> dict[str, Blob]:
    """The blob each of `paths` names at `rev` (those that exist there and are files).

    `cat-file --batch-check` reads one name a line, so a path holding a newline or a carriage
    return is looked up with `ls-tree -z` instead."""
    found: dict[str, Blob] = {}

    def odd_name(p: str) -> bool:
        g = repo.to_git(p)  # the root's own folder may hold a newline too
        return "\n" in g or "\r" in g

    plain = [p for p in paths if not odd_name(p)]
    odd = [p for p in paths if odd_name(p)]
    if plain:
        asked = "".join(f"{rev}:{repo.to_git(p)}\n" for p in plain)
        asked_raw = asked.encode("utf-8", "surrogateescape")
        out = git(repo.root, "cat-file", "--batch-check", stdin=asked_raw)
        for p, line in zip(plain, out.split(b"\n"), strict=False):
            parts = line.split()
            if len(parts) == 3 and parts[1] == b"blob" and parts[2].isdigit():
                found[p] = Blob(parts[0].decode("ascii"), int(parts[2]))
    if odd:
        wanted = {repo.to_git(p): p for p in odd}
        out = git(
            repo.root,
            "ls-tree",
            "-z",
            "-l",
            "--full-tree",
            rev,
            "--",
            *(f":(literal){g}" for g in wanted),
        )
        for rec in out.split(b"\0"):
            meta, tab, name = rec.partition(b"\t")
            parts = meta.split()
            asked_for = wanted.get(decode_path(name)) if tab else None
            if asked_for and len(parts) == 4 and parts[1] == b"blob" and parts[3].isdigit():
                found[asked_for] = Blob(parts[2].decode("ascii"), int(parts[3]))
    return found


def read_blobs(repo: Repo, base: str, paths: list[str], limit: int = MAX_BYTES) -> dict[str, bytes]:
    """The contents of `paths` at commit `base` (those that existed, as files), in a few git
    processes. A blob larger than `limit` is left out, as a file that large is not read."""
    ids = blob_ids(repo, base, paths)
    data = fetch_blobs(repo, [b for b in ids.values() if b.size <= limit])
    return {p: data[b.oid] for p, b in ids.items() if b.oid in data}


def fetch_blobs(repo: Repo, blobs: list[Blob]) -> dict[str, bytes]:
    """The bytes of these blobs, by object id (their sizes say how much git will write)."""
    todo = deque(sorted({b.oid: b for b in blobs}.values(), key=lambda b: b.oid))
    out: dict[str, bytes] = {}
    while todo:
        batch: list[Blob] = []
        total = 0
        while todo and (not batch or total + todo[0].size <= _BATCH_BYTES):
            total += todo[0].size
            batch.append(todo.popleft())
        ids = "".join(f"{b.oid}\n" for b in batch).encode("ascii")
        raw = git(repo.root, "cat-file", "--batch", stdin=ids)
        pos = 0
        for b in batch:
            end = raw.index(b"\n", pos)
            header = raw[pos:end].split()
            pos = end + 1
            if len(header) == 3 and header[1] == b"blob" and header[2].isdigit():
                size = int(header[2])
                out[b.oid] = raw[pos : pos + size]
                pos += size + 1
    return out


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
        c = Commit(sha, author, commit_time(at))
        for d in parse_diff(repo, body):
            c.files[d.path] = d
        commits.append(c)
    return commits
