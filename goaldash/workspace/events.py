"""What the workers report: small dataclasses, made on a worker thread and applied on the UI
thread by `Workspace.apply_*` (a worker never touches the workspace's state itself)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from goaldash.model import Plan

if TYPE_CHECKING:
    from goaldash.edit import EditResult
    from goaldash.standup import Standup


@dataclass(frozen=True, slots=True)
class PlansRead:
    """Plans read (or read again), and paths that stopped being plans."""

    plans: list[Plan]
    """Plans as read now, each replacing the copy of the same path."""
    removed: list[str] = field(default_factory=list)
    """Paths that are no longer plans (deleted, renamed away, excluded)."""
    scanned: int | None = None
    """While scanning: how many candidate files are read so far."""
    candidates: int | None = None
    """While scanning: how many candidate files there are to read."""
    final: bool = False
    """The scan's last word: every plan has been read."""
    replace_all: bool = False
    """`plans` are all the plans there are: drop every other one."""
    empty_folder: bool = False
    """With `final`: the folder holds nothing at all."""
    notes: tuple[str, ...] = ()
    """With `final`: what the scan passed over, a sentence each (a folder it cannot read, a
    binary file where a plan was expected): the notes `--once` writes on stderr."""
    looked_at: tuple[str, ...] = ()
    """A re-read's paths: what was said of them before (a binary file) no longer holds."""
    binary: tuple[str, ...] = ()
    """Of `looked_at`, the binary files: passed over, as the scan passes them over."""
    shown: threading.Event | None = None
    """Set by the UI once it has drawn these plans (the scan then goes on with its work)."""

    @classmethod
    def last(
        cls, plans: list[Plan], scanned: int, empty_folder: bool, notes: list[str]
    ) -> PlansRead:
        """A scan's last word: every plan it read, for the UI to say when it has drawn."""
        return cls(
            plans,
            scanned=scanned,
            final=True,
            replace_all=True,
            empty_folder=empty_folder,
            notes=tuple(notes),
            shown=threading.Event(),
        )


@dataclass(frozen=True, slots=True)
class Ticked:
    """A tick or an undo was written (or found already done)."""

    result: EditResult
    rel: str
    """The plan's path, relative to the root."""
    undone: bool
    """True for an undo, False for a tick."""
    before: str
    """Fingerprint of the bytes the change was made to."""
    shown: threading.Event | None = None
    """Set once the tick is on screen: the worker parses the file only then."""
    seq: int = 0
    """The number of the job this answers (`Job.seq`)."""


@dataclass(frozen=True, slots=True)
class Refused:
    """A tick or an undo was refused; the file is being read again."""

    message: str
    undo_of: EditResult | None = None
    """The write an undo was refused for (None: a tick was refused)."""
    seq: int = 0
    """The number of the job this answers (`Job.seq`; 0: not a tick or an undo)."""


@dataclass(frozen=True, slots=True)
class ScanFailed:
    """The scan could not read the folder (or its configuration)."""

    message: str


@dataclass(frozen=True, slots=True)
class Notice:
    """Something to tell the user that changes no plan (a cache that cannot be used)."""

    message: str
    severity: Literal["information", "warning", "error"] = "warning"
    timeout: float = 10


@dataclass(frozen=True, slots=True)
class RescanNeeded:
    """The configuration changed: every plan is to be read again."""


@dataclass(frozen=True, slots=True)
class StandupAnswer:
    """Git answered (or could not) for the standup span asked in round `round`."""

    round: int
    result: Standup | None
    error: str | None


Event = PlansRead | Ticked | Refused | ScanFailed | Notice | RescanNeeded | StandupAnswer
"""Everything a worker reports."""
