"""Standup: what moved in the plans since a moment, from git history and the work tree.

The package face: the rest of goaldash imports these names from `goaldash.standup`.

This package is core: it must not import Textual.
"""

from goaldash.standup.compare import (
    KINDS,
    SPANS,
    UNCOMMITTED,
    Change,
    PlanMoves,
    Since,
    Standup,
    StandupError,
    change_to_dict,
    diff_plans,
    previous_working_day,
    resolve_since,
    standup,
    to_dict,
)

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
