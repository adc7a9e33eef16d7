"""One plan: its phases with bars, and its checklist as a tree you can tick.

The screen reads the plan from the workspace it is given and asks the workspace for ticks; it
knows nothing of the app (opening the editor is a message, `OpenEditor`, that the app acts on).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from goaldash.model import Phase, Plan
from goaldash.report.style import bar
from goaldash.schedule import day_words, is_late, phase_late
from goaldash.text import counted
from goaldash.ui.cells import DIM, cell, counts, fit, one_line, phase_label, short_date, status_text
from goaldash.ui.messages import OpenEditor
from goaldash.ui.widgets import KeyLine, Row, RowList
from goaldash.ui.widgets.checklist import ChecklistTree, Node
from goaldash.workspace import Workspace


def _day(day: date | None, today: date) -> str:
    """A phase's date in words, its year only when not this year's ("Oct 17", "Jan 9 2027"):
    a phase's dates and its slip fit their column."""
    return day_words(day, year=day.year != today.year) if day else "—"


def phase_row(phase: Phase, today: date, width: int) -> Text:
    """A phase: label, bar, counts, status, dates (with the original end when it slipped)."""
    late = phase_late(phase, today)
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
            d.append(f"{_day(phase.start, today)} → {_day(phase.end, today)}")
        elif phase.span:
            d.append(one_line(phase.span), style=DIM)
        if phase.original_end and phase.end and phase.original_end != phase.end:
            d.append(f" (was {_day(phase.original_end, today)})", style="magenta")
        t.append(" ")
        t.append_text(cell(d, dates_w))
    t.no_wrap = True
    return t


def plan_head(plan: Plan, today: date) -> Text:
    """The two lines above the phases: title and path; bar, counts, status, dates, flags."""
    late = is_late(plan, today)
    t = Text.assemble((one_line(plan.title) or plan.path, "bold"))
    t.append(f"  {one_line(plan.path)}", style="bright_black")
    t.append("\n")
    t.append_text(bar(plan.progress, 24))
    t.append(f" {counts(plan.progress)}  ")
    t.append_text(status_text(plan.status, late))
    t.append(f"  {plan.format.value}", style="bright_black")
    if plan.owner:
        t.append(f"  owner {one_line(plan.owner)}", style="bright_black")
    d = plan.dates
    if d.start or d.end:
        t.append(f"  {short_date(d.start, today)} → {short_date(d.end, today)}")
    if d.estimated_completion and d.estimated_completion != d.end:
        t.append(
            f"  est. {d.estimated_completion.isoformat()}",
            style="magenta" if d.end and d.estimated_completion > d.end else "",
        )
    nb = len(plan.open_blockers)
    if nb:
        t.append(f"  ⚑ {counted(nb, 'blocker')}", style="bold red")
    if plan.warnings:
        t.append(f"  ⚠ {len(plan.warnings)}", style="yellow")
    if plan.template or plan.backup:
        t.append("\nA template or stale copy: not counted in the totals.", style="yellow")
    return t


class PlanScreen(Screen[None]):
    """The detail of one plan."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "app.pop_screen", "Back"),
        Binding("x", "tick", "Tick"),
        Binding("space", "tick", "Tick", show=False),
        Binding("u", "app.undo", "Undo"),
        Binding("e", "edit", "Edit"),
        Binding("tab", "app.focus_next", "Phases/checklist", show=False),
    ]

    def __init__(self, workspace: Workspace, path: str, line: int | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        """Where the plan is read from, and ticks are asked."""
        self.path = path
        self.start_line = line
        self._plan: Plan | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="plan-head")
        yield RowList(id="phases")
        yield ChecklistTree(id="checklist")
        yield KeyLine()

    @property
    def checklist(self) -> ChecklistTree:
        return self.query_one(ChecklistTree)

    @property
    def today(self) -> date:
        return self.workspace.today

    def on_mount(self) -> None:
        self.refresh_plan()
        self.checklist.focus()
        if self.start_line is not None:
            self.checklist.focus_line(self.start_line)

    def on_resize(self) -> None:
        if self._plan is not None:
            self._draw_phases(self._plan)

    # -- drawing ------------------------------------------------------------------------

    def refresh_plan(self) -> None:
        """Redraw from the workspace's current copy of the plan; cursor and folding survive.
        Not before the screen is composed (pushed a moment ago): `on_mount` draws it then."""
        if not self.query("#plan-head"):
            return
        plan = self.workspace.plan(self.path)
        if plan is None:
            self.query_one("#plan-head", Static).update(
                Text(f"{one_line(self.path)} is no longer a plan (deleted or renamed).")
            )
            return
        if self._plan is not None and plan == self._plan:
            return
        self._plan = plan
        self.query_one("#plan-head", Static).update(plan_head(plan, self.today))
        self._draw_phases(plan)
        self.checklist.show_plan(plan, self.today)

    def _draw_phases(self, plan: Plan) -> None:
        phases = self.query_one("#phases", RowList)
        width = max(40, (phases.scrollable_content_region.width or self.size.width or 80) - 1)
        rows = [Row(f"phase:{p.id}:{p.line}", phase_row(p, self.today, width)) for p in plan.phases]
        phases.display = bool(rows)
        phases.show_rows(rows)

    # -- actions ------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: RowList.OptionSelected) -> None:
        event.stop()
        key = event.option_list.highlighted_key if isinstance(event.option_list, RowList) else None
        if key and self._plan is not None:
            line = int(key.rsplit(":", 1)[1])
            self.checklist.focus_line(line)

    def selected(self) -> Node | None:
        """What the checklist's cursor is on."""
        return self.checklist.selected()

    def action_tick(self) -> None:
        data = self.selected()
        if self.focused is not self.checklist or data is None or data.item is None:
            self.notify("Put the cursor on a checklist item to tick it.", severity="warning")
            return
        assert self._plan is not None
        self.workspace.request_tick(self._plan, data.item)

    def action_edit(self) -> None:
        data = self.selected()
        line = data.line if data is not None and data.line else 1
        if self.focused is self.query_one("#phases", RowList) and self._plan is not None:
            key = self.query_one("#phases", RowList).highlighted_key
            if key:
                line = int(key.rsplit(":", 1)[1])
        self.post_message(OpenEditor(self.path, line))
