"""Toasts (notifications) in one or two lines: the toast's style, and the text it is given.

Every `notify` of the app goes through `toast_text` (`GoalDashApp.notify`): one line of text,
a long path shortened in its middle (its name kept), and the whole cut, with an ellipsis, to
what two lines of a toast hold. The style drops the blank line Textual's toast has above and
below its text."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from goaldash.ui.cells import one_line

TOAST_WIDTH = 60
"""A toast's width in cells (at most the screen's, less the rack's margin)."""
TOAST_TEXT = TOAST_WIDTH - 8
"""Cells of text a toast's line is given: the width less the rack's margin (2), the toast's
padding (2) and its left border (1), and 3 to spare, so that a 60-column split pane (a toast
56 wide) still holds every toast in two lines."""
TOAST_LINES = 2
"""Lines of text a toast may take."""
PATH_CELLS = 32
"""A path longer than this is shortened in its middle."""
ITEM_CELLS = 40
"""An item's text in a toast is cut to this many cells."""

TOAST_CSS = f"""
Toast {{
    width: {TOAST_WIDTH};
    max-width: 100%;
    padding: 0 1;
}}
"""

_PATHLIKE = re.compile(r"\S*/\S*")
_MEASURE = Console(width=TOAST_TEXT, legacy_windows=False, color_system=None)


def middle(text: str, width: int) -> str:
    """`text` in at most `width` cells, its middle given up for "…" (a path keeps its start
    and its file name)."""
    if cell_len(text) <= width:
        return text
    keep = max(1, width - 1)
    tail = keep * 2 // 3
    head = keep - tail
    start = text[:head]
    end = text[-tail:] if tail else ""
    while cell_len(start) + cell_len(end) + 1 > width and (start or end):
        if cell_len(end) > cell_len(start) and end:
            end = end[1:]
        else:
            start = start[:-1]
    return f"{start}…{end}"


def cut(text: str, width: int) -> str:
    """`text` (one line) in at most `width` cells, cut at the end with "…"."""
    t = Text(one_line(text))
    t.truncate(width, overflow="ellipsis")
    return t.plain


def lines_of(text: str, width: int = TOAST_TEXT) -> int:
    """How many lines `text` takes wrapped at `width` cells."""
    return len(Text(text).wrap(_MEASURE, width))


def toast_text(message: str, width: int = TOAST_TEXT, lines: int = TOAST_LINES) -> str:
    """`message` fit for a toast: one line of text, long paths shortened in the middle, cut
    with an ellipsis to what `lines` lines of `width` cells hold."""
    text = _PATHLIKE.sub(lambda m: middle(m.group(), PATH_CELLS), one_line(message))
    if lines_of(text, width) <= lines:
        return text
    cut = width * lines
    while cut > 1 and lines_of(text[:cut].rstrip() + "…", width) > lines:
        cut -= 4
    return text[:cut].rstrip() + "…"
