"""The line at the foot of each screen: the keys that work here, and what they do.

Textual's `Footer` is a widget per key, composed again each time the keys change (a focus
moving is enough): after the first frame, which it leaves empty, it was a tenth of a second of
the dashboard's start. This line draws the screen's keys as they are (`Screen.active_bindings`)
in the first frame, and only draws again when they change. A key is clicked as it is pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class Key:
    """One key shown: what to press (`key`, as Textual names it), how it is shown, what it
    does, and whether it does anything here and now."""

    key: str
    shown: str
    description: str
    enabled: bool = True


def parts(k: Key) -> tuple[str, str]:
    """How `k` is drawn: the key (a space before it), then its words (a space each side; one
    space when it has none)."""
    return f" {k.shown}", f" {k.description} " if k.description else " "


def cells(k: Key) -> int:
    """The cells `k` takes as drawn (`parts`)."""
    return sum(map(cell_len, parts(k)))


def fit(keys: list[Key], palette: Key | None, width: int) -> tuple[list[Key], Key | None]:
    """The keys shown at `width` cells: all of them if they fit; else the palette's key
    without its words, then the last keys left out (the first are the ones used most)."""

    def size(ks: list[Key], p: Key | None) -> int:
        return sum(map(cells, ks)) + (cells(p) + 1 if p is not None else 0)

    if palette is not None and size(keys, palette) > width:
        palette = Key(palette.key, palette.shown, "", palette.enabled)
    while keys and size(keys, palette) > width:
        keys = keys[:-1]
    return keys, palette


class KeyLine(Widget):
    """The keys of the screen it is on, on one line; the command palette's at the right."""

    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyLine > .key-line--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyLine > .key-line--off {
        color: $text-disabled;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-line--key", "key-line--off"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []
        """Where each key was drawn: (first cell, cell after it, key)."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def keys(self) -> tuple[list[Key], Key | None]:
        """The keys to show (one per action, in the order bound) and the palette's."""
        seen: set[str] = set()
        keys: list[Key] = []
        palette = None
        for _node, binding, enabled, _tip in self.screen.active_bindings.values():
            shown_as = self.app.get_key_display(binding)
            shown = Key(binding.key, shown_as, binding.description, enabled)
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                if self.app.ENABLE_COMMAND_PALETTE:
                    palette = shown
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append(shown)
        return keys, palette

    def render(self) -> Text:
        width = self.content_size.width
        keys, palette = fit(*self.keys(), width)
        key_style = self.get_component_rich_style("key-line--key", partial=True)
        off_style = self.get_component_rich_style("key-line--off", partial=True)
        out = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []

        def add(k: Key) -> None:
            start = out.cell_len
            key, words = parts(k)
            out.append(key, style=key_style if k.enabled else off_style)
            out.append(words, style="" if k.enabled else off_style)
            self._spans.append((start, out.cell_len, k.key))

        for k in keys:
            add(k)
        if palette is not None:
            room = width - out.cell_len - cells(palette)
            out.append(" " * max(room - 1, 0) + "│")
            add(palette)
        return out

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
