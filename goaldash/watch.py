"""Keeping plans current while files change: which events matter, and re-reading just those.

The dashboard's watcher hands each batch of file events to `relevant` and then `reread`.
Editors save in odd ways (vim renames the old file away and writes a new one, so one batch
holds "deleted" and "added" for the same path; others write a temporary file and rename it
over), so the event type is never trusted: each path is looked at afresh with `stat`.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from goaldash.config import Config
from goaldash.discover import SKIP_DIRS, candidate_for, candidates, is_markdown_name
from goaldash.model import Plan, Progress, Status, ticked_items
from goaldash.scan import read_candidate

CONFIG_NAMES = frozenset({".goaldash.toml", "pyproject.toml"})
"""Files whose change means the configuration may have changed: rescan everything."""


def relative(root: Path, path: str) -> str | None:
    """`path` relative to `root` in POSIX form, or None when it is outside."""
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return None


ADDED, DELETED = 1, 3
"""watchfiles' `Change.added` and `Change.deleted`."""


def relevant(root: Path) -> Callable[[object, str], bool]:
    """A watch filter: markdown files and configuration files, outside skipped folders; and
    any name added or deleted, which may be a folder: `reread` reads the plans under a folder
    made (made and filled at once, it can be filled before it is watched) and drops those
    under one gone or renamed away (its files' own events may never come)."""

    def accept(change: object, path: str) -> bool:
        rel = relative(root, path)
        if rel is None or rel == ".":
            return False
        parts = PurePosixPath(rel).parts
        if any(p in SKIP_DIRS for p in parts[:-1]):
            return False
        name = parts[-1]
        if change in (ADDED, DELETED) and name not in SKIP_DIRS:
            return True
        return is_markdown_name(name) or (len(parts) == 1 and name in CONFIG_NAMES)

    return accept


@dataclass(slots=True)
class Reread:
    """What a batch of changes did to the set of plans."""

    plans: list[Plan] = field(default_factory=list)
    """Plans read again or for the first time."""
    removed: list[str] = field(default_factory=list)
    """Paths that are no longer plans (deleted, renamed away, excluded)."""
    rescan: bool = False
    """True when the configuration changed and everything must be read again."""
    binary: list[str] = field(default_factory=list)
    """Paths read as binary files: no plans (passed over, as the scan passes them over)."""


def reread(
    root: Path,
    rels: Iterable[str],
    config: Config,
    today: date,
    known: Callable[[str], bool],
    shown: Iterable[str] = (),
) -> Reread:
    """Read the files at `rels` again, trusting a fresh stat rather than the event type.

    `known(rel)` says whether the path is a plan already shown: a known plan whose text no
    longer looks like a plan stays listed (with what the parser says about it) instead of
    vanishing while it is being edited. `shown`: the paths of the plans shown, for a folder
    among `rels` that is gone (the plans under it are looked at).
    """
    out = Reread()
    rels = _with_folders_filled(root, set(rels), config, shown)
    # Known plans that are not there get VANISH_SECONDS, all together, to come back.
    gone = _still_gone(root, [r for r in rels if r not in CONFIG_NAMES and known(r)])
    for rel in rels:
        if rel in CONFIG_NAMES:
            out.rescan = True
            continue
        path = root / rel
        c = candidate_for(root, rel, config) if rel not in gone and _is_file(path) else None
        if c is None:
            if known(rel):
                out.removed.append(rel)
            continue
        if known(rel) and not c.known_place:
            c = replace(c, known_place=True)
        plan = read_candidate(c, today, out.binary)
        if plan is None and rel not in out.binary and known(rel) and not _still_gone(root, [rel]):
            plan = read_candidate(c, today, out.binary)  # gone while read, and back: vim again
        if plan is None:
            if known(rel):
                out.removed.append(rel)
        else:
            out.plans.append(plan)
    return out


