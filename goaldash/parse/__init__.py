"""Markdown plan files -> `goaldash.model.Plan`. Pure: no IO, no Textual."""

from goaldash.parse.plan import PARSER_VERSION, decode, fingerprint, parse_plan, unread_plan

__all__ = ["PARSER_VERSION", "decode", "fingerprint", "parse_plan", "unread_plan"]
