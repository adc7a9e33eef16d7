"""A plan's items as the parse cache gives them back: decoded when first looked at.

A warm start decodes a thousand plans from the cache; their items (a hundred thousand, most
of the bytes) are not needed to draw the overview, the blockers or the timeline, only to
open a plan, tick or compare. `LazyItems` keeps their encoded columns and decodes them (as
strictly as the rest of the plan, `goaldash.codec`) the first time anything asks; the scan
worker then asks for every plan's, so the UI thread seldom has to. The same sequence of
items either way: equal to, and hashing as, the tuple it holds.

Kept bytes that do not decode give no items and mark the sequence `broken`: the worker that
finds it so has the file read again (a cache is never trusted).

This module is core: it must not import Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from goaldash.model import Item

_DECODING = threading.Lock()
"""Held while items are decoded: a sequence is decoded once, whichever threads ask."""


class LazyItems(Sequence[Item]):
    """`length` items, encoded in `data`, decoded by `decode(data, length)` when first asked."""

    __slots__ = ("_data", "_decode", "_items", "broken", "length")

    def __init__(
        self, length: int, data: bytes, decode: Callable[[bytes, int], tuple[Item, ...]]
    ) -> None:
        self.length = length
        """How many items the plan has (as written beside them)."""
        self._data = data
        self._decode = decode
        self._items: tuple[Item, ...] | None = None
        self.broken = False
        """True once the kept bytes were found not to be sound items (there are then none)."""

    @property
    def decoded(self) -> bool:
        """Whether the items were decoded already."""
        return self._items is not None

    def load(self) -> tuple[Item, ...]:
        """The items, decoded now if they were not yet (by one thread: another asking
        meanwhile waits for them)."""
        items = self._items
        if items is None:
            with _DECODING:
                items = self._items
                if items is None:
                    try:
                        items = self._decode(self._data, self.length)
                    except ValueError:  # codec.Malformed: never trusted, never a traceback
                        items, self.broken = (), True
                    self._items, self._data = items, b""
        return items

    def __len__(self) -> int:
        return len(self.load())

    @overload
    def __getitem__(self, index: int) -> Item: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Item, ...]: ...
    def __getitem__(self, index: int | slice) -> Item | tuple[Item, ...]:
        return self.load()[index]

    def __iter__(self) -> Iterator[Item]:
        return iter(self.load())

    def __contains__(self, value: object) -> bool:
        return value in self.load()

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if isinstance(other, LazyItems):
            return self.load() == other.load()
        if isinstance(other, tuple):
            return self.load() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.load())

    def __repr__(self) -> str:  # never the decoding (Textual's workers repr their arguments)
        if self._items is None:
            return f"LazyItems({self.length} items, not decoded yet)"
        return repr(self._items)

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles hold the plain tuple
        return (tuple, (self.load(),))
