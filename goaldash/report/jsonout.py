"""The `--json` document (documented in the README). Light: no Rich, no parser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from json.encoder import encode_basestring as _escape
from typing import TYPE_CHECKING, Any

from goaldash.model import Item, ItemState, Phase, Plan, Progress
from goaldash.text import path_field, utf8_text

if TYPE_CHECKING:
    from goaldash.scan import Scan

JSON_SCHEMA = 1


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _progress(p: Progress) -> dict[str, Any]:
    return {
        "done": p.done,
        "in_progress": p.in_progress,
        "open": p.open,
        "total": p.total,
        "percent": p.percent,
    }


def _phase(ph: Phase) -> dict[str, Any]:
    return {
        "id": ph.id,
        "name": ph.name,
        "kind": ph.kind,
        "line": ph.line,
        "status": ph.status.value,
        "declared_status": ph.declared_status.value if ph.declared_status else None,
        "progress": _progress(ph.progress),
        "span": ph.span,
        "start": _d(ph.start),
        "end": _d(ph.end),
        "original_end": _d(ph.original_end),
        "milestone": ph.milestone,
    }


def plan_to_dict(plan: Plan, *, items: bool = True) -> dict[str, Any]:
    """One plan in the `--json` shape (documented in the README). A path that is not UTF-8
    is written as text with U+FFFD, beside `path_bytes` (its exact bytes, base64). Without
    `items`, its "items" are an empty list (`fragment` writes them itself)."""
    return {
        **path_field("path", plan.path),
        "group": plan.group,
        "format": plan.format.value,
        "template": plan.template,
        "backup": plan.backup,
        "title": plan.title,
        "status": plan.status.value,
        "declared_status": plan.declared_status,
        "owner": plan.owner,
        "progress": _progress(plan.progress),
        "dates": {
            "start": _d(plan.dates.start),
            "end": _d(plan.dates.end),
            "original_end": _d(plan.dates.original_end),
            "estimated_completion": _d(plan.dates.estimated_completion),
        },
        "phases": [_phase(ph) for ph in plan.phases],
        "items": [
            {
                "line": i.line,
                "column": i.column,
                "state": i.state.value,
                "text": i.text,
                "depth": i.depth,
                "phase": i.phase,
                "section": i.section,
            }
            for i in (plan.items if items else ())
        ],
        "tasks": [
            {
                "id": t.id,
                "name": t.name,
                "owner": t.owner,
                "effort": t.effort,
                "depends_on": list(t.depends_on),
                "status": t.status.value,
                "phase": t.phase,
                "line": t.line,
            }
            for t in plan.tasks
        ],
        "blockers": [
            {
                "text": b.text,
                "impact": b.impact,
                "owner": b.owner,
                "eta": _d(b.eta),
                "eta_text": b.eta_text,
                "resolved": b.resolved,
                "phase": b.phase,
                "line": b.line,
            }
            for b in plan.blockers
        ],
        "adjustments": [
            {
                "date": _d(a.date),
                "change": a.change,
                "reason": a.reason,
                "impact_days": a.impact_days,
                "line": a.line,
            }
            for a in plan.adjustments
        ],
        "placeholders": plan.placeholders,
        "warnings": [{"line": w.line, "kind": w.kind, "message": w.message} for w in plan.warnings],
    }


def to_json(result: Scan) -> str:
    """The whole `--json` document."""
    return "".join(iter_json(result))


def iter_json(result: Scan) -> Iterator[str]:
    """The `--json` document in pieces, one plan at a time, so memory stays flat however many
    plans there are. Compact (one line): `jq .` pretty-prints it."""
    head = {
        "schema": JSON_SCHEMA,
        **path_field("root", str(result.root)),
        "today": result.today.isoformat(),
    }
    yield utf8_text(json.dumps(head, ensure_ascii=False))[:-1] + ', "plans": ['
    for i in range(len(result.found)):
        text = result.kept_json(i) or fragment(result.plan_at(i))
        yield ("," if i else "") + text
    yield "]}"


def fragment(plan: Plan) -> str:
    """One plan's JSON text, as `--json` writes it (the parse cache keeps it too): valid
    UTF-8 always (a title or group taken from a file name that is not UTF-8 gets U+FFFD)."""
    text = json.dumps(plan_to_dict(plan, items=False), ensure_ascii=False)
    # The one "items" key (a quote inside a string is escaped, so this can be no value).
    head, _, tail = text.partition('"items": []')
    return utf8_text(head + '"items": ' + _items_json(plan.items) + tail)


def _items_json(items: tuple[Item, ...]) -> str:
    """`json.dumps` of the items as `plan_to_dict` lists them, byte for byte, three times
    faster: a plan may have a million items. Strings are escaped by json's own function; the
    state, phase and section, which items share by the thousand, are written once into a
    template per combination, which each item then fills with its numbers and text."""
    templates: dict[tuple[ItemState, str | None, str], str] = {}

    def template(key: tuple[ItemState, str | None, str]) -> str:
        state, phase, section = key
        shared = [
            _escape(state.value),
            "null" if phase is None else _escape(phase),
            _escape(section),
        ]
        state_, phase_, section_ = (x.replace("%", "%%") for x in shared)
        templates[key] = made = (
            '{"line": %d, "column": %d, "state": ' + state_ + ', "text": %s, "depth": %d, '
            '"phase": ' + phase_ + ', "section": ' + section_ + "}"
        )
        return made

    known = templates.get
    out = []
    for i in items:
        key = (i.state, i.phase, i.section)
        out.append((known(key) or template(key)) % (i.line, i.column, _escape(i.text), i.depth))
    return "[" + ", ".join(out) + "]"
