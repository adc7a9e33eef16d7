"""The task-list items of a file and nothing else: what a tick needs to know.

`parse_plan` reads a whole plan (phases, dates, blockers...), which on a plan of a million
items takes seconds. A tick needs only to know which lines are task-list items outside code,
with their marks, as the parser decides it: the block walk alone. And for one line of a big
file, the block walk of a few lines around it (`window`) decides it as the whole file would:

- It may start at a line that begins a top-level block whatever came before: an ATX heading
  or a bullet item with text, at column 0. Such a line closes every open paragraph, list
  item and block quote; only a fenced code block or an HTML block could hold it, so it is a
  starting point only when no line before it could open one.
- It may end where the item's paragraph has surely ended: at a blank line, or before such a
  column-0 heading or bullet item. What comes after cannot change the line (a setext
  underline, a table's delimiter row or a reference definition's title would have to belong
  to its paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from goaldash.parse.blocks import ListItem, walk
from goaldash.parse.encoding import decode, is_binary

_BREAK = rb"(?:\r\n|\r(?!\n)|\n)"  # a CR is a break of its own only when no LF follows
# A line at column 0 that starts a top-level block whatever is open: an ATX heading, or a
# bullet list item with text (an empty one cannot interrupt a paragraph).
_RESET = rb"(?:\#{1,6}(?:[ \t\r\n]|\Z)|[-*+][ \t]+[^ \t\r\n])"
# The break that ends the last line of a paragraph: a blank line or a reset line follows.
_PARAGRAPH_END = re.compile(_BREAK + rb"(?=[ \t]*(?:[\r\n]|\Z)|" + _RESET + rb")")
_RESET_AT = re.compile(_RESET)
# What could open a fenced code block or an HTML block, whose lines a reset line can be in:
# at the start of a line, after indentation and `>`s. Looked for from the line break before it
# (a pattern that starts with one character is searched for quickly), or at the start.
_OPENS_RAW = re.compile(rb"\n[ \t>]*(?:```|~~~|<)")
_OPENS_RAW_CR = re.compile(rb"\r[ \t>]*(?:```|~~~|<)")
_OPENS_RAW_FIRST = re.compile(rb"(?:\xef\xbb\xbf)?[ \t>]*(?:```|~~~|<)")
_ANY_BREAK = re.compile(_BREAK)


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
    if is_binary(data):
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


def marks_near(data: bytes, line: int) -> list[Mark] | None:
    """The task-list items of `data` on the lines of `window(data, line)`, which hold
    `line`, found by walking those lines alone; None when the whole file must be walked."""
    if is_binary(data):
        return []  # parse_plan reads no items from a binary file
    got = window(data, line)
    if got is None:
        return None
    start, end, first = got
    found = task_marks(data[start:end])
    return found if first == 1 else [replace(m, line=m.line + first - 1) for m in found]


def window(data: bytes, line: int) -> tuple[int, int, int] | None:
    """The bytes to walk to decide 1-based `line`: (start, end, the start's line number).
    None when the file may open with front matter, or `line` is past the end."""
    if data.startswith((b"---", b"\xef\xbb\xbf---")):
        return None  # front matter, perhaps: decided by a closing fence anywhere below
    at = _line_start(data, line)
    if at is None:
        return None
    end = _PARAGRAPH_END.search(data, at)
    stop = len(data) if end is None else end.end()
    start = _reset_before(data, at)
    if start and _opens_raw(data, start):
        start = 0  # a fence or an HTML block may be open there
    return start, stop, (1 if start == 0 else _count_breaks(data, start) + 1)


def _opens_raw(data: bytes, end: int) -> bool:
    """Could a fenced code block or an HTML block open on a line before `end`?"""
    return (
        _OPENS_RAW_FIRST.match(data, 0, end) is not None
        or _OPENS_RAW.search(data, 0, end) is not None
        or (b"\r" in data and _OPENS_RAW_CR.search(data, 0, end) is not None)
    )


def _reset_before(data: bytes, at: int, limit: int = 10_000) -> int:
    """The start of the last reset line at or before the line starting at `at` (looking
    back at most `limit` lines), else 0."""
    for _ in range(limit):
        if _RESET_AT.match(data, at):
            return at
        if at == 0:
            return 0
        # The break ending the previous line ends at `at`: that line starts after the one
        # before it (an LF found after a CR is the same CRLF's).
        brk = at - 2 if data[at - 2 : at] == b"\r\n" else at - 1
        at = max(data.rfind(b"\n", 0, brk), data.rfind(b"\r", 0, brk)) + 1
    return 0


def _count_breaks(data: bytes, end: int) -> int:
    if b"\r" in data:
        return sum(1 for _ in _ANY_BREAK.finditer(data, 0, end))
    return data.count(b"\n", 0, end)


def _line_start(data: bytes, line: int) -> int | None:
    """Offset of the first byte of 1-based `line`; None past the end of `data`."""
    if line < 1:
        return None
    if line == 1:
        return 0
    if b"\r" in data:
        for n, m in enumerate(_ANY_BREAK.finditer(data), 2):
            if n == line:
                return m.end()
        return None
    return line_start_lf(data, line, 0)


_BLOCK = 1 << 16


def line_start_lf(data: bytes, line: int, start: int) -> int | None:
    """Offset of the first byte of 1-based `line` of `data[start:]`, whose line breaks are
    all LF; None past its end. The breaks are counted a block at a time (in C), then found
    one by one only in the block that holds the line's."""
    left = line - 1  # breaks to go past
    at = start
    while left:
        end = min(at + _BLOCK, len(data))
        if at >= end:
            return None
        n = data.count(b"\n", at, end)
        if n < left:
            left -= n
            at = end
            continue
        for _ in range(left):
            at = data.find(b"\n", at, end) + 1
        left = 0
    return at
