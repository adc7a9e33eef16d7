"""The warnings a plan's bytes alone cannot give, applied in this one place to plans as parsed:
the day's (a plan still declared active after its expiry) and the other plans' (files of one
goal or spec folder that contradict each other). Pure: plans and the day in, plans out.

Light on purpose: it imports neither the parser nor Rich, so the dashboard can run it on its
own thread without importing the parser there, and a warm start never pays for either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import permutations
from typing import Protocol

from goaldash.model import Plan, PlanFacts, Status, Warning

# --------------------------------------------------------------------------------- the day


def stale_warning(declared_status: str | None, expires: date | None, today: date) -> Warning | None:
    """The warning for a plan still declared active after its expiry date, if it is one."""
    status = (declared_status or "").strip().lower()
    if expires is None or expires >= today or status != "active":
        return None
    return Warning("stale", f"status is active but the plan expired on {expires.isoformat()}")


def as_of(plan: Plan, today: date) -> Plan:
    """`plan` with the warnings that depend on the day: an active plan past its expiry."""
    stale = stale_warning(plan.declared_status, plan.dates.expires, today)
    return plan if stale is None else replace(plan, warnings=(*plan.warnings, stale))


# ------------------------------------------------------------------------- the other plans


class _PhaseLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def declared_status(self) -> Status | None: ...
    @property
    def line(self) -> int: ...


class _PlanLike(Protocol):
    """A `Plan`, or the `PlanFacts` the parse cache keeps of one."""

    @property
    def path(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def template(self) -> bool: ...
    @property
    def backup(self) -> bool: ...
    @property
    def phases(self) -> Sequence[_PhaseLike]: ...


def conflicts(plans: Sequence[_PlanLike]) -> dict[str, list[Warning]]:
    """The contradiction warnings to add, by plan path: where files of one group disagree
    about a phase's status. The warning goes on the first file and names the second."""
    by_group: dict[str, list[_PlanLike]] = {}
    for p in plans:
        if p.group and not p.template and not p.backup:
            by_group.setdefault(p.group, []).append(p)
    extra: dict[str, list[Warning]] = {}
    for members in by_group.values():
        for a, b in permutations(members, 2):  # each ordered pair once
            theirs = {p.id: p.declared_status for p in b.phases if p.declared_status}
            for pa in a.phases:
                other = theirs.get(pa.id)
                if pa.declared_status is None or other is None or other is pa.declared_status:
                    continue
                extra.setdefault(a.path, []).append(
                    Warning(
                        "contradiction",
                        f"{pa.kind.title()} {pa.id} is {pa.declared_status.words} here but "
                        f"{other.words} in {b.path}",
                        pa.line,
                    )
                )
    return extra


def with_conflicts(plan: Plan, extra: dict[str, list[Warning]]) -> Plan:
    """`plan` with its contradiction warnings, if it has any."""
    mine = extra.get(plan.path)
    return replace(plan, warnings=plan.warnings + tuple(mine)) if mine else plan


def cross_check(plans: list[Plan]) -> list[Plan]:
    """`plans` with a warning wherever files of one group contradict each other."""
    extra = conflicts(plans)
    return [with_conflicts(p, extra) for p in plans] if extra else plans


# -------------------------------------------------------------------------------- together


def checked(plan: Plan, today: date, extra: dict[str, list[Warning]]) -> Plan:
    """`plan` with every warning: the day's, then its group's (`extra`, from `conflicts`)."""
    return with_conflicts(as_of(plan, today), extra)


def adds_warnings(facts: PlanFacts, today: date, extra: dict[str, list[Warning]]) -> bool:
    """Whether `checked` would add a warning to the plan of these facts: when it would not,
    what was kept of the plan as parsed (its `--json` text, say) still holds."""
    return facts.path in extra or (
        stale_warning(facts.declared_status, facts.expires, today) is not None
    )
