"""The timeline tab: a Gantt chart of every phase with dates or spans (`goaldash.ui.gantt`)."""

from __future__ import annotations

from rich.text import Text

from goaldash.ui.gantt import legend, timeline_rows
from goaldash.ui.views.base import View, empty_message, row_key
from goaldash.ui.widgets import Row


class TimelineView(View):
    """A Gantt chart of every phase with dates or spans."""

    def redraw(self) -> None:
        ws = self.workspace
        axis, dated, relative = timeline_rows(ws.counted(), ws.today, self.width)
        rows = [Row(None if r.line is None else row_key(r.plan, r.line), r.text) for r in dated]
        if relative:
            if dated:
                rows.append(Row(None, Text("")))
            rows.extend(
                Row(None if r.line is None else row_key(r.plan, r.line), r.text) for r in relative
            )
        head = Text.assemble(legend(), "\n", axis) if dated else legend()
        self.show(head, rows, empty_message(ws, "phase with dates or spans (Weeks 1-2)"))
