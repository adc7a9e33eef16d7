"""The tabs of the main screen: overview, blockers, timeline, warnings, standup.

Each view is given the workspace and redraws itself from it; it keeps its cursor
and scroll position across redraws (see `RowList.show_rows`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from goaldash.model import Plan
from goaldash.ui import render
from goaldash.ui.widgets import Row, RowList
from goaldash.workspace import Workspace, matches, plan_matches


def row_key(path: str, line: int | None = None) -> str:
    """The key of a row that opens `path` (at `line`)."""
    return path if line is None else f"{path}\0{line}"


def parse_key(key: str) -> tuple[str, int | None]:
    """Back from `row_key`."""
    parts = key.split("\0")
    return parts[0], int(parts[1]) if len(parts) > 1 else None


class View(Vertical):
    """A tab's content: an optional heading line, the list, and a message when it is empty."""

    def compose(self) -> ComposeResult:
        yield Static(classes="view-head")
        yield RowList(classes="view-list")
        yield Static(classes="view-empty")

    @property
    def rows(self) -> RowList:
        return self.query_one(RowList)

    def show(self, head: Text | None, rows: list[Row], empty: str) -> None:
        """Redraw: the heading (hidden when None), the rows, or the empty message."""
        head_w = self.query_one(".view-head", Static)
        head_w.display = head is not None and bool(rows)
        if head is not None:
            head_w.update(head)
        self.rows.display = bool(rows)
        self.rows.show_rows(rows)
        msg = self.query_one(".view-empty", Static)
        msg.display = not rows
        msg.update(Text(empty))

    @property
    def width(self) -> int:
        """Cells available to a row."""
        w = self.rows.scrollable_content_region.width or self.size.width or 80
        return max(40, w - 1)

    def redraw(self, state: Workspace) -> None:
        raise NotImplementedError

    def on_resize(self) -> None:
        # Rows are laid out for a width: a tab drawn while hidden is drawn again once shown.
        state = getattr(self.app, "state", None)
        if isinstance(state, Workspace) and self.size.width:
            self.redraw(state)


def empty_message(state: Workspace, what: str) -> str:
    """Why a view is empty, in words."""
    if state.scanning:
        return f"Reading plans… ({state.scanned}/{state.candidates} files)"
    if state.empty_folder:
        return f"{state.root} is empty: there is nothing to read."
    if not state.plans:
        if state.candidates == 0:
            return (
                f"No markdown files in {state.root}.\n\n"
                "goaldash reads plans written in markdown: implementation plans, roadmaps, "
                "task lists (tasks.md, spec-kit, Kiro, GoalKit). Try `goaldash --demo`."
            )
        return (
            f"Looked at {state.candidates} markdown files in {state.root}; none is a plan.\n\n"
            "A plan has task-list items (- [ ] …), phase or milestone headings, or a phase "
            "status table. Add paths in .goaldash.toml ([include]) if yours live elsewhere."
        )
    if state.query:
        return f"Nothing {what} matches “{state.query}”. Press / to change the filter."
    if state.hide_finished:
        return f"No {what} among unfinished plans (finished plans are hidden: press f)."
    return f"No {what}."


