"""What moved between two versions of one plan: items ticked, unticked, added and removed
(matched by identity, their text and phase, not by line, so moved or reordered lines are not
read as a removal plus an addition), blockers added and resolved, timeline adjustments added,
phases whose status changed, the plan created or completed. Each change is credited through
the file's `credit.Trail`.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from goaldash.model import Blocker, ItemState, Plan, Status
from goaldash.standup.credit import Trail, latest
from goaldash.standup.result import Change, PlanMoves


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


def _struck_with_a_note(
    key: str, line: int, blockers: Iterable[Blocker], old_keys: set[str]
) -> Blocker | None:
    """The resolved blocker that an open one became when it was struck through (or ticked)
    with words added: its words begin with the old ones (the nearest to the old line first),
    and no blocker of the old version had them."""
    if not key:
        return None
    found = [
        b
        for b in blockers
        if b.resolved and (k := _alnum(b.text)) not in old_keys and k.startswith(key)
    ]
    return min(found, key=lambda b: abs(b.line - line), default=None)


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
        elif o.state is ItemState.OPEN and n.state is ItemState.IN_PROGRESS:
            moves.started.append(Change(n.text, n.line, *wrote(n.line), phase=n.phase))
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
    old_keys = {_alnum(b.text) for b in old.blockers}
    for key, b in new_by.items():
        if not b.resolved and key not in old_open:
            moves.blockers_added.append(Change(b.text, b.line, *wrote(b.line), phase=b.phase))
    for key, b in old_open.items():
        still = new_by.get(key) or _struck_with_a_note(key, b.line, new.blockers, old_keys)
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
        mine = [c for c in (*moves.ticked, *moves.unticked, *moves.started) if c.phase == ph.id]
        who = (
            trail.writer(*(_at(now_lines, ln) for ln in (ph.line, *rows)))
            or latest(mine)
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
        who = latest([c for _, c in moves.changes()]) or trail.last()
        moves.completed = Change(new.title, None, who.author, who.when)
    return moves
