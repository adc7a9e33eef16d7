"""A plan's items decoded from the cache when first asked for (goaldash/lazyitems.py, the
codec's `decode_plan`): the same items as parsed, equal and hashing alike; kept items that do
not decode are none and say so, and the dashboard then reads the file again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from goaldash import cachefile
from goaldash.cache import ParseCache
from goaldash.codec import Malformed, decode_plan, encode_plan
from goaldash.lazyitems import LazyItems
from goaldash.model import ItemState
from goaldash.workspace import PlansRead
from goaldash.workspace.reader import settle_items

from .conftest import plan_of
from .test_cache import cache_file
from .test_workspace import Headless

MANY = "# Many\n\n## Phase 1: All\n\n" + "".join(
    f"- [{'x' if n % 3 == 0 else ' '}] task number {n}\n" for n in range(600)
)


def test_many_items_are_decoded_when_first_asked_for() -> None:
    parsed = plan_of(MANY)
    plan = decode_plan(encode_plan(parsed))
    items = plan.items
    assert isinstance(items, LazyItems) and not items.decoded
    assert plan.progress == parsed.progress and plan.phases == parsed.phases  # drawn without
    assert not items.decoded
    assert items == parsed.items and parsed.items == items and plan == parsed
    assert items.decoded and not items.broken
    assert hash(items) == hash(parsed.items) and hash(plan) == hash(parsed)
    assert len(items) == 600 and items[3].text == "task number 3"
    assert items[1:3] == parsed.items[1:3] and list(items) == list(parsed.items)
    assert items[0] in items and repr(items) == repr(parsed.items)


@pytest.mark.parametrize("text", ["# Few\n\n- [x] one\n- [ ] two\n", "# None\n\nProse.\n"])
def test_few_items_too_are_decoded_when_first_asked_for(text: str) -> None:
    parsed = plan_of(text)
    plan = decode_plan(encode_plan(parsed))
    assert isinstance(plan.items, LazyItems) and not plan.items.decoded
    assert plan.progress == parsed.progress
    assert plan == parsed and plan.items.decoded and not plan.items.broken


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b.replace(b'"open"', b'"half"', 1),  # a state goaldash does not know
        lambda b: b[:-40],  # cut short
        lambda b: b.replace(b"[0,", b'["0",', 1),  # a line that is a string
    ],
    ids=["unknown state", "cut short", "line a string"],
)
def test_kept_items_that_do_not_decode_are_none_and_say_so(damage) -> None:  # type: ignore[no-untyped-def]
    head, _, items = encode_plan(plan_of(MANY)).partition(b"\n")
    plan = decode_plan(head + b"\n" + damage(items))
    lazy = plan.items
    assert isinstance(lazy, LazyItems)
    assert tuple(lazy) == () and lazy.broken


def test_a_count_that_is_not_theirs_is_broken() -> None:
    head, _, items = encode_plan(plan_of(MANY)).partition(b"\n")
    plan = decode_plan(head.replace(b",600,", b",601,", 1) + b"\n" + items)
    assert isinstance(plan.items, LazyItems) and len(plan.items) == 0 and plan.items.broken


@pytest.mark.parametrize("head", [b'[1,"x"]', b"[]", b"{}", b"null"])
def test_a_plan_without_its_items_never_decodes(head: bytes) -> None:
    with pytest.raises(Malformed):
        decode_plan(head)  # no newline, no items
    with pytest.raises(Malformed):
        decode_plan(head + b"\n[]")


def test_the_dashboard_reads_again_a_plan_whose_kept_items_are_broken(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "docs" / "plans").mkdir(parents=True)
    rel = "docs/plans/many-plan.md"
    (root / rel).write_text(MANY, encoding="utf-8")
    Headless(root).scan()  # fills the cache
    cache = ParseCache.for_root(root.resolve())
    entry = cache.entries[rel]
    head, _, items = entry.blob.partition(b"\n")
    broken = head + b"\n" + items.replace(b'"open"', b'"half"', 1)
    cache.entries[rel] = replace(entry, blob=broken)
    assert cache.path is not None
    cache_file(root.resolve(), cache.path.parent).write_bytes(cachefile._encode(cache.entries))

    dash = Headless(root)
    dash.scan()
    shown = dash.plan(rel)
    assert isinstance(shown.items, LazyItems) and shown.items.decoded  # on the worker
    assert shown.items.broken and len(shown.items) == 0
    dash.jobs()  # the file read again, not the cache
    again = dash.plan(rel)
    assert len(again.items) == 600 and again.items == plan_of(MANY, rel).items
    assert sum(i.state is ItemState.DONE for i in again.items) == again.progress.done == 200


def test_a_scan_leaves_no_items_for_the_ui_thread_to_decode(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "many-plan.md").write_text(MANY, encoding="utf-8")
    Headless(root).scan()
    dash = Headless(root)
    dash.scan()  # from the cache
    items = dash.plan("many-plan.md").items
    assert isinstance(items, LazyItems) and items.decoded and not items.broken


def test_plans_read_again_unchanged_are_compared_without_decoding(tmp_path: Path) -> None:
    """A rescan (`r`) brings every plan again from the cache: those whose bytes did not
    change are the same plans, told so without decoding their items on the UI thread."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "many-plan.md").write_text(MANY, encoding="utf-8")
    dash = Headless(root)
    dash.scan()
    again = decode_plan(encode_plan(dash.plan("many-plan.md")))
    assert isinstance(again.items, LazyItems)
    version = dash.ws.version
    dash.ws.apply_plans(PlansRead([again]))
    assert not again.items.decoded and dash.ws.version == version  # nothing changed


def test_broken_items_decoded_before_the_scan_looked_are_read_again(tmp_path: Path) -> None:
    """A plan opened at once (`goaldash FILE`) has its items decoded before the scan gets to
    them: if they did not decode, its file is read again all the same."""
    head, _, items = encode_plan(plan_of(MANY, "many-plan.md")).partition(b"\n")
    plan = decode_plan(head + b"\n" + items.replace(b'"open"', b'"half"', 1))
    assert isinstance(plan.items, LazyItems)
    assert len(plan.items) == 0 and plan.items.broken  # decoded (by the plan screen)
    dash = Headless(tmp_path)
    settle_items(PlansRead.last([plan], 1, False, []), dash.ws, lambda: False)
    job = dash.ws.jobs.get_nowait()
    assert job.kind == "reread" and job.rels == frozenset({"many-plan.md"})