class OverviewView(View):
    """Every plan, grouped by goal or spec folder; templates and stale copies apart."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # A plan's row, kept while the plan (an immutable value), the day and the layout
        # stay the same: a change to one file lays out one row, not a thousand.
        self._rows: dict[tuple[str, str], tuple[Plan, date, render.Columns, bool, Text]] = {}
        # And a group's heading, kept while its members (the very same plans) and the width do.
        self._heads: dict[str, tuple[int, list[Plan], Text]] = {}

    def _row(self, plan: Plan, state: Workspace, cols: render.Columns, apart: bool) -> Text:
        key = (plan.path, plan.fingerprint)
        hit = self._rows.get(key)
        if hit is not None and hit[0] == plan and hit[1:4] == (state.today, cols, apart):
            return hit[4]
        text = render.overview_row(plan, state.today, cols, apart)
        self._rows[key] = (plan, state.today, cols, apart, text)
        if len(self._rows) > 4 * max(64, len(state.plans)):
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
        text = render.group_header(group, members, width)
        self._heads[group] = (width, members, text)
        return text

    def redraw(self, state: Workspace) -> None:
        width = self.width
        cols = render.Columns.for_width(width)
        plans = state.visible()
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
            rows.extend(Row(row_key(p.path), self._row(p, state, cols, False)) for p in members)
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
            rows.extend(Row(row_key(p.path), self._row(p, state, cols, True)) for p in apart)
        if len(self._heads) > 2 * len(groups) + 64:
            self._heads = {g: h for g, h in self._heads.items() if g in groups}
        self.show(render.overview_header(cols), rows, empty_message(state, "plan"))


class BlockersView(View):
    """Every blocker of every plan: open ones first (overdue first), resolved ones after."""

    def redraw(self, state: Workspace) -> None:
        open_: list[Row] = []
        resolved: list[Row] = []
        pairs = [
            (p, b)
            for p in state.counted()
            for b in p.blockers
            if matches(state.query, b.text, b.owner, b.impact, b.eta_text, p.path, p.title)
            or plan_matches(p, state.query)
        ]
        pairs.sort(key=lambda pb: render.blocker_sort_key(pb[1], state.today))
        seen: set[str] = set()
        for p, b in pairs:
            key = row_key(p.path, b.line)
            if key in seen:
                continue
            seen.add(key)
            row = Row(key, render.blocker_row(p, b, state.today))
            (resolved if b.resolved else open_).append(row)
        rows = list(open_)
        if resolved:
            rows.append(Row(None, Text(f"Resolved ({len(resolved)})", style="bold green")))
            rows.extend(resolved)
        head = Text.assemble((f"{len(open_)} open blocker{'s' * (len(open_) != 1)}", "bold"))
        if resolved:
            head.append(f" · {len(resolved)} resolved", style="bright_black")
        head.append("   enter: open the plan at the blocker · e: edit", style="bright_black")
        self.show(head, rows, empty_message(state, "blocker"))


class TimelineView(View):
    """A Gantt chart of every phase with dates or spans."""

    def redraw(self, state: Workspace) -> None:
        axis, dated, relative = render.timeline_rows(state.counted(), state.today, self.width)
        rows = [Row(None if r.line is None else row_key(r.plan, r.line), r.text) for r in dated]
        if relative:
            if dated:
                rows.append(Row(None, Text("")))
            rows.extend(
                Row(None if r.line is None else row_key(r.plan, r.line), r.text) for r in relative
            )
        head = Text.assemble(render.legend(), "\n", axis) if dated else render.legend()
        self.show(head, rows, empty_message(state, "phase with dates or spans (Weeks 1-2)"))


class WarningsView(View):
    """Placeholders, contradictions and parse problems, each with file and line."""

    def redraw(self, state: Workspace) -> None:
        rows: list[Row] = []
        for p in state.visible():
            warnings = [
                w
                for w in p.warnings
                if matches(state.query, w.message, w.kind, p.path) or plan_matches(p, state.query)
            ]
            if not warnings:
                continue
            rows.append(Row(None, Text(render.shown(p.path), style="bold cyan")))
            seen: set[str] = set()
            for i, w in enumerate(warnings):
                key = row_key(p.path, w.line or 0)
                if key in seen:
                    key = f"{key}\0{i}"
                seen.add(key)
                rows.append(Row(key, render.warning_row(p, w)))
        total = sum(1 for r in rows if r.key is not None)
        head = Text.assemble((f"{total} warning{'s' * (total != 1)}", "bold"))
        head.append("   enter: open the plan · e: edit at the line", style="bright_black")
        self.show(head, rows, empty_message(state, "warning"))


class StandupView(View):
    """What moved since the span's start, by plan, from git history and the work tree."""

    def redraw(self, state: Workspace) -> None:
        # Imported here: it pulls in git plumbing the first paint does not need.
        from goaldash.report.standup import rows as standup_rows
        from goaldash.report.standup import summary as standup_summary

        st = state.standup
        span = Text("   [ ] change the span", style="bright_black")
        if state.standup_busy:
            span = Text(f"   reading git history for {state.standup_span}…", style="italic yellow")
        if state.standup_error is not None:
            self.show(None, [], f"{state.standup_error}\n\n[ and ] change the span.")
            return
        if st is None:
            self.show(None, [], "Reading git history…")
            return
        moved = [
            m
            for m in st.plans
            if matches(state.query, m.path, m.title)
            or any(matches(state.query, c.text) for _, c in m.changes())
        ]
        shown = replace(st, plans=moved)
        rows: list[Row] = []
        for r in standup_rows(shown, self.width):
            if r.heading and rows:
                rows.append(Row(None, Text("")))
            rows.append(Row(None if r.path is None else row_key(r.path, r.line), r.text))
        head = standup_summary(shown).append_text(span)
        head.truncate(self.width - 2, overflow="ellipsis")
        if not moved:
            why = f"Nothing moved since {st.since:%a %Y-%m-%d %H:%M} ({render.shown(st.label)})."
            if state.query and st.plans:
                why = f"Nothing that moved matches “{state.query}”. Press / to change the filter."
            notes = "".join(f"\n\nNote: {render.shown(n)}" for n in st.notes)
            self.show(None, [], f"{why}{notes}\n\n[ and ] change the span.")
            return
        self.show(head, rows, "")
