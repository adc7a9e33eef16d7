"""The cursor keys every list of the dashboard answers (the views' lists and a plan's
checklist): one table, so that the lists cannot drift apart. Each list has the actions."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MOVES: list[BindingType] = [
    Binding("up,k", "cursor_up", "Up", show=False),
    Binding("down,j", "cursor_down", "Down", show=False),
    Binding("pageup", "page_up", "Page up", show=False),
    Binding("pagedown", "page_down", "Page down", show=False),
    Binding("home,g", "first", "First", show=False),
    Binding("end,G", "last", "Last", show=False),
]
