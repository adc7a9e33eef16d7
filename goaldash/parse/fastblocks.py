"""A port of markdown-it-py's block rules for the shapes plan files have.

markdown-it-py's block phase is most of the time a plan's parse takes. Most of that is its
machinery, not the rules: every rule is tried on every line through a ruler, every block becomes
several `Token` objects, and `goaldash.parse.blocks` then walks the tokens back into blocks.
This module runs the same rules, written out in the same order and with the same state
(`bm`, `ts` and `sc` are markdown-it's `bMarks`, `tShift` and `sCount`, with `bMarks` counted
from the start of the line), and builds the `Document` directly.

It covers front matter, ATX and setext headings, paragraphs, bullet and ordered lists, fenced
and indented code, block quotes, HTML blocks, thematic breaks and pipe tables, and nesting past
`MAX_NESTING` as markdown-it treats it (skipped, and noted in `Document.unread`). It declines
(returns None, and `walk` asks markdown-it) on tabs, NUL, link reference definitions and front
matter it cannot place. Declining is always safe; a `Document` different from markdown-it's is a
bug, and `tests/test_fastblocks.py` compares the two on every corpus, seed and generated text.
"""

from __future__ import annotations

import re
from itertools import repeat
from operator import sub

from markdown_it.rules_block.html_block import HTML_SEQUENCES

from goaldash.parse.commonmark import (
    LIST,
    ORDERED,
    OTHER,
    PARAGRAPH,
    QUOTE,
    TABLE,
    TRIM,
    reference_at,
)
from goaldash.parse.document import (
    MAX_NESTING,
    Block,
    Document,
    Heading,
    ItemRun,
    ListItem,
    Paragraph,
    Table,
    set_first_paragraph,
    split_lines,
)
from goaldash.parse.plainruns import (
    BATCH as _BATCH,
)
from goaldash.parse.plainruns import (
    Sink,
    after_one_line,
    plain_content,
    plain_run,
    sibling,
)

_DELIMITER = re.compile(r"^:?-+:?$")
_DELIMITER_ROW = re.compile(r"[|:\- ]+")
_MAX_AUTOCOMPLETED_CELLS = 0x10000


class _Decline(Exception):
    """The text holds something only markdown-it should judge."""


class _ReaderFailed(Exception):
    """The sink raised what `scan` would take for its own failure (and decline on)."""

    def __init__(self, error: RecursionError) -> None:
        super().__init__()
        self.error = error


def scan(text: str, sink: Sink | None = None) -> Document | None:
    """The `Document` markdown-it's walk would give for `text`, or None if this port declines.

    With a `sink`, the blocks go to it as the walk goes, a batch at a time, each block
    complete when it goes, and the `Document`'s `blocks` are left empty: a big file's blocks
    are then never all kept at once. Runs of one-line checkbox items outside any other item go
    as `ItemRun`s (whose `list_items` are the blocks the walk would have listed). A walk
    that declines may have handed some blocks over already: the reader starts again."""
    if "\t" in text or "\0" in text:
        return None
    try:
        return _Scanner(split_lines(text), sink).run()
    except _Decline:
        return None
    except RecursionError:
        return None
    except _ReaderFailed as failed:
        raise failed.error from None


