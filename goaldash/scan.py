"""Find and read every plan under a root: discovery, the pre-filter, then the parser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import permutations
from pathlib import Path

from goaldash.config import Config, load_config
from goaldash.discover import Candidate, candidates, is_plan, is_plan_text
from goaldash.model import Plan, Warning
from goaldash.parse import decode, parse_plan, unread_plan

MAX_BYTES = 32 * 1024 * 1024
"""Files larger than this are listed with a warning instead of parsed."""


@dataclass(slots=True)
class Scan:
    """The plans found under a root."""

    root: Path
    today: date
    plans: list[Plan] = field(default_factory=list)
    config: Config = field(default_factory=Config)
    candidates: int = 0
    """How many markdown files were looked at."""


def read_candidate(c: Candidate, today: date) -> Plan | None:
    """Read one candidate; None when it turns out not to be a plan."""
    try:
        data = c.path.read_bytes() if c.path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        if not c.known_place:
            return None
        return _unreadable(c, f"cannot be read: {exc.strerror or exc}")
    if data is None:
        return _unreadable(c, f"larger than {MAX_BYTES // (1024 * 1024)} MB: not read")
    if not c.known_place:
        text, _ = decode(data)
        if not is_plan_text(text):
            return None
    plan = parse_plan(c.rel, data, group=c.group, today=today)
    return plan if is_plan(plan, c.known_place) else None


def _unreadable(c: Candidate, message: str) -> Plan:
    return unread_plan(c.rel, c.group, "unreadable", message)


def iter_plans(root: Path, today: date, config: Config | None = None) -> Iterator[Plan]:
    """Yield plans one by one as they are read (the dashboard shows them as they come)."""
    config = config if config is not None else load_config(root)
    for c in candidates(root, config):
        plan = read_candidate(c, today)
        if plan is not None:
            yield plan


def scan(
    root: Path,
    today: date,
    config: Config | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Scan:
    """Read every plan under `root`. Raises ConfigError for a bad configuration."""
    config = config if config is not None else load_config(root)
    found = candidates(root, config)
    result = Scan(root=root, today=today, config=config, candidates=len(found))
    for i, c in enumerate(found):
        plan = read_candidate(c, today)
        if plan is not None:
            result.plans.append(plan)
        if progress is not None:
            progress(i + 1, len(found))
    result.plans = cross_check(result.plans)
    return result


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
