"""Finding the one byte a tick changes: which item, and where its mark is in the raw bytes.

Which lines are task-list items is decided by the real parser's block walk
(`goaldash.parse.marks`), so a checkbox shown inside a code block is never an item. The mark
is then found in the raw bytes of its line and checked against what the parser said, so a
file whose bytes are not UTF-8, or whose lines end in CR, is patched byte for byte.

On a file of some size, an item that is where the caller saw it, or whose text only one line
holds, is checked by the block walk of the lines around it (`marks_near`): a tick in a plan of
a million items does not walk the other million, and a tick retried after an editor's save
does not walk the whole file again.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from goaldash.model import Item
from goaldash.parse.marks import Mark, line_start_lf, marks_near, task_marks
from goaldash.text import clean, counted

_BOM = b"\xef\xbb\xbf"
# The same line breaks as `goaldash.parse.document.split_lines`, so line numbers agree. They
# are ASCII, and a UTF-8 decoder never swallows an ASCII byte into a replacement character,
# so splitting the bytes gives exactly the lines the parser numbered.
_BREAK = re.compile(rb"\r\n|\r|\n")
_ORDINAL = re.compile(rb"[0-9]{1,9}[.)](?=[ \t])")
PREFIX_MIN = 256 * 1024
"""Files at least this big are checked by the walk of the lines up to the item."""
_KEEP = 16
_KEEP_ITEMS = 200_000
"""Item lists longer than this are not kept between calls (memory stays proportional)."""


class NotFound(Exception):
    """The item cannot be located; `message` says why (one line), `usage` if the request was
    bad rather than the file changed."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage


@dataclass(frozen=True, slots=True)
class Located:
    """The item to change and where its mark is."""

    item: Mark
    offset: int
    """Byte offset of the mark in the bytes it was located in."""
    moved: bool
    """True when the item was found at another line than the one asked."""
    done_mark: str
    """The mark this file writes for done: `X` where its done items mostly say so, else `x`."""
    marks: tuple[Mark, ...] | None
    """Every item of the bytes, when they were all walked (not when a window of lines decided)."""


_known: OrderedDict[tuple[str, str], tuple[Mark, ...]] = OrderedDict()
_lock = threading.Lock()


def keep(name: str, fp: str, marks: Iterable[Mark | Item]) -> None:
    """Remember the items of the bytes `fp` of `name` (the dashboard has them; a write knows
    the items of what it wrote), so the next tick or undo need not walk the file."""
    kept = tuple(
        m if isinstance(m, Mark) else Mark(m.line, m.column, m.mark, m.text) for m in marks
    )
    if len(kept) > _KEEP_ITEMS:
        return
    with _lock:
        _known[(name, fp)] = kept
        _known.move_to_end((name, fp))
        while len(_known) > _KEEP:
            _known.popitem(last=False)


def kept(name: str, fp: str) -> tuple[Mark, ...] | None:
    with _lock:
        return _known.get((name, fp))


def ticked_marks(marks: tuple[Mark, ...], line: int, mark: str) -> tuple[Mark, ...]:
    """The items once the mark at `line` became `mark`: a mark decides nothing else."""
    return tuple(replace(m, mark=mark) if m.line == line else m for m in marks)


def locate(
    data: bytes,
    name: str,
    fp: str,
    line: int,
    expect_text: str | None,
    changed: bool,
    shown: str,
) -> Located:
    """The item to change in `data` (whose fingerprint is `fp`).

    Without `expect_text`, the item is the one at `line`, and a `changed` file is refused.
    With it, the item at `line` is taken when it still reads so and the file is unchanged;
    otherwise the item is looked for by its text, and must be the only one reading so.
    `shown` is the path as messages name it.
    """
    marks = kept(name, fp)
    if marks is None and len(data) >= PREFIX_MIN:
        quick = _nearby(data, line, expect_text, changed)
        if quick is not None:
            return _found(data, quick, quick.line != line, None, shown)
    if marks is None:
        marks = tuple(task_marks(data))
        keep(name, fp, marks)
    at_line = next((m for m in marks if m.line == line), None)
    if expect_text is None:
        if changed:
            raise NotFound(f"{shown} changed since it was read; nothing written")
        if at_line is None:
            if line > line_count(data):
                raise _out_of_range(data, line, shown)
            raise NotFound(f"{shown}:{line}: not a task-list item")
        return _found(data, at_line, False, marks, shown)
    if at_line is not None and at_line.text == expect_text and not changed:
        return _found(data, at_line, False, marks, shown)
    # The file changed, or the line holds something else: lines moved. The item is trusted
    # only if its text singles it out; two identical items cannot be told apart, and
    # guessing could tick the wrong one.
    same = [m for m in marks if m.text == expect_text]
    want = repr(clean(expect_text))
    if len(same) > 1:
        lines_ = ", ".join(str(m.line) for m in same[:5])
        raise NotFound(
            f"{shown}: {len(same)} task-list items read {want} (lines {lines_}) and the file "
            "changed; cannot tell which one was meant; nothing written"
        )
    if not same:
        if line > line_count(data) and not changed:
            raise _out_of_range(data, line, shown)
        raise NotFound(f"{shown}: no task-list item reads {want} any more; nothing written")
    return _found(data, same[0], same[0].line != line, marks, shown)


