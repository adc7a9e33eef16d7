"""Markdown text -> a flat list of blocks with 1-based lines, outside code.

markdown-it-py decides what is code, what is a list and what is a table, exactly as CommonMark
says. Only its block phase runs: inline parsing is the expensive part and goaldash needs none
of it, so the `inline` core rule is disabled and inline content is read as raw text.

Even the block phase is most of a plan's parse, so `walk` first tries
`goaldash.parse.fastblocks`, a port of the same block rules for the shapes plan files have,
and hands a text to markdown-it only when the port declines it.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

import goaldash.parse.fastblocks as fastblocks
from goaldash.parse.document import (
    MAX_NESTING,
    Block,
    Document,
    Heading,
    ListItem,
    Paragraph,
    Table,
    set_first_paragraph,
    split_lines,
)

__all__ = ["Block", "Document", "Heading", "ListItem", "Paragraph", "Table", "split_lines", "walk"]

_MD = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
_MD.use(front_matter_plugin).disable(["inline", "text_join"])
_UNREAD = "goaldash_unread"
_tokenize = _MD.block.tokenize


def _tokenize_noting_skips(state: StateBlock, start: int, end: int) -> None:
    """markdown-it's block tokenizer, noting (in the env) the lines it skips silently when
    blocks nest deeper than `maxNesting`: it then skips to the end of the range."""
    if state.level >= MAX_NESTING:
        line = state.skipEmptyLines(start)
        if line < end and state.sCount[line] >= state.blkIndent:
            state.env.setdefault(_UNREAD, []).append((line + 1, end))
    _tokenize(state, start, end)


_MD.block.tokenize = _tokenize_noting_skips  # type: ignore[method-assign,assignment]


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


def walk(text: str) -> Document:
    """Parse `text` into blocks. Never raises for any input string."""
    doc = fastblocks.scan(text)
    return doc if doc is not None else walk_markdown_it(text)


def walk_markdown_it(text: str) -> Document:
    """`walk` by markdown-it's own block parser, whatever the text holds."""
    lines = split_lines(text)
    env: dict[str, list[tuple[int, int]]] = {}
    tokens = _MD.parse(text, env)
    blocks: list[Block] = []
    doc = Document(lines=lines, blocks=blocks, unread=env.get(_UNREAD, []))
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
                raw = lines[start] if start < len(lines) else ""
                set_first_paragraph(owner[0], content, raw, start)
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
