"""The nouns of goaldash: plans, phases, checklist items, tasks, blockers and warnings.

Everything here is plain data. The parser builds these objects, the reports and the UI read
them; nothing in this module does IO.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum


class ItemState(StrEnum):
    """The state of one task-list item, as its mark says."""

    OPEN = "open"
    """`[ ]`"""
    DONE = "done"
    """`[x]` or `[X]`"""
    IN_PROGRESS = "in_progress"
    """`[-]`, `[~]` or `[/]`"""


MARK_STATES: dict[str, ItemState] = {
    " ": ItemState.OPEN,
    "x": ItemState.DONE,
    "X": ItemState.DONE,
    "-": ItemState.IN_PROGRESS,
    "~": ItemState.IN_PROGRESS,
    "/": ItemState.IN_PROGRESS,
}
"""Every mark goaldash reads, and the state it means."""


class Status(StrEnum):
    """The status of a plan, a phase, a task or a table row."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"
    """Struck through, cancelled, dropped or deferred: not open work, never late."""
    UNKNOWN = "unknown"

    @property
    def words(self) -> str:
        """The status for a sentence: "not started", "in progress"."""
        return self.value.replace("_", " ")

    @property
    def closed(self) -> bool:
        """No work left to do: done, or cancelled."""
        return self is Status.DONE or self is Status.CANCELLED

    @classmethod
    def of_phases(cls, statuses: set[Status]) -> Status | None:
        """A plan's status as its phases' give it, for a plan that states none and has no
        items to count: None when they say nothing of it. Cancelled phases are no work left."""
        live = statuses - {cls.CANCELLED}
        if live == {cls.DONE}:
            return cls.DONE
        if cls.DONE in live or cls.IN_PROGRESS in live:
            return cls.IN_PROGRESS
        if cls.BLOCKED in live:
            return cls.BLOCKED
        if live <= {cls.NOT_STARTED, cls.UNKNOWN} and cls.NOT_STARTED in live:
            return cls.NOT_STARTED
        return None

    @classmethod
    def ahead(cls, statuses: Sequence[Status]) -> set[int]:
        """The places (indexes) in a sequence of stages' statuses of those of unknown status
        written ahead of the work: after a stage of known status, and with none after them
        started (in progress, done or blocked). They are not started by their place."""
        started = (cls.IN_PROGRESS, cls.DONE, cls.BLOCKED)
        out: set[int] = set()
        seen_known = False
        later_started = [False] * (len(statuses) + 1)
        for i in range(len(statuses) - 1, -1, -1):
            later_started[i] = later_started[i + 1] or statuses[i] in started
        for i, status in enumerate(statuses):
            if status is not cls.UNKNOWN:
                seen_known = True
            elif seen_known and not later_started[i + 1]:
                out.add(i)
        return out


class PlanFormat(StrEnum):
    """The family a plan file belongs to."""

    GOALKIT_EXECUTION = "goalkit-execution"
    GOALKIT_MILESTONES = "goalkit-milestones"
    GOALKIT_TASKS = "goalkit-tasks"
    PLAN_FRONTMATTER = "plan-frontmatter"
    IMPLEMENTATION_PLAN = "implementation-plan"
    SPEC_KIT_TASKS = "spec-kit-tasks"
    KIRO_TASKS = "kiro-tasks"
    GSD = "gsd"
    BACKLOG_MD = "backlog-md"
    GENERIC = "generic"


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts of task-list items."""

    done: int = 0
    """Items marked done."""
    in_progress: int = 0
    """Items marked in progress."""
    open: int = 0
    """Items still open."""

    @property
    def total(self) -> int:
        """All items counted."""
        return self.done + self.in_progress + self.open

    @property
    def percent(self) -> float:
        """Share of items done, 0 to 100, one decimal; 0.0 when there are none."""
        return round(100.0 * self.done / self.total, 1) if self.total else 0.0

    @classmethod
    def of(cls, items: Sequence[Item], dropped: Set[str | None] = frozenset()) -> Progress:
        """Count the states of `items`, but for the open ones of the phases `dropped`
        (cancelled: what they left undone is no work left; what they did stays done)."""
        if dropped:
            items = [i for i in items if i.phase not in dropped or i.state is ItemState.DONE]
        done = sum(1 for i in items if i.state is ItemState.DONE)
        doing = sum(1 for i in items if i.state is ItemState.IN_PROGRESS)
        return cls(done=done, in_progress=doing, open=len(items) - done - doing)

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.done + other.done, self.in_progress + other.in_progress, self.open + other.open
        )


@dataclass(frozen=True, slots=True)
class Item:
    """One task-list item (`- [ ] text`) outside code."""

    line: int
    """1-based line of the item."""
    column: int
    """1-based column (in characters) of the mark between the brackets."""
    state: ItemState
    """What the mark says."""
    mark: str
    """The mark character itself: one of ` xX-~/`."""
    text: str
    """The rest of the item's first line after `]`, stripped."""
    depth: int
    """Nesting: 0 for a top-level list item, 1 for one nested in it, and so on."""
    phase: str | None
    """Id of the phase the item belongs to, or None."""
    section: str
    """Where the item sits, e.g. "Phase 1 › Exit gate"."""
    parent: int | None = None
    """Line of the enclosing task-list item, when nested in one."""


