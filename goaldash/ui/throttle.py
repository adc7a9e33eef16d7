"""Calling something at most every so often, however often it is asked for."""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump


class Throttle:
    """`soon()` calls `action` once, `delay` seconds after the first ask, however many asks
    come meanwhile; calling `action` directly in between should `cancel()` the pending call."""

    def __init__(self, owner: MessagePump, delay: float, action: Callable[[], None]) -> None:
        self._owner = owner
        self._delay = delay
        self._action = action
        self._pending = False

    def soon(self) -> None:
        """Call the action in a moment (once for however many asks come meanwhile)."""
        if not self._pending:
            self._pending = True
            self._owner.set_timer(self._delay, self.due)

    def cancel(self) -> None:
        """The action was just done: the pending call has nothing left to do."""
        self._pending = False

    def due(self) -> None:
        """The timer fired: call the action, unless it was done meanwhile."""
        if self._pending:
            self._action()
