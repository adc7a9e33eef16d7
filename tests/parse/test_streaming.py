"""The block walk hands its blocks to the plan's reader as it goes (`fastblocks.scan`'s sink).

What the reader is handed, in order, must be the walk's `Document` exactly (each block
complete when handed over, runs of plain items as `ItemRun`s standing for their `ListItem`s),
and a plan read so must be the plan read from markdown-it's whole list of blocks. And a big
file's blocks must never be all kept at once: that is what the streaming is for.
"""

from __future__ import annotations

import random
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import repo as bench
from goaldash.parse import fastblocks, plainruns
from goaldash.parse.document import Block, Document, ItemRun
from goaldash.parse.plan import parse_plan
from tests.conftest import CORPUS, SEEDS, needs_corpus, needs_seeds
from tests.parse.test_fastblocks import ACCEPTED, DEEP, RUN_CASES, RUN_PREFIXES, run_text

# ------------------------------------------------------------------------------ helpers


def streamed(text: str) -> tuple[Document, list[Block], list[int]] | None:
    """The walk of `text` with a sink: the document, the blocks it was handed in order (runs
    as their list items), and the size of each batch. Each block is checked to be complete
    when handed over: the same then as at the end of the walk."""
    got: list[Block] = []
    seen: list[str] = []
    sizes: list[int] = []

    def sink(batch: list[Block | ItemRun]) -> None:
        sizes.append(sum(len(b.lines) if isinstance(b, ItemRun) else 1 for b in batch))
        for b in batch:
            for one in b.list_items() if isinstance(b, ItemRun) else [b]:
                got.append(one)
                seen.append(repr(one))

    doc = fastblocks.scan(text, sink)
    if doc is None:
        return None
    assert doc.blocks == []
    assert [repr(b) for b in got] == seen, "a block changed after it was handed over"
    return doc, got, sizes


def same_when_streamed(text: str) -> bool:
    """The blocks handed over are the walk's; True when the walk accepted the text."""
    whole = fastblocks.scan(text)
    got = streamed(text)
    assert (whole is None) == (got is None)
    if whole is None or got is None:
        return False
    doc, blocks, _ = got
    assert blocks == whole.blocks, text
    doc.blocks = whole.blocks
    assert doc == whole
    return True


