"""The dashboard's headless core: the plans on show, the filter, ticks, undos and re-reads.

- `state`: the `Workspace`, the one source of truth the views read; it lives on the UI thread.
- `worker`: what runs on worker threads (the scan, the IO jobs, the file watcher, standup);
  it reports `events`, which the UI thread applies to the workspace.
- `filters`: which plans the `/` filter and hide-finished leave on show.

This package is core: it must not import Textual. The dashboard (`goaldash.ui`) is one client;
tests drive the same workspace without a screen.
"""

from goaldash.workspace.events import (
    Event,
    Notice,
    PlansRead,
    Refused,
    RescanNeeded,
    ScanFailed,
    StandupAnswer,
    Ticked,
)
from goaldash.workspace.filters import finished, matches, plan_matches
from goaldash.workspace.state import Job, PlansApplied, Workspace
from goaldash.workspace.summary import Summary, counts, summarize

__all__ = [
    "Event",
    "Job",
    "Notice",
    "PlansApplied",
    "PlansRead",
    "Refused",
    "RescanNeeded",
    "ScanFailed",
    "StandupAnswer",
    "Summary",
    "Ticked",
    "Workspace",
    "counts",
    "finished",
    "matches",
    "plan_matches",
    "summarize",
]
