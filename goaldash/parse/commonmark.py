"""What the block scanner's modules share of CommonMark as markdown-it-py reads it."""

from __future__ import annotations

import re

# The CommonMark whitespace markdown-it's `mdTrim` strips (JavaScript's `trim` minus U+FEFF).
TRIM = "".join(
    chr(c)
    for c in sorted(
        {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029}
        | set(range(0x2000, 0x200B))
    )
)
ORDERED = re.compile(r"[0-9]{1,9}[.)](?= |$)")
"""An ordered list marker."""
_LABEL_STOP = re.compile(r"[\[\]\\]")

# What a block is read inside of, as markdown-it's `parentType` says (a list may interrupt a
# paragraph only on some conditions).
PARAGRAPH, LIST, TABLE, QUOTE, OTHER = range(5)


def reference_at(s: str, p: int) -> bool:
    """Could a link reference definition start on line `s`, whose content starts at `p`? True
    whenever in doubt.

    markdown-it's rule reads the label up to its first `]` (a `[` first means no label) and
    wants a `:` right after it. A label that runs past its first line is left to markdown-it,
    so no line is ever read twice: the scan stays linear however the file is built.
    """
    m = _LABEL_STOP.search(s, p + 1)
    if m is None or m.group() == "\\":
        return True
    return m.group() == "]" and s[m.end() : m.end() + 1] == ":"
