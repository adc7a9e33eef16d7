"""WHEN, understood: `yesterday` (the previous working day), `today`, a date, a number of
days or weeks (`3d`, `2w`), or else a git revision (`resolve_since`); then the commit that
moment is compared from, and what history cannot show (`baseline`).

This module is core: it must not import Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from goaldash.standup.repo import Repo, baseline_at, earliest, resolve_commit
from goaldash.standup.result import StandupError

SPANS = ("today", "yesterday", "3d", "7d", "14d", "30d")
"""The spans the dashboard steps through, shortest first."""


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
            day = date.fromisoformat(word)
        except ValueError:
            raise StandupError(f"not a date: {word}", usage=True) from None
        if day > today:
            raise StandupError(
                f"--since {word} is in the future (today is {today.isoformat()}): "
                "nothing can have moved since then",
                usage=True,
            )
        return Since(word, _midnight(day))
    if not word:
        raise StandupError(
            "--since wants a moment: yesterday, a date, 3d, or a git revision", usage=True
        )
    return Since(word, None, rev=word)


def baseline(repo: Repo, since: Since) -> tuple[str | None, datetime, list[str]]:
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
