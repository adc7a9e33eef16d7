"""Standup: what moved in the plans since a moment, from git history and the work tree.

Each plan is compared as it stood at a baseline commit (the last one on HEAD's first-parent
line at or before the moment) with the file on disk now, uncommitted changes included. Items
are matched by identity, their text and phase, not by line, so moved or reordered lines are
not read as a removal plus an addition; renamed files are followed. Each change is credited
to the newest commit that wrote the line it now stands on (or removed the line it stood on),
and to "uncommitted" when the work tree did.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from goaldash.config import Config
from goaldash.discover import group_of, is_known_place
from goaldash.gitrun import GitError
from goaldash.model import ItemState, Plan, Progress, Status
from goaldash.parse.basics import fingerprint
from goaldash.safefile import read_regular
from goaldash.standup.gitlog import (
    Commit,
    commits_since,
    gitlinks,
    moved_since,
    read_blobs,
    untracked,
)
from goaldash.standup.patch import FileDiff
from goaldash.standup.repo import (
    Repo,
    baseline_at,
    count_commits,
    earliest,
    open_repo,
    resolve_commit,
)
from goaldash.standup.worktree import uncommitted
from goaldash.text import path_field, shown_path

UNCOMMITTED = "uncommitted"

SPANS = ("today", "yesterday", "3d", "7d", "14d", "30d")
"""The spans the dashboard steps through, shortest first."""


class StandupError(Exception):
    """Standup cannot answer; the message is one line saying why. `usage`: the request
    itself was bad (a WHEN that means nothing), not the repository."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


# ------------------------------------------------------------------------------ the moment


@dataclass(frozen=True, slots=True)
class Since:
    """WHEN, understood: a moment, or a git revision whose commit is the baseline."""

    label: str
    start: datetime | None
    rev: str | None = None


_DAYS = re.compile(r"^(\d{1,4})\s*([dw])$", re.IGNORECASE)


def previous_working_day(today: date) -> date:
    """Yesterday, except that Monday (and the weekend) look back to Friday."""
    back = {0: 3, 6: 2}.get(today.weekday(), 1)  # Monday -> Friday, Sunday -> Friday
    return today - timedelta(days=back)


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time(0)).astimezone()


def resolve_since(when: str, now: datetime) -> Since:
    """`yesterday`, `today`, a date (YYYY-MM-DD), a number of days or weeks (`3d`, `2w`),
    or else a git revision (checked against the repository later)."""
    word = when.strip()
    lower = word.lower()
    today = now.date()
    if lower == "yesterday":
        return Since("yesterday", _midnight(previous_working_day(today)))
    if lower == "today":
        return Since("today", _midnight(today))
    m = _DAYS.match(lower)
    if m:
        n = int(m.group(1)) * (7 if m.group(2) == "w" else 1)
        return Since(f"{m.group(1)}{m.group(2)}", _midnight(today - timedelta(days=n)))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", word):
        try:
            return Since(word, _midnight(date.fromisoformat(word)))
        except ValueError:
            raise StandupError(f"not a date: {word}", usage=True) from None
    if not word:
        raise StandupError(
            "--since wants a moment: yesterday, a date, 3d, or a git revision", usage=True
        )
    return Since(word, None, rev=word)


# ------------------------------------------------------------------------------ the result


@dataclass(frozen=True, slots=True)
class Change:
    """One thing that moved, and who moved it when."""

    text: str
    line: int | None
    """Its line in the file now; for something removed, the line it had at the baseline."""
    author: str
    when: datetime | None
    phase: str | None = None
    before: str | None = None
    """For a phase: the status it had (words, "not started")."""
    after: str | None = None


KINDS = (
    "ticked",
    "unticked",
    "added",
    "removed",
    "blockers_added",
    "blockers_resolved",
    "adjustments_added",
    "phase_changes",
)


