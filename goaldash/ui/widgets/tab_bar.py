"""The main screen's tab bar: one line, every tab's number, title and count.

Textual's `TabbedContent` takes two lines (labels and an underline) and, composed with the
first frame, a tenth of the dashboard's start; a split pane has few lines to spare. This bar
is one line, tells the tab in sight by reverse video as well as colour, and fits its width:
the other tabs' titles are cut to their first letters, then left out (their numbers and
counts stay), before the bar is ever cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

SHORT = 4
"""Letters of a title kept when the full titles do not fit."""


@dataclass(frozen=True, slots=True)
class Label:
    """One tab's label: `number title (count)`."""

    id: str
    number: int
    title: str
    count: int = 0

    def text(self, letters: int | None) -> str:
        """The label with the title's first `letters` letters (all when None, none when 0)."""
        title = self.title if letters is None else self.title[:letters]
        words = [str(self.number), *([title] if title else [])]
        if self.count:
            words.append(f"({self.count})")
        return " ".join(words)


def fit(labels: list[Label], active: str, width: int) -> list[tuple[str, str]]:
    """Each tab's text (id, text, a space each side) at `width` cells: full titles if they
    fit, else the tabs not in sight cut to `SHORT` letters, else to their numbers and counts."""
    for letters in (None, SHORT, 0):
        out = [(lb.id, f" {lb.text(None if lb.id == active else letters)} ") for lb in labels]
        if sum(cell_len(t) for _, t in out) <= width:
            break
    return out


class TabBar(Widget):
    """The tab labels on one line; a click on one chooses it (`TabBar.Chosen`)."""

    DEFAULT_CSS = """
    TabBar {
        height: 1;
    }
    """

    class Chosen(Message):
        """The tab `tab` was clicked."""

        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, labels: list[Label], active: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels = labels
        self._active = active
        self._spans: list[tuple[int, int, str]] = []
        """Where each label was drawn: (first cell, cell after it, tab id)."""

    @property
    def active(self) -> str:
        return self._active

    @active.setter
    def active(self, tab: str) -> None:
        if tab != self._active:
            self._active = tab
            self.refresh()

    def label(self, tab: str) -> str:
        """The text of `tab`'s label in full (`1 Overview`, `2 Blockers (3)`)."""
        return next(lb.text(None) for lb in self._labels if lb.id == tab)

    def set_labels(self, labels: list[Label]) -> None:
        """Show `labels` (the same tabs, their counts as they are now)."""
        if labels != self._labels:
            self._labels = labels
            self.refresh()

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []
        for tab, text in fit(self._labels, self._active, self.content_size.width):
            start = out.cell_len
            out.append(text, style="bold reverse" if tab == self._active else "")
            self._spans.append((start, out.cell_len, tab))
        return out

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.gutter.left
        for start, end, tab in self._spans:
            if start <= x < end:
                self.post_message(self.Chosen(tab))
                return
