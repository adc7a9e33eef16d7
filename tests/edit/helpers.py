"""What the edit tests share: the mark a toggle writes and where it sits, worked out
independently of `goaldash.edit` from the parser's line and column."""

from __future__ import annotations

import re
from pathlib import Path

from goaldash.model import Item
from goaldash.parse import parse_plan

BOM = b"\xef\xbb\xbf"
TOGGLED_MARK = {" ": b"x", "x": b" ", "X": b" ", "-": b"x", "~": b"x", "/": b"x"}


def items_of(data: bytes) -> tuple[Item, ...]:
    return parse_plan("plan.md", data).items


def next_mark(mark: str, items: tuple[Item, ...]) -> bytes:
    """What a toggle writes: open and in progress become done, done becomes open; done is
    `X` in a file whose done items mostly say `[X]`, else `x`."""
    if mark in "xX":
        return b" "
    upper = sum(1 for i in items if i.mark == "X")
    lower = sum(1 for i in items if i.mark == "x")
    return b"X" if upper > lower else b"x"


def mark_offset(data: bytes, item: Item) -> int:
    """Byte offset of an item's mark from its line and character column.

    Everything before the mark on its line is ASCII (indentation, `>`, list markers), so the
    column in characters is the column in bytes; the BOM is not part of line 1's text.
    """
    bom = 3 if data.startswith(BOM) else 0
    starts = [0] + [m.end() for m in re.finditer(rb"\r\n|\r|\n", data[bom:])]
    return bom + starts[item.line - 1] + item.column - 1


def one_byte_changed(before: bytes, after: bytes, offset: int, new: bytes) -> bool:
    """True when `after` is `before` with only the byte at `offset` replaced by `new`."""
    return (
        len(after) == len(before)
        and after[:offset] == before[:offset]
        and after[offset : offset + 1] == new
        and after[offset + 1 :] == before[offset + 1 :]
        and before[offset : offset + 1] != new
    )


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
