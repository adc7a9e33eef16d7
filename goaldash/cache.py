"""The parse cache: what a file's bytes parsed to, kept between runs in the user's cache folder.

A plan is found again by its path, the bytes' size and modification time, and the hash of
its content (`goaldash.parse.fingerprint`): the hash decides, so a file changed within the
same second, or put back as it was, is never mistaken. Entries also remember whether the
pre-filter or the parser said "not a plan", so such files are not parsed again either.

The file is one pickle per root, written whole to a temporary file and renamed into place:
two goaldash processes writing at once leave one complete cache or the other. It starts with
a header naming its format, the parser version and a checksum of the rest; a cache that is
truncated, corrupted, from another version or unreadable is ignored (and rebuilt), never
trusted. The folder is made private to the user.

Set `GOALDASH_CACHE_DIR` to move it, or to `off` to run without one.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from contextlib import suppress
from dataclasses import dataclass, field, fields
from pathlib import Path

from goaldash import __version__
from goaldash import model as _model
from goaldash.model import Plan, PlanFacts
from goaldash.parse import PARSER_VERSION

_MAGIC = b"goaldash-cache\n"


def _schema() -> str:
    """Changes whenever the pickled classes could: parser, package, Python, model fields."""
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
    raw = f"{PARSER_VERSION}|{__version__}|{sys.version_info[:2]}|{shape}"
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

    The plan is kept pickled on its own, beside its facts and its JSON text: a warm
    `--json` run writes the kept text and needs only the facts to know it still holds, so
    it never pays for rebuilding a hundred thousand items it would not look at.
    """

    size: int
    mtime_ns: int
    fingerprint: str
    known_place: bool
    group: str
    facts: PlanFacts | None
    """None: not a plan."""
    blob: bytes = b""
    """The plan, pickled."""
    json: str = ""
    """The plan as `--json` writes it ("" when not kept)."""

    @property
    def plan(self) -> Plan | None:
        """The plan (unpickled afresh on each call), or None when the file is not one."""
        if self.facts is None:
            return None
        plan = pickle.loads(self.blob)
        if not isinstance(plan, Plan):
            raise TypeError("a cache entry holds something other than a plan")
        return plan


def pack(plan: Plan | None) -> tuple[PlanFacts | None, bytes]:
    """A plan as an entry keeps it: its facts, and itself pickled (None, b"": not a plan)."""
    if plan is None:
        return None, b""
    return PlanFacts.of(plan), pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)


@dataclass(slots=True)
class ParseCache:
    """The cache of one root. `get` and `put` are in memory; `save` writes it out."""

    path: Path | None
    entries: dict[str, Entry] = field(default_factory=dict)
    loaded: int = 0
    """Entries read from disk."""
    problem: str | None = None
    """Why the file on disk was not used, when it was not (corrupt, old, unreadable)."""
    dirty: bool = False
    _used: set[str] = field(default_factory=set)

    @classmethod
    def for_root(cls, root: Path, folder: Path | None = None) -> ParseCache:
        """The cache for `root` (in `folder`, else `cache_dir()`), loaded when it is sound."""
        folder = folder if folder is not None else cache_dir()
        if folder is None:
            return cls(None)
        key = hashlib.blake2b(str(root.resolve()).encode(), digest_size=10).hexdigest()
        cache = cls(folder / f"{key}.cache")
        cache._load()
        return cache

    def _load(self) -> None:
        assert self.path is not None
        try:
            blob = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problem = f"unreadable ({exc.strerror or exc})"
            return
        entries = _decode(blob)
        if entries is None:
            self.problem = "corrupt, truncated or from another version: rebuilt"
            self.dirty = True
            return
        self.entries = entries
        self.loaded = len(entries)

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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.path.parent)
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, self.path)
        except OSError:
            with suppress(OSError):
                os.unlink(tmp)
            return False
        self.dirty = False
        return True


def _encode(entries: dict[str, Entry]) -> bytes:
    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.blake2b(payload, digest_size=16).hexdigest().encode()
    return _MAGIC + SCHEMA.encode() + b"\n" + digest + b"\n" + payload


def _decode(blob: bytes) -> dict[str, Entry] | None:
    """The entries, or None for anything but a sound cache of this very schema."""
    if not blob.startswith(_MAGIC):
        return None
    # Offsets into one buffer: the payload is tens of megabytes on a big repository, and
    # slicing bytes would copy it (twice) before unpickling.
    schema_end = blob.find(b"\n", len(_MAGIC))
    digest_end = blob.find(b"\n", schema_end + 1) if schema_end >= 0 else -1
    if digest_end < 0 or blob[len(_MAGIC) : schema_end] != SCHEMA.encode():
        return None
    digest = blob[schema_end + 1 : digest_end]
    payload = memoryview(blob)[digest_end + 1 :]
    if not payload:
        return None
    if hashlib.blake2b(payload, digest_size=16).hexdigest().encode() != digest:
        return None
    try:
        entries = pickle.loads(payload)
    except Exception:  # the checksum matched, but be safe: a cache is never trusted
        return None
    if not isinstance(entries, dict) or not all(
        isinstance(k, str) and isinstance(v, Entry) for k, v in entries.items()
    ):
        return None
    return entries
