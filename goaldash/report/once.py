"""The `--once` summary: plans with bars, blockers and warnings, for terminals and CI logs.

It counts what the dashboard counts (`goaldash.workspace.summary.summarize`, one function for
both): plans that are not templates or stale copies, their checkboxes, their open blockers and
every warning they carry. The dashboard shows the same numbers with no filter and nothing
hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from goaldash.model import Plan, Status
from goaldash.text import clean, counted, shown_path

if TYPE_CHECKING:
    from goaldash.scan import Scan

from goaldash.report.style import STATUS_STYLE, bar
from goaldash.schedule import blocker_overdue, current_phase, is_late, next_due
from goaldash.workspace.summary import counts as is_counted
from goaldash.workspace.summary import summarize


def _apart(plans: list[Plan]) -> str:
    """`1 template`, `2 stale copies`, `1 template, 1 stale copy`."""
    templates = sum(1 for p in plans if p.template)
    copies = len(plans) - templates
    parts = [counted(templates, "template")] if templates else []
    if copies:
        parts.append(counted(copies, "stale copy"))
    return ", ".join(parts)


def render_once(result: Scan, console: Console) -> None:
    """Print the `--once` summary: plans with bars, blockers, warnings."""
    today = result.today
    plans = [p for p in result.plans if is_counted(p)]
    apart = [p for p in result.plans if not is_counted(p)]
    sums = summarize(result.plans)
    width = console.width
    # The titles get the room first: the phase and due columns only where the titles keep
    # about thirty columns beside them, a long bar only on a wide terminal.
    narrow = width < 110
    bar_width = 10 if width < 140 else 20
    console.print(
        Text.assemble(
            ("goaldash ", "bold"),
            (shown_path(str(result.root)), "cyan"),
            f"  {counted(len(plans), 'plan')}",
            f" (+{_apart(apart)})" if apart else "",
            f"  today {today.isoformat()}",
        )
    )
    if not result.plans:
        console.print(Text("No plan files found here.", style="yellow"))
        return
    table = Table(box=None, expand=True, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("plan", ratio=1, overflow="ellipsis", no_wrap=True, min_width=20)
    table.add_column("progress", no_wrap=True)
    table.add_column("status", no_wrap=True)
    if not narrow:
        table.add_column("phase", overflow="ellipsis", no_wrap=True, max_width=24)
        table.add_column("due", no_wrap=True)
    total = sums.progress
    for plan in plans:
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
        name.append("\n" + shown_path(plan.path), style="bright_black")
        row: list[Text | str] = [name, counts, status]
        if not narrow:
            cur = current_phase(plan)
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
        console.print(Text(f"\nBlockers ({sums.open_blockers})", style="bold red"))
        for plan, b in blockers:
            overdue = blocker_overdue(b, today)
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
            line.append(f"  {shown_path(plan.path)}:{b.line}", style="bright_black")
            console.print(line)
    warned = [(p, w) for p in plans for w in p.warnings]
    if warned:
        console.print(Text(f"\nWarnings ({sums.warnings})", style="bold yellow"))
        for plan, w in warned:
            where = shown_path(plan.path) + (f":{w.line}" if w.line else "")
            console.print(Text.assemble("  ! ", (where, "bright_black"), " ", clean(w.message)))
    if apart:
        console.print(
            Group(
                Text(
                    f"\nNot counted ({_apart(apart)}):",
                    style="bright_black",
                ),
                *[Text(f"  {shown_path(p.path)}", style="bright_black") for p in apart],
            )
        )


def print_once(result: Scan) -> None:
    """Print the `--once` summary to stdout."""
    render_once(result, Console(highlight=False, soft_wrap=False))
