"""The parse cache: what a file's bytes parsed to, kept between runs in the user's cache folder.

A plan is found again by its path, the bytes' size and modification time, and the hash of
its content (`goaldash.parse.fingerprint`): the hash decides, so a file changed within the
same second, or put back as it was, is never mistaken. Entries also remember whether the
pre-filter or the parser said "not a plan", so such files are not parsed again either.

Nothing read from the cache can run code, whatever its bytes: it holds plain data only (see
`goaldash.codec`), never a pickle, and every value is checked before it is used. The file is
a small container of our own: a header (format, schema, checksum), an index in JSON (each
entry's key, its plan's facts, and the lengths of its two texts), then the texts themselves:
each plan in the codec's JSON, and each plan's `--json` text. A warm `--json` run reads the
index and writes the kept texts; a plan is decoded only when something asks for it whole.
A cache that is truncated, corrupted, from another version or unsound in any way is ignored
(and rebuilt), never trusted.

The folder is made private to the user (0700, the file 0600), and written whole to a
temporary file renamed into place: two goaldash processes writing at once leave one complete
cache or the other. A folder or file that another user owns (root aside) or that others can
write is refused, with a one-line `warning` for the caller to show, and the run goes on
without a cache. The file is opened without following a symbolic link, and read bounded.

Set `GOALDASH_CACHE_DIR` to move it, or to `off` to run without one.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import stat
import sys
import zlib
from contextlib import suppress
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from goaldash import __version__, codec
from goaldash import model as _model
from goaldash.model import Plan, PlanFacts
from goaldash.parse import PARSER_VERSION
from goaldash.safefile import open_regular, read_fd
from goaldash.text import clean

_MAGIC = b"goaldash-cache/json\n"
LIMIT = 256 * 1024 * 1024
"""A cache file larger than this is neither read nor written."""


def _schema() -> str:
    """Changes whenever the kept data could: parser, package, codec, Python, model fields."""
    shape = ";".join(
        f"{cls.__name__}:{','.join(f.name for f in fields(cls))}"
        for cls in (
            _model.Plan,
            _model.Phase,
            _model.Item,
            _model.Task,
            _model.Blocker,
            _model.Adjustment,
            _model.StatusRow,
            _model.Warning,
            _model.PlanDates,
            _model.Progress,
            _model.PlanFacts,
            _model.PhaseFacts,
        )
    )
    raw = f"{PARSER_VERSION}|{__version__}|codec{codec.VERSION}|{sys.version_info[:2]}|{shape}"
    return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


SCHEMA = _schema()


def cache_dir() -> Path | None:
    """Where caches live; None when caching is off."""
    env = os.environ.get("GOALDASH_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "goaldash"


@dataclass(frozen=True, slots=True)
class Entry:
    """What one file's bytes came to.

    The plan is kept encoded on its own, beside its facts and its JSON text: a warm `--json`
    run writes the kept text and needs only the facts to know it still holds, so it never
    pays for rebuilding a hundred thousand items it would not look at.
    """

    size: int
    mtime_ns: int
    fingerprint: str
    known_place: bool
    group: str
    facts: PlanFacts | None
    """None: not a plan."""
    blob: bytes = b""
    """The plan, in the codec's JSON."""
    json: str = ""
    """The plan as `--json` writes it ("" when not kept)."""

    @property
    def plan(self) -> Plan | None:
        """The plan (decoded afresh on each call), or None when the file is not one.

        Raises `codec.Malformed` when the kept bytes are not a sound plan with these facts.
        """
        if self.facts is None:
            return None
        plan = codec.decode_plan(self.blob)
        if PlanFacts.of(plan) != self.facts:
            raise codec.Malformed("a cached plan does not match its facts")
        return plan


def pack(plan: Plan | None) -> tuple[PlanFacts | None, bytes]:
    """A plan as an entry keeps it: its facts, and itself encoded (None, b"": not a plan)."""
    if plan is None:
        return None, b""
    return PlanFacts.of(plan), codec.encode_plan(plan)


def _unsafe(st: os.stat_result, what: str, path: Path) -> str | None:
    """Why a cache folder or file with this `stat` must not be used, in one line; or None.

    Others must not be able to write it (a group or other write bit, sticky or not), and it
    must be the user's own, or root's (which can do anything anyway)."""
    shown = clean(str(path))
    if st.st_uid not in (os.geteuid(), 0):
        return f"cache {what} {shown} belongs to another user: running without a cache"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        mode = oct(stat.S_IMODE(st.st_mode))[2:]
        return f"cache {what} {shown} is writable by others (mode {mode}): running without a cache"
    return None


