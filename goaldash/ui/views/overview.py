"""The overview tab: every plan on one line, grouped by goal or spec folder; templates and
stale copies apart, not counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text

from goaldash.model import Plan, Progress, Status
from goaldash.report.style import bar
from goaldash.schedule import is_late, next_due
from goaldash.ui.cells import DIM, cell, counts, fit, one_line, phase_label, short_date, status_text
from goaldash.ui.views.base import View, empty_message, row_key
from goaldash.ui.widgets import Row
from goaldash.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Columns:
    """Column widths of the overview at one width (0: the column is not shown)."""

    title: int
    bar: int
    counts: int = 12
    status: int = 16
    phase: int = 0
    due: int = 10
    flags: int = 7
    format: int = 0

    @classmethod
    def for_width(cls, width: int) -> Columns:
        bar_w = 10 if width < 110 else 16 if width < 170 else 24
        phase = 0 if width < 110 else 26 if width < 170 else 34
        fmt = 0 if width < 140 else 18
        fixed = bar_w + 1 + 12 + 1 + 16 + 1 + 10 + 1 + 7 + 2
        fixed += (phase + 1 if phase else 0) + (fmt + 1 if fmt else 0)
        return cls(title=max(12, width - fixed), bar=bar_w, phase=phase, format=fmt)


def overview_header(cols: Columns) -> Text:
    """The column titles above the overview list."""
    t = Text.assemble(("  " + fit("plan", cols.title), "bold"))
    if cols.format:
        t.append(" " + fit("format", cols.format), style="bold")
    t.append(" " + fit("progress", cols.bar + 1 + cols.counts), style="bold")
    t.append(" " + fit("status", cols.status), style="bold")
    if cols.phase:
        t.append(" " + fit("current phase", cols.phase), style="bold")
    t.append(" " + fit("next due", cols.due), style="bold")
    t.append(" " + fit("⚑ ⚠", cols.flags), style="bold")
    return t


def overview_row(plan: Plan, today: date, cols: Columns, apart: bool = False) -> Text:
    """One plan on one line: title, bar, counts, status, phase, due, blockers and warnings."""
    late = is_late(plan, today)
    blocked = plan.status is Status.BLOCKED or bool(plan.open_blockers)
    alarm = not apart and (late or plan.status is Status.BLOCKED)
    marker = Text.assemble(("▲ ", "bold red") if alarm else "  ")
    title_style = "bold" if alarm else DIM if apart else ""
    t = marker
    t.append_text(cell(Text(one_line(plan.title) or plan.path, style=title_style), cols.title))
    if cols.format:
        t.append(" ")
        t.append_text(cell(Text(plan.format.value, style=DIM), cols.format))
    t.append(" ")
    t.append_text(bar(plan.progress, cols.bar) if not apart else Text("·" * cols.bar, style=DIM))
    t.append(" ")
    t.append_text(cell(Text(counts(plan.progress), style=DIM if apart else ""), cols.counts))
    t.append(" ")
    status = (
        Text.assemble(("template" if plan.template else "stale copy", DIM))
        if apart
        else status_text(plan.status, late)
    )
    t.append_text(cell(status, cols.status))
    if cols.phase:
        cur = plan.current_phase
        t.append(" ")
        t.append_text(cell(Text(phase_label(cur) if cur else "—", style=DIM), cols.phase))
    due = None if apart else next_due(plan, today)
    t.append(" ")
    t.append_text(cell(Text(short_date(due, today), style="red" if late else ""), cols.due))
    flags = Text(" ")
    nb = len(plan.open_blockers) if not apart else 0
    nw = len(plan.warnings)
    flags.append(f"⚑{nb}" if nb else "  ", style="bold red" if blocked else DIM)
    flags.append(" ")
    flags.append(f"⚠{nw}" if nw else "", style="yellow" if not apart else DIM)
    t.append_text(cell(flags, cols.flags + 1))
    t.no_wrap = True
    return t


def group_header(group: str, plans: list[Plan], width: int) -> Text:
    """The line above a goal or spec folder's plans, cropped to `width`."""
    total = sum((p.progress for p in plans), Progress())
    t = Text.assemble(("▾ ", "bold cyan"))
    t.append(one_line(group) or "Other plans", style="bold cyan")
    t.append(f"  {len(plans)} plan{'s' * (len(plans) != 1)} · {counts(total)}", style=DIM)
    t.truncate(width, overflow="ellipsis")
    return t


class OverviewView(View):
    """Every plan, grouped by goal or spec folder; templates and stale copies apart."""

    def __init__(self, workspace: Workspace, *, id: str | None = None) -> None:
        super().__init__(workspace, id=id)
        # A plan's row, kept while the plan (an immutable value), the day and the layout
        # stay the same: a change to one file lays out one row, not a thousand.
        self._rows: dict[tuple[str, str], tuple[Plan, date, Columns, bool, Text]] = {}
        # And a group's heading, kept while its members (the very same plans) and the width do.
        self._heads: dict[str, tuple[int, list[Plan], Text]] = {}

    def _row(self, plan: Plan, ws: Workspace, cols: Columns, apart: bool) -> Text:
        key = (plan.path, plan.fingerprint)
        hit = self._rows.get(key)
        if hit is not None and hit[0] == plan and hit[1:4] == (ws.today, cols, apart):
            return hit[4]
        text = overview_row(plan, ws.today, cols, apart)
        self._rows[key] = (plan, ws.today, cols, apart, text)
        if len(self._rows) > 4 * max(64, len(ws.plans)):
            self._rows.clear()
        return text

    def _head(self, group: str, members: list[Plan], width: int) -> Text:
        hit = self._heads.get(group)
        if (
            hit is not None
            and hit[0] == width
            and len(hit[1]) == len(members)
            and all(a is b for a, b in zip(hit[1], members, strict=True))
        ):
            return hit[2]
        text = group_header(group, members, width)
        self._heads[group] = (width, members, text)
        return text

    def redraw(self) -> None:
        ws = self.workspace
        width = self.width
        cols = Columns.for_width(width)
        plans = ws.visible()
        counted = [p for p in plans if not p.template and not p.backup]
        apart = [p for p in plans if p.template or p.backup]
        groups: dict[str, list[Plan]] = {}
        for p in counted:
            groups.setdefault(p.group, []).append(p)
        rows: list[Row] = []
        headed = len(groups) > 1 or "" not in groups
        for group in sorted(groups, key=lambda g: (g == "", g)):
            members = groups[group]
            if headed:
                rows.append(Row(None, self._head(group, members, width)))
            rows.extend(Row(row_key(p.path), self._row(p, ws, cols, False)) for p in members)
        if apart:
            rows.append(
                Row(
                    None,
                    Text(
                        f"Templates and stale copies ({len(apart)}), not counted",
                        style="bold bright_black",
                    ),
                )
            )
            rows.extend(Row(row_key(p.path), self._row(p, ws, cols, True)) for p in apart)
        if len(self._heads) > 2 * len(groups) + 64:
            self._heads = {g: h for g, h in self._heads.items() if g in groups}
        self.show(overview_header(cols), rows, empty_message(ws, "plan"))
