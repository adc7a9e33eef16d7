"""Markdown plan files -> `goaldash.model.Plan`. Pure: no IO, no Textual.

The parser itself (markdown-it-py, YAML) is imported on first use of `parse_plan` or
`decode`, so code that only hashes bytes or reads the cache starts quickly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

PARSER_VERSION = 56
"""Bumped whenever parsing changes what it produces (the parse cache is keyed by it)."""

if TYPE_CHECKING:
    from goaldash.parse.basics import fingerprint, unread_plan
    from goaldash.parse.plan import decode, parse_plan

_LIGHT = {"fingerprint", "unread_plan"}
_HEAVY = {"decode", "parse_plan"}


def __getattr__(name: str) -> object:
    if name in _LIGHT:
        from goaldash.parse import basics

        return getattr(basics, name)
    if name in _HEAVY:
        from goaldash.parse import plan

        return getattr(plan, name)
    raise AttributeError(f"module 'goaldash.parse' has no attribute {name!r}")


__all__ = ["PARSER_VERSION", "decode", "fingerprint", "parse_plan", "unread_plan"]
