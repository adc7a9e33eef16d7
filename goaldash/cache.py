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
import itertools
import json
import os
import secrets
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from goaldash import __version__, codec
from goaldash import model as _model
from goaldash.model import Plan, PlanFacts
from goaldash.parse import PARSER_VERSION
from goaldash.safefile import open_regular
from goaldash.text import Pieces, clean, pieces_of

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
    json: Pieces = ""
    """The plan as `--json` writes it ("" when not kept); a big one in pieces."""

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
            entries = self._read(dfd)
        finally:
            os.close(dfd)
        if entries is False:
            return
        if entries is None:
            self.problem = "corrupt, truncated or from another version: rebuilt"
            self.dirty = True
            return
        self.entries = entries
        self.loaded = len(entries)

    def _read(self, dfd: int) -> dict[str, Entry] | Literal[False] | None:
        """The file's entries: None when it is not a sound cache of this schema, False when
        it is missing, unreadable or refused."""
        assert self.path is not None
        try:
            fd, st = open_regular(self.path.name, follow_symlinks=False, dir_fd=dfd)
        except FileNotFoundError:
            return False
        except OSError as exc:  # a symlink, a folder, a FIFO, not readable: replaced on save
            self.problem = f"unreadable ({exc.strerror or exc})"
            return False
        try:
            warning = _unsafe(st, "file", self.path)
            if warning is not None:
                self._refuse(warning)
                return False
            if st.st_size > LIMIT:
                self.problem = "too large: rebuilt"
                return False
            return _read_entries(fd, st.st_size)
        except OSError as exc:
            self.problem = f"unreadable ({exc.strerror or exc})"
            return False
        finally:
            os.close(fd)

    @property
    def keeps(self) -> bool:
        """Whether what is `put` is kept for the next run: not when caching is off or the
        cache was refused (`path` is None), and nothing need be encoded for it then."""
        return self.path is not None

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
        # Written a piece at a time: a plan of a million items is a hundred megabytes of
        # text, which is neither copied into one payload nor encoded whole.
        index, texts = _layout(self.entries)
        size, pieces = _file(index, texts)
        if size > LIMIT or not _write(self.path, pieces):
            return False
        self.dirty = False
        return True


