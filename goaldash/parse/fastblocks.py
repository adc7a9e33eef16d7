"""A port of markdown-it-py's block rules for the shapes plan files have.

markdown-it-py's block phase is most of the time a plan's parse takes. Most of that is its
machinery, not the rules: every rule is tried on every line through a ruler, every block becomes
several `Token` objects, and `goaldash.parse.blocks` then walks the tokens back into blocks.
This module runs the same rules, written out in the same order and with the same state
(`ind` is markdown-it's `tShift` and `sCount`, which agree when there are no tabs), and builds the
`Document` directly.

It covers front matter, ATX and setext headings, paragraphs, bullet and ordered lists, fenced
and indented code, HTML blocks, thematic breaks and pipe tables. It declines (returns None, and
`walk` asks markdown-it) on tabs, NUL, block quotes, link reference definitions, deep nesting
and front matter it cannot place. Declining is always safe; a `Document` different from
markdown-it's is a bug, and `tests/test_fastblocks.py` compares the two on every corpus, seed and
generated text.
"""

from __future__ import annotations

import re

from markdown_it.rules_block.html_block import HTML_SEQUENCES

from goaldash.parse.document import (
    Block,
    Document,
    Heading,
    ListItem,
    Paragraph,
    Table,
    set_first_paragraph,
    split_lines,
)

# The CommonMark whitespace markdown-it's `mdTrim` strips (JavaScript's `trim` minus U+FEFF).
_TRIM = "".join(
    chr(c)
    for c in sorted(
        {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029}
        | set(range(0x2000, 0x200B))
    )
)
_ORDERED = re.compile(r"[0-9]{1,9}[.)](?= |$)")
_DELIMITER = re.compile(r"^:?-+:?$")
_DELIMITER_ROW = re.compile(r"[|:\- ]+")
_LINE_BREAK = re.compile(r"\r\n?")
_LABEL_STOP = re.compile(r"[\[\]\\]")
_MAX_LEVEL = 50  # markdown-it stops nesting at 60 (our maxNesting); decline well before
_MAX_AUTOCOMPLETED_CELLS = 0x10000

_PARAGRAPH, _LIST, _TABLE, _OTHER = range(4)


class _Decline(Exception):
    """The text holds something only markdown-it should judge."""


def scan(text: str) -> Document | None:
    """The `Document` markdown-it's walk would give for `text`, or None if this port declines."""
    if "\t" in text or "\0" in text:
        return None
    src = _LINE_BREAK.sub("\n", text) if "\r" in text else text
    try:
        return _Scanner(src, split_lines(text)).run()
    except _Decline:
        return None
    except RecursionError:
        return None


