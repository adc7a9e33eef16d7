"""How statuses and progress look in a terminal: the one table of status styles, and bars.

Rich only (no Textual): the `--once` summary and the dashboard both draw with these.
"""

from __future__ import annotations

from rich.text import Text

from goaldash.model import Progress, Status
from goaldash.schedule import LATE, BarKind

STATUS_STYLE: dict[Status, tuple[str, str]] = {
    Status.DONE: ("done", "green"),
    Status.IN_PROGRESS: ("in progress", "yellow"),
    Status.NOT_STARTED: ("not started", "bright_black"),
    Status.BLOCKED: ("blocked", "red"),
    Status.CANCELLED: ("cancelled", "strike bright_black"),
    Status.UNKNOWN: ("—", "bright_black"),
}
"""Each status as words and the style they are shown in."""

BAR_STYLE: dict[BarKind, tuple[str, str]] = {
    Status.DONE: ("█", "green"),
    Status.IN_PROGRESS: ("▒", "yellow"),
    Status.NOT_STARTED: ("░", "blue"),
    LATE: ("▚", "red"),
    Status.BLOCKED: ("▓", "bold magenta"),
    Status.CANCELLED: ("╌", "bright_black"),
    Status.UNKNOWN: ("┈", "bright_black"),
}
"""Each kind of timeline bar as its glyph and style, in the order the legend lists them (a
status, or late). Every glyph differs, so the bars read without colour (NO_COLOR, colour-blind
users)."""

BAR_WORDS: dict[BarKind, str] = {
    **{status: words for status, (words, _) in STATUS_STYLE.items()},
    Status.UNKNOWN: "no status",
    LATE: "late",
}
"""What each kind of bar is called in the timeline's legend."""

MARK_STYLE: dict[str, tuple[str, str, str]] = {
    "slip": ("»", "bold bright_red", "slip"),
    "adjusted": ("↻", "bold yellow", "adjusted"),
    "milestone": ("◆", "bold cyan", "milestone"),
    "estimate": ("◇", "bold bright_red", "estimate"),
    "today": ("│", "bold white", "today"),
}
"""The timeline's marks beside the bars: name -> (glyph, style, what the legend says). Their
glyphs differ from each other and from every bar's. A slip runs from the end first planned to
the new one; the estimate is the plan's estimated completion where it moved later."""


def bar(progress: Progress, width: int) -> Text:
    """A text progress bar: done solid, in progress shaded, open empty."""
    if progress.total == 0 or width <= 0:
        return Text("·" * max(width, 0), style="bright_black")
    done = round(width * progress.done / progress.total)
    doing = min(width - done, round(width * progress.in_progress / progress.total))
    t = Text()
    t.append("█" * done, style="green")
    t.append("▒" * doing, style="yellow")
    t.append("░" * (width - done - doing), style="bright_black")
    return t
