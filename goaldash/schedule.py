"""Dates, spans and adjustments -> rows of a Gantt timeline; what is late. Pure: takes `today`,
no IO."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final, Literal, TypeAlias

from goaldash.model import Adjustment, Blocker, Phase, Plan, Status

LATE: Final = "late"
BarKind: TypeAlias = Status | Literal["late"]
"""How a phase's bar is coloured: a status, or `LATE` (not done nor blocked, and its end has
passed). A new status is a new kind of bar unasked."""

# ------------------------------------------------------------------------------- lateness


def phase_late(phase: Phase, today: date) -> bool:
    """A phase whose end has passed and that the file says is not finished: a status not
    done (nor cancelled), written or shown by its items. One the file says nothing of (no
    status, no items: a task table without a status column, say) is of unknown status, or
    not started by its place alone (`Status.ahead`), and never called late on its date alone."""
    if phase.end is None or phase.end >= today:
        return False
    if phase.placed:
        return False  # not started by its place after the work under way, not by a word
    return not phase.status.closed and phase.status is not Status.UNKNOWN


def blocker_overdue(blocker: Blocker, today: date) -> bool:
    """An open blocker whose ETA has passed."""
    return blocker.eta is not None and blocker.eta < today and not blocker.resolved


def is_late(plan: Plan, today: date) -> bool:
    """A plan not done with a late phase, or whose estimated completion has passed, or (when
    no phase has an end of its own) whose end has passed. Where phases have ends, the plan's
    end is theirs: a plan whose last phase is done on time is not late by that phase's date.
    Not one the file says nothing of (unknown status: no status, no items), as for a phase."""
    if plan.status.closed or plan.status is Status.UNKNOWN:
        return False
    if any(phase_late(p, today) for p in plan.phases):
        return True
    ends = [plan.dates.estimated_completion]
    if not any(p.end for p in plan.phases):
        ends.append(plan.dates.end)
    return any(end is not None and end < today for end in ends)


def current_phase(plan: Plan) -> Phase | None:
    """The phase being worked on: none in a finished (done or cancelled) plan, whatever its
    phases say; else the first in progress or blocked, else the first not finished."""
    return None if plan.status.closed else plan.current_phase


def next_due(plan: Plan, today: date) -> date | None:
    """The earliest end date, today or later, of a phase not done; else the plan's end, if it
    is still ahead or the plan is late. None for a finished (done or cancelled) plan: nothing
    of it is due."""
    if plan.status.closed:
        return None
    dues = [p.end for p in plan.phases if p.end and not p.status.closed and p.end >= today]
    if dues:
        return min(dues)
    end = plan.dates.estimated_completion or plan.dates.end
    # A passed end is due still only in a late plan (shown as overdue); else nothing is due.
    return end if end is not None and (end >= today or is_late(plan, today)) else None


# ----------------------------------------------------------------------------------- bars


@dataclass(frozen=True, slots=True)
class Bar:
    """One phase on the timeline."""

    plan: str
    """Path of the plan the phase belongs to."""
    phase: Phase
    kind: BarKind
    start: date | None
    end: date | None
    slip_from: date | None = None
    """Where the slip segment starts (the original end), when the phase slipped."""
    relative: tuple[float, float] | None = None
    """Offsets in days from the plan's start, for plans with no date to anchor them."""
    adjustments: tuple[Adjustment, ...] = ()
    """The plan's timeline adjustments that name this phase (`adjustment_phase`)."""

    @property
    def label(self) -> str:
        """ "Phase 2: Name"."""
        name = f": {self.phase.name}" if self.phase.name else ""
        return f"{self.phase.kind.title()} {self.phase.id}{name}"


@dataclass(frozen=True, slots=True)
class PlanTimeline:
    """The bars of one plan, and whether they sit on dates or on a relative axis."""

    plan: Plan
    bars: tuple[Bar, ...]
    dated: bool
    """False when the plan has spans ("Weeks 1-2") but no date to anchor them."""
    slip_from: date | None = None
    """The plan's original end when its estimated completion moved later."""
    slip_to: date | None = None
    undated: tuple[Phase, ...] = ()
    """Phases with neither a date nor a span: listed under the plan's bars, not left out."""
    adjustments: tuple[Adjustment, ...] = ()
    """The timeline adjustments that name no phase: the plan's own (drawn on its header)."""


