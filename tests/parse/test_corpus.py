"""Every file of the shared corpus is found, with the manifest's checkbox counts."""

from __future__ import annotations

import json

import pytest

from goaldash.cli import main
from tests.conftest import CORPUS, ManifestRow, manifest, needs_corpus

ROWS = manifest()


@pytest.fixture(scope="module")
def corpus_json() -> dict[str, dict]:  # type: ignore[type-arg]
    """`goaldash --json` over each corpus repository, keyed by repo."""
    out: dict[str, dict] = {}  # type: ignore[type-arg]
    return out


def _run(capsys: pytest.CaptureFixture[str], repo: str) -> dict:  # type: ignore[type-arg]
    code = main(["--json", "--today", "2026-11-21", str(CORPUS / repo)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)  # type: ignore[no-any-return]


@needs_corpus
@pytest.mark.parametrize("row", ROWS, ids=[r.local for r in ROWS])
def test_counts_match_manifest(
    row: ManifestRow,
    capsys: pytest.CaptureFixture[str],
    corpus_json: dict,  # type: ignore[type-arg]
) -> None:
    if row.repo not in corpus_json:
        corpus_json[row.repo] = _run(capsys, row.repo)
    plans = {p["path"]: p for p in corpus_json[row.repo]["plans"]}
    assert row.path in plans, f"{row.path} not found among {sorted(plans)}"
    progress = plans[row.path]["progress"]
    assert (progress["done"], progress["open"], progress["in_progress"], progress["total"]) == (
        row.done,
        row.open,
        row.in_progress,
        row.total,
    )


@needs_corpus
def test_manifest_is_complete() -> None:
    """The manifest lists every file of the corpus, so the test above covers them all."""
    files = {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*")
        if p.is_file() and len(p.relative_to(CORPUS).parts) > 1  # MANIFEST.tsv, STRUCTURE.json
    }
    assert files == {r.local for r in ROWS}


@needs_corpus
def test_items_have_exact_positions(capsys: pytest.CaptureFixture[str]) -> None:
    """The line and column of every item point at its mark in the file's text."""
    for repo in sorted({r.repo for r in ROWS}):
        doc = _run(capsys, repo)
        for plan in doc["plans"]:
            raw = (CORPUS / repo / plan["path"]).read_bytes().decode("utf-8", "replace")
            lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for item in plan["items"]:
                line = lines[item["line"] - 1]
                col = item["column"] - 1
                assert line[col - 1] == "[" and line[col + 1] == "]", (plan["path"], item)
                mark = line[col]
                assert {"done": "xX", "open": " ", "in_progress": "-~/"}[item["state"]].count(mark)
