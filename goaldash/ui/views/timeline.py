"""The timeline tab: a Gantt chart of every phase with dates or spans (`goaldash.ui.gantt`),
its legend, and the plans with no dates listed under it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from goaldash.ui.gantt import timeline_rows
from goaldash.ui.views.base import View, empty_message, row_key
from goaldash.ui.widgets import Row


class TimelineView(View):
    """A Gantt chart of every phase with dates or spans."""

    def redraw(self) -> None:
        ws = self.workspace
        chart = timeline_rows(ws.counted(), ws.today, self.width)
        rows = [
            Row(
                row_key(r.plan, r.line) if r.line is not None or r.opens_plan else None,
                r.text,
            )
            for r in chart.rows
        ]
        pad = self.query_one(".view-head", Static).styles.padding
        head: Text | None = chart.legend(self.width - pad.left - pad.right)
        if chart.dated:
            head = Text.assemble(head or "", "\n", self._under_rows(chart.axis))
        elif not (head and head.plain):
            head = None
        self.show(head, rows, empty_message(ws, "phase with dates or spans (Weeks 1-2)"))

    def _under_rows(self, axis: Text) -> Text:
        """The axis moved left by as many cells as the heading is indented more than the rows
        (its padding), so each label stands over its date's column in the rows."""
        head = self.query_one(".view-head", Static).styles
        shift = head.padding.left - self.rows.styles.padding.left
        return axis[shift:] if shift > 0 else Text(" " * -shift).append_text(axis)
