"""How a word of the vocabulary is found in a plan: as written, and, for Greek, with or without
its accents.

Greek capitals are written without accents ("ΦΑΣΗ 1", "ΟΛΟΚΛΗΡΩΘΗΚΕ"), and many write Greek
lowercase without them too ("Κατασταση: Σε εξελιξη"); a reader sees the same words. So a Greek
vowel written with a tonos or a dialytika in the vocabulary (`words`, `status.VOCABULARY`)
matches the vowel bare or marked either way. Only those vowels become classes in a pattern:
other scripts' words are escaped as they always were, and match as quickly.

Pure functions; no IO.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Each accented Greek vowel and its forms: bare, with a tonos, a dialytika, or both.
_FORMS = ("αά", "εέ", "ηή", "ιίϊΐ", "οό", "υύϋΰ", "ωώ")
_CLASS = {ch: "[" + forms + "]" for forms in _FORMS for ch in forms[1:]}
_BARE = str.maketrans(
    {ch: forms[0] for forms in _FORMS for ch in forms[1:]}
    | {"Ά": "Α", "Έ": "Ε", "Ή": "Η", "Ί": "Ι", "Ϊ": "Ι", "Ό": "Ο", "Ύ": "Υ", "Ϋ": "Υ", "Ώ": "Ω"}
)


def unaccented(text: str) -> str:
    """`text` with its Greek vowels bare ("Κατάσταση" -> "Κατασταση"); other letters as they are,
    so the length and every offset stay the same."""
    return text.translate(_BARE)


def with_unaccented(words: Iterable[str]) -> tuple[str, ...]:
    """`words` in their order, each followed by its form without Greek accents when that
    differs: for lookups of a header or key by the word it is (`"κατασταση" in ...`)."""
    out = dict.fromkeys(f for w in words for f in (w, unaccented(w)))
    return tuple(out)


def escape(word: str) -> str:
    """`re.escape(word)`, but its accented Greek vowels match the vowel with or without the
    accent (matched with `re.IGNORECASE`, the capitals too)."""
    escaped = re.escape(word)
    if word.isascii():
        return escaped
    return "".join(_CLASS.get(ch, ch) for ch in escaped)