def same_plan_from_markdown_it(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan read as the walk goes is the plan read from markdown-it's whole document."""
    data = text.encode("utf-8")
    streamed_plan = parse_plan("docs/plans/plan.md", data)
    with monkeypatch.context() as m:
        m.setattr(fastblocks, "scan", lambda _text, _sink=None: None)
        whole_plan = parse_plan("docs/plans/plan.md", data)
    assert streamed_plan == whole_plan


def _shared_texts() -> list[str]:
    corpus = sorted(p for p in CORPUS.rglob("*.md") if p.is_file())
    return [p.read_bytes().decode("utf-8", "replace") for p in corpus + sorted(SEEDS.glob("*"))]


def _bench_texts() -> list[str]:
    rng = random.Random(11)
    return [bench.synthetic_plan(rng, fmt, 20_000) for fmt in bench.FORMATS]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of a few blocks, so that every text is handed over in many."""
    monkeypatch.setattr(plainruns, "BATCH", 3)
    monkeypatch.setattr(fastblocks, "_BATCH", 2)


# ------------------------------------------------------------------ the blocks handed over

CASES = {**ACCEPTED, **DEEP, **RUN_CASES}
BIG_RUNS = {
    "long run": "# P\n\n" + "- [ ] item\n" * 50 + "\ntext\n",
    "runs of every mark": "# P\n\n"
    + "".join(f"- [{m}] i {n}\n" for n in range(60) for m in " xX-~/"),
    "run ending in a lazy line": "# P\n\n" + "- [ ] a\n" * 20 + "lazy\n- [x] b\n",
    "run ending in a nested item": "# P\n\n" + "- [ ] a\n" * 20 + "  - [ ] n\n- [ ] b\n",
    "run in an item": "- outer\n" + "  - [ ] a\n" * 30 + "- [x] after\n",
    "runs and headings": "".join(f"## Phase {n}\n\n" + "* [x] done\n" * n for n in range(1, 15)),
    "indented run": "# P\n\n" + "   - [ ] a\n" * 25,
    "run of ordered items": "# P\n\n" + "1. [ ] a\n" * 25,
    "last line of a run": "# P\n\n" + "- [ ] a\n" * 25 + "- [ ]",
}


@pytest.mark.parametrize("name", sorted(CASES) + sorted(BIG_RUNS))
@pytest.mark.parametrize("batches", ["default", "small"])
def test_the_blocks_handed_over_are_the_walks(
    name: str, batches: str, request: pytest.FixtureRequest
) -> None:
    if batches == "small":
        request.getfixturevalue("small_batches")
    text = CASES.get(name) or BIG_RUNS[name]
    # (Some of the run cases are declined: markdown-it reads them, as a whole.)
    assert same_when_streamed(text) or name in RUN_CASES, f"{name} was declined"


@needs_corpus
@needs_seeds
@pytest.mark.usefixtures("small_batches")
def test_corpus_and_seeds_are_handed_over_as_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _shared_texts()
    assert sum(same_when_streamed(text) for text in texts) >= 33
    for text in texts:
        same_plan_from_markdown_it(text, monkeypatch)


def test_benchmark_plans_are_handed_over_as_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in _bench_texts():
        assert same_when_streamed(text)
        same_plan_from_markdown_it(text, monkeypatch)


PLAIN = st.sampled_from(["- [ ] a", "- [x] item", "- [X] b c", "* [-] d", "- [ ] impact"])
ODD_BODIES = st.sampled_from(
    ["[ ] a", "[x] b", "[ ]", "[x]y", "text", "# Phase 2", "**Phase 3:** x", "[ ] YYYY-MM",
     "[ ] [P] T001", "[x] ✅ done", "[ ] BLOCKED: x", "[ ] Impact: +3 days", "[ ] __x__", ""]
)  # fmt: skip


@given(
    st.integers(min_value=1, max_value=40),
    st.lists(st.tuples(st.integers(0, 40), RUN_PREFIXES, ODD_BODIES), max_size=5),
    st.sampled_from(["", "# Plan\n\n", "## Blockers\n\n", "**Adjustments:**\n", "- [ ] outer\n  "]),
    PLAIN,
    st.booleans(),
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_runs_are_read_as_from_markdown_it(
    n: int, odd: list[tuple[int, str, str]], head: str, plain: str, final: bool
) -> None:
    text = run_text(n, odd, head, plain, final)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(plainruns, "BATCH", 4)
        m.setattr(fastblocks, "_BATCH", 3)
        same_when_streamed(text)
        same_plan_from_markdown_it(text, m)
    same_plan_from_markdown_it(text, pytest.MonkeyPatch())


# ------------------------------------------------------------------------------- memory


def test_a_big_lists_blocks_are_never_all_kept() -> None:
    """Handed over a batch at a time, and read as they come: the walk never holds more than
    a batch of blocks, and the parse peaks at the plan and the file's lines, not at a block
    per item besides."""
    n = 60_000
    text = "# Plan\n\n" + "".join(f"- [{' x'[i % 2]}] item number {i}\n" for i in range(n))
    got = streamed(text)
    assert got is not None
    _, blocks, sizes = got
    assert len(blocks) == n + 1 and max(sizes) <= plainruns.BATCH

    data = text.encode()
    tracemalloc.start()
    try:
        plan = parse_plan("plan.md", data)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(plan.items) == n
    # Beyond the plan, the parse holds the text and its lines while they are walked (each
    # line a string, and a few numbers of it in lists) and little else: a `ListItem` and its
    # strings for every item would add half as much again.
    lines = text.split("\n")
    walked = sys.getsizeof(text) + sum(map(sys.getsizeof, lines)) + 6 * 8 * len(lines)
    assert peak - kept < 1.25 * walked, (peak - kept, walked)


def test_a_walk_that_declines_after_handing_over_is_read_again(tmp_path: Path) -> None:
    """A link reference definition at the end: the walk has handed the items over when it
    declines, and the plan is read afresh from markdown-it's blocks (no item twice)."""
    text = "# Plan\n\n" + "- [ ] a\n" * 9000 + "\n[ref]: /url\n"
    assert fastblocks.scan(text) is None
    plan = parse_plan("plan.md", text.encode())
    assert len(plan.items) == 9000


def test_a_readers_failure_is_not_taken_for_the_walks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A RecursionError of the reader goes up as the reader's (the plan is then unread, too
    deeply nested), not as the walk's own, on which the walk declines and markdown-it reads
    the file again from the start."""
    from goaldash.parse import blocks
    from goaldash.parse import plan as plan_module

    def too_deep(*_args: object) -> None:
        raise RecursionError

    again: list[str] = []

    def markdown_it(text: str) -> Document:
        again.append(text)
        return blocks.walk_markdown_it(text)

    monkeypatch.setattr(plan_module, "run_items", too_deep)
    monkeypatch.setattr(plan_module, "walk_markdown_it", markdown_it)
    plan = parse_plan("plan.md", ("# P\n\n" + "- [ ] a\n" * 50).encode())
    assert again == []
    assert [(w.kind, w.message) for w in plan.warnings] == [
        ("parse-error", "too deeply nested to read")
    ]
