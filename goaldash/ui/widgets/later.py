"""A stand-in that mounts its widget after the first frame (the hidden tabs' views)."""

from __future__ import annotations

from textual.widget import Widget


class Later(Widget):
    """Stands in for `widget` and mounts it in its place after the first frame, as Textual's
    `Lazy` does; but not once the app is closing. (With `Lazy`, quitting before that mount
    ended in MountError: its parent was already gone.)"""

    DEFAULT_CSS = "Later { display: none; }"

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self._widget = widget

    def on_mount(self) -> None:
        self.call_after_refresh(self._swap)

    async def _swap(self) -> None:
        parent = self.parent
        if not isinstance(parent, Widget) or not self.app.is_running or not self.is_attached:
            return
        await parent.mount(self._widget, after=self)
        await self.remove()
