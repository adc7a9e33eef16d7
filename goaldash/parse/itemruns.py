"""Runs of plain task-list items, made in bulk.

A big checklist is mostly items with nothing to them but a checkbox and a line of text: no
nested items, no placeholder, no phase keyword, no blocker word, no impact. The walk of blocks
would look at each of them for all of that; here a run of such items (a chunk at a time, so
memory stays flat) is looked at whole, on the joined text, and its `Item`s made by one `map`.
When anything in the run needs a closer look, the caller reads its items one by one instead.
"""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter

from goaldash.model import MARK_STATES, Item
from goaldash.parse.document import Block, ItemRun, ListItem
from goaldash.parse.items import make_items
from goaldash.parse.phases import ASCII_KEYWORDS

CHUNK = 1024
"""Items taken at a time: the blocks of a chunk are let go once its items are made."""

_LINE, _COLUMN, _MARK, _TEXT, _REST, _DEPTH = map(
    attrgetter, ("line", "column", "mark", "text", "rest", "depth")
)
# Words whose presence in an item sends it to the closer look: the phase keywords of
# `phases.may_declare` (its ASCII ones) and an impact (`sections.parse_adjustment`).
_WORDS = (*ASCII_KEYWORDS, "impact")


def plain(li: ListItem) -> bool:
    """A task-list item directly in a list of its own (no enclosing item) and holding
    nothing but its first paragraph: one that a run may take."""
    return li.mark is not None and li.parent is None and li.children == 1


def take_run(first: ListItem, blocks: list[Block | ItemRun]) -> list[ListItem]:
    """`first` and the plain items right after it, up to `CHUNK`, taken from `blocks` (which
    holds the blocks still to read in reverse order: the next one is last)."""
    run = [first]
    while blocks and len(run) < CHUNK:
        nxt = blocks[-1]
        if type(nxt) is not ListItem or not plain(nxt):
            break
        run.append(nxt)
        blocks.pop()
    return run


def plain_items(run: list[ListItem], phase: str | None, section: str) -> list[Item] | None:
    """The `Item`s of `run` (all in `phase` and `section`), or None when any of its items
    holds something the walk must read (`_all_plain`)."""
    texts = "\n".join(map(_TEXT, run))
    if "YYYY" in texts or texts.count("[") != len(run):  # a checkbox's bracket each, no more
        return None
    rests = list(map(_REST, run))
    if not _plain_rests(rests):
        return None
    marks = list(map(_MARK, run))
    return make_items(
        len(run),
        map(_LINE, run),
        map(_COLUMN, run),
        map(MARK_STATES.__getitem__, marks),
        marks,
        rests,
        map(_DEPTH, run),
        repeat(phase),
        repeat(section),
        repeat(None),
    )


def run_items(run: ItemRun, phase: str | None, section: str) -> list[Item] | None:
    """`plain_items` of the items of an `ItemRun`, read from its columns."""
    # Each item's first paragraph is its checkbox and its text (`rests`), but for white space
    # at the ends: no date token and no bracket but the checkbox's, as `plain_items` asks.
    joined = "\n".join(run.rests)
    if "YYYY" in joined or "[" in joined or not _plain_rests(run.rests, joined):
        return None
    return make_items(
        len(run.lines),
        run.lines,
        repeat(run.column),
        map(MARK_STATES.__getitem__, run.marks),
        run.marks,
        run.rests,
        repeat(run.depth),
        repeat(phase),
        repeat(section),
        repeat(None),
    )


def _plain_rests(rests: list[str], joined: str | None = None) -> bool:
    """False when any item's text after the checkbox holds something the walk must read:
    non-ASCII text (an emoji status, a blocker sign, a keyword in another language), bold,
    a phase keyword, a blocker word or an impact. Joined with newlines (`joined`, when the
    caller has it), which none of these contain, they are looked at in a few searches."""
    if joined is None:
        joined = "\n".join(rests)
    if not joined.isascii() or "**" in joined or "__" in joined:
        return False
    if "locked" in joined or "LOCKED" in joined:
        return False
    low = joined.lower()
    return not any(word in low for word in _WORDS)
