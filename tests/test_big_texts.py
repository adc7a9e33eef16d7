"""A plan of a million items is a hundred megabytes of `--json` text: made, kept in the parse
cache, read back and written out in pieces (`text.Pieces`), never held whole twice. The
pieces must go together to exactly the text of old, and the cache file be what it was."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from goaldash import cachefile
from goaldash.cache import ParseCache
from goaldash.cachefile import Entry, pack
from goaldash.parse.plan import parse_plan
from goaldash.report import jsonout
from goaldash.report.jsonout import fragment, fragment_pieces, plan_to_dict
from goaldash.text import Pieces, pieces_of, utf8_text
from tests.conftest import TODAY

ITEMS = (
    '# P\n\n- [ ] before any phase\n\n## Phase 1: "q" 100% %s\n\n### Exit %d gate\n\n'
    + "".join(
        f'- [{" x-~/X"[i % 6]}] item {i} a "quote" \\ back \u2028 é 中文 😀 \x1b\n'
        + ("  - [ ] nested\n" if i % 7 == 0 else "")
        for i in range(40)
    )
)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1000])
def test_a_plans_pieces_go_together_to_its_json(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonout, "ITEM_CHUNK", chunk)
    plan = parse_plan("docs/plans/plan.md", ITEMS.encode())
    expected = utf8_text(json.dumps(plan_to_dict(plan), ensure_ascii=False))
    pieces = fragment_pieces(plan)
    assert "".join(pieces_of(pieces)) == expected == fragment(plan)
    assert isinstance(pieces, str) == (len(plan.items) <= chunk)


def _entry(text: str | tuple[str, ...]) -> Entry:
    plan = parse_plan("docs/plans/plan.md", b"# P\n\n- [ ] a\n")
    facts, blob = pack(plan)
    return Entry(1, 2, "f00d", True, "", facts, blob, text)


# A text of several of the cache's pieces, with characters of 2, 3 and 4 bytes and a lone
# surrogate (a path's undecodable byte) astride piece boundaries, a byte or more either side.
PIECE = 1 << 20
ODD = ["é", "中", "😀", "\udcff"]


def _long_text() -> str:
    parts: list[str] = []
    size = 0  # bytes so far
    for n, char in enumerate(ODD):
        width = len(char.encode("utf-8", "surrogatepass"))
        before = 1 + n % (width - 1)  # bytes of it before the boundary
        gap = (n + 1) * PIECE - before - size
        parts += ("a" * gap, char)
        size += gap + width
    parts.append("z" * 100)
    return "".join(parts)


@pytest.mark.parametrize("whole", [True, False], ids=["whole", "in pieces"])
def test_a_long_text_goes_through_the_cache_as_it_was(tmp_path: Path, whole: bool) -> None:
    text = _long_text()
    kept = text if whole else tuple(text[i : i + 300_000] for i in range(0, len(text), 300_000))
    cache = ParseCache.for_root(tmp_path, tmp_path / "c")
    cache.put("docs/plans/plan.md", _entry(kept))
    assert cache.save(prune=False)
    # The file is the one the whole text, encoded at once, made.
    raw = cachefile._container(*_whole_layout(cache.entries))
    assert cache.path is not None and cache.path.read_bytes() == raw
    again = ParseCache.for_root(tmp_path, tmp_path / "c")
    assert again.problem is None
    back = again.entries["docs/plans/plan.md"].json
    assert "".join(pieces_of(back)) == text
    assert not isinstance(back, str) and max(map(len, back)) <= PIECE  # read in pieces


def _whole_layout(entries: dict[str, Entry]) -> tuple[list[Any], list[bytes | Pieces]]:
    index, texts = cachefile.layout(entries)
    return index, [
        t if isinstance(t, bytes) else "".join(pieces_of(t)).encode("utf-8", "surrogatepass")
        for t in texts
    ]


def test_a_long_text_is_neither_written_nor_read_whole(tmp_path: Path) -> None:
    """Saving encodes the text a piece at a time (no copy of the file in memory); loading
    reads and decodes it a piece at a time (no copy of it as bytes)."""
    text = tuple("b" * PIECE for _ in range(12))
    cache = ParseCache.for_root(tmp_path, tmp_path / "c")
    cache.put("docs/plans/plan.md", _entry(text))
    tracemalloc.start()
    try:
        assert cache.save(prune=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * PIECE, peak
    tracemalloc.start()
    try:
        again = ParseCache.for_root(tmp_path, tmp_path / "c")
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "".join(pieces_of(again.entries["docs/plans/plan.md"].json)) == "".join(text)
    assert peak - kept < 4 * PIECE, (peak, kept)


def test_a_report_without_json_lets_go_of_the_kept_texts(tmp_path: Path) -> None:
    """--once writes no JSON: the plans' kept texts are let go before the plans are decoded,
    and each encoded plan once decoded; the plans are the same."""
    from goaldash.scan import scan

    root = tmp_path / "r"
    root.mkdir()
    (root / "plan.md").write_bytes(ITEMS.encode())
    cold = scan(root, TODAY, cache=ParseCache.for_root(root, tmp_path / "c"), keep_json=fragment)
    warm = scan(root, TODAY, cache=ParseCache.for_root(root, tmp_path / "c"), keep_json=fragment)
    assert [f.json for f in warm.found] == [fragment(p) for p in cold.plans]
    warm.without_json()
    assert [(f.json, f.entry.json if f.entry else None) for f in warm.found] == [("", "")]
    assert warm.plans == cold.plans
    assert [f.entry for f in warm.found] == [None]
