"""The five seed templates, copied under plan-like names, read as the product brief says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from goaldash.cli import main
from tests.conftest import SEEDS, needs_seeds

NAMES = {
    "000": ".goalkit/goals/001-live-comments/execution.md",
    "001": ".goalkit/goals/001-live-comments/milestones.md",
    "002": ".goalkit/goals/001-live-comments/tasks.md",
    "003": "docs/plans/feature-plan.md",
    "004": "docs/plans/implementation-plan.md",
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:  # type: ignore[type-arg]
    root = tmp_path_factory.mktemp("seeds")
    for prefix, name in NAMES.items():
        (src,) = SEEDS.glob(f"{prefix}_*")
        dest = root / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    return _json(root)


def _json(root: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--json", "--today", "2026-11-21", str(root)]) == 0
    doc = json.loads(out.getvalue())
    by_name = {p["path"]: p for p in doc["plans"]}
    return {prefix: by_name[name] for prefix, name in NAMES.items()}


@needs_seeds
def test_000_execution(seeds: dict) -> None:  # type: ignore[type-arg]
    plan = seeds["000"]
    assert plan["format"] == "goalkit-execution"
    phases = plan["phases"]
    assert [p["id"] for p in phases] == ["1", "2", "3"]
    assert [p["span"] for p in phases] == ["Weeks 1-2", "Weeks 3-5", "Week 6"]
    assert [p["milestone"] for p in phases] == ["1", "2", "3"]
    assert phases[0]["name"] == "Backend Infrastructure & API"


@needs_seeds
def test_001_milestones(seeds: dict) -> None:  # type: ignore[type-arg]
    plan = seeds["001"]
    assert plan["format"] == "goalkit-milestones"
    assert [(p["id"], p["kind"]) for p in plan["phases"]] == [
        ("M1", "milestone"),
        ("M2", "milestone"),
        ("M3", "milestone"),
    ]
    assert plan["phases"][2]["span"] == "Weeks 6"


@needs_seeds
def test_002_tasks(seeds: dict) -> None:  # type: ignore[type-arg]
    plan = seeds["002"]
    assert plan["format"] == "goalkit-tasks"
    assert [p["id"] for p in plan["phases"]] == ["1", "2", "3"]
    tasks = plan["tasks"]
    assert [t["id"] for t in tasks] == [f"T-00{i}" for i in range(1, 8)]
    assert [t["owner"] for t in tasks] == ["Alice"] * 3 + ["Bob"] * 3 + ["Alice & Bob"]
    assert [t["effort"] for t in tasks] == ["8h", "6h", "10h", "10h", "12h", "8h", "10h"]
    assert tasks[0]["depends_on"] == []
    assert tasks[4]["depends_on"] == ["T-004"]
    assert [t["phase"] for t in tasks] == ["1", "1", "1", "2", "2", "2", "3"]
    texts = [b["text"] for b in plan["blockers"]]
    assert len(texts) == 2
    assert texts[0].startswith("T-003 (API) blocks all client work")
    assert texts[1] == "Missing API contracts block T-004 start"


@needs_seeds
def test_003_frontmatter_plan(seeds: dict) -> None:  # type: ignore[type-arg]
    plan = seeds["003"]
    assert plan["format"] == "plan-frontmatter"
    assert plan["template"] is True
    assert [p["id"] for p in plan["phases"]] == ["1", "2", "N"]
    assert plan["progress"] == {
        "done": 0,
        "in_progress": 0,
        "open": 18,
        "total": 18,
        "percent": 0.0,
    }
    # The status table rows, blockers and adjustments are all placeholders: no data.
    assert plan["blockers"] == []
    assert plan["adjustments"] == []
    assert all(p["start"] is None and p["end"] is None for p in plan["phases"])
    assert plan["dates"] == {
        "start": None,
        "end": None,
        "original_end": None,
        "estimated_completion": None,
    }
    assert plan["placeholders"] > 100
    assert plan["status"] != "in_progress"  # "status: [draft | active | ...]" is no status


@needs_seeds
def test_004_implementation_plan(seeds: dict) -> None:  # type: ignore[type-arg]
    plan = seeds["004"]
    assert plan["format"] == "implementation-plan"
    assert [p["id"] for p in plan["phases"]] == ["1", "2", "3", "4"]
    assert plan["phases"][3]["name"] == "Testing & Validation"
    assert plan["progress"]["open"] == 34
    assert plan["progress"]["total"] == 34
    assert [p["progress"]["total"] for p in plan["phases"]] == [4, 4, 3, 7]
    # The 16 "Definition of Done" boxes come after the phases and belong to none.
    rest = [i for i in plan["items"] if i["phase"] is None]
    assert len(rest) == 16
    assert {i["section"].split(" › ")[0] for i in rest} == {"Definition of Done"}
    first = plan["items"][0]
    assert first["section"] == "Phase 1 › Tasks"
    assert first["column"] == 4
