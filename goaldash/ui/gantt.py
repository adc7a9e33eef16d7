"""The timeline tab's Gantt chart, as Rich `Text` rows laid out for a width: phases on dates
against a month axis with today marked, slips and milestones; plans with spans but no start
date on a relative axis of weeks. Pure: no Textual, no IO."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import itemgetter

from rich.text import Text

from goaldash.model import Phase, Plan
from goaldash.report.style import BAR_STYLE, BAR_WORDS, MARK_STYLE
from goaldash.schedule import (
    Axis,
    Bar,
    PlanTimeline,
    axis_for,
    day_words,
    plan_timeline,
    span_of,
)
from goaldash.ui.cells import DIM, fit, one_line, phase_label

SLIP = MARK_STYLE["slip"][:2]
ADJUSTED = MARK_STYLE["adjusted"][:2]
MILESTONE = MARK_STYLE["milestone"][:2]
ESTIMATE = MARK_STYLE["estimate"][:2]


def legend(drawn: str, width: int) -> Text:
    """What each glyph `drawn` holds means (every bar kind and mark on the chart, no other),
    in lines of at most `width` cells, an entry never split."""
    entries: list[tuple[str, str, str]] = [
        (glyph * 2, style, BAR_WORDS[kind])
        for kind, (glyph, style) in BAR_STYLE.items()
        if glyph in drawn
    ]
    for name, (glyph, style, words) in MARK_STYLE.items():
        if glyph in drawn or (name == "today" and "▼" in drawn):
            entries.append((glyph * 2 if name == "slip" else glyph, style, words))
    t = Text()
    used = 0
    for glyph, style, words in entries:
        size = len(glyph) + 1 + len(words)
        if used and used + 2 + size > width:
            t.append("\n")
            used = 0
        elif used:
            t.append("  ")
            used += 2
        t.append(glyph, style=style)
        t.append(f" {words}")
        used += size
    return t


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One line of the timeline: a plan's header (no bar) or a phase's bar."""

    text: Text
    plan: str
    line: int | None
    """The phase's line, None for a plan header."""
    opens_plan: bool = False
    """True for a row with no line that opens its plan (a plan listed as having no dates)."""


def _paint(chars: list[tuple[str, str]], lo: int, hi: int, ch: str, style: str) -> None:
    for c in range(max(0, lo), min(len(chars), hi + 1)):
        chars[c] = (ch, style)


def _assemble(chars: list[tuple[str, str]]) -> Text:
    """The cells as a Text, a span per run of one style (not one per cell)."""
    t = Text()
    for style, run in groupby(chars, key=itemgetter(1)):
        t.append("".join(ch for ch, _ in run), style=style)
    return t


DateColumn = Callable[[date | None], int]


def _bar_cells(b: Bar, col: DateColumn, width: int, today_col: int | None) -> Text:
    chars: list[tuple[str, str]] = [(" ", "")] * width
    if today_col is not None:
        chars[today_col] = ("│", DIM)
    ch, style = BAR_STYLE[b.kind]
    # An end written before the start (done earlier than planned) still gets its bar.
    lo, hi = sorted((col(b.start), col(b.end)))
    if b.slip_from is not None:
        cut = max(lo, min(hi, col(b.slip_from)))
        _paint(chars, lo, cut, ch, style)
        _paint(chars, cut + 1, hi, *SLIP)
    else:
        _paint(chars, lo, hi, ch, style)
    if b.phase.kind == "milestone":
        chars[hi] = MILESTONE
    if b.adjustments:  # just after the bar's (new) end, where there is room
        chars[hi + 1 if hi + 1 < width else hi] = ADJUSTED
    if today_col is not None and chars[today_col][0] != "│":
        chars[today_col] = (chars[today_col][0], chars[today_col][1] + " reverse")
    return _assemble(chars)


