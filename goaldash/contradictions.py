"""Contradictions between the files of one goal or spec folder. Pure: plans in, plans out.

Kept apart from `scan` (which pulls in the parser) so that the dashboard can run it on its
own thread without importing the parser there.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import permutations

from goaldash.model import Plan, Warning


def cross_check(plans: list[Plan]) -> list[Plan]:
    """Warn where files of one group contradict each other about a phase's status."""
    by_group: dict[str, list[Plan]] = {}
    for p in plans:
        if p.group and not p.template and not p.backup:
            by_group.setdefault(p.group, []).append(p)
    extra: dict[str, list[Warning]] = {}
    for members in by_group.values():
        # Each ordered pair once: the warning goes on the first plan and names the second.
        for a, b in permutations(members, 2):
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
    if not extra:
        return plans
    return [
        replace(p, warnings=p.warnings + tuple(extra[p.path])) if p.path in extra else p
        for p in plans
    ]