_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(slots=True)
class ParseCache:
    """The cache of one root. `get` and `put` are in memory; `save` writes it out."""

    path: Path | None
    entries: dict[str, Entry] = field(default_factory=dict)
    loaded: int = 0
    """Entries read from disk."""
    problem: str | None = None
    """Why the file on disk was not used, when it was not (corrupt, old, unreadable)."""
    warning: str | None = None
    """A cache refused as unsafe (another user's, or writable by others), in one line for
    the user; the run then goes on without a cache (`path` is None)."""
    dirty: bool = False
    _used: set[str] = field(default_factory=set)

    @classmethod
    def for_root(cls, root: Path, folder: Path | None = None) -> ParseCache:
        """The cache for `root` (in `folder`, else `cache_dir()`), loaded when it is sound."""
        folder = folder if folder is not None else cache_dir()
        if folder is None:
            return cls(None)
        key = hashlib.blake2b(os.fsencode(root.resolve()), digest_size=10).hexdigest()
        cache = cls(folder / f"{key}.cache")
        cache._load()
        return cache

    def _refuse(self, warning: str) -> None:
        self.warning, self.path, self.entries = warning, None, {}

    def _load(self) -> None:
        assert self.path is not None
        try:
            dfd = os.open(self.path.parent, _DIR_FLAGS)
        except FileNotFoundError:
            return  # made on the first save
        except OSError as exc:  # not a folder, not ours to read...: no cache, quietly
            self.problem = f"unreadable folder ({exc.strerror or exc})"
            return
        try:
            warning = _unsafe(os.fstat(dfd), "folder", self.path.parent)
            if warning is not None:
                self._refuse(warning)
                return
            blob = self._read(dfd)
        finally:
            os.close(dfd)
        if blob is None:
            return
        entries = _decode(blob)
        if entries is None:
            self.problem = "corrupt, truncated or from another version: rebuilt"
            self.dirty = True
            return
        self.entries = entries
        self.loaded = len(entries)

    def _read(self, dfd: int) -> bytes | None:
        """The file's bytes (None when it is missing, unreadable or refused)."""
        assert self.path is not None
        try:
            fd, st = open_regular(self.path.name, follow_symlinks=False, dir_fd=dfd)
        except FileNotFoundError:
            return None
        except OSError as exc:  # a symlink, a folder, a FIFO, not readable: replaced on save
            self.problem = f"unreadable ({exc.strerror or exc})"
            return None
        try:
            warning = _unsafe(st, "file", self.path)
            if warning is not None:
                self._refuse(warning)
                return None
            if st.st_size > LIMIT:
                self.problem = "too large: rebuilt"
                return None
            return read_fd(fd, LIMIT, self.path, size_hint=st.st_size)
        except OSError as exc:
            self.problem = f"unreadable ({exc.strerror or exc})"
            return None
        finally:
            os.close(fd)

    def get(self, rel: str, fingerprint: str, known_place: bool, group: str) -> Entry | None:
        """The entry for these bytes of `rel`, or None on a miss."""
        e = self.entries.get(rel)
        if e is None or e.fingerprint != fingerprint:
            return None
        if e.known_place != known_place or e.group != group:
            return None
        self._used.add(rel)
        return e

    def put(self, rel: str, entry: Entry) -> None:
        self.entries[rel] = entry
        self._used.add(rel)
        self.dirty = True

    def save(self, prune: bool = True) -> bool:
        """Write the cache out (atomically); with `prune`, drop files not seen this run."""
        if self.path is None:
            return False
        if prune and set(self.entries) - self._used:
            self.entries = {k: v for k, v in self.entries.items() if k in self._used}
            self.dirty = True
        if not self.dirty:
            return True
        blob = _encode(self.entries)
        if len(blob) > LIMIT or not _write(self.path, blob):
            return False
        self.dirty = False
        return True


