"""Standup: what moved in the plans since a moment, from git history and the work tree.

The package face: the rest of goaldash imports these names from `goaldash.standup`. Inside,
top-down (each module imports only those below it):

- `compare`: `standup()`, the work: every plan then and now, compared.
- `jsondoc`: a `Standup` as the `--json` document.
- `since`: WHEN made a moment, and the baseline commit it stands for.
- `diff`: what moved between two versions of one plan.
- `credit`: who moved a change, and when.
- `worktree`: what the work tree changed since HEAD, compared here (git never reads it).
- `gitlog`: what moved since a commit, old contents, and each commit's changed lines.
- `patch`: reading git's patch output (`diff`, `log -p`).
- `repo`: the repository a root lies in, and its commit lookups.
- `result`: the nouns (`Standup`, `PlanMoves`, `Change`, `StandupError`).

This package is core: it must not import Textual.
"""

from goaldash.standup.compare import standup
from goaldash.standup.credit import UNCOMMITTED
from goaldash.standup.diff import diff_plans
from goaldash.standup.jsondoc import change_to_dict, to_dict
from goaldash.standup.result import KINDS, Change, PlanMoves, Standup, StandupError
from goaldash.standup.since import SPANS, Since, previous_working_day, resolve_since

__all__ = [
    "KINDS",
    "SPANS",
    "UNCOMMITTED",
    "Change",
    "PlanMoves",
    "Since",
    "Standup",
    "StandupError",
    "change_to_dict",
    "diff_plans",
    "previous_working_day",
    "resolve_since",
    "standup",
    "to_dict",
]
