"""What the block walk yields: headings, paragraphs, list items and tables with 1-based lines.

Two walkers fill it: `goaldash.parse.fastblocks` for the shapes plan files have, and markdown-it
(`goaldash.parse.blocks`) for everything else. Both must give the same `Document` for a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from goaldash.parse.commonmark import TRIM

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
MAX_NESTING = 60
"""How deep blocks nest before the walk stops reading (markdown-it's `maxNesting`): a list
counts two levels (the list and its item), a block quote one."""
_CHECKBOX = re.compile(r"\[([ xX~/-])\](?=[ \t]|$)")
_ORDERED = re.compile(r"\d{1,9}[.)](?=[ \t])")


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF and lone CR, the way CommonMark (and the edit module) count lines."""
    return _LINE_BREAK.split(text) if "\r" in text else text.split("\n")  # the same, 4x faster


@dataclass(slots=True)
class Heading:
    """An ATX or setext heading."""

    line: int
    level: int
    text: str


@dataclass(slots=True)
class Paragraph:
    """A paragraph; `item` is the list item it belongs to, if any."""

    line: int
    end: int
    text: str
    item: ListItem | None = None
    quoted: bool = False


@dataclass(slots=True)
class ListItem:
    """A list item. `mark` and `column` are set when it is a task-list item."""

    line: int
    end: int
    depth: int
    ordered: bool
    parent: ListItem | None
    text: str = ""
    """The whole first paragraph of the item (several lines joined by newlines)."""
    mark: str | None = None
    column: int = 0
    """1-based column of the mark character, in characters."""
    rest: str = ""
    """The first line's text after the checkbox (or after the list marker), stripped."""
    children: int = 0
    quoted: bool = False

    @property
    def task_parent(self) -> ListItem | None:
        """The nearest enclosing item that is a task-list item."""
        p = self.parent
        while p is not None and p.mark is None:
            p = p.parent
        return p


@dataclass(slots=True)
class Table:
    """A pipe table; rows keep their 1-based line."""

    line: int
    end: int
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


Block = Heading | Paragraph | ListItem | Table


@dataclass(slots=True)
class ItemRun:
    """Items of a list outside any other list item and any block quote that are each a
    checkbox and one line of plain text, one on each line, their marks in one column: the
    `ListItem`s `list_items` gives, kept by column. A big checklist is mostly these; the
    walk hands them so to a reader that asks for its blocks as it goes (`fastblocks.scan`'s
    `sink`), which need never make the `ListItem`s."""

    depth: int
    ordered: bool
    column: int
    """1-based column of every item's mark; its checkbox's "[" is just before."""
    lines: list[int]
    """1-based line of each item; each item's `end` is its line too (the next one's start)."""
    source: list[str]
    """Each item's line, as the file holds it."""
    marks: list[str]
    rests: list[str]
    """Each item's text after the checkbox, stripped (`ListItem.rest`)."""

    def list_items(self) -> list[ListItem]:
        """The items as the walk would have listed them."""
        depth, ordered, column = self.depth, self.ordered, self.column
        return [
            # `ListItem.text`: from the checkbox on (the item is one line).
            ListItem(
                line, line, depth, ordered, None, s[column - 2 :].strip(TRIM), mark, column, rest, 1
            )
            for line, s, mark, rest in zip(
                self.lines, self.source, self.marks, self.rests, strict=True
            )
        ]


@dataclass(slots=True)
class Document:
    """What the block walk found."""

    lines: list[str]
    blocks: list[Block]
    frontmatter: str | None = None
    frontmatter_end: int = 0
    """Last line (1-based) of the frontmatter block, 0 when there is none."""
    unread: list[tuple[int, int]] = field(default_factory=list)
    """Lines (1-based, first and last) the walk did not read: their blocks nest deeper than
    `MAX_NESTING`, and the walk skips from there to the end of the enclosing range."""


_TASK_LINE = re.compile(r"(?:^|[\s>])(?:[-*+]|\d{1,9}[.)]) +\[[ xX~/-]\](?= |$)")


def unread_message(doc: Document, first: int, last: int) -> str:
    """What a warning says of lines `first` to `last` (of `doc.unread`), with how many
    task-list items they seem to hold (the walk did not read them to know for sure)."""
    found = sum(1 for line in doc.lines[first - 1 : last] if _TASK_LINE.search(line))
    where = f"line {first} is" if first == last else f"lines {first}-{last} are"
    counted = {0: "no checkbox", 1: "1 checkbox"}.get(found, f"{found:,} checkboxes")
    return (
        f"{where} nested too deeply to read ({MAX_NESTING // 2} lists or {MAX_NESTING} quotes "
        f"deep, or more): {counted} there not counted"
    )


def _locate_mark(raw: str, mark: str) -> tuple[int, str] | None:
    """Find the checkbox on a raw line: skip indentation, `>` and list markers."""
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c in " \t>":
            i += 1
            continue
        if c in "-*+" and i + 1 < n and raw[i + 1] in " \t":
            i += 2
            continue
        m = _ORDERED.match(raw, i)
        if m:
            i = m.end()
            continue
        break
    m = _CHECKBOX.match(raw, i)
    if m and m.group(1) == mark:
        return i + 2, raw[m.end() :].strip()  # 1-based column of the mark inside [ ]
    return None


def set_first_paragraph(li: ListItem, content: str, raw: str, start: int) -> None:
    """Fill `li` from its first paragraph, which starts on 0-based line `start` (text `raw`)."""
    li.text = content
    m = _CHECKBOX.match(content)
    located = _locate_mark(raw, m.group(1)) if m else None
    if m and located:
        li.line = start + 1  # the mark's line ("-" alone on the line above is possible)
        li.mark = m.group(1)
        li.column = located[0]
        li.rest = located[1]
    else:
        li.rest = content.split("\n", 1)[0].strip()
