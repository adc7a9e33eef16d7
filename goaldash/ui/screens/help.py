"""The `?` screen: every key, in one place (the README's key table is made from the same list)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from goaldash.ui.tabs import TABS

KEYS: list[tuple[str, str, str]] = [
    (
        "Everywhere",
        " ".join(str(n) for n in range(1, len(TABS) + 1)),
        ", ".join(tab.title for tab in TABS),
    ),
    ("Everywhere", "s", "Standup: what moved since the previous working day, from git"),
    ("Everywhere", "j k ↑ ↓", "Move the cursor (g / G: first / last; no wrap at the ends)"),
    ("Everywhere", "tab l", "Next tab (shift+tab, h: previous); in a plan, tab changes pane"),
    ("Everywhere", "enter", "Open the plan (at the blocker, phase or warning under the cursor)"),
    ("Everywhere", "e", "Open $EDITOR (then $VISUAL, then vi) at the line; reload after"),
    ("Everywhere", "/", "Filter by text (enter keeps it, escape clears it)"),
    ("Everywhere", "f", "Hide or show finished plans"),
    ("Everywhere", "u", "Undo the last tick (repeat to go further back)"),
    ("Everywhere", "r", "Read every file again"),
    ("Everywhere", "ctrl+p", "Command palette: jump to a plan, hide finished plans"),
    ("Everywhere", "?", "This help"),
    ("Everywhere", "q", "Quit"),
    ("Standup", "[ ]", "Shorter or longer span: today, yesterday, 3d, 7d, 14d, 30d"),
    ("Standup", "enter", "Open the plan at the line that moved"),
    (
        "Plan",
        "space x",
        "Tick the item under the cursor, in the file: open or in progress → done, done → open",
    ),
    ("Plan", "enter ← →", "Fold or unfold (on a phase row above: go to the phase)"),
    ("Plan", "tab", "Between the phase list and the checklist"),
    ("Plan", "escape", "Back to the dashboard"),
]


class HelpScreen(ModalScreen[None]):
    """Every key goaldash knows."""

    AUTO_FOCUS = "#help-box"
    """The box has the keys, so ↑ ↓ page up / down scroll it in a small terminal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close"),
        Binding("j", "scroll('down')", "Down", show=False),
        Binding("k", "scroll('up')", "Up", show=False),
        Binding("g", "scroll('home')", "Top", show=False),
        Binding("G", "scroll('end')", "Bottom", show=False),
    ]

    def action_scroll(self, where: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        {
            "down": box.scroll_down,
            "up": box.scroll_up,
            "home": box.scroll_home,
            "end": box.scroll_end,
        }[where](animate=False)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("where", style="bright_black")
        table.add_column("key", style="bold cyan", no_wrap=True)
        table.add_column("what it does")
        for where, key, what in KEYS:
            table.add_row(where, key, what)
        with VerticalScroll(id="help-box"):
            yield Static(Text("goaldash keys", style="bold"), id="help-title")
            yield Static(table)
            yield Static(
                Text(
                    "A tick changes the one mark in the file and nothing else. If the file "
                    "changed since it was read, the item is looked for by its text; only if "
                    "that is not certain is the tick refused (and the plan read again). "
                    "The mouse works too: click a row, a tab or a tree node.",
                    style="bright_black",
                )
            )
            yield Static(Text("↑ ↓ j k to scroll, escape to close", style="bright_black"))
