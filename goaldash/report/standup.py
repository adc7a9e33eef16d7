"""Standup as text: the rows `goaldash standup` prints and the dashboard's Standup view
shows (Rich `Text`, no markup: every word from a file is shown literally and cleaned).

This module is core: it must not import Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.console import Console
from rich.text import Text

from goaldash.standup import Change, PlanMoves, Standup
from goaldash.text import clean, clean_plain, counted, shown_path

# kind: (sign, label, style)
LOOK: dict[str, tuple[str, str, str]] = {
    "ticked": ("✓", "ticked", "green"),
    "unticked": ("○", "unticked", "yellow"),
    "started": ("◐", "started", "blue"),
    "added": ("+", "added", "cyan"),
    "removed": ("−", "removed", "magenta"),
    "blockers_added": ("⚑", "blocker", "red"),
    "blockers_resolved": ("✔", "unblocked", "green"),
    "adjustments_added": ("↻", "adjusted", "yellow"),
    "phase_changes": ("◆", "phase", "blue"),
    "created": ("★", "created", "cyan"),
    "completed": ("★", "completed", "green"),
    "deleted": ("✗", "deleted", "red"),
}


@dataclass(frozen=True, slots=True)
class StandupRow:
    """One row: a plan heading, a change, or a note. `path`/`line` say where it points."""

    text: Text
    path: str | None = None
    line: int | None = None
    heading: bool = False


def shown(text: str) -> str:
    """A word that is not markdown (an author, a label): cleaned, on one line."""
    return clean(text).replace("\n", " ")


def shown_md(text: str) -> str:
    """Text from a plan (an item, a title): as the plan view shows it, emphasis dropped."""
    return clean_plain(text).replace("\n", " ")


def when_text(when: datetime | None, until: datetime) -> str:
    """ "Fri 14:02" within the last six days, else the date."""
    if when is None:
        return "—"
    if abs((until - when).total_seconds()) < 6 * 86400:
        return when.strftime("%a %H:%M")
    return when.strftime("%Y-%m-%d")


FILE_CHANGES = ("created", "completed", "deleted")
"""What happened to a plan's file as a whole: a row each, listed before its changes."""


def change_count(st: Standup) -> int:
    """The change rows `rows` lists: a plan created, completed or deleted, and each change
    in it. The heading of `goaldash standup` and of the dashboard's view both count so."""
    return sum(
        sum(1 for kind in FILE_CHANGES if getattr(m, kind) is not None)
        + sum(1 for _ in m.changes())
        for m in st.plans
    )


def summary(st: Standup) -> Text:
    """The heading line: the changes listed below and their plans first (a narrow terminal
    never crops them), then the span and the commits. The dashboard's view says the same."""
    n = len(st.plans)
    t = Text(
        f"{counted(change_count(st), 'change')} in {counted(n, 'plan')}" if n else "Nothing moved",
        style="bold",
    )
    t.append(f"  ·  since {st.since:%a %Y-%m-%d %H:%M}")
    t.append(f" ({shown(st.label)})", style="bright_black")
    t.append(f"  ·  {counted(st.commits, 'commit')}")
    return t


def _change(kind: str, c: Change, until: datetime, width: int) -> Text:
    """One change: sign and label, what moved, then (in aligned columns) its line, who
    and when. Below 100 columns the line number is left out, so the words keep their room."""
    sign, label, style = LOOK[kind]
    if kind == "phase_changes":
        label = f"phase {shown(c.phase or '')}"[:12]
        body = f"{shown_md(c.text)}: {c.before} → {c.after}"
    elif kind == "added" and c.after == "done":
        body = f"{shown_md(c.text)} (done)"
    else:
        body = shown_md(c.text)
    author = shown(c.author)
    if len(author) > 14:
        author = author[:13] + "…"
    wide = width >= 100
    where = f"line {c.line}" if c.line is not None else ""
    when = f" · {when_text(c.when, until)}"
    tail = (11 if wide else 0) + 2 + 27  # the line column; then who and when, left-aligned
    room = max(10, width - 16 - tail)
    if len(body) > room:
        body = body[: room - 1] + "…"
    t = Text("  ")
    t.append(f"{sign} ", style=style)
    t.append(f"{label:<12}", style=style)
    t.append(body.ljust(room))
    if wide:
        t.append(f"  {where:>9}", style="bright_black")
    t.append(f"  {author}", style="yellow" if c.author == "uncommitted" else "bright_black")
    t.append(when, style="bright_black")
    return t


def _heading(m: PlanMoves, until: datetime, width: int) -> Text:
    t = Text()
    t.append(shown_path(m.path), style="bold")
    if m.title and m.title != m.path:
        t.append(f"  {shown_md(m.title)}")
    if m.after is not None and m.after.total:
        was = f"{m.before.done}/{m.before.total} → " if m.before is not None else ""
        t.append(f"  {was}{m.after.done}/{m.after.total}", style="bright_black")
    if m.renamed_from:
        by = ""
        if m.renamed is not None:
            by = f", renamed by {shown(m.renamed.author)} · {when_text(m.renamed.when, until)}"
        t.append(f"  (was {shown_path(m.renamed_from)}{by})", style="bright_black")
    t.truncate(width, overflow="ellipsis")
    return t


def rows(st: Standup, width: int = 100) -> list[StandupRow]:
    """Every row, grouped by plan."""
    out: list[StandupRow] = []
    for note in st.notes:
        out.append(StandupRow(Text(f"note: {note}", style="yellow")))
    for m in st.plans:
        out.append(StandupRow(_heading(m, st.until, width), m.path, None, heading=True))
        for kind in FILE_CHANGES:
            c = getattr(m, kind)
            if c is not None:
                line = c.line if kind != "deleted" else None
                out.append(
                    StandupRow(_change(kind, c, st.until, width), m.path if line else None, line)
                )
        for kind, c in m.changes():
            line = None if kind == "removed" else c.line  # a removed line is not there now
            out.append(StandupRow(_change(kind, c, st.until, width), m.path, line))
    return out


def print_standup(st: Standup) -> None:
    """Print `goaldash standup`'s text report to stdout (120 columns when not a terminal).
    Notes are left out: the command line writes them to stderr."""
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console = Console(highlight=False, soft_wrap=False, width=120)
    console.print(summary(st))
    for r in rows(st, console.width):
        if r.heading:
            console.print()
        if not r.text.plain.startswith("note:"):
            console.print(r.text)
