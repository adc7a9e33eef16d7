"""The parse cache: what a file's bytes parsed to, kept between runs in the user's cache folder.

A plan is found again by its path, the bytes' size and modification time, and the hash of
its content (`goaldash.parse.fingerprint`): the hash decides, so a file changed within the
same second, or put back as it was, is never mistaken. Entries also remember whether the
pre-filter or the parser said "not a plan", so such files are not parsed again either.

The file holds plain data only, in a container of goaldash's own (`goaldash.cachefile`):
nothing read from it can run code, and a cache that is unsound in any way is ignored (and
rebuilt), never trusted.

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
import os
import secrets
import stat
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from goaldash.cachefile import Entry, file_pieces, layout, read_entries
from goaldash.safefile import open_regular
from goaldash.text import clean

LIMIT = 256 * 1024 * 1024
"""A cache file larger than this is neither read nor written."""


def cache_dir() -> Path | None:
    """Where caches live; None when caching is off."""
    env = os.environ.get("GOALDASH_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "goaldash"


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
            return read_entries(fd, st.st_size)
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
        index, texts = layout(self.entries)
        size, pieces = file_pieces(index, texts)
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
