"""Small text helpers shared by the core and the UI: control characters, mojibake, how a
path is written, and counts in words (`counted`: every "1 plan" / "2 plans" goes through it)."""

from __future__ import annotations

import base64
import codecs
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
# A byte of a file name that is not UTF-8, as Python keeps it (`surrogateescape`): U+DC80 to
# U+DCFF. Any lone surrogate is matched: none can be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


Pieces = str | tuple[str, ...]
"""A text kept whole, or when it is big in pieces that follow one another: a plan of a
million items is a hundred megabytes of `--json` text, which, never joined, is never held
twice while it is made or read, and goes out a piece at a time."""


def pieces_of(text: Pieces) -> tuple[str, ...]:
    """The pieces of `text`, in order."""
    return (text,) if isinstance(text, str) else text


def clean(text: str) -> str:
    """Make untrusted file text safe to print: no escape sequences, no control characters.

    Tabs become single spaces; the text is otherwise unchanged (no markup is interpreted
    anywhere goaldash shows text, so brackets need no escaping here).
    """
    text = _ESCAPE.sub("", text)
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", _BIDI.sub("", text))
    return text.replace("\t", " ")


# ------------------------------------------------------------------------------ paths
#
# A file's name is bytes, and may not be UTF-8. goaldash keeps paths as Python does
# (`os.fsdecode`: each undecodable byte as a lone surrogate), so the exact name is always
# recoverable, and writes them by one rule (the README's `--json` section):
#
# - as text, each byte that is not UTF-8 is U+FFFD (`path_text`);
# - in JSON, that text, plus `<field>_bytes` (the exact name in base64) when the name is not
#   UTF-8 (`path_field`);
# - on a terminal, that text with control characters (newline, tab, ESC...) and bidirectional
#   controls also shown as U+FFFD, so a name can neither break a line nor drive the terminal
#   (`shown_path`).

_UNSAFE_IN_PATH = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def is_utf8(text: str) -> bool:
    """True when `text` can be written as UTF-8 (it holds no undecodable byte)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def utf8_text(text: str) -> str:
    """`text` with every undecodable byte (a lone surrogate) as U+FFFD: always valid UTF-8."""
    return text if is_utf8(text) else _SURROGATE.sub("\ufffd", text)


def path_text(path: str) -> str:
    """A path as text: the name's bytes as UTF-8, each byte that is not UTF-8 as U+FFFD."""
    return utf8_text(path)


def path_bytes(path: str) -> bytes:
    """The exact bytes of a path goaldash holds (undecodable bytes kept as surrogates)."""
    return path.encode("utf-8", "surrogateescape")


def path_from_bytes(data: bytes) -> str:
    """A path as goaldash holds it, from its exact bytes."""
    return data.decode("utf-8", "surrogateescape")


def path_field(key: str, path: str | None) -> dict[str, str | None]:
    """`{key: text}` for a JSON document, plus `{key_bytes: base64}` when the name is not
    UTF-8 (the exact bytes; absent otherwise)."""
    if path is None:
        return {key: None}
    if is_utf8(path):
        return {key: path}
    return {
        key: path_text(path),
        f"{key}_bytes": base64.b64encode(path_bytes(path)).decode("ascii"),
    }


def shown_path(path: str) -> str:
    """A path as a terminal shows it: `path_text`, with control characters and bidirectional
    controls also as U+FFFD."""
    if path.isascii() and path.isprintable():
        return path
    return _UNSAFE_IN_PATH.sub("\ufffd", path)


def _fffd(exc: UnicodeError) -> tuple[bytes, int]:
    """Codec error handler: a character that cannot be written (an undecodable byte kept
    as a surrogate) is written as U+FFFD, one per character ("?" where the encoding has no
    U+FFFD)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    try:
        mark = "\ufffd".encode(exc.encoding)
    except (UnicodeError, LookupError):
        mark = b"?"
    return mark * (exc.end - exc.start), exc.end


FFFD_ERRORS = "goaldash-fffd"
"""The name of the codec error handler that writes U+FFFD for what cannot be encoded."""
codecs.register_error(FFFD_ERRORS, _fffd)


def plural(n: int, one: str, many: str | None = None) -> str:
    """The word for `n` of a thing: `one` when n is 1, else `many`, by default its plural
    ("plan" -> "plans", "copy" -> "copies", "match" -> "matches")."""
    if n == 1:
        return one
    if many is not None:
        return many
    if one.endswith("y") and one[-2:-1] not in ("a", "e", "o", "u", ""):
        return one[:-1] + "ies"
    if one.endswith(("s", "x", "ch", "sh")):
        return one + "es"
    return one + "s"


def counted(n: int, one: str, many: str | None = None) -> str:
    """`n` and the word for that many: "0 plans", "1 plan", "2 stale copies"."""
    return f"{n} {plural(n, one, many)}"


def a_or_an(word: str) -> str:
    """The indefinite article before `word`, by its first letter: "an archived", "a done"."""
    return "an" if word[:1].lower() in ("a", "e", "i", "o", "u") else "a"


_EMPHASIS = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")


def plain(text: str) -> str:
    """Drop markdown emphasis markers (`**bold**`, `__bold__`, `~~struck~~`) for display."""
    return _EMPHASIS.sub(r"\2", text) if ("**" in text or "__" in text or "~~" in text) else text


def clean_plain(text: str) -> str:
    """`clean`, then `plain`: file text as goaldash shows it in a plan (a title, a phase's
    name, a blocker): no escape sequences, no control characters, no emphasis markers."""
    return plain(clean(text))


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
