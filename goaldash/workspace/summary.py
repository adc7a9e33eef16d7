"""What is counted, in one place: the dashboard's status line and tab labels and `--once` all
add plans up with `summarize`, so they can never count different things.

The rule: templates and stale copies (backups, `archive/` copies) are shown apart and not
counted. Every other plan counts with its checkboxes, its open blockers and every warning it
carries, of every kind (placeholders left in a real plan included)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from goaldash.model import Plan, Progress


def counts(plan: Plan) -> bool:
    """Whether `plan` is counted in the totals: not a template, not a stale copy."""
    return not plan.template and not plan.backup


@dataclass(frozen=True, slots=True)
class Summary:
    """The totals the status line, the tab labels and `--once` show."""

    plans: int
    """Plans counted (not templates or stale copies)."""
    progress: Progress
    """Their checklists, added up."""
    open_blockers: int
    """Their open blockers."""
    warnings: int
    """Their warnings, of every kind."""
    apart: int = 0
    """Templates and stale copies: shown apart, not counted."""
    passed_over: int = 0
    """Files and folders the scan passed over (`Workspace.passed_over`; `--once` says them on
    stderr): 0 from `summarize`, which sees plans only."""


def summarize(plans: Iterable[Plan]) -> Summary:
    """The totals over `plans` (the plans on show): only the ones that count are added up."""
    counted: list[Plan] = []
    apart = 0
    for p in plans:
        if counts(p):
            counted.append(p)
        else:
            apart += 1
    return Summary(
        plans=len(counted),
        progress=sum((p.progress for p in counted), Progress()),
        open_blockers=sum(len(p.open_blockers) for p in counted),
        warnings=sum(len(p.warnings) for p in counted),
        apart=apart,
    )
