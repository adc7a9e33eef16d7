"""The parse cache's plain-data encoding: a strict reading back (every malformed entry, file
or plan ignored, never a traceback) and round trips of every field."""

from __future__ import annotations

import json
import os
import pickle
from dataclasses import MISSING, fields, replace
from datetime import date
from pathlib import Path

import pytest

from goaldash import cachefile
from goaldash.cache import ParseCache
from goaldash.codec import Malformed, decode_plan, encode_plan
from goaldash.lazyitems import LazyItems
from goaldash.model import (
    Adjustment,
    Blocker,
    Item,
    ItemState,
    Phase,
    Plan,
    PlanDates,
    PlanFormat,
    Progress,
    Status,
    StatusRow,
    Task,
    Warning,
)
from goaldash.report.jsonout import to_json
from tests.test_cache import scan

from .conftest import CORPUS, TODAY, needs_corpus
from .test_cache import cache_file, cold_and_warm_json, counting, make_repo

# ------------------------------------------------------------------ a strict reading back


def unpack(blob: bytes) -> tuple[list, list[bytes]]:  # type: ignore[type-arg]
    """The index and texts of a cache file (its layout, as `cachefile._container` writes it)."""
    payload = blob.split(b"\n", 2)[2].split(b"\n", 1)[1]  # after magic, schema, checksum
    size, rest = payload.split(b"\n", 1)
    index = json.loads(rest[: int(size)])
    texts, pos = [], int(size)
    for row in index:
        for n in row[-2:]:
            texts.append(rest[pos : pos + n])
            pos += n
    return index, texts


def sound_cache(tmp_path: Path) -> tuple[Path, Path, bytes]:
    root = make_repo(tmp_path / "r")
    folder = tmp_path / "c"
    scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    return root, folder, cache_file(root, folder).read_bytes()


def _set(path: tuple[int, ...], value: object):  # type: ignore[no-untyped-def]
    def change(v: list) -> None:  # type: ignore[type-arg]
        for i in path[:-1]:
            v = v[i]
        v[path[-1]] = value

    return change


DEEP = "[" * 100_000 + "]" * 100_000

INDEX_DAMAGE = {  # each: the plan entry's index row changed; the whole file is then ignored
    "path not a string": _set((0,), 7),
    "size a string": _set((1,), "12"),
    "known place an int": _set((4,), 1),
    "row too short": lambda row: row.pop(3),
    "row too long": lambda row: row.append(0),
    "negative length": _set((7,), -1),
    "length past the end": _set((8,), 10**9),
    "facts too short": lambda row: row[6].pop(),
    "facts of another path": _set((6, 0), "elsewhere.md"),
    "facts status unknown": _set((6, 4), 5),
    "facts expiry no date": _set((6, 5), "2026-13-45"),
    "facts expiry a number": _set((6, 5), 20261125),
    "facts phases not a list": _set((6, 6), {"1": "done"}),
    "facts phase status unknown": _set((6, 6), [["1", "phase", "exploded", 3]]),
}


