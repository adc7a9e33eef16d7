"""The pieces rows are made of, as Rich `Text`: cropped cells, status words, counts, dates,
labels. Pure: no Textual, no IO.

Every string that comes from a file goes through `one_line()` (`goaldash.text.clean_plain`:
control characters and escape sequences stripped, markdown emphasis dropped) and only ever
into `Text`, never into markup, so `[bold]` or `[@click=quit]` in a plan reads as written.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from goaldash.model import Phase, Plan, Progress, Status, Warning
from goaldash.report.style import STATUS_STYLE
from goaldash.text import clean_plain

DIM = "bright_black"


def one_line(text: str) -> str:
    """Text from a file as the screen shows it: `clean_plain`, on one line (each run of
    white space one space)."""
    return " ".join(clean_plain(text).split())


def fit(text: str, width: int) -> str:
    """Crop to `width` cells with an ellipsis, then pad to exactly `width` cells."""
    if width <= 0:
        return ""
    t = Text(text)
    t.truncate(width, overflow="ellipsis", pad=True)
    return t.plain


def cell(text: Text, width: int) -> Text:
    """A styled cell cropped with an ellipsis and padded to `width`."""
    out = text.copy()
    out.truncate(max(0, width), overflow="ellipsis", pad=True)
    return out


def phase_label(phase: Phase) -> str:
    """ "Phase 2: Name"."""
    name = f": {one_line(phase.name)}" if phase.name else ""
    return f"{phase.kind.title()} {one_line(phase.id)}{name}"


def status_text(status: Status, late: bool = False) -> Text:
    """The status word in its colour, with "late" in red when it is."""
    label, colour = STATUS_STYLE[status]
    t = Text.assemble((label, colour))
    if late:
        t.append(" late", style="bold red")
    return t


def counts(progress: Progress) -> str:
    """ "12/30  40%"."""
    return f"{progress.done}/{progress.total} {progress.percent:>3.0f}%"


def short_date(day: date | None, today: date) -> str:
    """ISO date; "—" for none."""
    return day.isoformat() if day else "—"


def warning_row(plan: Plan, w: Warning) -> Text:
    """A warning on two lines: the message, then where and what kind."""
    colour = "red" if w.kind in ("contradiction", "unreadable", "encoding") else "yellow"
    t = Text.assemble(("! ", f"bold {colour}"))
    t.append(one_line(w.message))
    where = f"line {w.line}" if w.line else "the whole file"
    t.append(f"\n    {where} · {w.kind}", style=DIM)
    return t
