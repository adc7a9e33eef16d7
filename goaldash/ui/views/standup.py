"""The standup tab: what moved since the span's start, by plan, from git history and the work
tree. The app asks git (in a worker) and puts the answer in the workspace; this view shows it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text

from goaldash.text import counted
from goaldash.ui.cells import one_line
from goaldash.ui.views.base import View, row_key
from goaldash.ui.widgets import Row
from goaldash.workspace import matches

if TYPE_CHECKING:
    from goaldash.standup import Standup


class StandupView(View):
    """What moved since the span's start, by plan, from git history and the work tree."""

    def redraw(self) -> None:
        # Imported here: it pulls in git plumbing the first paint does not need.
        from goaldash.report.standup import change_count
        from goaldash.report.standup import rows as standup_rows

        ws = self.workspace
        st = ws.standup
        span = Text("   [ ] change the span", style="bright_black")
        if ws.standup_busy:
            span = Text(f"   reading git history for {ws.standup_span}…", style="italic yellow")
        if ws.standup_error is not None:
            self.show(None, [], f"{ws.standup_error}\n\n[ and ] change the span.")
            return
        if st is None:
            self.show(None, [], "Reading git history…")
            return
        # The plans every other view shows (the filter, hide-finished); a plan that is no
        # longer a file (deleted) is listed when the filter matches its path or title.
        on_show = {p.path for p in ws.visible()}
        known = ws.known()
        moved = [
            m
            for m in st.plans
            if m.path in on_show
            or (m.path not in known and not ws.hide_finished and matches(ws.query, m.path, m.title))
        ]
        shown = replace(st, plans=moved)
        rows: list[Row] = []
        for r in standup_rows(shown, self.width)[len(shown.notes) :]:
            if r.heading and rows:
                rows.append(Row(None, Text("")))
            rows.append(Row(None if r.path is None else row_key(r.path, r.line), r.text))
        if not moved:
            why = f"Nothing moved since {st.since:%a %Y-%m-%d %H:%M} ({one_line(st.label)})."
            if (ws.query or ws.hide_finished) and st.plans:
                why = "Nothing that moved is on show. Press / to change the filter."
            notes = "".join(f"\n\nNote: {one_line(n)}" for n in st.notes)
            self.show(None, [], f"{why}{notes}\n\n[ and ] change the span.")
            return
        head = standup_head(shown, change_count(shown)).append_text(span)
        head.truncate(self.width - 2, overflow="ellipsis")
        self.show(head, rows, "")


def standup_head(st: Standup, changes: int) -> Text:
    """The heading: the changes listed below and their plans first (so a narrow view never
    crops them), then the span and the commits."""
    n = len(st.plans)
    t = Text(f"{counted(changes, 'change')} in {counted(n, 'plan')}", style="bold")
    t.append(f"  ·  since {st.since:%a %Y-%m-%d %H:%M}")
    t.append(f" ({one_line(st.label)})", style="bright_black")
    t.append(f"  ·  {counted(st.commits, 'commit')}")
    return t
