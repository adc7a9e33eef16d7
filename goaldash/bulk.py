"""Frozen dataclasses made many at once: what decoding tens of thousands of rows calls for.

This module is core: it must not import Textual.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import fields
from itertools import repeat
from types import MemberDescriptorType
from typing import Any


def maker(cls: type) -> Callable[..., list[Any]] | None:
    """A maker of `n` objects of the slotted dataclass `cls` at once from their fields, a
    column each (iterables of at least `n` values, in the order of the fields): each slot set
    for all of them by `map`, with no Python step per object, instead of `cls(...)` one by
    one (a frozen dataclass's `__init__` sets each field through `object.__setattr__`). The
    same objects: setting the fields is all `__init__` does. None when `cls` does more (a
    `__post_init__`) or keeps a field in no slot of its own."""
    slots = [cls.__dict__.get(f.name) for f in fields(cls)]
    if hasattr(cls, "__post_init__") or not all(isinstance(s, MemberDescriptorType) for s in slots):
        return None
    setters = [s.__set__ for s in slots]  # type: ignore[union-attr]
    new = object.__new__

    def make(n: int, *columns: Iterable[Any]) -> list[Any]:
        made: list[Any] = list(map(new, repeat(cls, n)))
        for set_slot, column in zip(setters, columns, strict=True):
            deque(map(set_slot, made, column), maxlen=0)
        return made

    return make