@dataclass(slots=True)
class PlanMoves:
    """What moved in one plan."""

    path: str
    title: str
    renamed_from: str | None = None
    created: Change | None = None
    completed: Change | None = None
    deleted: Change | None = None
    ticked: list[Change] = field(default_factory=list)
    unticked: list[Change] = field(default_factory=list)
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    blockers_added: list[Change] = field(default_factory=list)
    blockers_resolved: list[Change] = field(default_factory=list)
    adjustments_added: list[Change] = field(default_factory=list)
    phase_changes: list[Change] = field(default_factory=list)
    before: Progress | None = None
    after: Progress | None = None

    def changes(self) -> Iterator[tuple[str, Change]]:
        for kind in KINDS:
            for c in getattr(self, kind):
                yield kind, c

    @property
    def moved(self) -> bool:
        return bool(self.created or self.completed or self.deleted or self.renamed_from) or any(
            True for _ in self.changes()
        )


@dataclass(slots=True)
class Standup:
    """What moved since `since`, as of `until`."""

    root: Path
    label: str
    since: datetime
    until: datetime
    baseline: str | None
    """The commit compared with; None when the history begins after `since`."""
    commits: int = 0
    notes: list[str] = field(default_factory=list)
    """What could not be seen, in a sentence each (a shallow clone, say)."""
    plans: list[PlanMoves] = field(default_factory=list)


# ------------------------------------------------------------------------------ the work


def standup(
    root: Path,
    when: str = "yesterday",
    now: datetime | None = None,
    config: Config | None = None,
    cache: Any = None,
    plans: list[Plan] | None = None,
    keep_json: Callable[[Plan], str] | None = None,
) -> Standup:
    """What moved in the plans under `root` since WHEN. Raises StandupError when git cannot
    answer at all (not a repository, no such revision).

    `plans` are the plans under `root` now, when the caller has them (the dashboard does);
    else they are read (with `cache`, which keeps `keep_json`'s text of each plan parsed)."""
    from goaldash.scan import scan

    now = now if now is not None else datetime.now().astimezone()
    since = resolve_since(when, now)
    try:
        repo = open_repo(root)
    except GitError as exc:
        raise StandupError(str(exc)) from None
    if repo is None:
        raise StandupError(
            f"{shown_path(str(root))} is not in a git repository: standup reads what moved "
            "from git history, "
            "so there is nothing to compare with (not even for uncommitted changes)"
        )
    try:
        base, start, notes = _baseline(repo, since)
        if plans is None:
            plans = scan(root, now.date(), config, cache=cache, keep_json=keep_json).plans
        plans = [p for p in plans if not p.template and not p.backup]
        result = Standup(root, since.label, start, now, base, count_commits(repo, base), notes)
        result.plans = _compare(repo, base, plans)
    except GitError as exc:
        raise StandupError(f"git: {exc}") from None
    return result


def _baseline(repo: Repo, since: Since) -> tuple[str | None, datetime, list[str]]:
    """The commit to compare with, the moment it stands for, and what cannot be seen."""
    if since.rev is not None:
        found = resolve_commit(repo, since.rev) if repo.head is not None else None
        if found is None:
            raise StandupError(
                f"--since {since.rev!r} is not yesterday, today, a date (YYYY-MM-DD), "
                "a number of days (3d) or a commit of this repository",
                usage=True,
            )
        return found[0], found[1], []
    assert since.start is not None
    if repo.head is None:
        return None, since.start, ["no commits yet: every plan counts as new and uncommitted"]
    base = baseline_at(repo, since.start)
    if base is not None or not repo.shallow:
        return base, since.start, []
    edge = earliest(repo)
    assert edge is not None
    sha, at = edge
    return (
        sha,
        since.start,
        [
            f"shallow clone: its history starts at {at:%Y-%m-%d %H:%M} ({sha[:8]}), after "
            f"{since.start:%Y-%m-%d %H:%M}; shown: what moved since then, uncommitted changes "
            "included (git fetch --unshallow to see the rest)"
        ],
    )


