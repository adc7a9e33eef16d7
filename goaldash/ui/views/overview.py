"""The overview tab: every plan on one line, grouped by goal or spec folder; templates and
stale copies apart, not counted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from goaldash.model import Plan, Progress, Status
from goaldash.report.style import bar
from goaldash.schedule import current_phase, is_late, next_due
from goaldash.text import counted
from goaldash.ui.cells import DIM, cell, counts, fit, one_line, phase_label, short_date, status_text
from goaldash.ui.views.base import View, empty_message, row_key
from goaldash.ui.widgets import Row, RowList
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
        """The title gets its room first: columns give way in the order of `GIVE_WAY` until
        it has `TITLE_ROOM` cells (or a third of the width, if less); what is left over at a
        wide width goes to the title too."""
        want = min(TITLE_ROOM, max(16, width // 3))
        cols = cls(title=0, bar=24, phase=40, format=18)
        for change in GIVE_WAY:
            if _title_room(cols, width) >= want:
                break
            cols = cls(**{**_fields(cols), **change})
        return cls(**{**_fields(cols), "title": max(8, _title_room(cols, width))})


TITLE_ROOM = 40
"""The cells a plan's title should have before any other column gets more than its least."""

GIVE_WAY: tuple[dict[str, int], ...] = (
    {"format": 0},
    {"bar": 16},
    {"phase": 26},
    {"bar": 10},
    {"phase": 0},
    {"due": 0},
    {"bar": 0},
)
"""The order the columns give way to the title at narrower widths: the format goes, the bar
narrows, the current phase narrows then goes, then the next due date, then the bar. Counts,
status and flags always stay."""


def _fields(cols: Columns) -> dict[str, int]:
    return {f: getattr(cols, f) for f in Columns.__dataclass_fields__}


def _title_room(cols: Columns, width: int) -> int:
    used = 2 + sum(w + 1 for w in (cols.bar, cols.phase, cols.due, cols.format) if w)
    return width - used - (cols.counts + 1) - (cols.status + 1) - cols.flags - 1


def shared_prefix(titles: list[str]) -> tuple[str, ...]:
    """The labels that two or more titles start with ("Implementation Plan:", "Tasks:"), to
    drop from each: the part up to the first colon, when it is short and shared."""
    seen: dict[str, int] = {}
    for t in titles:
        head, colon, rest = t.partition(":")
        if colon and rest.strip() and len(head) <= 24:
            seen[head + colon] = seen.get(head + colon, 0) + 1
    return tuple(sorted(h for h, n in seen.items() if n >= 2))


GROUP_KEY = "\0group\0"
"""The start of a group row's key (no path starts with NUL)."""

SORTS: tuple[tuple[str, Callable[[Plan, date], object] | None], ...] = (
    ("file", None),
    ("due", lambda p, today: (next_due(p, today) or date.max, p.title.casefold())),
    ("late", lambda p, today: (not is_late(p, today), next_due(p, today) or date.max)),
    ("progress", lambda p, today: (p.progress.done / (p.progress.total or 1), p.title)),
    ("name", lambda p, today: (one_line(p.title) or p.path).casefold()),
)
"""The orders `o` cycles through (within each group): as found, next due date first, late
plans first, least progress first, by title."""


def overview_header(cols: Columns, sort: str = "file") -> Text:
    """The column titles above the overview list (with the order, when sorted)."""
    title = "plan" if sort == "file" else f"plan (by {sort}, o)"
    t = Text.assemble(("  " + fit(title, cols.title), "bold"))
    if cols.format:
        t.append(" " + fit("format", cols.format), style="bold")
    progress_w = (cols.bar + 1 if cols.bar else 0) + cols.counts
    t.append(" " + fit("progress" if progress_w >= 8 else "done", progress_w), style="bold")
    t.append(" " + fit("status", cols.status), style="bold")
    if cols.phase:
        t.append(" " + fit("current phase", cols.phase), style="bold")
    if cols.due:
        t.append(" " + fit("next due" if cols.due >= 8 else "due", cols.due), style="bold")
    t.append(" " + fit("⚑ ⚠", cols.flags), style="bold")
    return t


def overview_row(
    plan: Plan, today: date, cols: Columns, apart: bool = False, drop: tuple[str, ...] = ()
) -> Text:
    """One plan on one line: title (less the shared label `drop`), bar, counts, status,
    phase, due, blockers and warnings."""
    late = is_late(plan, today)
    blocked = plan.status is Status.BLOCKED or bool(plan.open_blockers)
    alarm = not apart and (late or plan.status is Status.BLOCKED)
    marker = Text.assemble(("▲ ", "bold red") if alarm else "  ")
    title_style = "bold" if alarm else DIM if apart else ""
    t = marker
    title = one_line(plan.title)
    label = title.partition(":")[0] + ":"
    if label in drop and title[len(label) :].strip():
        title = title[len(label) :].strip()
    t.append_text(cell(Text(title or plan.path, style=title_style), cols.title))
    if cols.format:
        t.append(" ")
        t.append_text(cell(Text(plan.format.value, style=DIM), cols.format))
    if cols.bar:
        t.append(" ")
        t.append_text(
            bar(plan.progress, cols.bar) if not apart else Text("·" * cols.bar, style=DIM)
        )
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
        cur = current_phase(plan)
        t.append(" ")
        t.append_text(cell(Text(phase_label(cur) if cur else "—", style=DIM), cols.phase))
    if cols.due:
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


