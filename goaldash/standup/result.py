"""What standup answers: each plan that moved, what moved in it, and who moved it when. The
nouns only: `jsondoc` writes them as JSON, `goaldash.report.standup` as rows.

This module is core: it must not import Textual.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from goaldash.model import Progress


class StandupError(Exception):
    """Standup cannot answer; the message is one line saying why. `usage`: the request
    itself was bad (a WHEN that means nothing), not the repository."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


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
    "started",
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
    renamed: Change | None = None
    """Who renamed it (the last rename, when several), when `renamed_from` is set; its text
    is the old path."""
    ticked: list[Change] = field(default_factory=list)
    unticked: list[Change] = field(default_factory=list)
    started: list[Change] = field(default_factory=list)
    """Items moved from open to in progress (`[-]`, `[~]`, `[/]`)."""
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