def _compare(repo: Repo, base: str | None, plans: list[Plan]) -> list[PlanMoves]:
    from goaldash.scan import parse_candidate, parse_many

    root = repo.root
    # Plans inside a submodule have their own history, which standup does not follow.
    subs = tuple(f"{s}/" for s in gitlinks(repo))
    if subs:
        plans = [p for p in plans if not p.path.startswith(subs)]
    if base is not None:
        moved = moved_since(repo, base)
        then = {
            p.path: moved.renamed.get(p.path, p.path) for p in plans if p.path not in moved.added
        }
        old_bytes = read_blobs(repo, base, sorted({*then.values(), *moved.deleted}))
        deleted = moved.deleted
    else:
        then, old_bytes, deleted = {}, {}, []
    # The history of the plans only (by every name they had at either end), not of every
    # markdown file in the repository; a very long list falls back to all markdown files.
    names = sorted({p.path for p in plans} | set(then.values()) | set(deleted))
    commits = commits_since(repo, base, names if len(names) <= 2000 else None)
    loose = untracked(repo)
    # The plans as they are on disk now (regular files only, bounded: never a FIFO).
    now: dict[str, bytes] = {}
    for plan in plans:
        try:
            now[plan.path] = read_regular(root / plan.path)
        except OSError:
            continue
    work = uncommitted(repo, now, deleted)
    # Plans whose bytes differ from the baseline's; their old versions parsed in one go.
    changed: list[tuple[Plan, str | None, bytes | None, bytes]] = []
    for plan in plans:
        now_bytes = now.get(plan.path)
        if now_bytes is None:
            continue
        old_path = then.get(plan.path)
        before = old_bytes.get(old_path) if old_path is not None else None
        if before != now_bytes or old_path != plan.path:
            changed.append((plan, old_path, before, now_bytes))
    olds = parse_many(
        [
            (old_path, before, group_of(old_path), is_known_place(old_path))
            for _, old_path, before, _ in changed
            if old_path is not None and before is not None
        ]
    )
    parsed_olds = iter(olds)
    out: list[PlanMoves] = []
    for plan, old_path, before, now_bytes in changed:
        old_plan = next(parsed_olds) if old_path is not None and before is not None else None
        # What is on disk now: the scan's copy when it was made from these very bytes.
        new_plan = plan
        if plan.fingerprint != fingerprint(now_bytes):
            new_plan = parse_candidate(plan.path, now_bytes, plan.group, True) or plan
        trail = Trail.of(root, plan.path, commits, work, untracked=plan.path in loose)
        moves = diff_plans(old_plan, new_plan, before or b"", now_bytes, trail)
        if old_path is not None and old_path != plan.path:
            moves.renamed_from = old_path
        if moves.moved:
            out.append(moves)
    for path in deleted:
        data = old_bytes.get(path)
        old_plan = (
            parse_candidate(path, data, group_of(path), is_known_place(path))
            if data is not None
            else None
        )
        if old_plan is None or old_plan.template or old_plan.backup:
            continue
        trail = Trail.of(root, path, commits, work, untracked=False)
        gone = trail.deletion()
        out.append(
            PlanMoves(
                path,
                old_plan.title,
                deleted=Change(old_plan.title, None, gone.author, gone.when),
                before=old_plan.progress,
            )
        )
    out.sort(key=lambda m: m.path)
    return out


# ------------------------------------------------------------------------------ credit


@dataclass(frozen=True, slots=True)
class Who:
    author: str
    when: datetime | None


_NOBODY = Who("unknown", None)


