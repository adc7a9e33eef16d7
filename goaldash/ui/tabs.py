"""The tabs of the main screen, in one table: a tab is a view (one file under `views/`) and a
row here. Its number key, its label (with a count when it has one), its footer entry and its
palette command all come from the row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.binding import Binding

from goaldash.ui.views import (
    BlockersView,
    OverviewView,
    StandupView,
    TimelineView,
    View,
    WarningsView,
)
from goaldash.ui.widgets.tab_bar import Label
from goaldash.workspace import Summary


@dataclass(frozen=True, slots=True)
class Tab:
    """One tab of the main screen."""

    id: str
    """The pane's id; its view's is `<id>-view`."""
    title: str
    view: type[View]
    count: Callable[[Summary], int] | None = None
    """A number shown after the title when it is not 0."""
    key: str = ""
    """A letter that shows the tab besides its number; the footer shows the tab by it."""

    def label(self, number: int, summary: Summary | None = None) -> Label:
        """ "2 Blockers (3)"."""
        n = self.count(summary) if self.count is not None and summary is not None else 0
        return Label(self.id, number, self.title, n)


TABS: tuple[Tab, ...] = (
    Tab("overview", "Overview", OverviewView),
    Tab("blockers", "Blockers", BlockersView, count=lambda s: s.open_blockers),
    Tab("timeline", "Timeline", TimelineView),
    Tab("warnings", "Warnings", WarningsView, count=lambda s: s.warnings),
    Tab("standup", "Standup", StandupView, key="s"),
)
"""The tabs, in order: the first is shown first, and tab n is shown by the key n."""


def labels(summary: Summary | None = None) -> list[Label]:
    """Every tab's label, with the counts of `summary` (none when None)."""
    return [tab.label(number, summary) for number, tab in enumerate(TABS, 1)]


def next_tab(current: str, step: int) -> str:
    """The tab `step` places after `current` (before, when negative), round the ends."""
    ids = [t.id for t in TABS]
    at = ids.index(current) if current in ids else 0
    return ids[(at + step) % len(ids)]


def cycle_bindings() -> list[Binding]:
    """tab / l: the next tab, shift+tab / h: the previous (the main screen's keys: a plan's
    screen keeps tab for its panes)."""
    return [
        Binding("tab,l", "app.cycle_tab(1)", "Next tab", show=False),
        Binding("shift+tab,h", "app.cycle_tab(-1)", "Previous tab", show=False),
    ]


def tab_bindings() -> list[Binding]:
    """A binding per tab: its number (and its letter, shown in the footer)."""
    out: list[Binding] = []
    for number, tab in enumerate(TABS, 1):
        keys = f"{number},{tab.key}" if tab.key else str(number)
        action = f"show_tab('{tab.id}')"
        if tab.key:
            out.append(Binding(keys, action, tab.title, key_display=tab.key))
        else:
            out.append(Binding(keys, action, tab.title, show=False))
    return out