@pytest.mark.parametrize("damage", INDEX_DAMAGE.values(), ids=INDEX_DAMAGE.keys())
def test_a_malformed_index_entry_is_ignored(tmp_path: Path, damage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root, folder, good = sound_cache(tmp_path)
    index, texts = unpack(good)
    damage(next(row for row in index if row[6] is not None))
    cache_file(root, folder).write_bytes(cachefile._container(index, texts))
    cache = ParseCache.for_root(root, folder)
    assert cache.entries == {} and cache.problem is not None
    calls = counting(monkeypatch)
    cold, warm, _, _ = cold_and_warm_json(root, folder)
    assert warm == cold and len(calls) == 6 + 6  # the cold run, then the rebuilt cache
    assert ParseCache.for_root(root, folder).loaded == 6


RAW_DAMAGE = {  # each: the file around the index
    "index not a list": lambda index, texts: (b'{"a": 1}', texts),
    "index nested too deep": lambda index, texts: (DEEP.encode(), texts),
    "an integer of 5,000 digits": lambda index, texts: (f"[[{'9' * 5000}]]".encode(), texts),
    "a --json text not UTF-8": lambda index, texts: (
        json.dumps(index).encode(),
        [b"\xff" * len(t) if i == 1 else t for i, t in enumerate(texts)],
    ),
    "a duplicate entry": lambda index, texts: (
        json.dumps([*index, index[0]]).encode(),
        [*texts, *texts[:2]],
    ),
}


@pytest.mark.parametrize("damage", RAW_DAMAGE.values(), ids=RAW_DAMAGE.keys())
def test_a_malformed_file_is_ignored(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    root, folder, good = sound_cache(tmp_path)
    head, texts = damage(*unpack(good))
    payload = b"%d\n" % len(head) + head + b"".join(texts)
    planted = cachefile._MAGIC + cachefile.SCHEMA.encode() + b"\n"
    cache_file(root, folder).write_bytes(planted + cachefile._checksum(payload) + b"\n" + payload)
    assert ParseCache.for_root(root, folder).entries == {}
    cold, warm, _, _ = cold_and_warm_json(root, folder)
    assert warm == cold


def blob_data(blob: bytes) -> list:  # type: ignore[type-arg]
    """A plan's encoding as one array, its items in their field's place (as damage takes it)."""
    head, items = blob.split(b"\n", 1)
    data = json.loads(head)
    data[12] = json.loads(items)
    return data  # type: ignore[no-any-return]


def data_blob(data: list) -> bytes:  # type: ignore[type-arg]
    """`blob_data` undone: the items after a newline, their count in their place."""
    head, items = list(data), data[12] if len(data) > 12 else []
    if len(head) > 12:
        head[12] = len(items[0]) if items and type(items[0]) is list else 0
    return json.dumps(head).encode() + b"\n" + json.dumps(items).encode()


def _items(plan: list, column: int, value: object) -> None:  # type: ignore[type-arg]
    plan[12][column][0] = value


PLAN_DAMAGE = {  # each: one plan's own encoding; found out only when the plan is decoded
    "title a number": _set((3,), 5),
    "a field missing": lambda plan: plan.pop(),
    "a field too many": lambda plan: plan.append(None),
    "status unknown": _set((4,), "exploded"),
    "format unknown": _set((2,), "weird-format"),
    "placeholders a boolean": _set((17,), True),
    "progress a float": _set((5, 0), 1.0),
    "a date that is none": _set((10, 0), "2026-02-30"),
    "a date of another shape": _set((10, 0), "20261121"),
    "a phase span of words": lambda plan: plan[11][0].__setitem__(12, ["a", 1]),
    "a phase status unknown": lambda plan: plan[11][0].__setitem__(4, "soon"),
    "a phase dated a string": lambda plan: plan[11][0].__setitem__(13, "yes"),
    "a phase's progress short": lambda plan: plan[11][0][6].pop(),
    "a phase's end a date of words": lambda plan: plan[11][0].__setitem__(9, "next monday"),
    "a phase too short": lambda plan: plan[11][0].pop(),
    "another path than the facts": _set((0,), "other.md"),
    "a warning line a string": lambda plan: plan[18].append(["kind", "message", "7"]),
}

ITEM_DAMAGE = {  # each: one plan's items; found out only when they are first asked for
    "an item state unknown": lambda plan: _items(plan, 2, "half"),
    "an item mark unknown": lambda plan: _items(plan, 3, "q"),
    "an item line a string": lambda plan: _items(plan, 0, "3"),
    "an item parent a float": lambda plan: _items(plan, 8, 1.5),
    "item columns of two lengths": lambda plan: plan[12][0].append(99),
    "items as rows": lambda plan: plan.__setitem__(
        12, [[3, 4, "open", " ", "a", 0, None, "", None]]
    ),
}


@pytest.mark.parametrize("damage", PLAN_DAMAGE.values(), ids=PLAN_DAMAGE.keys())
def test_a_malformed_plan_is_read_again_from_its_file(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    root, folder, _ = sound_cache(tmp_path)
    entries = ParseCache.for_root(root, folder).entries
    rel = next(k for k, e in entries.items() if e.facts is not None)
    data = blob_data(entries[rel].blob)
    damage(data)
    entries[rel] = replace(entries[rel], blob=data_blob(data))
    cache_file(root, folder).write_bytes(cachefile._encode(entries))
    cache = ParseCache.for_root(root, folder)
    assert cache.loaded == 6, "the file is sound; only the plan is not"
    with pytest.raises(Malformed):
        _ = cache.entries[rel].plan
    cold, warm, _, _ = cold_and_warm_json(root, folder)
    assert warm == cold


@pytest.mark.parametrize("damage", ITEM_DAMAGE.values(), ids=ITEM_DAMAGE.keys())
def test_malformed_items_are_none_and_say_so(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    """The plan decodes (its items are decoded when first asked for); they then give none and
    say they are broken, which has the dashboard read the file again (`settle_items`)."""
    root, folder, _ = sound_cache(tmp_path)
    entries = ParseCache.for_root(root, folder).entries
    rel = next(k for k, e in entries.items() if e.facts is not None and e.plan.items)
    data = blob_data(entries[rel].blob)
    damage(data)
    entries[rel] = replace(entries[rel], blob=data_blob(data))
    cache_file(root, folder).write_bytes(cachefile._encode(entries))
    items = ParseCache.for_root(root, folder).entries[rel].plan.items
    assert isinstance(items, LazyItems) and not items.decoded
    assert len(items.load()) == 0 and items.broken
    cold_scan = scan(root, TODAY, workers=1)
    cold = to_json(cold_scan)
    assert to_json(scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)) == cold
    # What needs the items has them as the file gives them, read again (`Found.whole`).
    at = [p.path for p in cold_scan.plans].index(rel)
    want = cold_scan.plans[at].items
    assert want, "the damaged plan has items"
    warm = scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    assert tuple(warm.plan_at(at).items) == want
    warm = scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    assert len(warm.plans[at].items) == 0, "lazily, the cache's broken copy gives none"
    assert tuple(warm.whole_plans()[at].items) == want
    assert tuple(warm.plan_at(at).items) == want


@pytest.mark.parametrize(
    "blob", [DEEP.encode(), b"\xff\xfe\x00", b"", b"null", b"[1, 2", pickle.dumps([1])]
)
def test_bytes_that_are_no_plan_never_decode(blob: bytes) -> None:
    with pytest.raises(Malformed):
        decode_plan(blob)


# ---------------------------------------------------------------------------- round trips


def rich_plan() -> Plan:
    """A plan with every field of every class set, none to its default."""
    d = date(2026, 11, 2)
    items = (
        Item(7, 4, ItemState.DONE, "X", 'Ship «it» "now" ✓ \\ [b]', 0, "3.5", "Phase 3.5 › Gate"),
        Item(8, 6, ItemState.IN_PROGRESS, "~", "nested", 1, "3.5", "Phase 3.5", parent=7),
        Item(9, 6, ItemState.OPEN, " ", "", 2, None, "", parent=8),
    )
    phase = Phase(
        *("3.5", "Ship", 5, "milestone", Status.BLOCKED, Status.IN_PROGRESS, Progress(1, 1, 1)),
        *("Weeks 1-2", d, date(2026, 11, 20), date(2026, 11, 13), "2", (0.0, 13.5), True, True),
    )
    return Plan(
        path="docs/plans/rich-\udcff\udcfe.md",  # a name that is not UTF-8 (os.fsdecode)
        group="goals/one",
        format=PlanFormat.GOALKIT_EXECUTION,
        title="Rich ✓",
        status=Status.IN_PROGRESS,
        progress=Progress(1, 1, 1),
        template=True,
        backup=True,
        declared_status="active",
        owner="ana",
        dates=PlanDates(*(date(2026, 11, n) for n in (1, 30, 20, 28, 3, 25))),
        phases=(phase, replace(phase, id="4", relative=(-2, 7), declared_status=None)),
        items=items,
        tasks=(
            Task(
                "T1",
                "Build",
                11,
                "all of it",
                "bo",
                "3d",
                "tests pass",
                ("T0", "T2"),
                Status.DONE,
                "3.5",
            ),
        ),
        blockers=(Blocker("Waiting", 12, "high", "cy", d, "Nov 2", True, "3.5"),),
        adjustments=(Adjustment(13, "Moved", d, "late", 3.5), Adjustment(14, "Again", d, "x", 3)),
        status_rows=(
            StatusRow(15, "Phase 3.5", Status.NOT_STARTED, "⏳", 42.5, d, d, "n", "3.5", d),
            StatusRow(16, "Phase 4", Status.DONE, "✅", 100, d, d, "", None, None),
        ),
        placeholders=2,
        warnings=(Warning("contradiction", "says two things", 9), Warning("template", "x")),
        size=1234,
        fingerprint="f00d",
    )


def test_every_field_round_trips_through_the_cache(tmp_path: Path) -> None:
    plan = rich_plan()
    for obj in (plan, plan.phases[0], plan.items[1], plan.tasks[0], plan.blockers[0],
                plan.adjustments[0], plan.status_rows[0], plan.warnings[0], plan.dates):  # fmt: skip
        for f in fields(obj):
            default = f.default_factory() if f.default_factory is not MISSING else f.default
            assert getattr(obj, f.name) != default, f"{type(obj).__name__}.{f.name} left unset"
    from goaldash.codec import _CHECKS
    from goaldash.codec_write import NAMES

    assert all(len(_CHECKS[cls]) == len(fields(cls)) for cls in _CHECKS), "a field not decoded"
    assert set(NAMES) == set(_CHECKS) | {Item}, (
        "a class written and not read, or read and not written"
    )
    cache = ParseCache.for_root(tmp_path, tmp_path / "c")
    facts, blob = cachefile.pack(plan)
    entry = cachefile.Entry(1234, 5, "f00d", True, "goals/one", facts, blob, '{"p": "\udcff"}')
    cache.put(plan.path, entry)
    assert cache.save(prune=False)
    again = ParseCache.for_root(tmp_path, tmp_path / "c").entries[plan.path]
    back = again.plan
    assert back == plan and again.facts == facts and again.json == entry.json
    assert (
        type(back.adjustments[1].impact_days) is int and type(back.phases[0].relative[0]) is float
    )  # type: ignore[index]


def test_the_written_out_decoders_check_what_the_field_checks_do() -> None:
    from goaldash import codec, codec_write

    for phase in rich_plan().phases:
        data = json.loads(json.dumps(codec_write.plain(phase)))
        assert codec._row(Phase)(data) == phase
        assert codec._progress(data[6]) == codec._row(Progress)(data[6]) == phase.progress


def test_phases_made_at_once_are_the_phases_made_one_by_one() -> None:
    from goaldash import codec, codec_write

    phases = rich_plan().phases
    rows = json.loads(json.dumps([codec_write.plain(p) for p in phases]))
    assert codec._PHASES is not None  # the quick maker serves Phase as it is
    made = codec._phases(rows)
    assert made == phases and made == tuple(map(codec._row(Phase), rows))
    assert [repr(p) for p in made] == [repr(p) for p in phases]
    for i in range(len(rows[0])):  # a value of the wrong type in any field is refused
        for bad in ({}, 1.5, [1, "2", 3]):
            damaged = json.loads(json.dumps(rows))
            damaged[-1][i] = bad
            with pytest.raises(codec.ERRORS):
                codec._phases(damaged)
    with pytest.raises(codec.Malformed):
        codec._phases([*rows, rows[0][:-1]])  # a row short of a field


@pytest.mark.parametrize("name", ["tasks", "blockers", "adjustments", "status_rows", "warnings"])
def test_rows_made_at_once_are_the_rows_made_one_by_one(name: str) -> None:
    from goaldash import codec, codec_write

    made_one_by_one = getattr(rich_plan(), name) * 3
    cls = type(made_one_by_one[0])
    rows = json.loads(json.dumps(codec_write.plain(made_one_by_one)))
    made = codec._rows(cls)(rows)
    assert made == made_one_by_one and made == tuple(map(codec._row(cls), rows))
    assert [repr(r) for r in made] == [repr(r) for r in made_one_by_one]
    for i in range(len(rows[0])):  # any value in any field: refused or read as one by one
        for bad in ({}, [1, "2"], 1.5, None, "x", True):
            damaged = json.loads(json.dumps(rows))
            damaged[-1][i] = bad
            try:
                codec._row(cls)(damaged[-1])
            except codec.ERRORS:
                with pytest.raises(codec.ERRORS):
                    codec._rows(cls)(damaged)
            else:
                assert codec._rows(cls)(damaged)[-1] == codec._row(cls)(damaged[-1])
    with pytest.raises(codec.Malformed):
        codec._rows(cls)([*rows, rows[0][:-1]])  # a row short of a field


def test_generated_plans_round_trip(tmp_path: Path) -> None:
    from bench.repo import generate

    generate(tmp_path / "g", 40)
    plans = scan(tmp_path / "g", TODAY, workers=1).plans
    assert len(plans) >= 30
    assert [decode_plan(encode_plan(p)) for p in plans] == plans


@needs_corpus
def test_corpus_plans_round_trip() -> None:
    plans = scan(CORPUS, TODAY, workers=1).plans
    assert plans and [decode_plan(encode_plan(p)) for p in plans] == plans


def test_a_plan_whose_name_is_not_utf8_is_cached(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "r")
    odd = os.fsencode(root / "docs" / "plans") + b"/odd-\xff\xfe-plan.md"
    with open(odd, "wb") as fh:
        fh.write((root / "docs" / "plans" / "p0-plan.md").read_bytes())
    folder = tmp_path / "c"
    scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    assert ParseCache.for_root(root, folder).loaded == 7
    cold, warm, _, _ = cold_and_warm_json(root, folder)
    assert warm == cold
