"""Markdown text -> a flat list of blocks with 1-based lines, outside code.

markdown-it-py decides what is code, what is a list and what is a table, exactly as CommonMark
says. Only its block phase runs: inline parsing is the expensive part and goaldash needs none
of it, so the `inline` core rule is disabled and inline content is read as raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

_MD = MarkdownIt("commonmark", {"maxNesting": 60}).enable("table").use(front_matter_plugin)
_MD.disable(["inline", "text_join"])


class _Silent:
    """Stands in for the loggers of markdown-it's block rules, which log every rule tried on
    every line at debug level: about a tenth of their time spent asking whether to log."""

    @staticmethod
    def debug(*_args: object, **_kwargs: object) -> None:
        return None


def _silence_block_rules() -> None:
    import importlib
    import pkgutil

    import markdown_it.rules_block as rules

    for info in pkgutil.iter_modules(rules.__path__):
        module = importlib.import_module(f"{rules.__name__}.{info.name}")
        if hasattr(module, "LOGGER"):
            setattr(module, "LOGGER", _Silent)  # noqa: B010 - a module attribute by name


_silence_block_rules()

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CHECKBOX = re.compile(r"\[([ xX~/-])\](?=[ \t]|$)")
_ORDERED = re.compile(r"\d{1,9}[.)](?=[ \t])")


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF and lone CR, the way CommonMark (and the edit module) count lines."""
    return _LINE_BREAK.split(text)


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
class Document:
    """What the block walk found."""

    lines: list[str]
    blocks: list[Block]
    frontmatter: str | None = None
    frontmatter_end: int = 0
    """Last line (1-based) of the frontmatter block, 0 when there is none."""


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


def walk(text: str) -> Document:
    """Parse `text` into blocks. Never raises for any input string."""
    lines = split_lines(text)
    tokens = _MD.parse(text)
    blocks: list[Block] = []
    doc = Document(lines=lines, blocks=blocks)
    lists: list[bool] = []
    items: list[tuple[ListItem, int]] = []  # open items and their token level
    quotes = 0
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        kind = tok.type
        # Count the children of the open list item: only its first may hold the checkbox.
        is_block = kind.endswith("_open") or kind in ("fence", "code_block", "html_block", "hr")
        if is_block and items and tok.level == items[-1][1] + 1 and kind != "list_item_open":
            items[-1][0].children += 1
        if kind == "front_matter":
            doc.frontmatter = tok.content
            doc.frontmatter_end = tok.map[1] if tok.map else 0
        elif kind == "heading_open":
            content = tokens[i + 1].content if i + 1 < n else ""
            line = tok.map[0] + 1 if tok.map else 0
            blocks.append(Heading(line, int(tok.tag[1:] or 1), content))
            i += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if lists:
                lists.pop()
        elif kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes = max(0, quotes - 1)
        elif kind == "list_item_open":
            start, end = tok.map if tok.map else (0, 0)
            parent = items[-1][0] if items else None
            li = ListItem(
                start + 1,
                end,
                max(0, len(lists) - 1),
                bool(lists and lists[-1]),
                parent,
                quoted=quotes > 0,
            )
            items.append((li, tok.level))
            blocks.append(li)
        elif kind == "list_item_close":
            if items:
                items.pop()
        elif kind == "paragraph_open":
            content = tokens[i + 1].content if i + 1 < n else ""
            start, end = tok.map if tok.map else (0, 0)
            owner = items[-1] if items else None
            if owner is not None and owner[0].children == 1 and tok.level == owner[1] + 1:
                li = owner[0]
                li.text = content
                raw = lines[start] if start < len(lines) else ""
                m = _CHECKBOX.match(content)
                located = _locate_mark(raw, m.group(1)) if m else None
                if m and located:
                    li.line = start + 1  # the mark's line ("-" alone on the line above is possible)
                    li.mark = m.group(1)
                    li.column = located[0]
                    li.rest = located[1]
                else:
                    li.rest = content.split("\n", 1)[0].strip()
            else:
                blocks.append(
                    Paragraph(start + 1, end, content, owner[0] if owner else None, quotes > 0)
                )
            i += 2
        elif kind == "table_open":
            i = _table(tokens, i, blocks)
            continue
        i += 1
    return doc


def _table(tokens: list[Token], i: int, blocks: list[Block]) -> int:
    tok = tokens[i]
    start, end = tok.map if tok.map else (0, 0)
    table = Table(start + 1, end, [])
    row: list[str] = []
    row_line = 0
    n = len(tokens)
    i += 1
    while i < n and tokens[i].type != "table_close":
        t = tokens[i]
        if t.type == "tr_open":
            row = []
            row_line = t.map[0] + 1 if t.map else 0
        elif t.type == "inline":
            row.append(t.content.strip())
        elif t.type == "tr_close":
            if not table.header and row_line == table.line:
                table.header = row
            else:
                table.rows.append((row_line, row))
        i += 1
    blocks.append(table)
    return i + 1