def _write(path: Path, blob: bytes) -> bool:
    """Write `blob` to `path` through a private temporary file renamed into place, in the
    folder as it was checked (held open): False when that cannot be done safely."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        dfd = os.open(path.parent, _DIR_FLAGS)
    except OSError:
        return False
    tmp = f".tmp-{secrets.token_hex(8)}"
    try:
        if _unsafe(os.fstat(dfd), "folder", path.parent) is not None:
            return False  # made, or swapped in, by someone else since it was loaded
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        fd = os.open(tmp, flags, 0o600, dir_fd=dfd)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path.name, src_dir_fd=dfd, dst_dir_fd=dfd)
        except OSError:
            with suppress(OSError):
                os.unlink(tmp, dir_fd=dfd)
            return False
        return True
    except OSError:
        return False
    finally:
        os.close(dfd)


# The file: _MAGIC, SCHEMA "\n", the checksum of the rest "\n", the index's length "\n", the
# index (JSON), then each entry's plan and --json text, in the index's order.


# A path that is not UTF-8 holds lone surrogates (`os.fsdecode`): kept as such, and read back
# so (json.loads reads bytes the same way); any other byte that is not UTF-8 is damage.
_SURROGATES = "surrogatepass"


def _checksum(payload: bytes | memoryview) -> bytes:
    # Against damage (a torn write, a flipped bit), not against forgery: a forged file can
    # only hold data, which is checked anyway, and one that others could write is refused.
    # CRC-32 reads tens of megabytes four times faster than a cryptographic hash.
    return b"%08x" % zlib.crc32(payload)


def _encode(entries: dict[str, Entry]) -> bytes:
    index: list[list[Any]] = []
    texts: list[bytes] = []
    for rel, e in entries.items():
        text = e.json.encode("utf-8", _SURROGATES)
        facts = None if e.facts is None else codec.facts_data(e.facts)
        row = [rel, e.size, e.mtime_ns, e.fingerprint, e.known_place, e.group, facts]
        index.append([*row, len(e.blob), len(text)])
        texts += (e.blob, text)
    return _container(index, texts)


def _container(index: list[Any], texts: list[bytes]) -> bytes:
    """The file around an index and its texts (the entries' plans and `--json` texts)."""
    head = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8", _SURROGATES)
    payload = b"".join([str(len(head)).encode(), b"\n", head, *texts])
    return _MAGIC + SCHEMA.encode() + b"\n" + _checksum(payload) + b"\n" + payload


def _decode(blob: bytes) -> dict[str, Entry] | None:
    """The entries, or None for anything but a sound cache of this very schema."""
    if not blob.startswith(_MAGIC):
        return None
    # Offsets into one buffer: the payload is tens of megabytes on a big repository.
    schema_end = blob.find(b"\n", len(_MAGIC))
    digest_end = blob.find(b"\n", schema_end + 1) if schema_end >= 0 else -1
    if digest_end < 0 or blob[len(_MAGIC) : schema_end] != SCHEMA.encode():
        return None
    digest = blob[schema_end + 1 : digest_end]
    payload = memoryview(blob)[digest_end + 1 :]
    if _checksum(payload) != digest:
        return None
    try:
        return _entries(blob, digest_end + 1)
    except codec.ERRORS:  # the checksum matched, but a cache is never trusted
        return None


def _entries(blob: bytes, start: int) -> dict[str, Entry] | None:
    head_at = blob.find(b"\n", start, start + 21)
    if head_at < 0:
        return None
    head_len = blob[start:head_at]
    if not head_len.isdigit():
        return None
    pos = head_at + 1 + int(head_len)
    index = json.loads(blob[head_at + 1 : pos])
    if type(index) is not list:
        return None
    entries: dict[str, Entry] = {}
    for row in index:
        if type(row) is not list or len(row) != 9:
            return None
        rel, size, mtime, fp, known, group, facts, plan_len, text_len = row
        if not (
            type(rel) is str
            and type(size) is int
            and type(mtime) is int
            and type(fp) is str
            and type(known) is bool
            and type(group) is str
            and type(plan_len) is int
            and type(text_len) is int
            and plan_len >= 0
            and text_len >= 0
            and rel not in entries
        ):
            return None
        got = None if facts is None else codec.facts_of(facts)
        if (got is None) != (plan_len == 0) or (got is not None and got.path != rel):
            return None
        plan = blob[pos : pos + plan_len]
        text = blob[pos + plan_len : pos + plan_len + text_len].decode("utf-8", _SURROGATES)
        pos += plan_len + text_len
        entries[rel] = Entry(size, mtime, fp, known, group, got, plan, text)
    return entries if pos == len(blob) else None