@dataclass(slots=True)
class Trail:
    """The changes to one file, newest first (the work tree's, then each commit's), following
    it back through renames."""

    steps: list[tuple[Who, FileDiff | None]]
    """(who, diff); a None diff: the whole file is new and uncommitted."""

    @classmethod
    def of(
        cls,
        root: Path,
        path: str,
        commits: list[Commit],
        work: dict[str, FileDiff],
        untracked: bool,
    ) -> Trail:
        steps: list[tuple[Who, FileDiff | None]] = []
        names = {path}
        if untracked or path in work:
            try:
                mtime: datetime | None = datetime.fromtimestamp(
                    (root / path).stat().st_mtime
                ).astimezone()
            except OSError:
                mtime = None
            diff = None if untracked else work[path]
            steps.append((Who(UNCOMMITTED, mtime), diff))
            if diff is not None and diff.old_path:
                names.add(diff.old_path)
        for c in reversed(commits):  # see gitlog.commits_since for the order
            for d in c.files.values():
                if d.path in names:
                    steps.append((Who(c.author, c.when), d))
                    if d.old_path:
                        names.add(d.old_path)
        return cls(steps)

    def wrote(self, *lines: str) -> Who:
        """Who last wrote any of these lines (as they read now); else whoever last touched
        the file."""
        return self.writer(*lines) or self.last()

    def writer(self, *lines: str) -> Who | None:
        """Who last wrote any of these lines (as they read now), if a step did."""
        keys = {ln.strip() for ln in lines if ln.strip()}
        for who, d in self.steps:
            if d is None or keys & d.added:
                return who
        return None

    def erased(self, line: str) -> Who:
        """Who last removed this line (as it read at the baseline)."""
        key = line.strip()
        for who, d in self.steps:
            if d is None or key in d.removed:
                return who
        return self.last()

    def creation(self) -> Who:
        for who, d in reversed(self.steps):
            if d is None or d.old_path is None:
                return who
        return self.last()

    def deletion(self) -> Who:
        for who, d in self.steps:
            if d is not None and d.deleted:
                return who
        return self.last()

    def last(self) -> Who:
        return self.steps[0][0] if self.steps else _NOBODY


