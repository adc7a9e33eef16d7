"""The state the block walk builds a plan in, shared by the walk (`plan`) and the assembly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from goaldash.model import Adjustment, Blocker, Item, Status, StatusRow, Task, Warning
from goaldash.parse.blocks import Heading
from goaldash.parse.levels import Outline
from goaldash.parse.phases import PhaseDecl
from goaldash.parse.spans import Span


@dataclass(slots=True)
class PhaseB:
    """A phase while it is being built."""

    key: str
    decl: PhaseDecl
    line: int
    primary: bool
    declared: Status | None = None
    declared_from: str = ""
    start: date | None = None
    end: date | None = None
    original_end: date | None = None
    span: Span | None = None
    dated: bool = False
    origin: str = ""  # what first declared it: "heading", "bold", "overview" (a status list)...
    holds_phases: bool = False  # a heading whose section holds deeper phase headings
    level: int = 0  # its heading's level (0: not a heading)
    parent: int = -1  # the line of the heading its heading is in (0: none)
    group: Status | None = None  # the status its group's heading states ("## ✅ Done phases")
    event: date | None = None  # the date of its bold dated line ("**Review on 2024-03-12**")
    event_review: bool = False  # that line names a review, meeting or sign-off
    event_recorded: bool = False  # something is written after that line, in its section
    why: str = ""  # what blocks it, as its blocked status says ("waiting on the API")

    def take_dates(self, start: date | None, end: date | None, original_end: date | None) -> None:
        """The dates a declaration or a table row writes, where the phase has none yet (the
        first to write one wins); a written start or end makes the phase dated."""
        if start and self.start is None:
            self.start, self.dated = start, True
        if end and self.end is None:
            self.end, self.dated = end, True
        if original_end and self.original_end is None:
            self.original_end = original_end


@dataclass(slots=True)
class Scope:
    """Which phase the blocks being read belong to, and how that phase was opened."""

    key: str
    level: int  # heading level of the phase heading; 0 for a bold paragraph phase
    label: str
    fresh: bool = True  # nothing but paragraphs read since the phase opened


@dataclass(slots=True)
class State:
    """What the block walk has read so far; `assemble` makes the plan of it."""

    phases: dict[str, PhaseB] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    unpadded: dict[str, str] = field(default_factory=dict)  # "7.1" -> the key "07.1" read first
    scope: Scope | None = None
    headings: list[Heading] = field(default_factory=list)
    label: str | None = None
    blocker_level: int | None = None  # heading level of the blockers section; 99 for a label
    adjust_level: int | None = None
    items: list[Item] = field(default_factory=list)
    item_phase: dict[int, str | None] = field(default_factory=dict)  # ListItem line -> phase key
    unticked: dict[str, int] = field(default_factory=dict)  # phase key -> line of its open box
    tasks: list[Task] = field(default_factory=list)
    blockers: list[Blocker] = field(default_factory=list)
    blocker_entries: dict[int, int] = field(default_factory=dict)  # ListItem line -> blocker index
    adjustments: list[Adjustment] = field(default_factory=list)
    status_rows: list[StatusRow] = field(default_factory=list)
    row_decls: dict[int, PhaseDecl] = field(default_factory=dict)  # status row line -> its phase
    warnings: list[Warning] = field(default_factory=list)
    holes: int = 0
    plan_status_text: str | None = None
    plan_status: Status | None = None
    plan_fields: dict[str, str] = field(default_factory=dict)
    estimate: date | None = None
    estimate_was: date | None = None
    summary_spans: dict[str, Span] = field(default_factory=dict)
    finished: dict[str, date] = field(default_factory=dict)  # phase -> when a log says it ended
    title: str | None = None
    heading_phases: bool = False  # a heading has declared a phase
    not_containers: set[int] = field(default_factory=set)  # lines of headings holding no phases
    section_stale: bool = True  # the scope, the headings or the label may have changed
    section_text: str = ""
    outline: Outline = field(default_factory=Outline)  # phases declared by ids alone
    pending_event: str | None = None  # the phase whose event line ended its paragraph


def label_for(decl: PhaseDecl) -> str:
    """ "Phase 2", "Milestone M1": how messages name a phase."""
    return f"{decl.kind.title()} {decl.id}"
