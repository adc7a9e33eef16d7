"""The timeline tab's Gantt chart, as Rich `Text` rows laid out for a width: phases on dates
against a month axis with today marked, slips and milestones; plans with spans but no start
date on a relative axis of weeks. Pure: no Textual, no IO."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.text import Text

from goaldash.model import Plan, Status
from goaldash.report.style import BAR_STYLE, STATUS_STYLE
from goaldash.schedule import (
    LATE,
    Axis,
    Bar,
    PlanTimeline,
    axis_for,
    plan_timeline,
    span_of,
)
from goaldash.ui.cells import DIM, fit, one_line, phase_label

SLIP = ("▒", "bold bright_red")
MILESTONE = ("◆", "bold cyan")


def legend() -> Text:
    """What the timeline's colours mean."""
    t = Text()
    shown = [k for k in BAR_STYLE if k is not Status.UNKNOWN]
    for kind in shown:
        ch, style = BAR_STYLE[kind]
        name = "late" if kind == LATE else STATUS_STYLE[Status(kind)][0]
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
        axis_line.append_text(axis_text(axis, today))

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


def axis_text(axis: Axis, today: date) -> Text:
    """The ticks and their labels (`Axis.ticks`: whole, apart, at their dates), and ▼ on today
    where no label is."""
    chars: list[tuple[str, str]] = [(" ", "")] * axis.width
    taken: set[int] = set()
    for tick in axis.ticks():
        chars[tick.column] = ("┊", DIM)
        for i, ch in enumerate(tick.label, start=tick.column + 1):
            chars[i] = (ch, DIM)
        taken.update(range(tick.column, tick.last + 1))
    if axis.start <= today <= axis.end and axis.column(today) not in taken:
        chars[axis.column(today)] = ("▼", "bold white")
    return _assemble(chars)


def _plan_header(
    tl: PlanTimeline,
    label_w: int,
    chart_w: int,
    col: DateColumn,
    today_col: int | None,
) -> TimelineRow:
    title = one_line(tl.plan.title) or tl.plan.path
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

    title = one_line(tl.plan.title) or tl.plan.path
    head = Text.assemble((title, "bold cyan"), (f"  no start date: weeks 1..{weeks}", DIM))
    chars: list[tuple[str, str]] = [(" ", "")] * chart_w
    step = 1 if chart_w // weeks >= 4 else max(1, 4 * weeks // chart_w)
    last_end = -1  # the cell after the last label drawn: labels never overwrite each other
    for w in range(0, weeks, step):
        c = col(w * 7)
        label = f"w{w + 1}"
        if c > last_end and c + len(label) < chart_w:
            chars[c] = ("┊", DIM)
            for i, ch in enumerate(label):
                chars[c + 1 + i] = (ch, DIM)
            last_end = c + len(label) + 1
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
