"""The `--json` document (documented in the README). Light: no Rich, no parser."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from json.encoder import encode_basestring as _escape
from operator import attrgetter, mod
from typing import TYPE_CHECKING, Any

from goaldash.model import Item, ItemState, Phase, Plan, Progress
from goaldash.text import Pieces, path_field, pieces_of, utf8_text

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
        if i:
            yield ","
        # A plan of a million items is a hundred megabytes of text: it goes out a piece at a
        # time, never joined (nor encoded whole on its way out).
        yield from pieces_of(result.kept_json(i) or fragment_pieces(result.plan_at(i)))
    yield "]}"


def fragment(plan: Plan) -> str:
    """One plan's JSON text, as `--json` writes it: valid UTF-8 always (a title or group
    taken from a file name that is not UTF-8 gets U+FFFD)."""
    return "".join(pieces_of(fragment_pieces(plan)))


def fragment_pieces(plan: Plan) -> Pieces:
    """`fragment`, in pieces when the plan has many items (`ITEM_CHUNK` items a piece): what
    the parse cache keeps, and `--json` writes a piece at a time."""
    text = json.dumps(plan_to_dict(plan, items=False), ensure_ascii=False)
    # The one "items" key (a quote inside a string is escaped, so this can be no value).
    head, _, tail = text.partition('"items": []')
    # (`utf8_text` changes one character at a time: it may take the text apart.)
    parts = [utf8_text(head) + '"items": [']
    for n, chunk in enumerate(_item_chunks(plan.items)):
        parts.append(utf8_text(", " + chunk if n else chunk))
    parts.append("]" + utf8_text(tail))
    if len(parts) <= 3:  # one piece of items at most: one text
        return "".join(parts)
    return tuple(parts)


ITEM_CHUNK = 8192
"""Items written to one piece of text at a time by `_item_chunks`."""

_ITEM_KEY = attrgetter("state", "phase", "section")
_LINE, _COLUMN, _TEXT, _DEPTH = map(attrgetter, ("line", "column", "text", "depth"))


class _Templates(dict[tuple[ItemState, str | None, str], str]):
    """The text of an item with its state, phase and section written in, by those three: the
    items of a plan share them by the thousand, so each is escaped once."""

    def __missing__(self, key: tuple[ItemState, str | None, str]) -> str:
        state, phase, section = key
        shared = [
            _escape(state.value),
            "null" if phase is None else _escape(phase),
            _escape(section),
        ]
        state_, phase_, section_ = (x.replace("%", "%%") for x in shared)
        self[key] = made = (
            '{"line": %d, "column": %d, "state": ' + state_ + ', "text": %s, "depth": %d, '
            '"phase": ' + phase_ + ', "section": ' + section_ + "}"
        )
        return made


def _item_chunks(items: Sequence[Item]) -> Iterator[str]:
    """`json.dumps` of the items as `plan_to_dict` lists them, byte for byte, without the
    brackets, `ITEM_CHUNK` items a piece (the pieces go together with ", "): a plan may have
    a million items. Strings are escaped by json's own function, each item filled into its
    template (`_Templates`) with its numbers and text, all by `map` (no Python step per item)."""
    templates = _Templates()
    for at in range(0, len(items), ITEM_CHUNK):
        chunk = items[at : at + ITEM_CHUNK]
        values = zip(
            map(_LINE, chunk),
            map(_COLUMN, chunk),
            map(_escape, map(_TEXT, chunk)),
            map(_DEPTH, chunk),
            strict=True,
        )
        yield ", ".join(map(mod, map(templates.__getitem__, map(_ITEM_KEY, chunk)), values))
