"""The `goaldash standup --json` document of a `Standup`.

This module is core: it must not import Textual.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from goaldash.model import Progress
from goaldash.standup.result import KINDS, Change, Standup
from goaldash.text import path_field


def _when(d: datetime | None) -> str | None:
    return None if d is None else d.isoformat(timespec="seconds")


def change_to_dict(c: Change) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": c.text,
        "line": c.line,
        "author": c.author,
        "when": _when(c.when),
    }
    if c.phase is not None:
        out["phase"] = c.phase
    if c.before is not None:
        out["from"] = c.before
    if c.after is not None:
        out["to"] = c.after
    return out


def to_dict(st: Standup) -> dict[str, Any]:
    """The `goaldash standup --json` document."""

    def progress(p: Progress | None) -> dict[str, int] | None:
        return None if p is None else {"done": p.done, "total": p.total}

    def one(c: Change | None) -> dict[str, Any] | None:
        return None if c is None else change_to_dict(c)

    return {
        **path_field("root", str(st.root)),
        "span": st.label,
        "since": _when(st.since),
        "until": _when(st.until),
        "baseline": st.baseline,
        "commits": st.commits,
        "notes": st.notes,
        "plans": [
            {
                **path_field("path", m.path),
                "title": m.title,
                **path_field("renamed_from", m.renamed_from),
                "created": one(m.created),
                "completed": one(m.completed),
                "deleted": one(m.deleted),
                "renamed": one(m.renamed),
                "progress_before": progress(m.before),
                "progress_after": progress(m.after),
                **{kind: [change_to_dict(c) for c in getattr(m, kind)] for kind in KINDS},
            }
            for m in st.plans
        ],
    }
