"""The warnings a plan's bytes alone cannot give, applied in this one place to plans as parsed:
the day's (a plan still declared active after its expiry) and the other plans' (files of one
goal or spec folder that contradict each other). Pure: plans and the day in, plans out.

Light on purpose: it imports neither the parser nor Rich, so the dashboard can run it on its
own thread without importing the parser there, and a warm start never pays for either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
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


@dataclass(frozen=True, slots=True)
class GroupNotes:
    """What the files of each goal or spec folder say of each other's phases."""

    warnings: dict[str, list[Warning]] = field(default_factory=dict)
    """Contradiction warnings to add, by plan path."""
    said: dict[str, dict[str, Status]] = field(default_factory=dict)
    """By group: the status its files state for a phase id, where they state one and agree
    (a tasks file that states none shows the one its execution file states)."""

    def touches(self, plan: _PlanLike) -> bool:
        """Whether these notes may change `plan` (a warning, or a status it may take)."""
        said = self.said.get(plan.group) if _member(plan) else None
        return plan.path in self.warnings or bool(
            said and any(p.declared_status is None and p.id in said for p in plan.phases)
        )


def _member(plan: _PlanLike) -> bool:
    return bool(plan.group) and not plan.template and not plan.backup


def conflicts(plans: Sequence[_PlanLike]) -> GroupNotes:
    """What files of one group say of each other's phases: the contradiction warnings (where
    they disagree about a phase's status; the warning goes on the first file and names the
    second), and the statuses they agree on."""
    by_group: dict[str, list[_PlanLike]] = {}
    for p in plans:
        if _member(p):
            by_group.setdefault(p.group, []).append(p)
    notes = GroupNotes()
    for group, members in by_group.items():
        stated: dict[str, set[Status]] = {}
        for p in members:
            for ph in p.phases:
                if ph.declared_status is not None:
                    stated.setdefault(ph.id, set()).add(ph.declared_status)
        agreed = {pid: next(iter(s)) for pid, s in stated.items() if len(s) == 1}
        if agreed and len(members) > 1:
            notes.said[group] = agreed
        for a, b in permutations(members, 2):  # each ordered pair once
            theirs = {p.id: p.declared_status for p in b.phases if p.declared_status}
            for pa in a.phases:
                other = theirs.get(pa.id)
                if pa.declared_status is None or other is None or other is pa.declared_status:
                    continue
                notes.warnings.setdefault(a.path, []).append(
                    Warning(
                        "contradiction",
                        f"{pa.kind.title()} {pa.id} is {pa.declared_status.words} here but "
                        f"{other.words} in {b.path}",
                        pa.line,
                    )
                )
    return notes


def with_conflicts(plan: Plan, notes: GroupNotes) -> Plan:
    """`plan` with its contradiction warnings, and the status its group's other files state
    for each of its phases that states none and has nothing of its own to show (no items):
    the plan's own status then follows, where it states none and has no items either."""
    mine = notes.warnings.get(plan.path)
    if mine:
        plan = replace(plan, warnings=plan.warnings + tuple(mine))
    said = notes.said.get(plan.group) if _member(plan) else None
    if not said:
        return plan
    phases = tuple(
        replace(p, status=said[p.id], placed=False) if p.takes_status and p.id in said else p
        for p in plan.phases
    )
    if phases == plan.phases:
        return plan
    # A stage not started by its place alone is unknown again once a stage after it is started
    # by what the group says (`Status.ahead`: one before a started stage may be done or skipped).
    ahead = Status.ahead([Status.UNKNOWN if p.placed else p.status for p in phases])
    phases = tuple(
        replace(p, status=Status.UNKNOWN, placed=False) if p.placed and i not in ahead else p
        for i, p in enumerate(phases)
    )
    status = plan.status
    if plan.declared_status is None and not plan.progress.total:
        status = Status.of_phases({p.status for p in phases}) or status
    return replace(plan, phases=phases, status=status)


def cross_check(plans: list[Plan]) -> list[Plan]:
    """`plans` with what files of one group say of each other (`with_conflicts`)."""
    notes = conflicts(plans)
    if not notes.warnings and not notes.said:
        return plans
    return [with_conflicts(p, notes) for p in plans]


# -------------------------------------------------------------------------------- together


def checked(plan: Plan, today: date, notes: GroupNotes) -> Plan:
    """`plan` with every warning: the day's, then its group's (`notes`, from `conflicts`)."""
    return with_conflicts(as_of(plan, today), notes)


def adds_warnings(facts: PlanFacts, today: date, notes: GroupNotes) -> bool:
    """Whether `checked` may change the plan of these facts: when it would not, what was
    kept of the plan as parsed (its `--json` text, say) still holds."""
    return notes.touches(facts) or (
        stale_warning(facts.declared_status, facts.expires, today) is not None
    )
