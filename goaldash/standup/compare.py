"""Standup's work: what moved in the plans under a root since a moment, from git history and
the work tree.

Each plan is compared as it stood at a baseline commit (the last one on HEAD's first-parent
line at or before the moment: `since`) with the file on disk now, uncommitted changes included
(`worktree`). Renamed files are followed (`gitlog`); each pair of versions is compared by
`diff`, which credits every change through `credit`.

This module is core: it must not import Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from goaldash.config import Config
from goaldash.discover import group_of, is_known_place
from goaldash.gitrun import GitError
from goaldash.model import Plan
from goaldash.parse.basics import fingerprint
from goaldash.safefile import read_regular
from goaldash.standup.credit import Trail
from goaldash.standup.diff import diff_plans
from goaldash.standup.gitlog import (
    commits_since,
    gitlinks,
    moved_since,
    names_since,
    read_blobs,
    untracked,
)
from goaldash.standup.repo import Repo, count_commits, open_repo
from goaldash.standup.result import Change, PlanMoves, Standup, StandupError
from goaldash.standup.since import baseline, resolve_since
from goaldash.standup.worktree import uncommitted
from goaldash.text import shown_path


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
        base, start, notes = baseline(repo, since)
        if plans is None:
            plans = scan(root, now.date(), config, cache=cache, keep_json=keep_json).whole_plans()
        plans = [p for p in plans if not p.template and not p.backup]
        result = Standup(root, since.label, start, now, base, count_commits(repo, base), notes)
        result.plans = _compare(repo, base, plans)
    except GitError as exc:
        raise StandupError(f"git: {exc}") from None
    return result


# At most this many plans are followed back through their renames one commit at a time
# (a `git log --follow` each); beyond, only the renames git pairs end to end are seen.
_FOLLOW_LIMIT = 64


def _follow_renames(
    repo: Repo,
    base: str,
    paths: list[str],
    renamed: dict[str, str],
    added: set[str],
    deleted: list[str],
) -> set[str]:
    """Follow the plans renamed since `base`, and those new since `base` while files were
    deleted, through every commit: a plan renamed step by step, each step with an edit, has
    two ends git does not pair (`a` deleted, `e` added), so it is paired here (`renamed`,
    `added` and `deleted` are updated). Returns the names the plans had in between, whose
    commits must be read for credit to follow the file."""
    between: set[str] = set()
    asked = [p for p in paths if p in renamed or (deleted and p in added)]
    gone = set(deleted)
    for path in asked[:_FOLLOW_LIMIT]:
        names = names_since(repo, base, path)
        between.update(names[1:])
        if path in added:
            then = next((n for n in reversed(names) if n in gone), None)
            if then is not None:
                renamed[path] = then
                added.discard(path)
                gone.discard(then)
                deleted.remove(then)
    return between


def _compare(repo: Repo, base: str | None, plans: list[Plan]) -> list[PlanMoves]:
    from goaldash.scan import parse_candidate, parse_many

    root = repo.root
    # Plans inside a submodule have their own history, which standup does not follow.
    subs = tuple(f"{s}/" for s in gitlinks(repo))
    if subs:
        plans = [p for p in plans if not p.path.startswith(subs)]
    between: set[str] = set()
    if base is not None:
        moved = moved_since(repo, base)
        renamed, added, deleted = dict(moved.renamed), set(moved.added), list(moved.deleted)
        between = _follow_renames(repo, base, [p.path for p in plans], renamed, added, deleted)
        then = {p.path: renamed.get(p.path, p.path) for p in plans if p.path not in added}
        old_bytes = read_blobs(repo, base, sorted({*then.values(), *deleted}))
    else:
        then, old_bytes, deleted = {}, {}, []
    # The history of the plans only (by every name they had at either end, and between), not
    # of every markdown file in the repository; a very long list falls back to all of them.
    names = sorted({p.path for p in plans} | set(then.values()) | set(deleted) | between)
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
            who = trail.renaming()
            moves.renamed = Change(old_path, None, who.author, who.when)
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
