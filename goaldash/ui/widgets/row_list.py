"""The list every view is made of: rows with keys, whose cursor and scroll survive a reload.

The list is virtual (a Line API `ScrollView`): it holds its rows as a plain list and draws only
the lines on screen, one line per row, a row's text made when its line is first drawn (a row
may carry a function that makes it). Textual's `OptionList`, which it replaced, measured and
wrapped every row whenever the rows were set: with 1,000 plans streaming in, each redraw cost
a few hundred milliseconds and the whole start seconds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from goaldash.ui.widgets.moves import MOVES


@dataclass(frozen=True, slots=True)
class Row:
    """One entry of a `RowList`: a key that survives reloads, and its text (or a function
    that makes it, called only when the row is drawn)."""

    key: str | None
    """None for a heading, which the cursor skips."""
    text: Text | Callable[[], Text]

    @property
    def prompt(self) -> Text:
        """The row's text (made now, if it was left to be made when drawn)."""
        return self.text if isinstance(self.text, Text) else self.text()


class RowList(ScrollView, can_focus=True):
    """A list of rows whose cursor and scroll survive a reload, with `j`/`k`. Enter (or a
    click) on a row posts `OptionSelected`, handled as `on_option_list_option_selected`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Select", show=False),
        *MOVES,
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "row-list--heading"}

    DEFAULT_CSS = """
    RowList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        background: $surface;
        overflow-x: hidden;
        & > .row-list--heading { color: $text-disabled; }
        & > .row-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .row-list--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    class OptionSelected(Message, namespace="option_list"):
        """Enter or a click on a row (as `OptionList.OptionSelected`: the handler is
        `on_option_list_option_selected`)."""

        def __init__(self, option_list: RowList, index: int) -> None:
            super().__init__()
            self.option_list = option_list
            """The list the row is in."""
            self.option_index = index
            """The row's index."""

        @property
        def control(self) -> RowList:
            return self.option_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Row] = []
        self._keys: list[str | None] = []
        self._at: dict[str, int] = {}
        """A row's index by its key (the first row with it)."""
        self._cursor: int | None = None
        self._chosen = False
        """Whether the cursor was put on a row (by a key, a click, the app): until then, rows
        arriving put it back on the first row, as at first look (plans read in batches)."""
        self._texts: dict[int, Text] = {}
        """The rows' texts made so far, by index (only the drawn rows')."""
        self._drawn: dict[int, tuple[Text, int, list[Strip]]] = {}
        """Drawn rows by index (their lines), with the text and width they were drawn from."""
        self._first: list[int] = [0]
        """The first line of each row, and after them the number of lines: a row is one line,
        or as many as its text has line breaks plus one (never wrapped)."""
        self._row_at: list[int] = []
        """The row on each line."""

    # -- what the views ask ------------------------------------------------------------------

    @property
    def options(self) -> list[Row]:
        """The rows (each has `.prompt`, as an `OptionList`'s options do)."""
        return self._rows

    @property
    def option_count(self) -> int:
        return len(self._rows)

    @property
    def highlighted(self) -> int | None:
        """The cursor's row, None when there is none."""
        return self._cursor

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        self._chosen = index is not None
        if index is None or not self._rows:
            self._cursor = None
        else:
            self._cursor = max(0, min(index, len(self._rows) - 1))
            self.scroll_to_highlight()
        self.refresh()

    @property
    def highlighted_key(self) -> str | None:
        """The key of the highlighted row."""
        if self._cursor is None or self._cursor >= len(self._keys):
            return None
        return self._keys[self._cursor]

    def select_key(self, key: str) -> bool:
        """Move the cursor to the row with `key`."""
        at = self._at.get(key)
        if at is None:
            return False
        self.highlighted = at
        return True

    def show_rows(self, rows: list[Row]) -> None:
        """Replace the rows; the highlighted row stays highlighted, the scroll stays put."""
        keys = [r.key for r in rows]
        if keys == self._keys:
            # Same rows: the texts may differ; the cursor and the scroll stay as they are.
            self._rows = list(rows)
            self._texts = {}
            if self._lay_out():
                self._resize(layout=True)
            self.refresh()
            return
        keep = self.highlighted_key if self._chosen else None
        old_index = self._cursor if self._chosen else None
        scroll_y = self.scroll_y
        grew = len(rows) != len(self._rows)
        self._rows, self._keys = list(rows), keys
        self._at = {}
        for i, k in enumerate(keys):
            if k is not None:
                self._at.setdefault(k, i)
        self._texts, self._drawn = {}, {}
        self._cursor = None
        self._lay_out()
        self._resize(layout=grew)
        target: int | None = None
        if keep is not None and keep in self._at:
            target = self._at[keep]
        elif old_index is not None and rows:
            target = min(old_index, len(rows) - 1)
        if target is not None and self._at:
            self._cursor = self._nearest_enabled(target)
        elif self._at:
            # First look: on the first row that opens something (not a group's row, whose
            # key starts with NUL), else the first enabled one.
            opens = next((i for i, k in enumerate(keys) if k and not k.startswith("\0")), None)
            self._cursor = opens if opens is not None else self._next_enabled(0, 1)
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        self.scroll_to_highlight()
        self.refresh()

    def scroll_to_highlight(self) -> None:
        """Scroll so the cursor's row is in sight (as little as it takes)."""
        if self._cursor is None:
            return
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = round(self.scroll_y)
        first, end = self._first[self._cursor], self._first[self._cursor + 1]
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif end > top + height:
            self.scroll_to(y=max(first, end - height), animate=False, immediate=True)

    # -- the cursor ----------------------------------------------------------------------------

    def _enabled(self, i: int) -> bool:
        return self._keys[i] is not None

    def _next_enabled(self, start: int, direction: Literal[-1, 1]) -> int | None:
        """The first enabled row from `start` on (itself included) going `direction`."""
        i = start
        while 0 <= i < len(self._keys):
            if self._keys[i] is not None:
                return i
            i += direction
        return None

    def _nearest_enabled(self, target: int) -> int | None:
        below = self._next_enabled(target, 1)
        above = self._next_enabled(target, -1)
        if below is None or above is None:
            return above if below is None else below
        return above if target - above <= below - target else below

    def _move_to(self, index: int | None) -> None:
        if index is not None and index != self._cursor:
            self.highlighted = index

    def _step(self, direction: Literal[-1, 1]) -> None:
        if self._cursor is None:
            (self.action_first if direction == 1 else self.action_last)()
            return
        # No wrap: at the last enabled row, down stays; at the first, up stays.
        self._move_to(self._next_enabled(self._cursor + direction, direction))

    def action_cursor_up(self) -> None:
        """Up to the previous enabled row; at the first row, stay (no wrap to the last)."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """Down to the next enabled row; at the last row, stay (no wrap to the first)."""
        self._step(1)

    def action_first(self) -> None:
        self._move_to(self._next_enabled(0, 1))

    def action_last(self) -> None:
        self._move_to(self._next_enabled(len(self._keys) - 1, -1))

    def _page(self, direction: Literal[-1, 1]) -> None:
        if self._cursor is None:
            self._step(direction)
            return
        page = max(1, self.scrollable_content_region.height - 1)
        target = max(0, min(self._cursor + direction * page, len(self._keys) - 1))
        found = self._next_enabled(target, direction)
        if found is None:
            found = self._next_enabled(target, -direction)
        self._move_to(found)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def action_select(self) -> None:
        if self._cursor is not None and self._enabled(self._cursor):
            self.post_message(self.OptionSelected(self, self._cursor))

    def on_click(self, event: events.Click) -> None:
        line = event.y + round(self.scroll_y)
        row = self._row_at[line] if 0 <= line < len(self._row_at) else -1
        if row >= 0 and self._enabled(row):
            self.highlighted = row
            self.action_select()

    # -- drawing -----------------------------------------------------------------------------

    def _lay_out(self) -> bool:
        """Work out each row's lines; True when the number of lines changed."""
        first, row_at = [0], []
        for i, r in enumerate(self._rows):
            # A row made when drawn is one line (knowing more would mean making it now).
            n = 1 if not isinstance(r.text, Text) else r.text.plain.count("\n") + 1
            first.append(first[-1] + n)
            row_at += [i] * n
        changed = first[-1] != self._first[-1]
        self._first, self._row_at = first, row_at
        return changed

    def _resize(self, layout: bool = False) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._row_at))
        if layout:
            self.refresh(layout=True)  # an auto height follows the number of lines

    def on_resize(self) -> None:
        self._drawn = {}
        self._resize()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn = {}

    def _text(self, i: int) -> Text:
        made = self._texts.get(i)
        if made is None:
            made = self._texts[i] = self._rows[i].prompt
        return made

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + round(self.scroll_y)
        base = self.rich_style
        if line >= len(self._row_at) or width <= 0:
            return Strip.blank(width, base)
        row = self._row_at[line]
        text = self._text(row)
        lines = self._first[row + 1] - self._first[row]
        if row == self._cursor:  # the whole row, so the selected row keeps its contrast
            cursor = self.get_component_rich_style("row-list--cursor")
            strips = self._draw(text, lines, width, base, cursor, lift=cursor)
        else:
            had = self._drawn.get(row)
            if had is not None and had[0] is text and had[1] == width:
                strips = had[2]
            else:
                heading = self._keys[row] is None
                under = self.get_component_rich_style("row-list--heading") if heading else None
                strips = self._draw(text, lines, width, base, under)
                self._drawn[row] = (text, width, strips)
        return strips[line - self._first[row]]

    def _draw(
        self,
        text: Text,
        lines: int,
        width: int,
        base: Style,
        under: Style | None,
        lift: Style | None = None,
    ) -> list[Strip]:
        """A row's `lines` lines of `width` cells (cropped, never wrapped), `under` beneath
        the text's own styles; with `lift` (the cursor's row), faint text (dim, grey) takes
        `lift`'s colour, so every cell of the selected row stays readable on its bar."""
        console = self.app.console
        parts = list(text.split(allow_blank=True)) if "\n" in text.plain else [text]
        parts += [Text()] * (lines - len(parts))
        strips = []
        for part in parts[:lines]:
            # In a Text of its own: the part's style becomes a span (`render` leaves a
            # text's own style out), and the row's text is never changed.
            line = Text(end="", no_wrap=True)
            line.append_text(part)
            line.truncate(width, overflow="ellipsis", pad=True)
            if under is not None:
                line.stylize_before(under)
            segments = list(line.render(console))
            if lift is not None and lift.color is not None:
                segments = [_lifted(seg, lift) for seg in segments]
            strips.append(Strip(segments).crop_extend(0, width, base).apply_style(base))
        return strips


_FAINT = frozenset({"bright_black", "grey50", "grey42", "grey37", "grey30", "black"})


def _lifted(seg: Segment, lift: Style) -> Segment:
    """`seg` readable on the cursor's bar: faint text in `lift`'s colour, not dimmed."""
    style = seg.style
    if style is None or not (style.dim or (style.color and style.color.name in _FAINT)):
        return seg
    return Segment(seg.text, style + Style(color=lift.color, dim=False), seg.control)
