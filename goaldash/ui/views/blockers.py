"""The blockers tab: every blocker of every plan, open ones first (overdue first), resolved
ones after."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from goaldash.model import Blocker, Plan
from goaldash.schedule import blocker_overdue
from goaldash.text import clean, counted
from goaldash.ui.cells import DIM, one_line
from goaldash.ui.views.base import View, empty_message, row_key
from goaldash.ui.widgets import Row
from goaldash.workspace import matches, plan_matches


def blocker_row(plan: Plan, b: Blocker, today: date) -> Text:
    """A blocker on two lines: what it is, then owner, ETA, impact and where."""
    overdue = blocker_overdue(b, today)
    t = Text.assemble(("✓ ", "green") if b.resolved else ("● ", "bold red"))
    t.append(one_line(b.text), style=DIM if b.resolved else "bold")
    t.append("\n    ")
    meta: list[Text] = []
    if b.owner:
        meta.append(Text(f"owner {one_line(b.owner)}"))
    if b.eta or b.eta_text:
        eta = b.eta.isoformat() if b.eta else one_line(b.eta_text or "")
        eta += " overdue" if overdue else ""
        meta.append(Text(f"ETA {eta}", style="bold red" if overdue else ""))
    if b.impact:
        meta.append(Text(f"impact: {one_line(b.impact)}"))
    if b.phase:
        meta.append(Text(f"phase {one_line(b.phase)}"))
    meta.append(Text(f"{clean(plan.path)}:{b.line}", style=DIM))
    t.append_text(Text(" · ", style=DIM).join(meta))
    return t


def blocker_sort_key(b: Blocker, today: date) -> tuple[int, date]:
    """Overdue first, then by ETA, then those without one."""
    if b.eta is None:
        return (2, date.max)
    return (0 if b.eta < today else 1, b.eta)


class BlockersView(View):
    """Every blocker of every plan: open ones first (overdue first), resolved ones after."""

    def redraw(self) -> None:
        ws = self.workspace
        open_: list[Row] = []
        resolved: list[Row] = []
        pairs = [
            (p, b)
            for p in ws.counted()
            for b in p.blockers
            if matches(ws.query, b.text, b.owner, b.impact, b.eta_text, p.path, p.title)
            or plan_matches(p, ws.query)
        ]
        pairs.sort(key=lambda pb: blocker_sort_key(pb[1], ws.today))
        seen: set[str] = set()
        for p, b in pairs:
            key = row_key(p.path, b.line)
            if key in seen:
                continue
            seen.add(key)
            row = Row(key, blocker_row(p, b, ws.today))
            (resolved if b.resolved else open_).append(row)
        rows = list(open_)
        if resolved:
            rows.append(Row(None, Text(f"Resolved ({len(resolved)})", style="bold green")))
            rows.extend(resolved)
        head = Text.assemble((counted(len(open_), "open blocker"), "bold"))
        if resolved:
            head.append(f" · {len(resolved)} resolved", style="bright_black")
        head.append("   enter: open the plan at the blocker · e: edit", style="bright_black")
        self.show(head, rows, empty_message(ws, "blocker"))
