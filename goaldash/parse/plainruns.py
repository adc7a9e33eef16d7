"""Lists of one-line items, read the short way: the block scanner's fast path.

Most of a big checklist is items that are each one line of plain text. The item's own walk
(`_Scanner._list` tokenizing the item) would find a single paragraph in each; `plain_run`
makes each such item as that walk would leave it, without it, and hands the scanner back the
line where the list's walk goes on. The functions take the scanner whose state they read (and,
for a moment, set) as markdown-it's rules take their state; `tests/test_fastblocks.py` checks
the result against markdown-it as it does the rest of the scanner.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import compress, count, repeat
from operator import getitem, not_
from typing import Protocol

from goaldash.parse.commonmark import ORDERED, PARAGRAPH, TRIM, reference_at
from goaldash.parse.document import Block, ItemRun, ListItem, set_first_paragraph

Sink = Callable[[list[Block | ItemRun]], None]
"""A reader of blocks as the walk goes (`fastblocks.scan`): each batch follows the last."""


class Scanner(Protocol):
    """What the short way reads (and, for a moment, sets) of the block scanner that calls it
    (`fastblocks._Scanner`), as markdown-it's rules read its `StateBlock`."""

    lines: list[str]
    """The lines as the scanner reads them (one empty line past the end, for bounds)."""
    raw: list[str]
    """The lines as the file holds them (the `Document`'s)."""
    at: list[int]
    """Where each line's content starts."""
    sc: list[int]
    """Each line's indentation, in columns (markdown-it's `sCount`)."""
    line_max: int
    """The end of the range being read."""
    line: int
    """The line the scanner's walk goes on from."""
    blk: int
    """The block indentation (markdown-it's `blkIndent`)."""
    list_indent: int
    """The indentation of the list being read (markdown-it's `listIndent`)."""
    parent: int
    """What the block is read inside of (`commonmark.PARAGRAPH`...)."""
    blocks: list[Block]
    """The blocks made so far (and not yet handed to the `sink`)."""
    sink: Sink | None
    """Where complete blocks go as the walk goes, if anywhere."""

    def _ends_paragraph(self, line: int, c: str, s: str) -> bool: ...

    def flush(self) -> None:
        """Hand the blocks made so far to the `sink` (they are all complete)."""

    def hand_run(self, run: ItemRun) -> None:
        """Hand `run` to the `sink`, after the blocks made before it."""


# A first character with which a line may be more than a paragraph's (fence, quote, break,
# list, heading, HTML block); an item whose text starts otherwise may take the short way.
_NOT_PLAIN = frozenset("`~>*-_+#<0123456789")
_BOX_MARKS = frozenset(" xX~/-")  # the marks of `sibling_pattern`'s checkbox


@lru_cache(maxsize=64)
def sibling_pattern(indent: int, marker: str, ordered: bool) -> re.Pattern[str]:
    """A line holding an item of a list whose items sit at `indent` (outside block quotes, so
    the line's content starts there) with this `marker`; group 2 is the mark when the item's
    text starts with a checkbox followed by a space or nothing (`sibling` and
    `plain_content`'s test of a checkbox, in one match)."""
    number = "[0-9]{1,9}" if ordered else ""
    box = r"( \[([ xX~/-])\](?= |$))?"
    return re.compile(f"{' ' * indent}{number}{re.escape(marker)}(?= |$){box}")


def plain_content(s: str, after: int) -> int:
    """Where the text of an item whose marker ends at `after` starts on line `s`, when it is
    plain paragraph text (see `plain_run`); else -1."""
    if after < 0:
        return -1
    content = len(s) - len(s[after:].lstrip(" "))
    if not 0 < content - after <= 4 or content >= len(s) or s[content] in _NOT_PLAIN:
        return -1
    return -1 if s[content] == "[" and reference_at(s, content) else content