@dataclass(frozen=True, slots=True)
class Phase:
    """A phase (or milestone) of a plan."""

    id: str
    """The id as written: "1", "3.5", "A3a", "N"; for milestones too."""
    name: str
    """The name after the id, without span or status suffixes."""
    line: int
    """1-based line where the phase is declared."""
    kind: str = "phase"
    """"phase" or "milestone" (the word the file uses)."""
    status: Status = Status.UNKNOWN
    """Effective status: what the file says, else what the items show."""
    declared_status: Status | None = None
    """The status written in the file (heading, status line or table), if any."""
    progress: Progress = field(default_factory=Progress)
    """Counts of the items in the phase."""
    span: str | None = None
    """The relative span as written: "Weeks 1-2", "Days 6-10", "Est: 3 days"."""
    start: date | None = None
    """Start date, written or derived from the span and the plan's anchor."""
    end: date | None = None
    """Current end date."""
    original_end: date | None = None
    """The end before a revision (struck date, or a timeline adjustment)."""
    milestone: str | None = None
    """The milestone the phase executes, e.g. "1" for "(Weeks 1-2, Milestone 1)"."""
    relative: tuple[float, float] | None = None
    """Offset of start and end from the plan's anchor, in days, when given by a span."""
    dated: bool = False
    """True when start or end come from a written date rather than a relative span."""
    placed: bool = False
    """True when its status (not started) is its place's, not a word or an item of its own:
    a stage written ahead of the work (`Status.ahead`). Never late on its date alone."""

    @property
    def takes_status(self) -> bool:
        """Whether the phase has nothing to say of its status (no word, no items): it shows
        the one its group's other files state for it (`checks.with_conflicts`), before the
        one its place would give it (not started, after the stages under way)."""
        return self.declared_status is None and not self.progress.total


@dataclass(frozen=True, slots=True)
class Task:
    """A row of a task table (GoalKit `Task ID | Task Name | ...`)."""

    id: str
    name: str
    line: int
    description: str = ""
    owner: str | None = None
    effort: str | None = None
    dod: str | None = None
    depends_on: tuple[str, ...] = ()
    status: Status = Status.UNKNOWN
    phase: str | None = None


