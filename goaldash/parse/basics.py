"""The light part of parsing: hashing bytes, plans that could not be read, day-dependent
warnings. Importing it does not import the markdown parser, so a start whose plans all come
from the cache never pays for that."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import PurePosixPath

from goaldash.model import Plan, PlanFormat, Progress, Status, Warning
from goaldash.parse.formats import is_backup_path


def fingerprint(data: bytes) -> str:
    """The content hash edits compare against before writing."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def as_of(plan: Plan, today: date) -> Plan:
    """`plan` with the warnings that depend on the day: an active plan past its expiry."""
    stale = stale_warning(plan.declared_status, plan.dates.expires, today)
    return plan if stale is None else replace(plan, warnings=(*plan.warnings, stale))


def stale_warning(declared_status: str | None, expires: date | None, today: date) -> Warning | None:
    """The warning for a plan still declared active after its expiry date, if it is one."""
    status = (declared_status or "").strip().lower()
    if expires is None or expires >= today or status != "active":
        return None
    return Warning("stale", f"status is active but the plan expired on {expires.isoformat()}")


def unread_plan(path: str, group: str, kind: str, message: str, data: bytes = b"") -> Plan:
    """A plan that could not be read: listed with its warning, never dropped silently."""
    return Plan(
        path=path,
        group=group,
        format=PlanFormat.GENERIC,
        title=PurePosixPath(path).name,
        status=Status.UNKNOWN,
        progress=Progress(),
        warnings=(Warning(kind, message),),
        size=len(data),
        fingerprint=fingerprint(data),
        backup=is_backup_path(path),
    )
