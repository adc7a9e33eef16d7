"""The parse cache: hits, misses, a bad cache never trusted, two writers, parallel parsing."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from goaldash import scan as scan_mod
from goaldash.cache import ParseCache, cache_dir
from goaldash.scan import scan

from .conftest import TODAY

PLAN = """\
---
status: active
expires: 2026-11-25
---
# Plan {n}

## Phase 1: One (2026-11-01 to 2026-11-10)

- [x] a {n}
- [ ] b {n}
"""


def make_repo(root: Path, n: int = 5) -> Path:
    folder = root / "docs" / "plans"
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"p{i}-plan.md").write_text(PLAN.format(n=i), encoding="utf-8")
    (root / "notes.md").write_text("# Notes\n\nNothing to see.\n", encoding="utf-8")
    return root


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = scan_mod.parse_candidate

    def spy(rel: str, data: bytes, group: str, known: bool):  # type: ignore[no-untyped-def]
        calls.append(rel)
        return real(rel, data, group, known)

    monkeypatch.setattr(scan_mod, "parse_candidate", spy)
    return calls


def test_warm_scan_parses_nothing_and_gives_the_same_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(tmp_path / "r")
    cold = scan(root, TODAY, cache=ParseCache.for_root(root, tmp_path / "c"), workers=1)
    calls = counting(monkeypatch)
    warm = scan(root, TODAY, cache=ParseCache.for_root(root, tmp_path / "c"), workers=1)
    assert calls == []
    assert warm.plans == cold.plans and len(warm.plans) == 5


def test_a_changed_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo(tmp_path / "r")
    scan(root, TODAY, cache=ParseCache.for_root(root, tmp_path / "c"), workers=1)
    target = root / "docs" / "plans" / "p2-plan.md"
    st = target.stat()
    # Same size, same mtime: only the content hash can tell.
    target.write_text(PLAN.format(n=2).replace("- [ ] b", "- [x] b"), encoding="utf-8")
    import os

    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    calls = counting(monkeypatch)
    result = scan(root, TODAY, cache=ParseCache.for_root(root, tmp_path / "c"), workers=1)
    assert calls == ["docs/plans/p2-plan.md"]
    p2 = next(p for p in result.plans if p.path.endswith("p2-plan.md"))
    assert p2.progress.done == 2


def test_day_dependent_warnings_follow_today(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "r", n=1)
    folder = tmp_path / "c"
    before = scan(root, date(2026, 11, 21), cache=ParseCache.for_root(root, folder))
    after = scan(root, date(2026, 12, 1), cache=ParseCache.for_root(root, folder))
    assert not any(w.kind == "stale" for w in before.plans[0].warnings)
    assert any(w.kind == "stale" for w in after.plans[0].warnings)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:-40] + bytes(40),  # corrupted payload
        lambda b: b.replace(b"goaldash-cache", b"something-else", 1),  # not ours
        lambda b: b"",  # empty
        lambda b: b"goaldash-cache\nabc\n" + b"0" * 32 + b"\n" + b"not a pickle",  # old schema
    ],
)
def test_a_bad_cache_is_ignored_and_rebuilt(tmp_path: Path, damage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = make_repo(tmp_path / "r")
    folder = tmp_path / "c"
    good = scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    (file,) = folder.glob("*.cache")
    file.write_bytes(damage(file.read_bytes()))
    cache = ParseCache.for_root(root, folder)
    assert cache.entries == {}
    calls = counting(monkeypatch)
    again = scan(root, TODAY, cache=cache, workers=1)
    assert again.plans == good.plans
    assert len(calls) == 6  # every file parsed again (the notes file too)
    assert ParseCache.for_root(root, folder).loaded == 6, "and the cache was written anew"


def test_two_writers_leave_a_sound_cache(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "r")
    folder = tmp_path / "c"
    errors: list[BaseException] = []

    def run() -> None:
        try:
            for _ in range(5):
                scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert ParseCache.for_root(root, folder).loaded == 6
    assert not list(folder.glob(".tmp-*")), "no temporary file left behind"


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOALDASH_CACHE_DIR", "off")
    assert cache_dir() is None
    cache = ParseCache.for_root(Path("."))
    assert cache.path is None and cache.save() is False


def test_parallel_parse_gives_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(tmp_path / "r", n=12)
    monkeypatch.setattr(scan_mod, "POOL_MIN_FILES", 4)
    one = scan(root, TODAY, workers=1)
    two = scan(root, TODAY, workers=2)
    assert two.plans == one.plans and len(two.plans) == 12


def test_json_from_the_cache_is_the_json_of_the_plans(tmp_path: Path) -> None:
    """Warm `--json` writes the cached text of each plan without unpickling it: it must be
    what a fresh run writes, and plans the day or their group add warnings to are rebuilt."""
    from goaldash.jsonout import fragment, to_json

    root = make_repo(tmp_path / "r")
    (root / "docs" / "plans" / "p1-plan.md").write_text(
        PLAN.format(n=1).replace("status: active", "status: done"), encoding="utf-8"
    )
    planning = root / ".planning"
    planning.mkdir()
    (planning / "ROADMAP.md").write_text(
        "# R\n\n### Phase 1: A\n\n**Status**: NOT STARTED\n", encoding="utf-8"
    )
    (planning / "PROGRESS.md").write_text("# P\n\n- [x] Phase 1: A — done\n", encoding="utf-8")
    folder = tmp_path / "c"
    day = date(2026, 12, 1)
    cold = scan(root, day, cache=ParseCache.for_root(root, folder), workers=1)
    warm = scan(root, day, cache=ParseCache.for_root(root, folder), workers=1)
    bare = scan(root, day, workers=1)
    text = to_json(warm)
    unpickled = sorted(f.path for f in warm.found if f.parsed is not None)
    # Stale (active past expiry) and contradicted plans were rebuilt; the rest written as kept.
    assert unpickled == [".planning/PROGRESS.md", ".planning/ROADMAP.md"] + [
        f"docs/plans/p{i}-plan.md" for i in (0, 2, 3, 4)
    ]
    assert text == to_json(cold) == to_json(bare)
    assert all(fragment(p) in text for p in warm.plans)
    kinds = {p.path: [w.kind for w in p.warnings] for p in warm.plans}
    assert "contradiction" in kinds[".planning/ROADMAP.md"]
    assert "stale" in kinds["docs/plans/p0-plan.md"]
    assert warm.plans == bare.plans
