"""The standup tab: what moved since the span's start, by plan, from git history and the work
tree. The app asks git (in a worker) and puts the answer in the workspace; this view shows it."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text

from goaldash.ui.cells import one_line
from goaldash.ui.views.base import View, row_key
from goaldash.ui.widgets import Row
from goaldash.workspace import matches


class StandupView(View):
    """What moved since the span's start, by plan, from git history and the work tree."""

    def redraw(self) -> None:
        # Imported here: it pulls in git plumbing the first paint does not need.
        from goaldash.report.standup import rows as standup_rows
        from goaldash.report.standup import summary as standup_summary

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
        moved = [
            m
            for m in st.plans
            if matches(ws.query, m.path, m.title)
            or any(matches(ws.query, c.text) for _, c in m.changes())
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
            why = f"Nothing moved since {st.since:%a %Y-%m-%d %H:%M} ({one_line(st.label)})."
            if ws.query and st.plans:
                why = f"Nothing that moved matches “{ws.query}”. Press / to change the filter."
            notes = "".join(f"\n\nNote: {one_line(n)}" for n in st.notes)
            self.show(None, [], f"{why}{notes}\n\n[ and ] change the span.")
            return
        self.show(head, rows, "")