def _write(path: Path, pieces: Iterable[bytes]) -> bool:
    """Write `pieces` to `path` through a private temporary file renamed into place, in the
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
                fh.writelines(pieces)
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


_PIECE = 1 << 20
"""A text longer than this is encoded (and written) this many characters at a time."""


def _encoded(text: Pieces) -> Iterator[bytes]:
    """`text` as the file holds it (UTF-8, lone surrogates kept), a piece at a time."""
    for piece in pieces_of(text):
        for at in range(0, len(piece), _PIECE):
            yield piece[at : at + _PIECE].encode("utf-8", _SURROGATES)


def _utf8_len(text: Pieces) -> int:
    return sum(len(p) if p.isascii() else sum(map(len, _encoded(p))) for p in pieces_of(text))


def _layout(entries: dict[str, Entry]) -> tuple[list[list[Any]], list[bytes | Pieces]]:
    """The index of the entries, and their texts (each plan's, then its `--json` text)."""
    index: list[list[Any]] = []
    texts: list[bytes | Pieces] = []
    for rel, e in entries.items():
        facts = None if e.facts is None else codec.facts_data(e.facts)
        row = [rel, e.size, e.mtime_ns, e.fingerprint, e.known_place, e.group, facts]
        index.append([*row, len(e.blob), _utf8_len(e.json)])
        texts += (e.blob, e.json)
    return index, texts


def _payload(index: list[Any], texts: list[bytes | Pieces]) -> Iterator[bytes]:
    """What follows the header, a piece at a time: the index's length, the index, the texts."""
    head = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8", _SURROGATES)
    yield str(len(head)).encode() + b"\n"
    yield head
    for text in texts:
        if isinstance(text, bytes):
            if text:
                yield text
        else:
            yield from _encoded(text)


def _file(index: list[Any], texts: list[bytes | Pieces]) -> tuple[int, Iterator[bytes]]:
    """The file's size, and its bytes a piece at a time (the payload is gone through twice,
    once for its checksum, which the header holds, then to be written)."""
    crc = size = 0
    for piece in _payload(index, texts):
        crc = zlib.crc32(piece, crc)
        size += len(piece)
    header = _MAGIC + SCHEMA.encode() + b"\n" + b"%08x" % crc + b"\n"
    return len(header) + size, itertools.chain((header,), _payload(index, texts))


def _encode(entries: dict[str, Entry]) -> bytes:
    """The whole file, in one piece."""
    return _container(*_layout(entries))


def _container(index: list[Any], texts: list[bytes | Pieces]) -> bytes:
    """The file around an index and its texts (the entries' plans and `--json` texts)."""
    return b"".join(_file(index, texts)[1])


class _Unsound(Exception):
    """The file is not a sound cache of this very schema."""


def _read_entries(fd: int, size: int) -> dict[str, Entry] | None:
    """The entries of the cache file open at `fd` (`size` bytes long), or None for anything
    but a sound cache of this very schema. Read a piece at a time, each plan and text into
    its own object (a big repository's file is hundreds of megabytes: it is never held whole,
    nor a text both as bytes and as text); the checksum, gone over as they are read, must
    match at the end, or nothing read is used."""
    try:
        return _entries(_Payload(fd, size))
    except (_Unsound, *codec.ERRORS):  # a cache is never trusted, checksum or not
        return None


class _Payload:
    """The cache file after its header, read in order (its checksum taken on the way)."""

    def __init__(self, fd: int, size: int) -> None:
        self.fd, self.size = fd, size
        head = os.pread(fd, min(size, 4096), 0)
        if not head.startswith(_MAGIC):
            raise _Unsound
        schema_end = head.find(b"\n", len(_MAGIC))
        digest_end = head.find(b"\n", schema_end + 1) if schema_end >= 0 else -1
        if digest_end < 0 or head[len(_MAGIC) : schema_end] != SCHEMA.encode():
            raise _Unsound
        self.digest = head[schema_end + 1 : digest_end]
        self.pos = digest_end + 1
        self.crc = 0

    def read(self, n: int) -> bytes:
        """The next `n` bytes."""
        if not 0 <= n <= self.size - self.pos:
            raise _Unsound  # past the end
        data = os.pread(self.fd, n, self.pos)
        while len(data) < n:  # a short read
            more = os.pread(self.fd, n - len(data), self.pos + len(data))
            if not more:
                raise _Unsound  # shorter than it was
            data += more
        self.crc = zlib.crc32(data, self.crc)
        self.pos += n
        return data

    def line(self, limit: int) -> bytes:
        """The next line (without its newline), of at most `limit` bytes."""
        ahead = os.pread(self.fd, min(limit + 1, self.size - self.pos), self.pos)
        end = ahead.find(b"\n")
        if end < 0:
            raise _Unsound
        return self.read(end + 1)[:-1]

    def text(self, n: int) -> Pieces:
        """The next `n` bytes as text: a big one read and decoded a piece at a time, and
        kept in those pieces (each cut before the start of a character, a byte that does
        not continue one, so that no character is taken apart)."""
        parts: list[str] = []
        carry, left = b"", n
        while left:
            piece = carry + self.read(min(left, _PIECE))
            left -= len(piece) - len(carry)
            cut = _character_start(piece) if left else len(piece)
            parts.append(piece[:cut].decode("utf-8", _SURROGATES))
            carry = piece[cut:]
        return "".join(parts) if len(parts) <= 1 else tuple(parts)

    def end(self) -> None:
        """The end of the file: it must be here, and the checksum must match."""
        if self.pos != self.size or b"%08x" % self.crc != self.digest:
            raise _Unsound


def _character_start(piece: bytes) -> int:
    """Where the last character of `piece` that may be incomplete starts (its lead byte),
    or the end of `piece` when its last byte is a character of its own (ASCII)."""
    at = len(piece)
    for _ in range(4):  # a UTF-8 character is 4 bytes at most
        if at == 0:
            break
        byte = piece[at - 1]
        if byte < 0x80:
            return at
        at -= 1
        if byte >= 0xC0:
            return at
    return len(piece)  # no character starts there: not UTF-8, which decoding says


def _entries(payload: _Payload) -> dict[str, Entry]:
    head_len = payload.line(20)
    if not head_len.isdigit():
        raise _Unsound
    index = json.loads(payload.read(int(head_len)))
    if type(index) is not list:
        raise _Unsound
    entries: dict[str, Entry] = {}
    for row in index:
        if type(row) is not list or len(row) != 9:
            raise _Unsound
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
            raise _Unsound
        got = None if facts is None else codec.facts_of(facts)
        if (got is None) != (plan_len == 0) or (got is not None and got.path != rel):
            raise _Unsound
        plan = payload.read(plan_len)
        text = payload.text(text_len)
        entries[rel] = Entry(size, mtime, fp, known, group, got, plan, text)
    payload.end()
    return entries
