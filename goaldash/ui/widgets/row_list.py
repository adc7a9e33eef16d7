"""The list every view is made of: rows with keys, whose cursor and scroll survive a reload."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text
from textual._widget_navigation import find_next_enabled_no_wrap
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option


@dataclass(frozen=True, slots=True)
class Row:
    """One entry of a `RowList`: a key that survives reloads, and its text."""

    key: str | None
    """None for a heading, which the cursor skips."""
    text: Text


class RowList(OptionList):
    """An option list of rows whose cursor and scroll survive a reload, with `j`/`k`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._keys: list[str | None] = []
        self._made: dict[tuple[str | None, int], tuple[Text, Option]] = {}
        """The options of the rows shown, by key and text: an option keeps its laid-out text,
        so a row that did not change costs nothing when the list is set again."""

    @property
    def highlighted_key(self) -> str | None:
        """The key of the highlighted row."""
        if self.highlighted is None or self.highlighted >= len(self._keys):
            return None
        return self._keys[self.highlighted]

    def show_rows(self, rows: list[Row]) -> None:
        """Replace the rows; the highlighted row stays highlighted, the scroll stays put."""
        keys = [r.key for r in rows]
        if keys == self._keys and len(self.options) == len(rows):
            # Same rows: change just the texts that changed (rows are cached, so an unchanged
            # row is the very same object), keeping the cursor and the scroll as they are.
            for i, (o, r) in enumerate(zip(self.options, rows, strict=True)):
                if o.prompt is not r.text and o.prompt != r.text:
                    self.replace_option_prompt_at_index(i, r.text)
            return
        keep = self.highlighted_key
        old_index = self.highlighted
        scroll_y = self.scroll_y
        self._keys = keys
        self.set_options(self._options_for(rows))
        target: int | None = None
        if keep is not None and keep in keys:
            target = keys.index(keep)
        elif old_index is not None and rows:
            target = min(old_index, len(rows) - 1)
        enabled = [i for i, k in enumerate(keys) if k is not None]
        if target is not None and enabled:
            # Land on an enabled row near where the cursor was.
            near = target
            self.highlighted = min(enabled, key=lambda i: (abs(i - near), i))
        elif any(k is not None for k in keys):
            # First look: on the first row that opens something (not a group's row, whose
            # key starts with NUL), else the first enabled one.
            opens = [i for i, k in enumerate(keys) if k and not k.startswith("\0")]
            if opens:
                self.highlighted = opens[0]
            else:
                self.action_first()
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        if self.highlighted is not None:
            self.scroll_to_highlight()

    def _options_for(self, rows: list[Row]) -> list[Option]:
        """An option per row: the one it had if its text is the very same object (rows are
        cached), else a new one. With 1,000 plans, re-wrapping every row's text on every
        redraw while plans are read took a quarter of a second each time."""
        made: dict[tuple[str | None, int], tuple[Text, Option]] = {}
        options: list[Option] = []
        for r in rows:
            slot = (r.key, id(r.text))
            had = self._made.get(slot)
            if had is not None and had[0] is r.text and slot not in made:
                option = had[1]
            else:
                option = Option(r.text, id=None, disabled=r.key is None)
            made.setdefault(slot, (r.text, option))
            options.append(option)
        self._made = made
        return options

    def action_cursor_up(self) -> None:
        """Up to the previous enabled row; at the first row, stay (no wrap to the last)."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """Down to the next enabled row; at the last row, stay (no wrap to the first)."""
        self._step(1)

    def _step(self, direction: Literal[-1, 1]) -> None:
        if self.highlighted is None:
            (self.action_first if direction == 1 else self.action_last)()
            return
        found = find_next_enabled_no_wrap(self.options, self.highlighted, direction)
        if found is not None:
            self.highlighted = found

    def select_key(self, key: str) -> bool:
        """Move the cursor to the row with `key`."""
        if key in self._keys:
            self.highlighted = self._keys.index(key)
            return True
        return False