def group_header(group: str, plans: list[Plan], width: int, folded: bool = False) -> Text:
    """The line above a goal or spec folder's plans, cropped to `width`."""
    total = sum((p.progress for p in plans), Progress())
    t = Text.assemble(("▸ " if folded else "▾ ", "bold cyan"))
    t.append(one_line(group) or "Other plans", style="bold cyan")
    t.append(f"  {counted(len(plans), 'plan')} · {counts(total)}", style=DIM)
    t.truncate(width, overflow="ellipsis")
    return t


_Cached = tuple[Plan, date, Columns, bool, tuple[str, ...], Text]
"""A row as drawn: the plan, the day, the layout, apart or not, the labels dropped; text."""


def _sorted(plans: list[Plan], order: Callable[[Plan, date], object], today: date) -> list[Plan]:
    return sorted(plans, key=lambda p: order(p, today))  # type: ignore[arg-type,return-value]


class OverviewView(View):
    """Every plan, grouped by goal or spec folder; templates and stale copies apart. Enter or
    space on a group row folds or unfolds it; `o` cycles the order of the plans."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "cycle_sort", "Sort", show=False),
        Binding("space", "fold_group", "Fold", show=False),
        Binding("e", "edit", "Edit", show=False),
    ]

    def __init__(self, workspace: Workspace, *, id: str | None = None) -> None:
        super().__init__(workspace, id=id)
        # A plan's row, kept while the plan (an immutable value), the day and the layout
        # stay the same: a change to one file lays out one row, not a thousand.
        self._rows: dict[tuple[str, str], _Cached] = {}
        # And a group's heading, kept while its members (the very same plans), the width and
        # the folding do.
        self._heads: dict[str, tuple[int, bool, list[Plan], Text]] = {}
        self.folded: set[str] = set()
        """The groups folded (enter or space on their row)."""
        self.sort = 0
        """Which of `SORTS` orders the plans."""

    def action_cycle_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self.redraw()

    def action_fold_group(self) -> bool:
        """Fold or unfold the group under the cursor; False when the cursor is on a plan."""
        key = self.rows.highlighted_key
        if key is None or not key.startswith(GROUP_KEY):
            return False
        group = key.removeprefix(GROUP_KEY)
        self.folded ^= {group}
        self.redraw()
        return True

    def action_edit(self) -> None:
        key = self.rows.highlighted_key
        if key is not None and key.startswith(GROUP_KEY):
            self.notify("Put the cursor on a plan first.", severity="warning")
            return
        self.app.action_edit()  # type: ignore[attr-defined]

    def on_option_list_option_selected(self, event: RowList.OptionSelected) -> None:
        if self.action_fold_group():
            event.stop()  # a group row opens no plan

    def _row(
        self, plan: Plan, ws: Workspace, cols: Columns, apart: bool, drop: tuple[str, ...]
    ) -> Text:
        key = (plan.path, plan.fingerprint)
        hit = self._rows.get(key)
        if hit is not None and hit[0] == plan and hit[1:5] == (ws.today, cols, apart, drop):
            return hit[5]
        text = overview_row(plan, ws.today, cols, apart, drop)
        self._rows[key] = (plan, ws.today, cols, apart, drop, text)
        if len(self._rows) > 4 * max(64, len(ws.plans)):
            self._rows.clear()
        return text

    def _head(self, group: str, members: list[Plan], width: int) -> Text:
        folded = group in self.folded
        hit = self._heads.get(group)
        if (
            hit is not None
            and hit[:2] == (width, folded)
            and len(hit[2]) == len(members)
            and all(a is b for a, b in zip(hit[2], members, strict=True))
        ):
            return hit[3]
        text = group_header(group, members, width, folded)
        self._heads[group] = (width, folded, members, text)
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
        name, order = SORTS[self.sort]
        drop = shared_prefix([one_line(p.title) for p in plans])
        for group in sorted(groups, key=lambda g: (g == "", g)):
            members = groups[group]
            if order is not None:
                members = _sorted(members, order, ws.today)
            if headed:
                rows.append(Row(GROUP_KEY + group, self._head(group, members, width)))
                if group in self.folded:
                    continue
            # Each row laid out when first drawn: a redraw costs the rows in sight, not all.
            rows.extend(
                Row(row_key(p.path), partial(self._row, p, ws, cols, False, drop)) for p in members
            )
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
            rows.extend(
                Row(row_key(p.path), partial(self._row, p, ws, cols, True, drop)) for p in apart
            )
        if len(self._heads) > 2 * len(groups) + 64:
            self._heads = {g: h for g, h in self._heads.items() if g in groups}
        self.show(overview_header(cols, name), rows, empty_message(ws, "plan"))
