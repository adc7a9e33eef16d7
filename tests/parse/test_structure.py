"""What a careful reader sees in real plans: `../shared/corpus/STRUCTURE.json` gives, for
files labelled by hand, the phases in file order, each phase's status and dates, the open
blockers and the plan's status. Every expectation there is checked (skipped without the
corpus); its `_about` says how the labels were made."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

import pytest

from goaldash.cli import main
from tests.conftest import CORPUS, needs_corpus

_PATH = CORPUS / "STRUCTURE.json"
LABELS: dict[str, dict[str, Any]] = (
    {k: v for k, v in json.loads(_PATH.read_text(encoding="utf-8")).items() if k != "_about"}
    if _PATH.is_file()
    else {}
)
# Files goaldash does not yet read as the reader does (issue 14). Strict: a file that starts
# passing fails here until it is taken off this list, so the list only shrinks.
NOT_YET: set[str] = set()

PHASE_FIELDS = {
    "phase_status": "status",
    "phase_start": "start",
    "phase_end": "end",
    "phase_original_end": "original_end",
}


@pytest.fixture(scope="module")
def read() -> dict[str, dict[str, Any]]:
    """`goaldash --json` per corpus repository, read once per module."""
    return {}


def _plan(key: str, cache: dict[str, dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> Any:
    repo, _, rel = key.partition("/")
    if repo not in cache:
        code = main(["--json", "--today", "2026-12-01", str(CORPUS / repo)])
        out = capsys.readouterr()
        assert code == 0, out.err
        cache[repo] = json.loads(out.out)
    plans = {p["path"]: p for p in cache[repo]["plans"]}
    assert rel in plans, f"{rel} is not read as a plan (found {sorted(plans)})"
    return plans[rel]


@needs_corpus
@pytest.mark.parametrize(
    "key",
    [
        pytest.param(
            k,
            marks=pytest.mark.xfail(
                k in NOT_YET, reason="not read as a reader does yet", strict=True
            ),
        )
        for k in sorted(LABELS)
    ],
    ids=lambda k: str(PurePosixPath(k)),
)
def test_structure_as_a_reader_sees_it(
    key: str, read: dict[str, dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    want = LABELS[key]
    plan = _plan(key, read, capsys)
    phases = {ph["id"]: ph for ph in plan["phases"]}
    got: dict[str, Any] = {}
    expected: dict[str, Any] = {}
    if "phase_ids" in want:
        got["phase_ids"] = [ph["id"] for ph in plan["phases"]]
        expected["phase_ids"] = want["phase_ids"]
    for field, key_in_json in PHASE_FIELDS.items():
        for pid, value in want.get(field, {}).items():
            got[f"{field}[{pid}]"] = phases.get(pid, {}).get(key_in_json)
            expected[f"{field}[{pid}]"] = value
    if "plan_status" in want:
        got["plan_status"] = plan["status"]
        expected["plan_status"] = want["plan_status"]
    if "blocker_count" in want:
        got["blocker_count"] = sum(1 for b in plan["blockers"] if not b["resolved"])
        expected["blocker_count"] = want["blocker_count"]
    wrong = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
    assert not wrong, f"{key}: (got, want) {wrong}\nthe reader: {want['why']}"
