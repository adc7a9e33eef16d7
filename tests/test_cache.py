"""The parse cache: hits, misses, a bad cache never trusted, two writers, parallel parsing; and
nothing read from it can run code: a planted pickle never runs, and a cache folder or file that
another user owns or others can write is refused with a one-line warning."""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from goaldash import cachefile, pool
from goaldash import scan as scan_mod
from goaldash.cache import ParseCache, cache_dir
from goaldash.report.jsonout import fragment
from goaldash.scan import Scan
from goaldash.scan import scan as _scan

from .conftest import TODAY


def scan(*args: Any, **kw: Any) -> Scan:
    """`goaldash.scan.scan` as the commands call it: the cache keeps each plan's --json text."""
    kw.setdefault("keep_json", fragment)
    return _scan(*args, **kw)


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


NOBODY = 65534


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
    monkeypatch.setattr(pool, "POOL_MIN_FILES", 4)
    one = scan(root, TODAY, workers=1)
    two = scan(root, TODAY, workers=2)
    assert two.plans == one.plans and len(two.plans) == 12


def test_json_from_the_cache_is_the_json_of_the_plans(tmp_path: Path) -> None:
    """Warm `--json` writes the cached text of each plan without unpickling it: it must be
    what a fresh run writes, and plans the day or their group add warnings to are rebuilt."""
    from goaldash.report.jsonout import to_json

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


# ------------------------------------------------------------- nothing read can run code