@dataclass(frozen=True, slots=True)
class Chart:
    """The timeline laid out for a width: the axis, then plans on dates, plans on a relative
    axis, and the plans that have neither, listed as such."""

    axis: Text
    """The date axis line (blank when no plan is on dates)."""
    dated: list[TimelineRow]
    relative: list[TimelineRow]
    undated: list[TimelineRow]
    """A heading row, then a row for each plan with no phase on dates nor on a span."""

    @property
    def rows(self) -> list[TimelineRow]:
        """Every row, a blank row between the parts."""
        out: list[TimelineRow] = []
        for part in (self.dated, self.relative, self.undated):
            if part and out:
                out.append(TimelineRow(Text(""), "", None))
            out.extend(part)
        return out

    def legend(self, width: int) -> Text:
        """What each glyph on the chart means (`legend`)."""
        return legend(self.axis.plain + "".join(r.text.plain for r in self.rows), width)


def timeline_rows(plans: list[Plan], today: date, width: int) -> Chart:
    """The chart of `plans` for a width of `width` cells."""
    timelines: list[PlanTimeline] = []
    no_dates: list[Plan] = []
    for p in plans:
        if (t := plan_timeline(p, today)) is not None:
            timelines.append(t)
        else:
            no_dates.append(p)
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
            phases: list[TimelineRow] = []
            for b in tl.bars:
                if b.start is None:
                    phases.append(_no_dates_row(tl.plan, b.phase, label_w, "no start date"))
                    continue
                phases.append(
                    TimelineRow(
                        Text(fit("  " + phase_label(b.phase), label_w) + " ").append_text(
                            _bar_cells(b, col, chart_w, today_col)
                        ),
                        tl.plan.path,
                        b.phase.line,
                    )
                )
            phases.extend(_no_dates_row(tl.plan, ph, label_w) for ph in tl.undated)
            rows.extend(sorted(phases, key=lambda r: r.line or 0))  # in the file's order
    rel_rows: list[TimelineRow] = []
    for tl in relative:
        head, ticks, *bars = _relative_rows(tl, label_w, chart_w)
        bars.extend(_no_dates_row(tl.plan, ph, label_w) for ph in tl.undated)
        rel_rows.extend([head, ticks, *sorted(bars, key=lambda r: r.line or 0)])
    return Chart(axis_line, rows, rel_rows, _undated_rows(no_dates, label_w))


def _no_dates_row(plan: Plan, phase: Phase, label_w: int, why: str = "no dates") -> TimelineRow:
    """A phase the chart cannot place, saying so (with its span as written, if any)."""
    what = f"{why} ({one_line(phase.span)})" if phase.span else why
    row = Text(fit("  " + phase_label(phase), label_w) + " ").append(f"· {what}", style=DIM)
    return TimelineRow(row, plan.path, phase.line)


def _undated_rows(plans: list[Plan], label_w: int) -> list[TimelineRow]:
    """Under the chart: the plans with no phase on dates nor on a span, a row each."""
    if not plans:
        return []
    noun = "plan" if len(plans) == 1 else "plans"
    rows = [
        TimelineRow(Text(f"No dates: {len(plans)} {noun} with no dated phase", "bold"), "", None)
    ]
    for plan in plans:
        n = len(plan.phases)
        what = f"{n} phase{'' if n == 1 else 's'}, none dated" if n else "no phases"
        d = plan.dates
        first, last = d.start, d.estimated_completion or d.end
        if first or last:
            when = " – ".join(day_words(x) for x in (first, last) if x)
            what = f"plan {when}; {what}"
        title = one_line(plan.title) or plan.path
        row = Text(fit(title, label_w) + " ", style="cyan").append(f"· {what}", style=DIM)
        rows.append(TimelineRow(row, plan.path, None, opens_plan=True))
    return rows


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
        chars[col(tl.slip_to)] = ESTIMATE
    if tl.adjustments:  # adjustments of the whole plan: just after its (new) end
        ends = [d for b in tl.bars for d in (b.start, b.end) if d is not None]
        end = tl.slip_to or max(ends)
        chars[min(chart_w - 1, col(end) + 1)] = ADJUSTED
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
