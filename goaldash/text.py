"""Small text helpers shared by the core and the UI: control characters and mojibake."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters except tab, plus DEL. Newlines are not expected in the short
# strings goaldash displays; they are replaced too so one field stays on one line.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# ESC-introduced sequences (CSI, OSC, and two-character escapes), removed whole so that their
# parameters do not survive as visible junk once ESC itself is gone.
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"  # DCS, PM, APC, SOS ... ST
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# Bidirectional overrides can make a line read differently from what it holds.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Make untrusted file text safe to print: no escape sequences, no control characters.

    Tabs become single spaces; the text is otherwise unchanged (no markup is interpreted
    anywhere goaldash shows text, so brackets need no escaping here).
    """
    text = _ESCAPE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _BIDI.sub("", text)
    return text.replace("\t", " ")


_EMPHASIS = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")


def plain(text: str) -> str:
    """Drop markdown emphasis markers (`**bold**`, `__bold__`, `~~struck~~`) for display."""
    return _EMPHASIS.sub(r"\2", text) if ("**" in text or "__" in text or "~~" in text) else text


# Characters that UTF-8 symbols turn into when read as Mac Roman or cp1252. A run of them
# is only a candidate; it is repaired only if re-encoding gives valid UTF-8 for a symbol.
_MOJIBAKE_RUN = re.compile(
    "[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02c7\u02d8-\u02dd"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u2044\u20ac\u2122"
    "\u2202\u2206\u220f\u2211\u221a\u221e\u222b\u2248\u2260\u2264\u2265\u25ca\u03a9\u03c0"
    "\uf8ff\ufb01\ufb02]{2,}"
)


def _repair_run(run: str) -> str:
    for codec in ("mac_roman", "cp1252"):
        try:
            fixed = run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        # Accept only when the result is made of symbols (emoji, arrows, shapes, dashes):
        # accented letters in Vietnamese or French never decode to those.
        if fixed and all(
            unicodedata.category(c) in ("So", "Sm", "Pd", "Po", "Ps", "Pe", "Mn", "Cf", "Sk")
            or c == "\ufe0f"
            for c in fixed
        ):
            return fixed
    return run


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 symbols that were decoded as Mac Roman or cp1252 (`‚úÖ`/`âœ…` -> `✅`).

    Only runs that decode to symbols are changed, so legitimate accented text is untouched.
    """
    if text.isascii():
        return text
    return _MOJIBAKE_RUN.sub(lambda m: _repair_run(m.group(0)), text)


def has_mojibake(text: str) -> bool:
    """True when `text` holds a run that `repair_mojibake` would change."""
    return repair_mojibake(text) != text
