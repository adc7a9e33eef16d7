"""Reading `git diff` and `git log -p` output: the files each change touched, with the
lines it added and removed. Paths come back exactly as they are on disk (git's C-style
quoting undone byte for byte; undecodable bytes kept as surrogates).

This module is core: it must not import Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from goaldash.standup.repo import Repo


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
    raw = raw.rstrip(b"\t")
    if raw.startswith(b'"'):
        raw = unquote(raw)
    path = raw.decode("utf-8", "surrogateescape")
    if strip and path.startswith(strip):
        path = path[len(strip) :]
    return repo.from_git(path)


_ESCAPES = dict(zip(b'abtnvfr"\\', b'\a\b\t\n\v\f\r"\\', strict=True))


def unquote(quoted: bytes) -> bytes:
    """Undo git's C-style quoting of an odd path (`"new\\nline.md"`, octal `\\303`),
    byte for byte, so a name that is not UTF-8 comes back exactly."""
    body = quoted[1:-1] if quoted.endswith(b'"') and len(quoted) > 1 else quoted[1:]
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != 0x5C or i + 1 >= len(body):  # not a backslash
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1]
        octal = body[i + 1 : i + 4]
        if len(octal) == 3 and all(0x30 <= d <= 0x37 for d in octal):
            out.append(int(octal, 8) & 0xFF)
            i += 4
        else:
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
    return bytes(out)


def _line(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").strip()