def _with_folders_filled(
    root: Path, rels: set[str], config: Config, known: Iterable[str]
) -> list[str]:
    """`rels`, sorted, each folder among them replaced by the candidates under it, and each
    that is gone by the plans shown under it (`known`)."""
    names = {r for r in rels if r not in CONFIG_NAMES and not is_markdown_name(r)}
    folders = {r for r in names if _is_folder(root / r)}
    gone = {r for r in names if not os.path.lexists(root / r)}
    rels -= names
    if folders:
        rels.update(c.rel for c in candidates(root, config) if _under(c.rel, folders))
    if gone:
        rels.update(k for k in known if _under(k, gone))
    return sorted(rels)


def _under(rel: str, folders: set[str]) -> bool:
    """Whether `rel` lies in one of `folders` (a look-up per folder above it: a build that
    adds or deletes thousands of names at once costs no more per path)."""
    at = rel.rfind("/")
    while at > 0:
        if rel[:at] in folders:
            return True
        at = rel.rfind("/", 0, at)
    return False


def _is_folder(path: Path) -> bool:
    try:
        return os.path.isdir(path) and not os.path.islink(path)
    except OSError:
        return False


VANISH_SECONDS = 0.25
"""How long a plan that is gone is given to come back: vim saves by renaming the file away
and writing a new one, and a look in between finds no file."""


def _is_file(path: Path) -> bool:
    try:
        return os.path.isfile(path)
    except OSError:
        return False


def _still_gone(root: Path, rels: list[str]) -> set[str]:
    """Which of `rels` are still not files after `VANISH_SECONDS`: one wait for the whole
    batch (a thousand plans deleted at once cost a quarter of a second, not four minutes)."""
    gone = {rel for rel in rels if not _is_file(root / rel)}
    deadline = time.monotonic() + VANISH_SECONDS
    while gone and time.monotonic() < deadline:
        time.sleep(0.01)
        gone = {rel for rel in gone if not _is_file(root / rel)}
    return gone


def ticked_plan(plan: Plan, line: int, mark: str, fingerprint: str) -> Plan:
    """`plan` as it reads once the item at `line` has `mark` (what a tick just wrote).

    Counts are recomputed for the plan and its phases; statuses wait for the parser, which
    reads the written file right after. The dashboard shows this in the meantime, so a tick
    shows at once even on a plan that takes a while to parse.
    """
    items = ticked_items(plan.items, line, mark)
    phases = tuple(
        replace(p, progress=Progress.of([i for i in items if i.phase == p.id])) for p in plan.phases
    )
    dropped = {p.id for p in plan.phases if p.status is Status.CANCELLED}
    progress = Progress.of(items, dropped)
    return replace(plan, items=items, phases=phases, progress=progress, fingerprint=fingerprint)


# ------------------------------------------------------------------------------ the watcher
#
# watchfiles' Rust watcher cannot hand Python a path that is not UTF-8: one such name in a
# batch of events raises (and keeps raising: that watcher is spent), and every event of the
# batch is lost. So `watch` starts a new watcher, reads the odd path (named in the error)
# again, and, once the new watcher is in place, looks afresh (`changed_since`) at every file
# that may have changed while events were being lost.

_UNDECODABLE = re.compile(r'Unable to decode path "(.*)" to string', re.DOTALL)
_RUST_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u\{[0-9A-Fa-f]{1,6}\}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}

WATCH_STEP_MS = 15
WATCH_DEBOUNCE_MS = 400
_WAKE_MS = 1000  # a watcher wakes this often when idle, so a pending look is not put off
_SLACK_NS = 2_000_000_000  # file times lag the clock a little; look back this much further
_MAX_FAILURES = 5  # other errors in a row before giving up (and saying so)


