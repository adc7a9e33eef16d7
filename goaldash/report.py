"""Headless reports: the `--json` document and the `--once` summary (Rich, no Textual)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from goaldash.model import Phase, Plan, Progress, Status
from goaldash.text import clean

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


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """One plan in the `--json` shape (documented in the README)."""
    return {
        "path": plan.path,
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
            for i in plan.items
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
    head = {"schema": JSON_SCHEMA, "root": str(result.root), "today": result.today.isoformat()}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "plans": ['
    for i, plan in enumerate(result.plans):
        yield ("," if i else "") + json.dumps(plan_to_dict(plan), ensure_ascii=False)
    yield "]}"


# --------------------------------------------------------------------------- --once

STATUS_STYLE = {
    Status.DONE: ("done", "green"),
    Status.IN_PROGRESS: ("in progress", "yellow"),
    Status.NOT_STARTED: ("not started", "bright_black"),
    Status.BLOCKED: ("blocked", "red"),
    Status.UNKNOWN: ("—", "bright_black"),
}


def bar(progress: Progress, width: int) -> Text:
    """A text progress bar: done solid, in progress shaded, open empty."""
    if progress.total == 0 or width <= 0:
        return Text("·" * max(width, 0), style="bright_black")
    done = round(width * progress.done / progress.total)
    doing = min(width - done, round(width * progress.in_progress / progress.total))
    t = Text()
    t.append("█" * done, style="green")
    t.append("▒" * doing, style="yellow")
    t.append("░" * (width - done - doing), style="bright_black")
    return t


def next_due(plan: Plan, today: date) -> date | None:
    """The earliest end date, today or later, of a phase not done; else the plan's end."""
    dues = [p.end for p in plan.phases if p.end and p.status is not Status.DONE and p.end >= today]
    if dues:
        return min(dues)
    end = plan.dates.estimated_completion or plan.dates.end
    return end if end and plan.status is not Status.DONE else None


def is_late(plan: Plan, today: date) -> bool:
    """A plan not done whose end (or a phase's end) has passed."""
    if plan.status is Status.DONE:
        return False
    end = plan.dates.estimated_completion or plan.dates.end
    if end and end < today:
        return True
    return any(p.end and p.end < today and p.status is not Status.DONE for p in plan.phases)


def render_once(result: Scan, console: Console) -> None:
    """Print the `--once` summary: plans with bars, blockers, warnings."""
    today = result.today
    plans = [p for p in result.plans if not p.template and not p.backup]
    apart = [p for p in result.plans if p.template or p.backup]
    width = console.width
    narrow = width < 100
    console.print(
        Text.assemble(
            ("goaldash ", "bold"),
            (clean(str(result.root)), "cyan"),
            f"  {len(plans)} plans",
            f" (+{len(apart)} templates/copies)" if apart else "",
            f"  today {today.isoformat()}",
        )
    )
    if not result.plans:
        console.print(Text("No plan files found here.", style="yellow"))
        return
    table = Table(box=None, expand=True, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("plan", ratio=1, overflow="ellipsis", no_wrap=True)
    table.add_column("progress", no_wrap=True)
    table.add_column("status", no_wrap=True)
    if not narrow:
        table.add_column("phase", overflow="ellipsis", no_wrap=True, max_width=28)
        table.add_column("due", no_wrap=True)
    total = Progress()
    bar_width = 10 if narrow else 20
    for plan in plans:
        total = total + plan.progress
        label, colour = STATUS_STYLE[plan.status]
        late = is_late(plan, today)
        status = Text(label, style=colour)
        if late:
            status.append(" late", style="bold red")
        counts = Text.assemble(
            bar(plan.progress, bar_width), f" {plan.progress.done}/{plan.progress.total}"
        )
        strong = "bold" if late or plan.status is Status.BLOCKED else ""
        name = Text(clean(plan.title), style=strong)
        name.append("\n" + clean(plan.path), style="bright_black")
        row: list[Text | str] = [name, counts, status]
        if not narrow:
            cur = plan.current_phase
            label = clean(f"{cur.kind.title()} {cur.id}: {cur.name}") if cur else "—"
            row.append(Text(label))
            due = next_due(plan, today)
            row.append(Text(due.isoformat() if due else "—", style="red" if late else ""))
        table.add_row(*row)
    console.print(table)
    console.print(
        Text.assemble(
            ("all plans ", "bold"),
            bar(total, bar_width),
            f" {total.done}/{total.total} ({total.percent:g}%)",
        )
    )
    blockers = [(p, b) for p in plans for b in p.open_blockers]
    if blockers:
        console.print(Text(f"\nBlockers ({len(blockers)})", style="bold red"))
        for plan, b in blockers:
            overdue = b.eta is not None and b.eta < today
            line = Text("  • ")
            line.append(clean(b.text))
            meta = []
            if b.owner:
                meta.append(f"owner {clean(b.owner)}")
            if b.eta_text or b.eta:
                meta.append(f"ETA {b.eta.isoformat() if b.eta else clean(b.eta_text or '')}")
            if meta:
                line.append(
                    "  (" + ", ".join(meta) + ")", style="red" if overdue else "bright_black"
                )
            line.append(f"  {clean(plan.path)}:{b.line}", style="bright_black")
            console.print(line)
    warned = [
        (p, w)
        for p in result.plans
        for w in p.warnings
        if w.kind not in ("template", "placeholder")
    ]
    if warned:
        console.print(Text(f"\nWarnings ({len(warned)})", style="bold yellow"))
        for plan, w in warned:
            where = f"{plan.path}:{w.line}" if w.line else plan.path
            console.print(
                Text.assemble("  ! ", (clean(where), "bright_black"), " ", clean(w.message))
            )
    if apart:
        console.print(
            Group(
                Text(
                    f"\nTemplates and stale copies ({len(apart)}), not counted:",
                    style="bright_black",
                ),
                *[Text(f"  {clean(p.path)}", style="bright_black") for p in apart],
            )
        )
