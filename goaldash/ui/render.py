"""Rows of the dashboard's views as Rich `Text`, laid out for a width. Pure: no Textual, no IO.

Every string that comes from a file goes through `shown()` (control characters and escape
sequences stripped, markdown emphasis dropped) and only ever into `Text`, never into markup,
so `[bold]` or `[@click=quit]` in a plan reads as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.text import Text

from goaldash.model import Blocker, ItemState, Phase, Plan, Progress, Status, Warning
from goaldash.report.style import STATUS_STYLE, bar
from goaldash.schedule import (
    Axis,
    Bar,
    BarKind,
    PlanTimeline,
    axis_for,
    is_late,
    next_due,
    plan_timeline,
    span_of,
)
from goaldash.text import clean, plain

DIM = "bright_black"


def shown(text: str) -> str:
    """Text from a file as the screen shows it: one line, no escapes, no `**`."""
    return " ".join(plain(clean(text)).split())


def fit(text: str, width: int) -> str:
    """Crop to `width` cells with an ellipsis, then pad to exactly `width` cells."""
    if width <= 0:
        return ""
    t = Text(text)
    t.truncate(width, overflow="ellipsis", pad=True)
    return t.plain


def cell(text: Text, width: int) -> Text:
    """A styled cell cropped with an ellipsis and padded to `width`."""
    out = text.copy()
    out.truncate(max(0, width), overflow="ellipsis", pad=True)
    return out


def phase_label(phase: Phase) -> str:
    """ "Phase 2: Name"."""
    name = f": {shown(phase.name)}" if phase.name else ""
    return f"{phase.kind.title()} {shown(phase.id)}{name}"


def status_text(status: Status, late: bool = False) -> Text:
    """The status word in its colour, with "late" in red when it is."""
    label, colour = STATUS_STYLE[status]
    t = Text.assemble((label, colour))
    if late:
        t.append(" late", style="bold red")
    return t


def counts(progress: Progress) -> str:
    """ "12/30  40%"."""
    return f"{progress.done}/{progress.total} {progress.percent:>3.0f}%"


def short_date(day: date | None, today: date) -> str:
    """ISO date; "—" for none."""
    return day.isoformat() if day else "—"


# ------------------------------------------------------------------------------- overview


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
    t.append_text(cell(Text(shown(plan.title) or plan.path, style=title_style), cols.title))
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
    t.append(shown(group) or "Other plans", style="bold cyan")
    t.append(f"  {len(plans)} plan{'s' * (len(plans) != 1)} · {counts(total)}", style=DIM)
    t.truncate(width, overflow="ellipsis")
    return t


# ------------------------------------------------------------------------------- blockers


def blocker_row(plan: Plan, b: Blocker, today: date) -> Text:
    """A blocker on two lines: what it is, then owner, ETA, impact and where."""
    overdue = b.eta is not None and b.eta < today and not b.resolved
    t = Text.assemble(("✓ ", "green") if b.resolved else ("● ", "bold red"))
    t.append(shown(b.text), style=DIM if b.resolved else "bold")
    t.append("\n    ")
    meta: list[Text] = []
    if b.owner:
        meta.append(Text(f"owner {shown(b.owner)}"))
    if b.eta or b.eta_text:
        eta = b.eta.isoformat() if b.eta else shown(b.eta_text or "")
        eta += " overdue" if overdue else ""
        meta.append(Text(f"ETA {eta}", style="bold red" if overdue else ""))
    if b.impact:
        meta.append(Text(f"impact: {shown(b.impact)}"))
    if b.phase:
        meta.append(Text(f"phase {shown(b.phase)}"))
    meta.append(Text(f"{clean(plan.path)}:{b.line}", style=DIM))
    t.append_text(Text(" · ", style=DIM).join(meta))
    return t


def blocker_line(b: Blocker, today: date) -> Text:
    """A blocker on one line (the plan screen's tree): text, then owner and ETA."""
    overdue = b.eta is not None and b.eta < today and not b.resolved
    t = Text.assemble(("✓ ", "green") if b.resolved else ("● ", "bold red"))
    t.append(shown(b.text), style=DIM if b.resolved else "bold")
    if b.owner:
        t.append(f"  owner {shown(b.owner)}", style=DIM)
    if b.eta or b.eta_text:
        eta = b.eta.isoformat() if b.eta else shown(b.eta_text or "")
        t.append(f"  ETA {eta}" + (" overdue" if overdue else ""), style="red" if overdue else DIM)
    t.append(f"  :{b.line}", style=DIM)
    return t


def blocker_sort_key(b: Blocker, today: date) -> tuple[int, date]:
    """Overdue first, then by ETA, then those without one."""
    if b.eta is None:
        return (2, date.max)
    return (0 if b.eta < today else 1, b.eta)


# ------------------------------------------------------------------------------- warnings


def warning_row(plan: Plan, w: Warning) -> Text:
    """A warning on two lines: the message, then where and what kind."""
    colour = "red" if w.kind in ("contradiction", "unreadable", "encoding") else "yellow"
    t = Text.assemble(("! ", f"bold {colour}"))
    t.append(shown(w.message))
    where = f"line {w.line}" if w.line else "the whole file"
    t.append(f"\n    {where} · {w.kind}", style=DIM)
    return t


# ------------------------------------------------------------------------------- plan detail


def phase_row(phase: Phase, today: date, width: int) -> Text:
    """A phase: label, bar, counts, status, dates (with the original end when it slipped)."""
    late = phase.end is not None and phase.end < today and phase.status is not Status.DONE
    bar_w = 10 if width < 100 else 16
    dates_w = 0 if width < 90 else 36
    label_w = max(12, width - (bar_w + 1 + 12 + 1 + 16 + 2 + (dates_w + 1 if dates_w else 0)))
    t = Text.assemble((fit(phase_label(phase), label_w), "bold" if late else ""))
    t.append(" ")
    t.append_text(bar(phase.progress, bar_w))
    t.append(" " + fit(counts(phase.progress), 12))
    t.append(" ")
    t.append_text(cell(status_text(phase.status, late), 16))
    if dates_w:
        d = Text()
        if phase.start or phase.end:
            d.append(f"{short_date(phase.start, today)} → {short_date(phase.end, today)}")
        elif phase.span:
            d.append(shown(phase.span), style=DIM)
        if phase.original_end and phase.end and phase.original_end != phase.end:
            d.append(f" (was {phase.original_end.isoformat()})", style="magenta")
        t.append(" ")
        t.append_text(cell(d, dates_w))
    t.no_wrap = True
    return t


MARK_GLYPH = {
    ItemState.DONE: ("☑", "green"),
    ItemState.IN_PROGRESS: ("◐", "yellow"),
    ItemState.OPEN: ("☐", ""),
}


def item_label(state: ItemState, text: str) -> Text:
    """A checklist item in the tree."""
    glyph, colour = MARK_GLYPH[state]
    t = Text.assemble((glyph + " ", colour))
    t.append(shown(text) or "(empty)", style=DIM if state is ItemState.DONE else "")
    return t


# ------------------------------------------------------------------------------- timeline

BAR_STYLE: dict[BarKind, tuple[str, str]] = {
    BarKind.DONE: ("█", "green"),
    BarKind.IN_PROGRESS: ("█", "yellow"),
    BarKind.NOT_STARTED: ("░", "blue"),
    BarKind.LATE: ("█", "red"),
    BarKind.BLOCKED: ("▓", "bold magenta"),
    BarKind.UNKNOWN: ("░", DIM),
}
SLIP = ("▒", "bold bright_red")
MILESTONE = ("◆", "bold cyan")


def legend() -> Text:
    """What the timeline's colours mean."""
    t = Text()
    for kind, name in (
        (BarKind.DONE, "done"),
        (BarKind.IN_PROGRESS, "in progress"),
        (BarKind.NOT_STARTED, "not started"),
        (BarKind.LATE, "late"),
        (BarKind.BLOCKED, "blocked"),
    ):
        ch, style = BAR_STYLE[kind]
        t.append(ch * 2, style=style)
        t.append(f" {name}  ")
    t.append(SLIP[0] * 2, style=SLIP[1])
    t.append(" slip  ")
    t.append(MILESTONE[0], style=MILESTONE[1])
    t.append(" milestone  ")
    t.append("│", style="bold white")
    t.append(" today")
    return t


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One line of the timeline: a plan's header (no bar) or a phase's bar."""

    text: Text
    plan: str
    line: int | None
    """The phase's line, None for a plan header."""


def _paint(chars: list[tuple[str, str]], lo: int, hi: int, ch: str, style: str) -> None:
    for c in range(max(0, lo), min(len(chars), hi + 1)):
        chars[c] = (ch, style)


def _assemble(chars: list[tuple[str, str]]) -> Text:
    t = Text()
    for ch, style in chars:
        t.append(ch, style=style)
    return t


DateColumn = Callable[[date | None], int]


def _bar_cells(b: Bar, col: DateColumn, width: int, today_col: int | None) -> Text:
    chars: list[tuple[str, str]] = [(" ", "")] * width
    if today_col is not None:
        chars[today_col] = ("│", DIM)
    ch, style = BAR_STYLE[b.kind]
    lo, hi = col(b.start), col(b.end)
    if b.slip_from is not None:
        cut = col(b.slip_from)
        _paint(chars, lo, cut, ch, style)
        _paint(chars, cut + 1, hi, *SLIP)
    else:
        _paint(chars, lo, hi, ch, style)
    if b.phase.kind == "milestone":
        chars[hi] = MILESTONE
    if today_col is not None and chars[today_col][0] != "│":
        chars[today_col] = (chars[today_col][0], chars[today_col][1] + " reverse")
    return _assemble(chars)


def timeline_rows(
    plans: list[Plan], today: date, width: int
) -> tuple[Text, list[TimelineRow], list[TimelineRow]]:
    """The axis line, the rows on dates, and the rows of plans drawn on a relative axis."""
    timelines = [t for p in plans if (t := plan_timeline(p, today)) is not None]
    label_w = max(14, min(40, width // 3))
    chart_w = max(10, width - label_w - 3)
    dated = [t for t in timelines if t.dated]
    relative = [t for t in timelines if not t.dated]
    rows: list[TimelineRow] = []
    axis_line = Text(" " * (label_w + 1))
    span = span_of(dated, today)
    if dated and span is not None:
        axis = axis_for(span[0], span[1], chart_w)
        axis_line.append_text(_axis_text(axis, today))

        def col(day: date | None) -> int:
            return axis.column(day or today)

        today_col = axis.column(today) if span[0] <= today <= span[1] else None
        for tl in dated:
            rows.append(_plan_header(tl, label_w, chart_w, col, today_col))
            for b in tl.bars:
                if b.start is None:
                    continue
                rows.append(
                    TimelineRow(
                        Text(fit("  " + phase_label(b.phase), label_w) + " ").append_text(
                            _bar_cells(b, col, chart_w, today_col)
                        ),
                        tl.plan.path,
                        b.phase.line,
                    )
                )
    rel_rows: list[TimelineRow] = []
    for tl in relative:
        rel_rows.extend(_relative_rows(tl, label_w, chart_w))
    return axis_line, rows, rel_rows


def _axis_text(axis: Axis, today: date) -> Text:
    chars: list[tuple[str, str]] = [(" ", "")] * axis.width
    last_end = -1
    for c, label in axis.ticks():
        if c <= last_end or c + len(label) > axis.width:
            continue
        chars[c] = ("┊", DIM)
        for i, ch in enumerate(label):
            if c + 1 + i < axis.width:
                chars[c + 1 + i] = (ch, DIM)
        last_end = c + len(label) + 1
    if axis.start <= today <= axis.end and chars[axis.column(today)][0] == " ":
        chars[axis.column(today)] = ("▼", "bold white")
    return _assemble(chars)


def _plan_header(
    tl: PlanTimeline,
    label_w: int,
    chart_w: int,
    col: DateColumn,
    today_col: int | None,
) -> TimelineRow:
    title = shown(tl.plan.title) or tl.plan.path
    t = Text.assemble((fit(title, label_w), "bold cyan"))
    t.append(" ")
    chars: list[tuple[str, str]] = [(" ", "")] * chart_w
    if today_col is not None:
        chars[today_col] = ("│", DIM)
    if tl.slip_from is not None and tl.slip_to is not None:
        _paint(chars, col(tl.slip_from) + 1, col(tl.slip_to), *SLIP)
        chars[col(tl.slip_to)] = ("◇", "bold bright_red")
    t.append_text(_assemble(chars))
    return TimelineRow(t, tl.plan.path, None)


def _relative_rows(tl: PlanTimeline, label_w: int, chart_w: int) -> list[TimelineRow]:
    ends = [b.relative[1] for b in tl.bars if b.relative]
    total = max(ends) if ends else 7.0
    weeks = max(1, int(-(-total // 7)))

    def col(offset: float) -> int:
        return max(0, min(chart_w - 1, int(offset * chart_w / (weeks * 7))))

    title = shown(tl.plan.title) or tl.plan.path
    head = Text.assemble((title, "bold cyan"), (f"  no start date: weeks 1..{weeks}", DIM))
    chars: list[tuple[str, str]] = [(" ", "")] * chart_w
    step = 1 if chart_w // weeks >= 4 else max(1, 4 * weeks // chart_w)
    for w in range(0, weeks, step):
        c = col(w * 7)
        label = f"w{w + 1}"
        if c + len(label) < chart_w:
            chars[c] = ("┊", DIM)
            for i, ch in enumerate(label):
                chars[c + 1 + i] = (ch, DIM)
    ticks = Text(" " * (label_w + 1)).append_text(_assemble(chars))
    rows = [TimelineRow(head, tl.plan.path, None), TimelineRow(ticks, tl.plan.path, None)]
    for b in tl.bars:
        if not b.relative:
            continue
        cells: list[tuple[str, str]] = [(" ", "")] * chart_w
        ch, style = BAR_STYLE[b.kind]
        lo = col(b.relative[0])
        _paint(cells, lo, max(lo, col(b.relative[1]) - 1), ch, style)
        row = Text(fit("  " + phase_label(b.phase), label_w) + " ")
        rows.append(TimelineRow(row.append_text(_assemble(cells)), tl.plan.path, b.phase.line))
    return rows
