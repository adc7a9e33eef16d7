"""`Item`s made quickly: a big plan has a million of them.

`Item` is a frozen, slotted dataclass, so its `__init__` sets each field through
`object.__setattr__` (looked up and bound afresh for every field): about 2.4 µs an item
here, 60% of the time a plan of one-line items takes to read. `make_item` sets the same slots
through their descriptors, bound once: the same object (equal, hashing the same, pickling the
same) in 0.9 µs; `make_items` makes many at once, a slot at a time for all of them. They are
used only while `Item` is what they were written for: the fields below, in this order, each a
plain slot, no `__post_init__`; otherwise it is `Item` itself. The parser makes its items so,
and the codec (`goaldash.codec`) the items it reads back from the parse cache.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import fields
from itertools import islice, repeat
from types import MemberDescriptorType

from goaldash.model import Item, ItemState

FIELDS = ("line", "column", "state", "mark", "text", "depth", "phase", "section", "parent")

MakeItem = Callable[[int, int, ItemState, str, str, int, str | None, str, int | None], Item]


def _by_keyword(
    line: int,
    column: int,
    state: ItemState,
    mark: str,
    text: str,
    depth: int,
    phase: str | None,
    section: str,
    parent: int | None,
) -> Item:
    return Item(
        line=line,
        column=column,
        state=state,
        mark=mark,
        text=text,
        depth=depth,
        phase=phase,
        section=section,
        parent=parent,
    )


def _by_slots() -> MakeItem | None:
    """The quick maker, or None when `Item` is no longer the class it was written for."""
    if tuple(f.name for f in fields(Item)) != FIELDS or hasattr(Item, "__post_init__"):
        return None
    slots = [Item.__dict__.get(name) for name in FIELDS]
    if not all(isinstance(s, MemberDescriptorType) for s in slots):
        return None
    s_line, s_column, s_state, s_mark, s_text, s_depth, s_phase, s_section, s_parent = (
        s.__set__  # type: ignore[union-attr]
        for s in slots
    )
    new = object.__new__

    def make(
        line: int,
        column: int,
        state: ItemState,
        mark: str,
        text: str,
        depth: int,
        phase: str | None,
        section: str,
        parent: int | None,
    ) -> Item:
        item: Item = new(Item)
        s_line(item, line)
        s_column(item, column)
        s_state(item, state)
        s_mark(item, mark)
        s_text(item, text)
        s_depth(item, depth)
        s_phase(item, phase)
        s_section(item, section)
        s_parent(item, parent)
        return item

    return make


make_item: MakeItem = _by_slots() or _by_keyword
"""`Item(line, column, state, mark, text, depth, phase, section, parent)`, quickly."""


MakeItems = Callable[
    [
        int,
        Iterable[int],
        Iterable[int],
        Iterable[ItemState],
        Iterable[str],
        Iterable[str],
        Iterable[int],
        Iterable[str | None],
        Iterable[str],
        Iterable[int | None],
    ],
    list[Item],
]


def _many_by_slots() -> MakeItems | None:
    """The quick bulk maker, or None when `Item` is no longer the class it was written for."""
    if make_item is _by_keyword:
        return None
    setters = [Item.__dict__[name].__set__ for name in FIELDS]
    new = object.__new__

    def make(n: int, *columns: Iterable[object]) -> list[Item]:
        made: list[Item] = list(map(new, repeat(Item, n)))
        for set_slot, column in zip(setters, columns, strict=True):
            deque(map(set_slot, made, column), maxlen=0)  # each slot of every item, in C
        return made

    return make


def _many_by_one(n: int, *columns: Iterable[object]) -> list[Item]:
    return list(islice(map(make_item, *columns), n))


make_items: MakeItems = _many_by_slots() or _many_by_one
"""`n` items at once from their fields, a column each (an iterable of at least `n` values,
`repeat` for one shared by all), in `Item`'s order: what `make_item` makes of each row, made a
slot at a time for all of them by `map` (no Python step per item)."""