def sibling(scan: Scanner, line: int, end: int, marker: str, ordered: bool) -> int:
    """Where the text of an item of the current list, at the indentation of the item on
    the line above, starts on `line`; -1 when `line` holds no such item (or is past
    `end` or the paragraph's limit)."""
    if line >= end or line >= scan.line_max:
        return -1
    t = scan.lines[line]
    p = scan.at[line]
    if p >= len(t) or scan.sc[line] != scan.sc[line - 1]:
        return -1
    if ordered:
        m = ORDERED.match(t, p)
        return m.end() if m and t[m.end() - 1] == marker else -1
    return p + 1 if t[p] == marker and t[p + 1 : p + 2] in ("", " ") else -1


def after_one_line(scan: Scanner, line: int, end: int, blk: int) -> int:
    """Where the list's walk goes on after an item of one line of plain text on `line`
    (its text at column `blk`) when no item of the list follows right below: the line
    below when it ends the paragraph and is outdented from the text, or the first line
    after blank ones that is; -1 when the item holds more (a lazy line, an indented
    block), which only the item's own walk can read."""
    lines, at, sc = scan.lines, scan.at, scan.sc
    nxt = line + 1
    if nxt >= scan.line_max:
        return nxt
    s = lines[nxt]
    p = at[nxt]
    if p >= len(s):  # a blank line ends the paragraph; what follows must be outdented
        if nxt < end:
            nxt += 1
            if nxt < end:
                while nxt < scan.line_max and at[nxt] >= len(lines[nxt]):
                    nxt += 1
                if nxt < end and sc[nxt] >= blk:
                    return -1
        return nxt
    if not 0 <= sc[nxt] < blk:
        return -1
    # The paragraph's own test, in the item: the list's indent is the item's list_indent.
    saved = scan.blk, scan.list_indent, scan.parent
    scan.blk, scan.list_indent, scan.parent = blk, scan.blk, PARAGRAPH
    try:
        ends = scan._ends_paragraph(nxt, s[p], s)
    finally:
        scan.blk, scan.list_indent, scan.parent = saved
    return nxt if ends else -1


def plain_run(
    scan: Scanner, item: ListItem, start: int, content: int, end: int, marker: str, ordered: bool
) -> None:
    """The items of a list that are each one line of plain text, from `item` on `start`
    (its text at `content`) on, while the next line holds another item of the list, and
    the last one too if the line after it ends it (`after_one_line`); `scan.line` is left
    on the line the list's walk goes on from (the last item's end).

    Such an item's own walk finds one paragraph (its text starts no fence, quote, break,
    list, HTML block, heading or link reference definition), which the next item's marker
    ends (a list may interrupt a paragraph when it is outdented from the paragraph's
    text); the list's walk then goes on to that item. Each item is made here as those
    walks would leave it, without them. Only outside block quotes, where a line's
    content starts at its indentation; the caller checks the first item.

    Items of the commonest line of all, "- [ ] text", with another such line below, are
    made a batch at a time (`_batch`): as `ListItem`s, or when the walk hands its blocks
    to a reader as it goes and the list is in no other item, as an `ItemRun`.
    """
    lines, raw, blocks = scan.lines, scan.raw, scan.blocks
    depth, parent = item.depth, item.parent
    limit = min(end, scan.line_max)
    indent = scan.sc[start]
    sibling = sibling_pattern(indent, marker, ordered).match
    # The commonest line of all, "- [ ] text", told by a prefix before the pattern is tried.
    box = "" if ordered else " " * indent + marker + " ["
    k = len(box)
    line = start
    s = lines[line]
    mark: str | None = None
    boxed = False  # the item on `line` is on such a line (its mark at k, its text at k - 1)
    streaming = scan.sink is not None and parent is None  # the items are complete when made
    while True:
        if streaming and len(blocks) >= BATCH:
            scan.flush()
        if boxed and line != start:
            n = _boxes(box, lines, line + 1, limit)
            if n:
                # The items on `line` and the n - 1 lines below each have such a line below.
                _batch(scan, lines, line, n, k, depth, ordered, parent)
                line += n
                s, mark = lines[line], lines[line][k]
        # The item on `line` is one line of plain text at `content` (with a checkbox
        # `mark` when one was found). Is the next line an item of the list (with `next_mark`
        # and its text at `next_content`, -1 when that is not plain)?
        below = line + 1
        next_mark: str | None = None
        next_content = -1
        found = boxed = False
        if below < limit:
            t = lines[below]
            if (
                box
                and t.startswith(box)
                and t[k + 1 : k + 2] == "]"
                and t[k : k + 1] in _BOX_MARKS
                and t[k + 2 : k + 3] in ("", " ")
            ):
                found, next_mark, next_content, boxed = True, t[k], k - 1, True
            elif (m := sibling(t)) is not None:
                found = True
                next_mark = m.group(2)
                if next_mark is not None:  # "[ ] text" is plain: no colon after the label
                    next_content = m.start(1) + 1
                else:
                    next_content = plain_content(t, m.end())
        # Where does the list's walk go on after the item on `line`?
        stop = below if found else after_one_line(scan, line, end, content)
        if stop < 0:
            break  # never the first item: the caller checked
        text = s[content:].strip(TRIM)
        if line == start:
            item.children = 1
            item.end = stop
            set_first_paragraph(item, text, raw[line], line)
        elif mark is not None:  # what set_first_paragraph finds, found already
            item = ListItem(
                below, stop, depth, ordered, parent, text, mark, content + 2,
                s[content + 3 :].strip(), 1,
            )  # fmt: skip
            blocks.append(item)
        else:
            item = ListItem(below, stop, depth, ordered, parent, children=1)
            set_first_paragraph(item, text, raw[line], line)
            blocks.append(item)
        line = stop
        if not found or next_content < 0:
            break
        s, mark, content = lines[line], next_mark, next_content
    scan.line = line


