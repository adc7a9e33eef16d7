"""The line at the top of the dashboard: the folder, its totals, and what is filtered."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from goaldash.report.style import bar
from goaldash.text import counted
from goaldash.ui.cells import one_line
from goaldash.workspace import Workspace


def summary_line(ws: Workspace) -> Text:
    """Folder, plans counted, their bar and counts, open blockers, filter, scan, today."""
    sums = ws.summary()
    total = sums.progress
    t = Text.assemble(("goaldash ", "bold"))
    t.append(one_line(ws.root.name or str(ws.root)), style="cyan")
    t.append(f"  {counted(sums.plans, 'plan')}  ")
    t.append_text(bar(total, 12))
    t.append(f" {total.done}/{total.total} ({total.percent:g}%)")
    blockers = sums.open_blockers
    if blockers:
        t.append(f"  ⚑ {counted(blockers, 'blocker')}", style="bold red")
    if ws.passed_over:
        t.append(f"  {len(ws.passed_over)} passed over", style="yellow")
    if ws.query:
        t.append(f"  filter “{one_line(ws.query)}”", style="bold yellow")
    if ws.hide_finished:
        t.append("  finished hidden", style="yellow")
    if ws.scanning:
        t.append(f"  reading {ws.scanned}/{ws.candidates}…", style="italic bright_black")
    t.append(f"  today {ws.today.isoformat()}", style="bright_black")
    return t


class StatusLine(Static):
    """The status line at the top of the dashboard."""

    def redraw(self, ws: Workspace) -> None:
        """Show the workspace's totals as they are now."""
        self.update(summary_line(ws))