def undecodable_path(message: str) -> str | None:
    """The path named by watchfiles' "Unable to decode path ..." error (Rust's debug
    quoting undone), as goaldash holds paths (undecodable bytes as surrogates); else None."""
    m = _UNDECODABLE.search(message)
    if m is None:
        return None
    out = bytearray()
    pos = 0
    body = m.group(1)
    for esc in _RUST_ESCAPE.finditer(body):
        out += body[pos : esc.start()].encode("utf-8", "surrogateescape")
        code = esc.group(1)
        if code.startswith("x") and len(code) == 3:
            out.append(int(code[1:], 16))
        elif code.startswith("u{"):
            out += chr(int(code[2:-1], 16)).encode("utf-8", "surrogatepass")
        else:
            out += _SIMPLE.get(code, code).encode("utf-8", "surrogateescape")
        pos = esc.end()
    out += body[pos:].encode("utf-8", "surrogateescape")
    return bytes(out).decode("utf-8", "surrogateescape")


def _messages(exc: BaseException) -> list[str]:
    """The messages of an exception and, for a group (anyio's task group wraps the watcher's
    error in one), of every exception in it."""
    if isinstance(exc, BaseExceptionGroup):
        return [m for e in exc.exceptions for m in _messages(e)]
    return [str(exc)]


def changed_since(root: Path, since_ns: int, config: Config, known: Iterable[str] = ()) -> set[str]:
    """Files that may have changed since `since_ns` (their change time or modification time
    is later), plans in `known` that are gone, and changed configuration files: what to read
    again after events were lost."""
    out: set[str] = set()

    def changed(path: Path) -> bool:
        for follow in (False, True):
            try:
                st = os.stat(path, follow_symlinks=follow)
            except OSError:
                continue
            if max(st.st_mtime_ns, st.st_ctime_ns) >= since_ns:
                return True
        return False

    for c in candidates(root, config):
        if changed(c.path):
            out.add(c.rel)
    for rel in known:
        if not os.path.lexists(root / rel):
            out.add(rel)
    out.update(name for name in CONFIG_NAMES if changed(root / name))
    return out


async def watch(
    root: Path,
    stop_event: Any,
    lost: Callable[[int], set[str]],
    step: int = WATCH_STEP_MS,
    debounce: int = WATCH_DEBOUNCE_MS,
    since_ns: int | None = None,
) -> AsyncIterator[set[str]]:
    """The paths (relative to `root`) of each batch of changes, until `stop_event` is set.

    With `since_ns`, once the watcher is in place, what `lost(since_ns)` gives is yielded
    too: what changed between then and the watcher's start (the dashboard starts watching
    once its first reading is shown, and that reading looked at each file only once).

    When the watcher fails (a name that is not UTF-8, say) a new one is started; the odd
    path is yielded, and once the new watcher is in place so is `lost(since_ns)`: what may
    have changed since the last batch came. Raises only after several failures in a row
    that are not about a name."""
    import anyio
    from watchfiles import awatch

    accept = relevant(root)
    last = time.time_ns()
    owed: int | None = since_ns
    failures = 0
    pause = 0.05
    while not stop_event.is_set():
        try:
            async for changes in awatch(
                root,
                watch_filter=accept,
                step=step,
                debounce=debounce,
                stop_event=stop_event,
                ignore_permission_denied=True,
                rust_timeout=_WAKE_MS,
                yield_on_timeout=True,
            ):
                rels = {r for _c, p in changes if (r := relative(root, p)) is not None}
                if changes:
                    last = time.time_ns()
                if owed is not None:  # the new watcher is in place: look at what it missed
                    last = time.time_ns()
                    try:
                        rels |= await anyio.to_thread.run_sync(lost, owed - _SLACK_NS)
                    except Exception:  # cannot tell what changed: read everything again
                        rels |= CONFIG_NAMES
                    owed = None
                    failures, pause = 0, 0.05
                if rels:
                    yield rels
            return
        except Exception as exc:
            odd = next(filter(None, map(undecodable_path, _messages(exc))), None)
            if odd is None:
                failures += 1
                if failures >= _MAX_FAILURES:
                    raise
            rel = relative(root, odd) if odd is not None else None
            if rel is not None and accept(None, odd or ""):
                yield {rel}
            owed = last if owed is None else min(owed, last)
            await anyio.sleep(pause)
            pause = min(pause * 2, 2.0)  # a name that keeps failing: fewer restarts