class _Planted:
    """What another user's pickle would hold: unpickling it creates `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


def cache_file(root: Path, folder: Path) -> Path:
    path = ParseCache.for_root(root, folder).path
    assert path is not None
    return path


def cold_and_warm_json(root: Path, folder: Path) -> tuple[str, str, Scan, Scan]:
    from goaldash.report.jsonout import to_json

    cold = scan(root, TODAY, workers=1)
    warm = scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    assert warm.plans == cold.plans  # every plan decoded, not only the kept texts
    return to_json(cold), to_json(warm), cold, warm


def old_way(payload: bytes, magic: bytes | None = None) -> bytes:
    """A cache file as goaldash wrote it before: header, blake2b of the payload, a pickle."""
    digest = hashlib.blake2b(payload, digest_size=16).hexdigest().encode()
    head = cachefile._MAGIC if magic is None else magic
    return head + cachefile.SCHEMA.encode() + b"\n" + digest + b"\n" + payload


@pytest.mark.parametrize("how", ["old header", "old magic", "new header", "as a plan"])
def test_a_planted_pickle_never_runs(tmp_path: Path, how: str) -> None:
    """The attack: a pickle planted where the cache is read. Nothing may unpickle it."""
    root = make_repo(tmp_path / "r")
    folder = tmp_path / "c"
    marker = tmp_path / "PWNED"
    evil = pickle.dumps({"docs/plans/p0-plan.md": _Planted(marker)})
    if how == "as a plan":  # a sound file whose first plan is the pickle
        scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
        entries = ParseCache.for_root(root, folder).entries
        first = next(k for k, e in entries.items() if e.facts is not None)
        entries[first] = replace(entries[first], blob=pickle.dumps(_Planted(marker)))
        planted = cachefile._encode(entries)
    elif how == "new header":
        payload = b"%d\n[]" % 2 + evil
        planted = cachefile._MAGIC + cachefile.SCHEMA.encode() + b"\n"
        planted += cachefile._checksum(payload) + b"\n" + payload
    else:
        planted = old_way(evil, b"goaldash-cache\n" if how == "old magic" else None)
    folder.mkdir(mode=0o700, exist_ok=True)
    cache_file(root, folder).write_bytes(planted)
    cold, warm, _, _ = cold_and_warm_json(root, folder)
    assert not marker.exists(), "the planted pickle ran"
    assert warm == cold


def _warning_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("goaldash: cache ")]


@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o770, 0o702])
def test_a_cache_folder_others_can_write_is_refused(
    tmp_path: Path, mode: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goaldash.cli import main

    root = make_repo(tmp_path / "r")
    folder = tmp_path / "shared"
    scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)  # a sound cache
    folder.chmod(mode)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    cache = ParseCache.for_root(root, folder)
    assert cache.warning is not None and "writable by others" in cache.warning
    assert cache.path is None and cache.entries == {}
    calls = counting(monkeypatch)
    scan(root, TODAY, cache=cache, workers=1)
    assert len(calls) == 6, "not one entry used"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before, "nothing written"
    monkeypatch.setenv("GOALDASH_CACHE_DIR", "off")
    assert main(["--json", str(root)]) == 0
    cold = capsys.readouterr().out
    monkeypatch.setenv("GOALDASH_CACHE_DIR", str(folder))
    for args in (["--json"], ["--once"]):
        assert main([*args, str(root)]) == 0
        out, err = capsys.readouterr()
        assert err.count("\n") == 1 and err.startswith("goaldash: cache folder "), err
        assert "running without a cache" in err
        if args == ["--json"]:
            assert out == cold
    assert main(["standup", str(root)]) == 1  # not a git repository: said after the warning
    assert len(_warning_lines(capsys.readouterr().err)) == 1


def test_xdg_cache_folder_made_by_another_user_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(tmp_path / "r")
    monkeypatch.delenv("GOALDASH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    made = tmp_path / "xdg" / "goaldash"
    made.mkdir(parents=True)
    made.chmod(0o777)  # what `mkdir -m 0777` by the other user leaves
    if os.geteuid() == 0:
        os.chown(made, NOBODY, NOBODY)
    cache = ParseCache.for_root(root)
    assert cache.warning is not None and cache.path is None
    assert str(made) in cache.warning and "\n" not in cache.warning
    cache.save()
    assert list(made.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="chown needs root")
@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_cache_owned_by_another_user_is_refused(
    tmp_path: Path, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(tmp_path / "r")
    folder = tmp_path / "c"
    scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    owned = folder if what == "folder" else cache_file(root, folder)
    os.chown(owned, NOBODY, NOBODY)
    cache = ParseCache.for_root(root, folder)
    assert cache.warning == f"cache {what} {owned} belongs to another user: running without a cache"
    calls = counting(monkeypatch)
    scan(root, TODAY, cache=cache, workers=1)
    assert len(calls) == 6


def test_a_cache_file_others_can_write_is_refused(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "r")
    folder = tmp_path / "c"
    scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    cache_file(root, folder).chmod(0o666)
    cache = ParseCache.for_root(root, folder)
    assert cache.warning is not None and "cache file" in cache.warning and cache.loaded == 0


def test_what_the_cache_makes_is_private(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "r")
    folder = tmp_path / "a" / "c"
    scan(root, TODAY, cache=ParseCache.for_root(root, folder), workers=1)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()] == [0o600]


def test_a_symlinked_cache_file_is_not_followed(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "r")
    scan(root, TODAY, cache=ParseCache.for_root(root, tmp_path / "a"), workers=1)
    target = cache_file(root, tmp_path / "a")  # a sound cache, elsewhere
    kept = target.read_bytes()
    folder = tmp_path / "b"
    folder.mkdir(mode=0o700)
    link = cache_file(root, folder)
    link.symlink_to(target)
    cache = ParseCache.for_root(root, folder)
    assert cache.loaded == 0 and cache.warning is None, "not read through the link"
    cold, warm, _, _ = cold_and_warm_json(root, folder)
    assert warm == cold
    assert target.read_bytes() == kept, "not written through the link"
    assert not link.is_symlink() and ParseCache.for_root(root, folder).loaded == 6


def test_a_cache_folder_that_is_a_file_is_quietly_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goaldash.cli import main

    root = make_repo(tmp_path / "r")
    (tmp_path / "f").write_text("not a folder")
    monkeypatch.setenv("GOALDASH_CACHE_DIR", str(tmp_path / "f"))
    assert main(["--json", str(root)]) == 0
    assert capsys.readouterr().err == ""


async def test_the_dashboard_shows_the_warning_as_a_notification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .ui.helpers import loaded, make_app, until

    root = make_repo(tmp_path / "r")
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    monkeypatch.setenv("GOALDASH_CACHE_DIR", str(folder))
    app = make_app(root)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        await until(
            pilot,
            lambda: any("writable by others" in n.message for n in app._notifications),
            "the cache warning",
        )
    assert list(folder.iterdir()) == []
