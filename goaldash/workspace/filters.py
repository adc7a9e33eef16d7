"""The `/` filter and hide-finished: which plans (and which of their lines) are on show."""

from __future__ import annotations

from goaldash.model import Plan


def matches(query: str, *fields: str | None) -> bool:
    """Case-insensitive: does every word of `query` occur in one of the fields?"""
    words = query.lower().split()
    if not words:
        return True
    hay = " ".join(f for f in fields if f).lower()
    return all(w in hay for w in words)


def plan_matches(plan: Plan, query: str) -> bool:
    """Filter on a plan's title, path, group, format, status and phase names."""
    if not query.strip():
        return True  # every redraw asks, for every plan: skip joining the phase names
    return matches(
        query,
        plan.title,
        plan.path,
        plan.group,
        plan.format.value,
        plan.status.words,
        " ".join(p.name for p in plan.phases),
    )


def finished(plan: Plan) -> bool:
    """Done, by status or by a full checklist."""
    return plan.status.closed or (
        plan.progress.total > 0 and plan.progress.done == plan.progress.total
    )