def _nearby(data: bytes, line: int, expect_text: str | None, changed: bool) -> Mark | None:
    """The item, found by the walk of the lines around it alone, when that is certain: at
    `line` in unchanged bytes, or (the file changed) on the one line whose bytes hold the
    item's text, since no other line can then read so. None: walk the whole file."""
    if expect_text is None or not changed:
        if changed:
            return None
        at = line
    else:
        needle = expect_text.encode("utf-8")
        if not needle or data.count(needle) != 1:
            return None
        at = line_of(data, data.find(needle))
    near = marks_near(data, at)
    if near is None:
        return None
    found = next((m for m in near if m.line == at), None)
    if found is None or (expect_text is not None and found.text != expect_text):
        return None
    return found


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line holding the byte at `offset`."""
    if b"\r" in data:
        return len(_BREAK.findall(data, 0, offset)) + 1
    return data.count(b"\n", 0, offset) + 1


def _out_of_range(data: bytes, line: int, shown: str) -> NotFound:
    has = counted(line_count(data), "line")
    return NotFound(f"{shown}:{line}: line out of range (the file has {has})", True)


def _found(
    data: bytes, item: Mark, moved: bool, marks: tuple[Mark, ...] | None, shown: str
) -> Located:
    offset = mark_offset(data, item)
    if offset is None:
        # The parser and the bytes disagree about where the mark is: never guess.
        raise NotFound(f"{shown}:{item.line}: could not find the checkbox on the line")
    return Located(item, offset, moved, done_mark(data, marks), marks)


def done_mark(data: bytes, marks: tuple[Mark, ...] | None) -> str:
    """`X` when the file's done items mostly say `[X]` (spec-kit writes them so), else `x`."""
    if marks is not None:
        upper = sum(1 for m in marks if m.mark == "X")
        lower = sum(1 for m in marks if m.mark == "x")
    else:  # only a window of lines was walked: count the boxes, code and all
        upper, lower = data.count(b"[X]"), data.count(b"[x]")
    return "X" if upper > lower else "x"


def line_span(data: bytes, line: int) -> tuple[int, int] | None:
    """Byte offsets of the first byte of 1-based `line` (after a BOM on line 1) and of the
    end of its text (before its line break); None past the last line."""
    start = 3 if data.startswith(_BOM) else 0
    if line < 1:
        return None
    if b"\r" in data:
        n = 1
        for m in _BREAK.finditer(data, start):
            if n == line:
                return start, m.start()
            start, n = m.end(), n + 1
        return (start, len(data)) if n == line else None
    at = line_start_lf(data, line, start)
    if at is None:
        return None
    start = at
    end = data.find(b"\n", start)
    return start, (len(data) if end < 0 else end)


def line_count(data: bytes) -> int:
    """Lines as an editor counts them: a final line break does not open another line."""
    breaks = len(_BREAK.findall(data)) if b"\r" in data else data.count(b"\n")
    ends_open = not data.endswith((b"\n", b"\r"))
    return breaks + (1 if ends_open and data.removeprefix(_BOM) else 0)


def mark_offset(data: bytes, item: Mark) -> int | None:
    """Byte offset of `item`'s mark in `data`, or None when its line does not hold it.

    Walks the raw line the way the parser's own locator walks the decoded one: indentation,
    `>` and list markers, then `[`, mark, `]`. That prefix is all ASCII, so its length in
    characters (the item's column) equals its length in bytes; both must agree, and the byte
    found must be the item's mark, before anything is written.
    """
    span = line_span(data, item.line)
    if span is None:
        return None
    start, end = span
    raw = data[start:end]
    i, n = 0, len(raw)
    while i < n:
        c = raw[i : i + 1]
        if c in (b" ", b"\t", b">"):
            i += 1
            continue
        if c in (b"-", b"*", b"+") and raw[i + 1 : i + 2] in (b" ", b"\t"):
            i += 2
            continue
        m = _ORDINAL.match(raw, i)
        if m:
            i = m.end()
            continue
        break
    box = b"[" + item.mark.encode("ascii") + b"]"
    if raw[i : i + 3] != box or i + 2 != item.column:
        return None
    return start + i + 1