class _Scanner:
    __slots__ = ("blk", "blocks", "doc", "ind", "items", "level", "line", "lines", "list_indent",
                 "lists", "n", "parent", "raw")  # fmt: skip

    def __init__(self, src: str, raw: list[str]) -> None:
        lines = src.split("\n")
        # markdown-it records no line for a last line of only spaces with no newline after it.
        if lines and not lines[-1].strip(" "):
            lines.pop()
        self.lines = lines
        self.n = len(lines)
        self.ind = [len(s) - len(s.lstrip(" ")) for s in lines]
        self.raw = raw
        self.blk = 0
        self.list_indent = -1
        self.parent = _OTHER
        self.line = 0
        self.level = 0
        self.blocks: list[Block] = []
        self.doc = Document(lines=raw, blocks=self.blocks)
        self.lists: list[bool] = []
        self.items: list[ListItem] = []

    # ----------------------------------------------------------------------------- driving

    def run(self) -> Document:
        start = 0
        if self.n and self.lines[0].startswith("-"):
            start = self._front_matter()
        self._tokenize(start)
        return self.doc

    def _empty(self, i: int) -> bool:
        return i >= self.n or self.ind[i] >= len(self.lines[i])

    def _child(self) -> None:
        """A block opens inside the innermost open list item."""
        if self.items:
            self.items[-1].children += 1

    def _tokenize(self, line: int) -> None:
        lines, ind, n = self.lines, self.ind, self.n
        while line < n:
            while line < n and ind[line] >= len(lines[line]):
                line += 1
            self.line = line
            if line >= n or ind[line] < self.blk:
                break
            if self.level >= _MAX_LEVEL:
                raise _Decline
            s = lines[line]
            p = ind[line]
            if line == 0 and p and lines[0][0] == "-" and s[p + 1 : p + 3] == "--":
                raise _Decline  # an item's "---" on line 1 may open front matter in markdown-it
            self._block(line, s, p, s[p])
            line = self.line
            if line < n and ind[line] >= len(lines[line]):
                line += 1
                self.line = line

    def _block(self, line: int, s: str, p: int, c: str) -> None:
        """Run the first of markdown-it's block rules, in its order, that takes `line`."""
        if "|" in s and self._table(line, False):
            return
        if p - self.blk >= 4:
            self._code(line)
            return
        if c in "`~" and self._fence(line, False):
            return
        if c == ">":
            raise _Decline  # a block quote
        if c in "*-_" and self._hr(line):
            self._child()
            self.line = line + 1
            return
        if (c in "*-+" or "0" <= c <= "9") and self._list(line, False):
            return
        if c == "[" and self._maybe_reference(line):
            raise _Decline
        if c == "<" and self._html(line, False):
            return
        if c == "#" and self._heading(line, False):
            return
        self._paragraph(line)

    # ------------------------------------------------------------------------ front matter

    def _front_matter(self) -> int:
        """markdown-it-py's front matter plugin; the line the body starts on."""
        lines, ind = self.lines, self.ind
        first = lines[0]
        count = len(first) - len(first.lstrip("-"))
        if count < 3:
            return 0
        for i in range(1, self.n):
            s = lines[i]
            if ind[i] == 0 and s.startswith("...") and not s[3:].strip(" "):
                break
            p = ind[i]
            if p >= len(s) or s[p] != "-" or p >= 4:
                continue
            q = len(s) - len(s[p:].lstrip("-"))
            if q - p < count or s[q:].strip(" "):
                continue
            break
        else:
            return 0  # not closed: the plugin lets the other rules read line 1
        self.doc.frontmatter = "\n".join(lines[1:i])
        self.doc.frontmatter_end = i + 1
        return i + 1

    # ---------------------------------------------------------------------------- leaves

    def _heading(self, line: int, silent: bool) -> bool:
        s = self.lines[line]
        p = self.ind[line]
        if p - self.blk >= 4:
            return False
        q = len(s) - len(s[p:].lstrip("#"))
        level = q - p
        if level == 0 or level > 6 or (q < len(s) and s[q] != " "):
            return False
        if silent:
            return True
        body = s[q:].rstrip(" ")
        # A closing run of #s counts only after a space (or when it is all there is).
        stripped = body.rstrip("#")
        if len(stripped) < len(body) and stripped[-1:] == " ":
            body = stripped
        self._child()
        self.blocks.append(Heading(line + 1, level, body.strip(_TRIM)))
        self.line = line + 1
        return True

    def _code(self, line: int) -> None:
        """An indented code block: to the last line indented 4 or more past the block."""
        ind, blk = self.ind, self.blk
        last = nxt = line + 1
        while nxt < self.n:
            if self._empty(nxt):
                nxt += 1
            elif ind[nxt] - blk >= 4:
                nxt += 1
                last = nxt
            else:
                break
        self._child()
        self.line = last

    def _html(self, line: int, silent: bool) -> bool:
        """An HTML block, by markdown-it's own start and end patterns; in `silent` mode,
        whether one that may interrupt a paragraph starts here."""
        lines, ind, blk = self.lines, self.ind, self.blk
        s = lines[line]
        p = ind[line]
        if p - blk >= 4 or not s.startswith("<", p):
            return False
        text = s[p:]
        sequence = next((seq for seq in HTML_SEQUENCES if seq[0].search(text)), None)
        if sequence is None:
            return False
        _, closing, interrupts = sequence
        if silent:
            return interrupts
        nxt = line + 1
        on_blank = bool(closing.search(""))
        if not closing.search(text):
            while nxt < self.n:
                if ind[nxt] < blk and (on_blank or not self._empty(nxt)):
                    break
                text = lines[nxt][ind[nxt] :]
                if closing.search(text):
                    if text:
                        nxt += 1
                    break
                nxt += 1
        self._child()
        self.line = nxt
        return True

    def _hr(self, line: int) -> bool:
        s = self.lines[line]
        p = self.ind[line]
        if p - self.blk >= 4:
            return False
        marker = s[p]
        if marker not in "*-_":
            return False
        rest = s[p:]
        return not rest.replace(marker, "").strip(" ") and rest.count(marker) >= 3

    def _fence(self, line: int, silent: bool) -> bool:
        lines, ind = self.lines, self.ind
        s = lines[line]
        p = ind[line]
        if p - self.blk >= 4 or p + 3 > len(s):
            return False
        marker = s[p]
        if marker not in "`~":
            return False
        q = len(s) - len(s[p:].lstrip(marker))
        length = q - p
        if length < 3 or (marker == "`" and "`" in s[q:]):
            return False
        if silent:
            return True
        nxt = line
        closed = False
        while True:
            nxt += 1
            if nxt >= self.n:
                break
            t = lines[nxt]
            p = ind[nxt]
            if p < len(t) and p < self.blk:
                break
            if p >= len(t) or t[p] != marker or p - self.blk >= 4:
                continue
            q = len(t) - len(t[p:].lstrip(marker))
            if q - p < length or t[q:].strip(" "):
                continue
            closed = True
            break
        self._child()
        self.line = nxt + (1 if closed else 0)
        return True

    def _maybe_reference(self, line: int) -> bool:
        """Could a link reference definition start here? True whenever in doubt.

        markdown-it's rule reads the label up to its first `]` (a `[` first means no label) and
        wants a `:` right after it. A label that runs past its first line is left to markdown-it,
        so no line is ever read twice: the scan stays linear however the file is built.
        """
        s = self.lines[line]
        m = _LABEL_STOP.search(s, self.ind[line] + 1)
        if m is None or m.group() == "\\":
            return True
        return m.group() == "]" and s[m.end() : m.end() + 1] == ":"

    def _lines_text(self, begin: int, end: int) -> str:
        """markdown-it's getLines(begin, end, blkIndent), trimmed: each line loses up to
        blkIndent leading columns (for an item's first line, its marker counts as columns)."""
        lines, ind, blk = self.lines, self.ind, self.blk
        if end - begin == 1:
            return lines[begin][min(blk, ind[begin]) :].strip(_TRIM)
        return "\n".join(lines[i][min(blk, ind[i]) :] for i in range(begin, end)).strip(_TRIM)

    def _paragraph(self, line: int) -> None:
        """markdown-it's lheading rule, then its paragraph rule: one walk serves both, since they
        stop on the same lines unless a setext underline comes first."""
        lines, ind, blk, n = self.lines, self.ind, self.blk, self.n
        nxt = line + 1
        level = 0
        old = self.parent
        self.parent = _PARAGRAPH
        while nxt < n:
            s = lines[nxt]
            p = ind[nxt]
            if p >= len(s):
                break
            if p - blk > 3:
                nxt += 1
                continue
            c = s[p]
            if p >= blk and (c == "=" or c == "-") and not s[p:].lstrip(c).strip(" "):
                level = 1 if c == "=" else 2
                break
            if self._ends_paragraph(nxt, c, s):
                break
            nxt += 1
        self.parent = old
        content = self._lines_text(line, nxt)
        self._child()
        if level:
            self.blocks.append(Heading(line + 1, level, content))
            self.line = nxt + 1
            return
        self.line = nxt
        items = self.items
        if items and items[-1].children == 1:
            set_first_paragraph(items[-1], content, self.raw[line], line)
        else:
            self.blocks.append(Paragraph(line + 1, nxt, content, items[-1] if items else None))

    def _ends_paragraph(self, line: int, c: str, s: str) -> bool:
        """Does a table, fence, block quote, break, list, HTML block or heading start here?"""
        if c == ">":
            raise _Decline
        if c == "<":
            return self._html(line, True)
        if c == "#":
            return self._heading(line, True)
        if c in "`~":
            return self._fence(line, True)
        if c in "*-_+" or "0" <= c <= "9":
            if c in "*-_" and self._hr(line):
                return True
            if c != "_" and self._list(line, True):
                return True
        return "|" in s and self._table(line, True)

    # ------------------------------------------------------------------------------ lists

    def _ends_list(self, line: int, s: str) -> bool:
        """Does a fence, block quote or break end the list before `line`?"""
        p = self.ind[line]
        if p >= len(s):
            return False
        c = s[p]
        if c == ">":
            raise _Decline
        if c in "`~":
            return self._fence(line, True)
        return c in "*-_" and self._hr(line)

    def _marker(self, line: int) -> tuple[int, bool]:
        """Position after a list marker on `line` (or -1), and whether it is ordered."""
        s = self.lines[line]
        p = self.ind[line]
        c = s[p] if p < len(s) else ""
        if c in "*-+" and c:
            if p + 1 < len(s) and s[p + 1] != " ":
                return -1, False
            return p + 1, False
        if "0" <= c <= "9":
            m = _ORDERED.match(s, p)
            return (m.end(), True) if m else (-1, True)
        return -1, False

    def _list(self, start: int, silent: bool) -> bool:
        lines, ind = self.lines, self.ind
        if ind[start] - self.blk >= 4:
            return False
        if self.list_indent >= 0 and ind[start] - self.list_indent >= 4 and ind[start] < self.blk:
            return False
        terminating = silent and self.parent == _PARAGRAPH and ind[start] >= self.blk
        after, ordered = self._marker(start)
        if after < 0:
            return False
        s = lines[start]
        if ordered and terminating and int(s[ind[start] : after - 1]) != 1:
            return False
        if terminating and not s[after:].strip(" "):
            return False
        marker = s[after - 1]
        if silent:
            return True

        self._child()
        self.lists.append(ordered)
        self.level += 1
        old_parent = self.parent
        self.parent = _LIST
        nxt = start
        n = self.n
        while nxt < n:
            s = lines[nxt]
            content = len(s) - len(s[after:].lstrip(" "))
            indent_after = 1 if content >= len(s) else content - after
            if indent_after > 4:
                indent_after = 1
            item = ListItem(
                start + 1,
                0,
                len(self.lists) - 1,
                ordered,
                self.items[-1] if self.items else None,
            )
            self.blocks.append(item)
            self.items.append(item)
            self.level += 1
            old_ind = ind[start]
            old_list_indent = self.list_indent
            self.list_indent = self.blk
            self.blk = after + indent_after
            ind[start] = content
            if content >= len(s) and self._empty(start + 1):
                self.line = min(self.line + 2, n)
            else:
                self._tokenize(start)
            self.blk = self.list_indent
            self.list_indent = old_list_indent
            ind[start] = old_ind
            self.level -= 1
            self.items.pop()
            nxt = start = self.line
            item.end = nxt
            if nxt >= n or ind[nxt] < self.blk or ind[nxt] - self.blk >= 4:
                break
            t = lines[nxt]
            if self._ends_list(nxt, t):
                break
            after, is_ordered = self._marker(nxt)
            if after < 0 or is_ordered != ordered or t[after - 1] != marker:
                break
        self.lists.pop()
        self.level -= 1
        self.line = nxt
        self.parent = old_parent
        return True

    # ----------------------------------------------------------------------------- tables

    def _ends_table(self, line: int, c: str) -> bool:
        """Does a fence, block quote, break, list, HTML block or heading end a table here?"""
        if c == ">":
            raise _Decline
        if c == "<":
            return self._html(line, True)
        if c == "#":
            return self._heading(line, True)
        if c in "`~":
            return self._fence(line, True)
        if c in "*-_" and self._hr(line):
            return True
        return (c in "*-+" or "0" <= c <= "9") and self._list(line, True)

    @staticmethod
    def _cells(text: str) -> list[str]:
        """markdown-it's escapedSplit, without the enclosing empty cells."""
        if "\\" in text:
            cells: list[str] = []
            current = ""
            last = 0
            escaped = False
            for pos, ch in enumerate(text):
                if ch == "|":
                    if not escaped:
                        cells.append(current + text[last:pos])
                        current = ""
                        last = pos + 1
                    else:
                        current += text[last : pos - 1]
                        last = pos
                escaped = ch == "\\"
            cells.append(current + text[last:])
        else:
            cells = text.split("|")
        if cells and cells[0] == "":
            cells.pop(0)
        if cells and cells[-1] == "":
            cells.pop()
        return cells

    def _table(self, start: int, silent: bool) -> bool:
        lines, ind, blk, n = self.lines, self.ind, self.blk, self.n
        if start + 2 > n:
            return False
        nl = start + 1
        s = lines[nl]
        p = ind[nl]
        if p < blk or p - blk >= 4 or p + 1 >= len(s):
            return False
        first, second = s[p], s[p + 1]
        if first not in "|-:" or second not in "|-: " or (first == "-" and second == " "):
            return False
        delimiter = s[p:]
        if not _DELIMITER_ROW.fullmatch(delimiter):
            return False
        aligns = 0
        columns = delimiter.split("|")
        for i, col in enumerate(columns):
            t = col.strip(_TRIM)
            if not t:
                if i == 0 or i == len(columns) - 1:
                    continue
                return False
            if not _DELIMITER.match(t):
                return False
            aligns += 1
        head = lines[start][ind[start] :].strip(_TRIM)
        if "|" not in head or ind[start] - blk >= 4:
            return False
        header = self._cells(head)
        count = len(header)
        if count == 0 or count != aligns:
            return False
        if silent:
            return True

        old = self.parent
        self.parent = _TABLE
        table = Table(start + 1, 0, [c.strip(_TRIM).strip() for c in header])
        autocompleted = 0
        nxt = start + 2
        while nxt < n:
            t = lines[nxt]
            p = ind[nxt]
            if p < blk:
                break
            if p < len(t) and p - blk < 4 and self._ends_table(nxt, t[p]):
                break
            text = t[p:].strip(_TRIM)
            if not text or p - blk >= 4:
                break
            cells = self._cells(text)
            autocompleted += count - len(cells)
            if autocompleted > _MAX_AUTOCOMPLETED_CELLS:
                break
            row = [(cells[i].strip(_TRIM).strip() if i < len(cells) else "") for i in range(count)]
            table.rows.append((nxt + 1, row))
            nxt += 1
        table.end = nxt
        self._child()
        self.blocks.append(table)
        self.parent = old
        self.line = nxt
        return True
