"""The warnings tab: placeholders, contradictions and parse problems, each with file and line;
and first, what the scan passed over (a folder it cannot read, a binary file), as `--once` says
it on stderr."""

from __future__ import annotations

from rich.text import Text

from goaldash.text import counted
from goaldash.ui.cells import one_line, warning_row
from goaldash.ui.views.base import View, empty_message, row_key
from goaldash.ui.widgets import Row
from goaldash.workspace import counts, matches, plan_matches


class WarningsView(View):
    """Placeholders, contradictions and parse problems, each with file and line."""

    def redraw(self) -> None:
        ws = self.workspace
        rows: list[Row] = []
        apart: list[Row] = []
        total = 0
        for p in ws.visible():
            warnings = [
                w
                for w in p.warnings
                if matches(ws.query, w.message, w.kind, p.path) or plan_matches(p, ws.query)
            ]
            if not warnings:
                continue
            # Counted as the status line and --once count (`summarize`): templates and stale
            # copies are listed apart, not counted.
            into = rows if counts(p) else apart
            into.append(Row(None, Text(one_line(p.path), style="bold cyan")))
            seen: set[str] = set()
            for i, w in enumerate(warnings):
                key = row_key(p.path, w.line or 0)
                if key in seen:
                    key = f"{key}\0{i}"
                seen.add(key)
                into.append(Row(key, warning_row(p, w)))
            total += len(warnings) if counts(p) else 0
        skipped = [n for n in ws.passed_over if matches(ws.query, n)]
        if skipped:
            over = [Row(None, Text(f"Passed over ({len(skipped)})", style="bold yellow"))]
            over.extend(Row(None, Text("  " + one_line(n), style="yellow")) for n in skipped)
            rows[:0] = [*over, Row(None, Text(""))] if rows else over
        if apart:
            rows.append(
                Row(
                    None, Text("Templates and stale copies, not counted", style="bold bright_black")
                )
            )
            rows.extend(apart)
        head = Text.assemble((counted(total, "warning"), "bold"))
        if skipped:
            head.append(f" · {len(skipped)} passed over", style="yellow")
        head.append("   enter: open the plan · e: edit at the line", style="bright_black")
        self.show(head, rows, empty_message(ws, "warning"))