@dataclass(frozen=True, slots=True)
class Blocker:
    """Something that stops progress."""

    text: str
    line: int
    impact: str | None = None
    owner: str | None = None
    eta: date | None = None
    """ETA as a date, when it parses."""
    eta_text: str | None = None
    """ETA as written."""
    resolved: bool = False
    """True when the file marks it resolved (ticked or struck through)."""
    phase: str | None = None


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A timeline adjustment: `- 2026-01-10: What changed - Reason - Impact: +3 days`."""

    line: int
    change: str
    date: date | None = None
    reason: str | None = None
    impact_days: float | None = None


@dataclass(frozen=True, slots=True)
class StatusRow:
    """A row of a phase status or milestone table."""

    line: int
    label: str
    status: Status
    status_text: str
    progress: float | None = None
    start: date | None = None
    end: date | None = None
    notes: str = ""
    phase: str | None = None
    """Id of the phase the row is about, when its label names one."""
    original_end: date | None = None
    """A struck-through end date in the row."""


@dataclass(frozen=True, slots=True)
class Warning:
    """Something the user should know about a plan: a contradiction, a placeholder, a problem."""

    kind: str
    """A short stable name: "contradiction", "frontmatter", "encoding", "template"..."""
    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class PlanDates:
    """The dates of a plan as a whole."""

    start: date | None = None
    end: date | None = None
    original_end: date | None = None
    estimated_completion: date | None = None
    anchor: date | None = None
    """The date relative spans ("Weeks 1-2") count from, if known."""
    expires: date | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything goaldash read from one plan file."""

    path: str
    """Path relative to the root, POSIX style."""
    group: str
    """The goal or spec folder the plan belongs to ("" when none)."""
    format: PlanFormat
    title: str
    status: Status
    progress: Progress
    template: bool = False
    """True for a file mostly made of placeholders: shown apart, never in progress."""
    backup: bool = False
    """True for a stale copy such as `tasks.md.bak`: shown apart, never in progress."""
    declared_status: str | None = None
    """The status word the file itself states (frontmatter or `**Status:**`)."""
    owner: str | None = None
    dates: PlanDates = field(default_factory=PlanDates)
    phases: tuple[Phase, ...] = ()
    items: Sequence[Item] = ()
    tasks: tuple[Task, ...] = ()
    blockers: tuple[Blocker, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    status_rows: tuple[StatusRow, ...] = ()
    placeholders: int = 0
    warnings: tuple[Warning, ...] = ()
    size: int = 0
    """Size of the file in bytes when read."""
    fingerprint: str = ""
    """Hash of the bytes that were parsed; edits check it before writing."""

    @property
    def open_blockers(self) -> tuple[Blocker, ...]:
        """Blockers not marked resolved."""
        return tuple(b for b in self.blockers if not b.resolved)

    @property
    def current_phase(self) -> Phase | None:
        """The first phase in progress, else the first not finished, else None."""
        for phase in self.phases:
            if phase.status in (Status.IN_PROGRESS, Status.BLOCKED):
                return phase
        for phase in self.phases:
            if not phase.status.closed:
                return phase
        return None


@dataclass(frozen=True, slots=True)
class PhaseFacts:
    """What the cross-file check reads of a phase."""

    id: str
    kind: str
    declared_status: Status | None
    line: int


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """What a plan's cached `--json` text depends on besides its own bytes: the day (an
    active plan can expire) and the other files of its group (they can contradict it, or
    state a status its phases do not). Small, so a warm run can decide whether the kept text
    still holds without decoding the whole plan."""

    path: str
    group: str
    template: bool
    backup: bool
    declared_status: str | None
    expires: date | None
    phases: tuple[PhaseFacts, ...]

    @classmethod
    def of(cls, plan: Plan) -> PlanFacts:
        return cls(
            plan.path,
            plan.group,
            plan.template,
            plan.backup,
            plan.declared_status,
            plan.dates.expires,
            tuple(
                PhaseFacts(ph.id, ph.kind, ph.declared_status, ph.line)
                for ph in plan.phases
                if ph.declared_status is not None or ph.takes_status
            ),
        )


def ticked_items(items: Sequence[Item], line: int, mark: str) -> tuple[Item, ...]:
    """`items` with the one at `line` carrying `mark` (what a tick writes): the items of the
    file once that single byte changed, since a mark decides nothing else about them."""
    state = MARK_STATES[mark]
    return tuple(replace(i, mark=mark, state=state) if i.line == line else i for i in items)


def _fast_pickling(*classes: type) -> None:
    """Pickle these frozen dataclasses as one constructor call each.

    Only for what goaldash's own worker processes send back (`scan.parse_many`: plans, the
    scan's facts), never for anything read from disk: the parse cache holds plain data
    (`goaldash.codec`). The default for a frozen, slotted dataclass restores every field
    through a Python-level `__setstate__`; a hundred thousand items come back about 1.5x
    faster this way. The state is the same fields, in order.
    """
    for cls in classes:
        names = tuple(f.name for f in fields(cls))

        def __reduce__(self: object, _cls: type = cls, _names: tuple[str, ...] = names) -> object:
            return (_cls, tuple(getattr(self, n) for n in _names))

        cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]


_fast_pickling(
    Progress,
    Item,
    Phase,
    Task,
    Blocker,
    Adjustment,
    StatusRow,
    Warning,
    PlanDates,
    Plan,
    PhaseFacts,
    PlanFacts,
)
