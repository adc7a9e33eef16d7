"""Messages between the parts of the dashboard: small dataclasses.

Workers report through `Reported` (a workspace event, applied on the UI thread); screens and
the palette ask the app for what only the app can do (open a screen, suspend for the editor)
instead of calling it, so nothing below the app imports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from goaldash.workspace import Event


@dataclass
class Reported(Message):
    """What a worker did, for the UI thread to apply to the workspace and show."""

    event: Event


@dataclass
class OpenPlan(Message):
    """Show one plan on top of the dashboard (at `line` when given)."""

    path: str
    line: int | None = None


@dataclass
class OpenEditor(Message):
    """Open the plan's file in the user's editor at `line`, then read it again."""

    path: str
    line: int
