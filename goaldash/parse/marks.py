"""The task-list items of a file and nothing else: what a tick needs to know.

`parse_plan` reads a whole plan (phases, dates, blockers...), which on a plan of a million
items takes seconds. A tick needs only to know which lines are task-list items outside code,
with their marks, as the parser decides it. That is the block walk alone, and for an item
near the top of a big file, the block walk of the lines up to it: CommonMark decides the
blocks of a line from the lines before it and, for a paragraph, the lines up to its end (a
setext underline, a table's delimiter row, a link reference definition's title); nothing
after the blank line that closes the paragraph changes what the line is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goaldash.parse.blocks import ListItem, walk
from goaldash.parse.plan import _BINARY_SNIFF, decode

# A line break, then a line of nothing but spaces and tabs, and its break. A CR is a break of
# its own only when no LF follows it: the two of a CRLF are never split into two lines.
_BLANK_LINE = re.compile(rb"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)")


@dataclass(frozen=True, slots=True)
class Mark:
    """One task-list item as a tick sees it."""

    line: int
    """1-based line of the mark."""
    column: int
    """1-based column (in characters) of the mark between the brackets."""
    mark: str
    """The mark character: one of ` xX-~/`."""
    text: str
    """The item's first line after `]`, stripped (`Item.text`)."""


def task_marks(data: bytes) -> list[Mark]:
    """Every task-list item of `data`, as `parse_plan` finds them (the same lines, columns,
    marks and texts)."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        return []  # parse_plan reads no items from a binary file
    text, _ = decode(data)
    try:
        doc = walk(text)
    except RecursionError:
        return []  # parse_plan gives up on the file too
    return [
        Mark(b.line, b.column, b.mark, b.rest)
        for b in doc.blocks
        if isinstance(b, ListItem) and b.mark is not None
    ]


def prefix_through(data: bytes, line: int) -> bytes | None:
    """The bytes of `data` up to the blank line that follows `line` (1-based), or None when
    the whole file is needed (no such blank line, or a file that may open with front matter).

    The items of the prefix, up to `line`, are exactly the items of the whole file there.
    """
    if data.startswith((b"-", b"\xef\xbb\xbf-")):
        return None  # front matter, perhaps: decided by a closing fence anywhere below
    offset = _line_end(data, line)
    if offset is None:
        return None
    blank = _BLANK_LINE.search(data, offset)
    return None if blank is None else data[: blank.end()]


def _line_end(data: bytes, line: int) -> int | None:
    """Offset of the line break that ends 1-based `line`; None past the end of `data`."""
    if b"\r" in data:
        breaks = re.compile(rb"\r\n|\r|\n").finditer(data)
        for n, m in enumerate(breaks, 1):
            if n == line:
                return m.start()
        return None
    at = -1
    for _ in range(line):
        at = data.find(b"\n", at + 1)
        if at < 0:
            return None
    return at
