"""The parse cache's file: a container of goaldash's own, and the entries it holds.

Nothing read from the cache can run code, whatever its bytes: it holds plain data only (see
`goaldash.codec`), never a pickle, and every value is checked before it is used. The file is
a small container of our own: a header (format, schema, checksum), an index in JSON (each
entry's key, its plan's facts, and the lengths of its two texts), then the texts themselves:
each plan in the codec's JSON, and each plan's `--json` text. A warm `--json` run reads the
index and writes the kept texts; a plan is decoded only when something asks for it whole.
A cache that is truncated, corrupted, from another version or unsound in any way is ignored
(and rebuilt), never trusted.

Where the file lives, who may own it, and how it is written: `goaldash.cache`.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from goaldash import __version__, codec
from goaldash import model as _model
from goaldash.model import Plan, PlanFacts
from goaldash.parse import PARSER_VERSION
from goaldash.text import Pieces, pieces_of

_MAGIC = b"goaldash-cache/json\n"


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


def layout(entries: dict[str, Entry]) -> tuple[list[list[Any]], list[bytes | Pieces]]:
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


def file_pieces(index: list[Any], texts: list[bytes | Pieces]) -> tuple[int, Iterator[bytes]]:
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
    return _container(*layout(entries))


def _container(index: list[Any], texts: list[bytes | Pieces]) -> bytes:
    """The file around an index and its texts (the entries' plans and `--json` texts)."""
    return b"".join(file_pieces(index, texts)[1])


class _Unsound(Exception):
    """The file is not a sound cache of this very schema."""


def read_entries(fd: int, size: int) -> dict[str, Entry] | None:
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