def bar_kind(phase: Phase, today: date) -> BarKind:
    """Done, blocked and late first; then what the status says; a phase of unknown status
    by its dates: in progress between them, not started before."""
    if phase.status in (Status.DONE, Status.BLOCKED, Status.CANCELLED):
        return phase.status
    if phase_late(phase, today):
        return LATE
    if phase.status is not Status.UNKNOWN:
        return phase.status
    if phase.start is not None and phase.end is not None and phase.start <= today <= phase.end:
        return Status.IN_PROGRESS
    if phase.start is not None and phase.start > today:
        return Status.NOT_STARTED
    return Status.UNKNOWN


def plan_timeline(plan: Plan, today: date) -> PlanTimeline | None:
    """The plan's bars, or None when none of its phases has a date or a span.

    A timeline adjustment that names a phase (`adjustment_phase`) and pushes it later by its
    impact slips that phase's bar from its written end, unless the plan already gives the
    phase's end before the revision (a struck date)."""
    named: dict[int, list[Adjustment]] = {}
    unnamed: list[Adjustment] = []
    for adj in plan.adjustments:
        if (target := adjustment_phase(adj, plan.phases)) is not None:
            named.setdefault(target.line, []).append(adj)
        else:
            unnamed.append(adj)
    bars: list[Bar] = []
    undated: list[Phase] = []
    for phase in plan.phases:
        if phase.start is None and phase.end is None and phase.relative is None:
            undated.append(phase)
            continue
        start = phase.start or phase.end
        end = phase.end or phase.start
        slip = (
            phase.original_end if phase.original_end and end and phase.original_end < end else None
        )
        adjs = tuple(named.get(phase.line, ()))
        impact = round(sum(a.impact_days or 0 for a in adjs))
        if slip is None and end is not None and impact > 0:
            slip, end = end, end + timedelta(days=impact)
        kind = bar_kind(phase, today)
        bars.append(Bar(plan.path, phase, kind, start, end, slip, phase.relative, adjs))
    if not bars:
        return None
    dated = any(b.start is not None for b in bars)
    slip_from = slip_to = None
    estimate = plan.dates.estimated_completion
    planned_end = plan.dates.original_end or plan.dates.end
    if estimate and planned_end and estimate > planned_end:
        slip_from, slip_to = planned_end, estimate
    return PlanTimeline(
        plan, tuple(bars), dated, slip_from, slip_to, tuple(undated), tuple(unnamed)
    )


def adjustment_phase(adjustment: Adjustment, phases: tuple[Phase, ...]) -> Phase | None:
    """The phase a timeline adjustment names, by the first mention in what changed (else in
    its reason): its kind and id ("Phase 2", "phase 2b", "Milestone 1" for M1), an id with a
    letter alone ("M1", "S01"), or its name written whole ("Query API"). None when it names
    no phase."""
    for text in (adjustment.change, adjustment.reason or ""):
        found = [(at, n, phase) for n, phase in enumerate(phases) if (at := _mention(text, phase))]
        if found:
            return min(found, key=lambda f: (f[0], f[1]))[2]
    return None


def _mention(text: str, phase: Phase) -> tuple[int, int] | None:
    """Where `text` first names `phase`, and how (0 by id, 1 by name); None when it does not."""
    ident = re.escape(phase.id)
    patterns = [
        (0, re.compile(rf"(?<![\w.])(?:{re.escape(phase.kind)}|phase)\s*{ident}(?!\w|\.\w)", re.I))
    ]
    if phase.kind == "milestone" and re.fullmatch(r"[Mm]\d+", phase.id):
        patterns.append((0, re.compile(rf"(?<![\w.])milestone\s*{phase.id[1:]}(?!\w|\.\w)", re.I)))
    if re.search(r"[A-Za-z]", phase.id) and re.search(r"\d", phase.id):
        patterns.append((0, re.compile(rf"(?<![\w.]){ident}(?!\w|\.\w)")))
    name = phase.name.strip()
    if len(name) >= 4:
        patterns.append((1, re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)))
    hits = [(m.start(), rank) for rank, pattern in patterns if (m := pattern.search(text))]
    return min(hits) if hits else None


def day_words(day: date, *, year: bool = True) -> str:
    """A date as the timeline writes it, read the same everywhere: "Oct 12 2026" ("Oct 12")."""
    words = f"{MONTHS[day.month - 1]} {day.day}"
    return f"{words} {day.year}" if year else words


class Unit(StrEnum):
    """The step of the axis's ticks."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled tick of the date axis."""

    day: date
    column: int
    """The cell of `day` (`Axis.column`); the label is drawn from the next cell on."""
    label: str
    """Unambiguous words: "Oct 12", "12", "Oct", "Jan 2027", "2030"; never "12/10"."""

    @property
    def last(self) -> int:
        """The last cell the tick and its label take."""
        return self.column + len(self.label)


MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month names as the axis writes them (English whatever the locale, as the dates in plans)."""

_MONTH_STEPS: Final = (1, 2, 3, 6)
_YEAR_STEPS: Final = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


@dataclass(frozen=True, slots=True)
class Axis:
    """A date axis scaled to a width in cells."""

    start: date
    end: date
    width: int
    unit: Unit

    @property
    def days(self) -> int:
        """Days covered, inclusive."""
        return (self.end - self.start).days + 1

    def column(self, day: date) -> int:
        """The cell (0-based) where `day` falls; clamped to the axis."""
        offset = (day - self.start).days
        col = int(offset * self.width / self.days)
        return max(0, min(self.width - 1, col))

    def ticks(self) -> list[Tick]:
        """The ticks that fit, left to right: each label whole (never cut at the right edge
        into another number), one blank cell at least between a label and the next tick, each
        at its day's column. Days (or Mondays) by their number, with the month on the first
        and where it changes ("Oct 30", "31", "Nov 1"); months by name; the year on the first
        label and wherever it changes ("Dec", "Jan 2027"). The step (every other day, every
        quarter, every ten years...) is the smallest at which a plain label has room."""
        per_day = self.width / self.days
        if self.unit is not Unit.MONTH:
            step = 1 if per_day * (7 if self.unit is Unit.WEEK else 1) >= 4 else 2
            return self._lay_out(self._days(step), months=False, years=False)
        for months in _MONTH_STEPS:
            if per_day * 30.44 * months >= 5:
                return self._lay_out(self._months(months), months=True, years=False)
        for years in _YEAR_STEPS:
            if per_day * 365.25 * years >= 6:
                break
        return self._lay_out(self._years(years), months=True, years=True)

    def _days(self, step: int) -> list[date]:
        day = self.start
        if self.unit is Unit.WEEK:
            day += timedelta(days=(7 - day.weekday()) % 7)
        step_days = step * (7 if self.unit is Unit.WEEK else 1)
        return [day + timedelta(days=n) for n in range(0, (self.end - day).days + 1, step_days)]

    def _months(self, step: int) -> list[date]:
        out: list[date] = []
        year, month = self.start.year, self.start.month
        while True:
            if (month - 1) % step == 0:
                day = date(year, month, 1)
                if day > self.end:
                    return out
                if day >= self.start:
                    out.append(day)
            if year == date.max.year and month == 12:
                return out
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def _years(self, step: int) -> list[date]:
        first = -(-self.start.year // step) * step
        if first == self.start.year and self.start > date(first, 1, 1):
            first += step
        return [date(y, 1, 1) for y in range(max(1, first), self.end.year + 1, step)]

    def _lay_out(self, days: list[date], *, months: bool, years: bool) -> list[Tick]:
        out: list[Tick] = []
        for day in days:
            prev = out[-1].day if out else None
            if years:
                label = str(day.year)
            else:
                name = MONTHS[day.month - 1]
                label = name if months else str(day.day)
                if not months and (prev is None or prev.month != day.month):
                    label = f"{name} {day.day}"
                if prev is None or prev.year != day.year:
                    label += f" {day.year}"
            tick = Tick(day, self.column(day), label)
            if (not out or tick.column > out[-1].last + 1) and tick.last < self.width:
                out.append(tick)
        return out


def axis_for(start: date, end: date, width: int) -> Axis:
    """An axis from `start` to `end` in `width` cells, with ticks that fit.

    Days when each day gets three cells, weeks when each week gets six, months otherwise.
    """
    width = max(1, width)
    if end < start:
        start, end = end, start
    days = (end - start).days + 1
    per_day = width / days
    unit = Unit.DAY if per_day >= 3 else Unit.WEEK if per_day * 7 >= 6 else Unit.MONTH
    return Axis(start, end, width, unit)


def span_of(timelines: list[PlanTimeline], today: date) -> tuple[date, date] | None:
    """The dates every dated bar (and today) fit in, with a little room either side."""
    days: list[date] = [today]
    for t in timelines:
        if not t.dated:
            continue
        for b in t.bars:
            days.extend(d for d in (b.start, b.end, b.slip_from) if d)
        if t.slip_to:
            days.append(t.slip_to)
    if len(days) == 1:
        return None
    lo, hi = min(days), max(days)
    pad = max(1, (hi - lo).days // 20)
    return lo - timedelta(days=pad), hi + timedelta(days=pad)
