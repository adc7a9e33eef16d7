"""What the work tree changed since HEAD, compared here rather than by git.

`git diff HEAD` hashes work-tree files, and hashing a file runs the clean filter that
`.gitattributes` names with the command `.git/config` gives it: a repository could make
goaldash run anything just by being read. So git is only asked what it knows without looking
at the work tree (HEAD against the index, the blobs at HEAD), and goaldash reads the files
itself (regular files only, bounded: `goaldash.safefile`) and diffs the lines here.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from difflib import SequenceMatcher

from goaldash.safefile import MAX_BYTES
from goaldash.standup.gitlog import blob_ids, fetch_blobs, moved_since
from goaldash.standup.patch import FileDiff
from goaldash.standup.repo import Repo

# Beyond this many line pairs left to match, the lines are compared as multisets (what was
# added or removed, not where): bounded time on a rewritten 100,000-line file.
_MATCH_LIMIT = 4_000_000


def blob_id(data: bytes, length: int = 40) -> str:
    """The id git gives a blob of these bytes (SHA-1, or SHA-256 for 64-digit ids)."""
    h = hashlib.sha256() if length == 64 else hashlib.sha1()
    h.update(b"blob %d\0" % len(data))
    h.update(data)
    return h.hexdigest()


def _lines(data: bytes) -> list[str]:
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_changes(old: bytes, new: bytes) -> tuple[set[str], set[str]]:
    """The lines `new` added and `old` lost (stripped of surrounding white space), as
    `git diff --unified=0` marks them + and -."""
    a, b = _lines(old), _lines(new)
    lo = 0
    while lo < len(a) and lo < len(b) and a[lo] == b[lo]:
        lo += 1
    hi_a, hi_b = len(a), len(b)
    while hi_a > lo and hi_b > lo and a[hi_a - 1] == b[hi_b - 1]:
        hi_a -= 1
        hi_b -= 1
    a, b = a[lo:hi_a], b[lo:hi_b]
    added: set[str] = set()
    removed: set[str] = set()
    if len(a) * len(b) > _MATCH_LIMIT:
        ca, cb = Counter(a), Counter(b)
        added = {ln.strip() for ln in (cb - ca)}
        removed = {ln.strip() for ln in (ca - cb)}
        return added, removed
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            removed.update(ln.strip() for ln in a[i1:i2])
            added.update(ln.strip() for ln in b[j1:j2])
    return added, removed


def uncommitted(repo: Repo, now: dict[str, bytes], gone: list[str]) -> dict[str, FileDiff]:
    """What the work tree changed since HEAD, by path, for the files in `now` (their bytes on
    disk) and the paths in `gone` (deleted, perhaps since HEAD). Untracked files are not
    included (git has no version of them)."""
    if repo.head is None:
        return {}
    staged = moved_since(repo, "HEAD")
    olds = {p: staged.renamed.get(p, p) for p in now if p not in staged.added}
    at_head = blob_ids(repo, "HEAD", sorted(set(olds.values())))
    out: dict[str, FileDiff] = {}
    differ = []
    for path, data in now.items():
        if path in staged.added:
            out[path] = FileDiff(path, None, added={ln.strip() for ln in _lines(data)})
            continue
        old = olds[path]
        blob = at_head.get(old)
        if blob is None:
            continue  # not in git: untracked
        if old == path and blob_id(data, len(blob.oid)) == blob.oid:
            continue
        differ.append((path, old, blob))
    blobs = fetch_blobs(repo, [b for _, _, b in differ if b.size <= MAX_BYTES])
    for path, old, blob in differ:
        before = blobs.get(blob.oid)
        added, removed = line_changes(before, now[path]) if before is not None else (set(), set())
        out[path] = FileDiff(path, old, False, added, removed)
    for path in gone:
        if path in staged.deleted:
            out[path] = FileDiff(path, path, deleted=True)
    return out