# ------------------------------------------------------------------------------ the diff


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _alnum(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8", "replace").splitlines()


def _at(lines: list[str], line: int | None) -> str:
    return lines[line - 1] if line is not None and 0 < line <= len(lines) else ""


def _pairs(
    old: Iterable[Any], new: Iterable[Any], keys: tuple[Any, ...]
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Match old and new things: first by `keys[0]`, then what is left by `keys[1]`...; in
    file order among equals. Returns (pairs, old things left, new things left)."""
    left_old, left_new = list(old), list(new)
    pairs: list[tuple[Any, Any]] = []
    for key in keys:
        waiting: dict[Any, deque[Any]] = defaultdict(deque)
        for o in left_old:
            waiting[key(o)].append(o)
        still_new = []
        for n in left_new:
            q = waiting.get(key(n))
            if q:
                pairs.append((q.popleft(), n))
            else:
                still_new.append(n)
        matched = {id(o) for o, _ in pairs}
        left_old = [o for o in left_old if id(o) not in matched]
        left_new = still_new
    return pairs, left_old, left_new


def diff_plans(
    old: Plan | None, new: Plan, old_bytes: bytes, new_bytes: bytes, trail: Trail
) -> PlanMoves:
    """What moved between two versions of a plan, each change credited through `trail`."""
    moves = PlanMoves(new.path, new.title, before=old.progress if old else None, after=new.progress)
    now_lines = _lines(new_bytes)
    then_lines = _lines(old_bytes)

    def wrote(*lines: int | None) -> tuple[str, datetime | None]:
        who = trail.wrote(*(_at(now_lines, ln) for ln in lines))
        return who.author, who.when

    def erased(line: int | None) -> tuple[str, datetime | None]:
        who = trail.erased(_at(then_lines, line))
        return who.author, who.when

    if old is None:
        who = trail.creation()
        moves.created = Change(new.title, None, who.author, who.when)
        if new.status is Status.DONE:
            moves.completed = Change(new.title, None, *wrote(*(i.line for i in new.items)))
        return moves

    # Items: by text and phase; what is left, by text alone (an item moved to another phase).
    pairs, gone, came = _pairs(
        old.items, new.items, (lambda i: (i.phase, _words(i.text)), lambda i: _words(i.text))
    )
    for o, n in sorted(pairs, key=lambda p: p[1].line):
        was, now = o.state is ItemState.DONE, n.state is ItemState.DONE
        if was != now:
            kind = moves.ticked if now else moves.unticked
            kind.append(Change(n.text, n.line, *wrote(n.line), phase=n.phase))
    for n in came:
        moves.added.append(
            Change(n.text, n.line, *wrote(n.line), phase=n.phase, after=n.state.value)
        )
    for o in gone:
        moves.removed.append(
            Change(o.text, o.line, *erased(o.line), phase=o.phase, before=o.state.value)
        )

    # Blockers: by their words, whatever marks them resolved (a tick, strike-through).
    old_open = {_alnum(b.text): b for b in old.blockers if not b.resolved}
    new_by = {_alnum(b.text): b for b in new.blockers}
    for key, b in new_by.items():
        if not b.resolved and key not in old_open:
            moves.blockers_added.append(Change(b.text, b.line, *wrote(b.line), phase=b.phase))
    for key, b in old_open.items():
        still = new_by.get(key)
        if still is None:
            moves.blockers_resolved.append(
                Change(b.text, None, *erased(b.line), phase=b.phase, after="removed")
            )
        elif still.resolved:
            moves.blockers_resolved.append(
                Change(still.text, still.line, *wrote(still.line), phase=b.phase)
            )

    # Timeline adjustments: new ones, by date and words.
    had = {(a.date, _words(a.change)) for a in old.adjustments}
    for a in new.adjustments:
        if (a.date, _words(a.change)) not in had:
            text = a.change if a.date is None else f"{a.date.isoformat()}: {a.change}"
            moves.adjustments_added.append(Change(text, a.line, *wrote(a.line)))

    # Phases whose status changed: credited to the line that says so (heading, status
    # table row), else to the latest of the item changes in the phase.
    old_phases = {p.id: p for p in old.phases}
    for ph in new.phases:
        was_ph = old_phases.get(ph.id)
        if was_ph is None or was_ph.status is ph.status:
            continue
        rows = [r.line for r in new.status_rows if r.phase == ph.id]
        mine = [c for c in (*moves.ticked, *moves.unticked) if c.phase == ph.id]
        who = (
            trail.writer(*(_at(now_lines, ln) for ln in (ph.line, *rows)))
            or _latest(mine)
            or trail.last()
        )
        moves.phase_changes.append(
            Change(
                ph.name,
                ph.line,
                who.author,
                who.when,
                phase=ph.id,
                before=was_ph.status.words,
                after=ph.status.words,
            )
        )

    if new.status is Status.DONE and old.status is not Status.DONE:
        who = _latest([c for _, c in moves.changes()]) or trail.last()
        moves.completed = Change(new.title, None, who.author, who.when)
    return moves


def _latest(changes: list[Change]) -> Who | None:
    """Who made the most recent of these changes (those with a time), if any."""
    timed = [c for c in changes if c.when is not None]
    if not timed:
        return None
    last = max(timed, key=lambda c: c.when or datetime.min)
    return Who(last.author, last.when)


# ------------------------------------------------------------------------------ JSON


def _when(d: datetime | None) -> str | None:
    return None if d is None else d.isoformat(timespec="seconds")


def change_to_dict(c: Change) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": c.text,
        "line": c.line,
        "author": c.author,
        "when": _when(c.when),
    }
    if c.phase is not None:
        out["phase"] = c.phase
    if c.before is not None:
        out["from"] = c.before
    if c.after is not None:
        out["to"] = c.after
    return out


def to_dict(st: Standup) -> dict[str, Any]:
    """The `goaldash standup --json` document."""

    def progress(p: Progress | None) -> dict[str, int] | None:
        return None if p is None else {"done": p.done, "total": p.total}

    def one(c: Change | None) -> dict[str, Any] | None:
        return None if c is None else change_to_dict(c)

    return {
        **path_field("root", str(st.root)),
        "span": st.label,
        "since": _when(st.since),
        "until": _when(st.until),
        "baseline": st.baseline,
        "commits": st.commits,
        "notes": st.notes,
        "plans": [
            {
                **path_field("path", m.path),
                "title": m.title,
                **path_field("renamed_from", m.renamed_from),
                "created": one(m.created),
                "completed": one(m.completed),
                "deleted": one(m.deleted),
                "progress_before": progress(m.before),
                "progress_after": progress(m.after),
                **{kind: [change_to_dict(c) for c in getattr(m, kind)] for kind in KINDS},
            }
            for m in st.plans
        ],
    }