class _Scanner:
    __slots__ = ("at", "blk", "blocks", "bm", "doc", "items", "level", "line", "line_max",
                 "lines", "list_indent", "lists", "n", "opened", "parent", "quotes", "raw", "sc",
                 "sink", "ts")  # fmt: skip

    def __init__(self, raw: list[str], sink: Sink | None = None) -> None:
        # The lines of markdown-it's normalized text (CR and CRLF read as LF) are these.
        lines = list(raw)
        # markdown-it records no line for a last line of only spaces with no newline after it.
        if lines and not lines[-1].strip(" "):
            lines.pop()
        self.n = len(lines)
        lines.append("")  # markdown-it's extra empty line past the end, for bounds
        self.lines = lines
        self.bm = [0] * len(lines)
        # Each line's indentation, by `map` (a million lines, no Python step for each).
        self.ts = list(map(sub, map(len, lines), map(len, map(str.lstrip, lines, repeat(" ")))))
        self.sc = self.ts[:]
        self.at = self.ts[:]
        """Where each line's content starts: markdown-it's bMarks + tShift, kept in step."""
        self.raw = raw
        self.line_max = self.n
        self.blk = 0
        self.list_indent = -1
        self.parent = OTHER
        self.line = 0
        self.level = 0
        self.quotes = 0
        self.blocks: list[Block] = []
        self.sink = sink
        self.doc = Document(lines=raw, blocks=self.blocks)
        self.lists: list[bool] = []
        self.items: list[ListItem] = []
        self.opened: list[int] = []
        """For each open item, how many block quotes were open when it opened: a block inside a
        quote inside the item is not the item's child."""

    # ----------------------------------------------------------------------------- driving

    def run(self) -> Document:
        start = 0
        if self.n and self.lines[0].startswith("-"):
            start = self._front_matter()
        self._tokenize(start, self.n)
        if self.sink is not None:
            self.flush()
        return self.doc

    def flush(self) -> None:
        """Hand the blocks made so far to the sink. Only while no list item is open: every
        block made is then complete (an open item's children, end and first paragraph are
        still to come; a heading, paragraph or table is made whole)."""
        if self.sink is not None and self.blocks:
            batch: list[Block | ItemRun] = [*self.blocks]
            self.blocks.clear()
            self._hand(batch)

    def hand_run(self, run: ItemRun) -> None:
        """Hand `run` to the sink, after the blocks made before it."""
        self.flush()
        self._hand([run])

    def _hand(self, batch: list[Block | ItemRun]) -> None:
        assert self.sink is not None
        try:
            self.sink(batch)
        except RecursionError as exc:  # the reader's, not the walk's: no reason to decline
            raise _ReaderFailed(exc) from exc

    def _may_flush(self) -> None:
        if self.sink is not None and not self.items and len(self.blocks) >= _BATCH:
            self.flush()

    def _empty(self, i: int) -> bool:
        return i >= self.n or self.at[i] >= len(self.lines[i])

    def _child(self) -> None:
        """A block opens: one more child of the innermost open list item, if directly in it."""
        if self.items and self.opened[-1] == self.quotes:
            self.items[-1].children += 1

    def _tokenize(self, line: int, end: int) -> None:
        lines, at, sc = self.lines, self.at, self.sc
        while line < end:
            while line < self.line_max and at[line] >= len(lines[line]):
                line += 1
            self.line = line
            if line >= end or sc[line] < self.blk:
                break
            if self.level >= MAX_NESTING:
                # Too deep: markdown-it skips to the end of the range, and so does this walk;
                # the document notes what was skipped.
                self.doc.unread.append((line + 1, end))
                self.line = end
                break
            s = lines[line]
            p = at[line]
            if line == 0 and p and lines[0][0] == "-" and s[p + 1 : p + 3] == "--":
                raise _Decline  # an item's "---" on line 1 may open front matter in markdown-it
            self._block(line, end, s, p, s[p])
            self._may_flush()
            line = self.line
            if line < end and at[line] >= len(lines[line]):
                line += 1
                self.line = line

    def _block(self, line: int, end: int, s: str, p: int, c: str) -> None:
        """Run the first of markdown-it's block rules, in its order, that takes `line`."""
        if "|" in s and self._table(line, end, False):
            return
        if self.sc[line] - self.blk >= 4:
            self._code(line, end)
            return
        if c in "`~" and self._fence(line, end, False):
            return
        if c == ">":
            self._quote(line, end)
            return
        if c in "*-_" and self._hr(line):
            self._child()
            self.line = line + 1
            return
        if (c in "*-+" or "0" <= c <= "9") and self._list(line, end, False):
            return
        if c == "[" and self._maybe_reference(line):
            raise _Decline
        if c == "<" and self._html(line, end, False):
            return
        if c == "#" and self._heading(line, False):
            return
        self._paragraph(line, end)

    # ------------------------------------------------------------------------ front matter

    def _front_matter(self) -> int:
        """markdown-it-py's front matter plugin; the line the body starts on."""
        lines, ts = self.lines, self.ts
        first = lines[0]
        count = len(first) - len(first.lstrip("-"))
        if count < 3:
            return 0
        for i in range(1, self.n):
            s = lines[i]
            if ts[i] == 0 and s.startswith("...") and not s[3:].strip(" "):
                break
            p = ts[i]
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
        p = self.at[line]
        if self.sc[line] - self.blk >= 4:
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
        self.blocks.append(Heading(line + 1, level, body.strip(TRIM)))
        self.line = line + 1
        return True

    def _code(self, line: int, end: int) -> None:
        """An indented code block: to the last line indented 4 or more past the block."""
        sc, blk = self.sc, self.blk
        last = nxt = line + 1
        while nxt < end:
            if self._empty(nxt):
                nxt += 1
            elif sc[nxt] - blk >= 4:
                nxt += 1
                last = nxt
            else:
                break
        self._child()
        self.line = last

    def _html(self, line: int, end: int, silent: bool) -> bool:
        """An HTML block, by markdown-it's own start and end patterns; in `silent` mode,
        whether one that may interrupt a paragraph starts here."""
        lines, sc, blk = self.lines, self.sc, self.blk
        s = lines[line]
        p = self.at[line]
        if sc[line] - blk >= 4 or not s.startswith("<", p):
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
            while nxt < end:
                if sc[nxt] < blk and (on_blank or not self._empty(nxt)):
                    break
                text = lines[nxt][self.at[nxt] :]
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
        p = self.at[line]
        if self.sc[line] - self.blk >= 4 or p >= len(s):
            return False
        marker = s[p]
        if marker not in "*-_":
            return False
        rest = s[p:]
        return not rest.replace(marker, "").strip(" ") and rest.count(marker) >= 3

    def _fence(self, line: int, end: int, silent: bool) -> bool:
        lines, sc = self.lines, self.sc
        s = lines[line]
        p = self.at[line]
        if sc[line] - self.blk >= 4 or p + 3 > len(s):
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
            if nxt >= end:
                break
            t = lines[nxt]
            p = self.at[nxt]
            if p < len(t) and sc[nxt] < self.blk:
                break
            if p >= len(t) or t[p] != marker or sc[nxt] - self.blk >= 4:
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
        """Could a link reference definition start here? (`reference_at`)"""
        return reference_at(self.lines[line], self.at[line])

    def _lines_text(self, begin: int, end: int) -> str:
        """markdown-it's getLines(begin, end, blkIndent), trimmed: each line loses up to
        blkIndent leading columns (for an item's first line, its marker counts as columns)."""
        lines, bm, ts, blk = self.lines, self.bm, self.ts, self.blk
        if end - begin == 1:
            return lines[begin][bm[begin] + min(blk, ts[begin]) :].strip(TRIM)
        return "\n".join(lines[i][bm[i] + min(blk, ts[i]) :] for i in range(begin, end)).strip(TRIM)

    def _paragraph(self, line: int, end: int) -> None:
        """markdown-it's lheading rule, then its paragraph rule: one walk serves both, since they
        stop on the same lines unless a setext underline comes first. (The underline is looked
        for before `end` only, where lheading stops; the paragraph goes on to lineMax.)"""
        lines, at, sc, blk = self.lines, self.at, self.sc, self.blk
        limit = self.line_max
        nxt = line + 1
        level = 0
        old = self.parent
        self.parent = PARAGRAPH
        while nxt < limit:
            s = lines[nxt]
            p = at[nxt]
            if p >= len(s):
                break
            if sc[nxt] - blk > 3:
                nxt += 1
                continue
            c = s[p]
            if (
                nxt < end
                and sc[nxt] >= blk
                and (c == "=" or c == "-")
                and not s[p:].lstrip(c).strip(" ")
            ):
                level = 1 if c == "=" else 2
                break
            if sc[nxt] < 0:
                nxt += 1
                continue
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
        if items and items[-1].children == 1 and self.opened[-1] == self.quotes:
            set_first_paragraph(items[-1], content, self.raw[line], line)
        else:
            owner = items[-1] if items else None
            self.blocks.append(Paragraph(line + 1, nxt, content, owner, self.quotes > 0))

    def _ends_paragraph(self, line: int, c: str, s: str) -> bool:
        """Does a table, fence, block quote, break, list, HTML block or heading start here?"""
        return self._interrupts(line, c) or ("|" in s and self._table(line, self.line_max, True))

    def _interrupts(self, line: int, c: str) -> bool:
        """Does a fence, block quote, break, list, HTML block or heading start at `line`, whose
        content starts with `c`? (markdown-it's terminator rules of paragraphs, quotes and
        tables, bar the table; the list rule asks `self.parent` whether it may interrupt.)"""
        if c == ">":
            return True
        if c == "<":
            return self._html(line, self.n, True)
        if c == "#":
            return self._heading(line, True)
        if c in "`~":
            return self._fence(line, self.n, True)
        if c in "*-_" and self._hr(line):
            return True
        return (c in "*-+" or "0" <= c <= "9") and self._list(line, self.n, True)

    # ------------------------------------------------------------------------ block quotes

    def _ends_quote(self, line: int) -> bool:
        """Does a fence, block quote, break, list, HTML block or heading end a block quote (or a
        table) before `line`?"""
        s = self.lines[line]
        p = self.at[line]
        if p >= len(s) or self.sc[line] - self.blk >= 4:
            return False
        return self._interrupts(line, s[p])

    def _quote_line(self, line: int, saved: list[tuple[int, int, int, int]]) -> bool:
        """Strip a `>` (and one space) from `line` as markdown-it does; True when nothing is
        left after it."""
        bm, ts, sc, at = self.bm, self.ts, self.sc, self.at
        s = self.lines[line]
        pos = at[line] + 1
        initial = offset = sc[line] + 1
        if pos < len(s) and s[pos] == " ":
            pos += 1
            initial += 1
            offset += 1
        saved.append((line, bm[line], ts[line], sc[line]))
        bm[line] = pos
        while pos < len(s) and s[pos] == " ":
            pos += 1
            offset += 1
        sc[line] = offset - initial
        ts[line] = pos - bm[line]
        at[line] = pos
        return pos >= len(s)

    def _quote(self, start: int, end: int) -> None:
        """markdown-it's blockquote rule: the quoted lines (and lazy ones) are read as blocks
        with their `>` taken off, then put back."""
        lines, bm, ts, sc, at = self.lines, self.bm, self.ts, self.sc, self.at
        old_line_max = self.line_max
        saved: list[tuple[int, int, int, int]] = []
        last_empty = self._quote_line(start, saved)
        old_parent = self.parent
        self.parent = QUOTE
        nxt = start + 1
        while nxt < end:
            outdented = sc[nxt] < self.blk
            s = lines[nxt]
            p = at[nxt]
            if p >= len(s):
                break
            if s[p] == ">" and not outdented:
                last_empty = self._quote_line(nxt, saved)
                nxt += 1
                continue
            if last_empty:
                break
            if self._ends_quote(nxt):
                self.line_max = nxt
                if self.blk != 0:
                    saved.append((nxt, bm[nxt], ts[nxt], sc[nxt]))
                    sc[nxt] -= self.blk
                break
            saved.append((nxt, bm[nxt], ts[nxt], sc[nxt]))
            sc[nxt] = -1  # a lazy line: it continues a paragraph, whatever its indent
            nxt += 1
        old_indent = self.blk
        self.blk = 0
        self._child()
        self.quotes += 1
        self.level += 1
        self._tokenize(start, nxt)
        self.level -= 1
        self.quotes -= 1
        self.line_max = old_line_max
        self.parent = old_parent
        for i, b, t, c in saved:
            bm[i], ts[i], sc[i], at[i] = b, t, c, b + t
        self.blk = old_indent

    # ------------------------------------------------------------------------------ lists

    def _ends_list(self, line: int, s: str) -> bool:
        """Does a fence, block quote or break end the list before `line`?"""
        p = self.at[line]
        if p >= len(s):
            return False
        c = s[p]
        if c == ">":
            return True
        if c in "`~":
            return self._fence(line, self.n, True)
        return c in "*-_" and self._hr(line)

    def _marker(self, line: int) -> tuple[int, bool]:
        """Position after a list marker on `line` (or -1), and whether it is ordered."""
        s = self.lines[line]
        p = self.at[line]
        c = s[p] if p < len(s) else ""
        if c in "*-+" and c:
            if p + 1 < len(s) and s[p + 1] != " ":
                return -1, False
            return p + 1, False
        if "0" <= c <= "9":
            m = ORDERED.match(s, p)
            return (m.end(), True) if m else (-1, True)
        return -1, False

    def _list(self, start: int, end: int, silent: bool) -> bool:
        lines, bm, ts, sc, at = self.lines, self.bm, self.ts, self.sc, self.at
        if sc[start] - self.blk >= 4:
            return False
        if self.list_indent >= 0 and sc[start] - self.list_indent >= 4 and sc[start] < self.blk:
            return False
        terminating = silent and self.parent == PARAGRAPH and sc[start] >= self.blk
        after, ordered = self._marker(start)
        if after < 0:
            return False
        s = lines[start]
        if ordered and terminating and int(s[self.at[start] : after - 1]) != 1:
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
        self.parent = LIST
        nxt = start
        while nxt < end:
            s = lines[nxt]
            initial = sc[nxt] + after - at[start]
            content = len(s) - len(s[after:].lstrip(" "))
            offset = initial + content - after
            indent_after = 1 if content >= len(s) else offset - initial
            if indent_after > 4:
                indent_after = 1
            item = ListItem(
                start + 1,
                0,
                len(self.lists) - 1,
                ordered,
                self.items[-1] if self.items else None,
                quoted=self.quotes > 0,
            )
            self.blocks.append(item)
            if (
                not self.quotes
                and start
                and self.level + 1 < MAX_NESTING
                and plain_content(s, after) >= 0
                and (
                    sibling(self, start + 1, end, marker, ordered) >= 0
                    or after_one_line(self, start, end, content) >= 0
                )
            ):
                plain_run(self, item, start, content, end, marker, ordered)  # ends where it stops
                nxt = start = self.line
            else:
                self.items.append(item)
                self.opened.append(self.quotes)
                self.level += 1
                old_ts, old_sc = ts[start], sc[start]
                old_list_indent = self.list_indent
                self.list_indent = self.blk
                self.blk = initial + indent_after
                ts[start] = content - bm[start]
                at[start] = content
                sc[start] = offset
                if content >= len(s) and self._empty(start + 1):
                    self.line = min(self.line + 2, end)
                else:
                    self._tokenize(start, end)
                self.blk = self.list_indent
                self.list_indent = old_list_indent
                ts[start], sc[start] = old_ts, old_sc
                at[start] = bm[start] + old_ts
                self.level -= 1
                self.items.pop()
                self.opened.pop()
                nxt = start = self.line
                item.end = nxt
            self._may_flush()
            if nxt >= end or sc[nxt] < self.blk or sc[nxt] - self.blk >= 4:
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

    def _table(self, start: int, end: int, silent: bool) -> bool:
        lines, sc, blk = self.lines, self.sc, self.blk
        if start + 2 > end:
            return False
        nl = start + 1
        s = lines[nl]
        p = self.at[nl]
        if sc[nl] < blk or sc[nl] - blk >= 4 or p + 1 >= len(s):
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
            t = col.strip(TRIM)
            if not t:
                if i == 0 or i == len(columns) - 1:
                    continue
                return False
            if not _DELIMITER.match(t):
                return False
            aligns += 1
        head = lines[start][self.at[start] :].strip(TRIM)
        if "|" not in head or sc[start] - blk >= 4:
            return False
        header = self._cells(head)
        count = len(header)
        if count == 0 or count != aligns:
            return False
        if silent:
            return True

        old = self.parent
        self.parent = TABLE
        table = Table(start + 1, 0, [c.strip(TRIM).strip() for c in header])
        autocompleted = 0
        nxt = start + 2
        while nxt < end:
            if sc[nxt] < blk or self._ends_quote(nxt):
                break
            t = lines[nxt]
            text = t[self.at[nxt] :].strip(TRIM)
            if not text or sc[nxt] - blk >= 4:
                break
            cells = self._cells(text)
            autocompleted += count - len(cells)
            if autocompleted > _MAX_AUTOCOMPLETED_CELLS:
                break
            row = [(cells[i].strip(TRIM).strip() if i < len(cells) else "") for i in range(count)]
            table.rows.append((nxt + 1, row))
            nxt += 1
        table.end = nxt
        self._child()
        self.blocks.append(table)
        self.parent = old
        self.line = nxt
        return True