_cut: Callable[[str, slice], str] = getitem
_char: Callable[[str, int], str] = getitem

BATCH = 4096
"""The most items `plain_run` makes at a time (a reader's batch, `ItemRun`)."""


@lru_cache(maxsize=64)
def _box_pattern(box: str) -> re.Pattern[str]:
    """A line starting with `box` (indentation, a bullet, " [") and a checkbox's mark, then
    "]" and a space or nothing: the test of the line below in `plain_run`, as one match."""
    return re.compile(re.escape(box) + r"[ xX~/\-]\](?= |\Z)")


def _boxes(box: str, lines: list[str], at: int, stop: int) -> int:
    """How many lines from `at` on, before `stop` (at most `BATCH`), start with `box` and a
    checkbox, in a row: looked at by `map`, a few lines at first, then more while they do."""
    boxed = _box_pattern(box).match
    n, window = 0, 16
    while n < BATCH:
        segment = lines[at + n : min(at + n + window, stop, at + BATCH)]
        if not segment:
            break
        other = next(compress(count(), map(not_, map(boxed, segment))), -1)
        if other >= 0:
            return n + other
        n += len(segment)
        window *= 4
    return n


def _batch(
    scan: Scanner,
    lines: list[str],
    line: int,
    n: int,
    k: int,
    depth: int,
    ordered: bool,
    parent: ListItem | None,
) -> None:
    """The items on the `n` lines from `line` on, each a checkbox (its mark at `k`) and one
    line of plain text with another item's checkbox below: what `plain_run` would make of
    each, made by `map` (no Python step per item but a `ListItem`'s making)."""
    segment = lines[line : line + n]
    numbers = range(line + 1, line + n + 1)  # 1-based lines; each item ends on the next
    marks = map(_char, segment, repeat(k))
    rests = map(str.strip, map(_cut, segment, repeat(slice(k + 2, None))))
    if scan.sink is not None and parent is None:
        # Every block before these is complete: the reader has them, then these by column.
        scan.hand_run(ItemRun(depth, ordered, k + 1, list(numbers), segment, [*marks], [*rests]))
        return
    texts = map(str.strip, map(_cut, segment, repeat(slice(k - 1, None))), repeat(TRIM))
    scan.blocks.extend(
        map(
            ListItem, numbers, numbers, repeat(depth), repeat(ordered), repeat(parent),
            texts, marks, repeat(k + 1), rests, repeat(1),
        )
    )  # fmt: skip
