"""Contradictions between the files of one goal or spec folder. Pure: plans in, plans out.

Kept apart from `scan` (which pulls in the parser) so that the dashboard can run it on its
own thread without importing the parser there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import permutations
from typing import Protocol

from goaldash.model import Plan, Status, Warning


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
