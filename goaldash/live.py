"""Keeping plans current while files change: which events matter, and re-reading just those.

The dashboard's watcher hands each batch of file events to `relevant` and then `reread`.
Editors save in odd ways (vim renames the old file away and writes a new one, so one batch
holds "deleted" and "added" for the same path; others write a temporary file and rename it
over), so the event type is never trusted: each path is looked at afresh with `stat`.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath

from goaldash.config import Config
from goaldash.discover import SKIP_DIRS, candidate_for, is_markdown_name
from goaldash.model import Plan, Progress, remarked
from goaldash.scan import read_candidate

CONFIG_NAMES = frozenset({".goaldash.toml", "pyproject.toml"})
"""Files whose change means the configuration may have changed: rescan everything."""


def relative(root: Path, path: str) -> str | None:
    """`path` relative to `root` in POSIX form, or None when it is outside."""
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return None


def relevant(root: Path) -> Callable[[object, str], bool]:
    """A watch filter: markdown files and configuration files, outside skipped folders."""

    def accept(_change: object, path: str) -> bool:
        rel = relative(root, path)
        if rel is None or rel == ".":
            return False
        parts = PurePosixPath(rel).parts
        if any(p in SKIP_DIRS for p in parts[:-1]):
            return False
        name = parts[-1]
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


def reread(
    root: Path,
    rels: Iterable[str],
    config: Config,
    today: date,
    known: Callable[[str], bool],
) -> Reread:
    """Read the files at `rels` again, trusting a fresh stat rather than the event type.

    `known(rel)` says whether the path is a plan already shown: a known plan whose text no
    longer looks like a plan stays listed (with what the parser says about it) instead of
    vanishing while it is being edited.
    """
    out = Reread()
    for rel in sorted(set(rels)):
        if rel in CONFIG_NAMES:
            out.rescan = True
            continue
        path = root / rel
        try:
            exists = os.path.isfile(path)
        except OSError:
            exists = False
        c = candidate_for(root, rel, config) if exists else None
        if c is None:
            if known(rel):
                out.removed.append(rel)
            continue
        if known(rel) and not c.known_place:
            c = replace(c, known_place=True)
        plan = read_candidate(c, today)
        if plan is None:
            if known(rel):
                out.removed.append(rel)
        else:
            out.plans.append(plan)
    return out


def with_mark(plan: Plan, line: int, mark: str, fingerprint: str) -> Plan:
    """`plan` as it reads once the item at `line` has `mark` (what a tick just wrote).

    Counts are recomputed for the plan and its phases; statuses wait for the parser, which
    reads the written file right after. The dashboard shows this in the meantime, so a tick
    shows at once even on a plan that takes a while to parse.
    """
    items = remarked(plan.items, line, mark)
    phases = tuple(
        replace(p, progress=Progress.of([i for i in items if i.phase == p.id])) for p in plan.phases
    )
    return replace(
        plan, items=items, phases=phases, progress=Progress.of(items), fingerprint=fingerprint
    )
