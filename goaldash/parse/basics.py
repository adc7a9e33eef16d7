"""The light part of parsing: hashing bytes, plans that could not be read. Importing it does
not import the markdown parser, so a start whose plans all come from the cache never pays for
that."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from goaldash.model import Plan, PlanFormat, Progress, Status, Warning
from goaldash.parse.formats import is_backup_path


def fingerprint(data: bytes) -> str:
    """The content hash edits compare against before writing."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


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
