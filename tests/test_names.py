"""Odd file names: not UTF-8, or holding a newline, a tab, ESC or a bidi control. They are
listed, shown, ticked and watched; the JSON stays valid UTF-8 with the exact bytes in
`path_bytes`; terminal output never carries the control characters (README: `--json`)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from goaldash.cli import main
from goaldash.config import Config
from goaldash.standup.patch import unquote
from goaldash.standup.repo import author_env
from goaldash.text import path_field, shown_path
from goaldash.watch import changed_since, undecodable_path, watch

PLAN = b"# Plan\n\n## Phase 1: x\n\n- [ ] one\n- [x] two\n"
BAD = b"bad-\xff\xfe.md"  # not UTF-8
ODD = [BAD, b"new\nline.md", b"tab\there.md", b"esc\x1b]0;PWNED\x07.md", b"rl\xe2\x80\xaeo.md"]
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _put(folder: Path, name: bytes, data: bytes = PLAN) -> str:
    """Write a file with an exact byte name; its path as goaldash holds paths."""
    folder.mkdir(parents=True, exist_ok=True)
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as fh:
        fh.write(data)
    return os.fsdecode(path)


def _git(root: Path, *args: str, when: str = "2026-11-20T10:00:00", who: str = "Ann") -> None:
    subprocess.run(
        ["git", *args], cwd=root, env=author_env(who, when), check=True, capture_output=True
    )


@pytest.fixture(params=["plain", "git"])
def odd_repo(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    for name in ODD:
        _put(tmp_path / "docs" / "plans", name)
    if request.param == "git":
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        _git(tmp_path, "init", "-q")
    return tmp_path


def test_path_rule() -> None:
    held = os.fsdecode(b"docs/" + BAD)
    assert path_field("path", "docs/a.md") == {"path": "docs/a.md"}
    field = path_field("path", held)
    assert field["path"] == "docs/bad-\ufffd\ufffd.md"
    assert base64.b64decode(field["path_bytes"] or "") == b"docs/" + BAD
    assert shown_path(held) == "docs/bad-\ufffd\ufffd.md"
    assert shown_path("a\nb\tc\x1b[2Jd\u202ee.md") == "a\ufffdb\ufffdc\ufffd[2Jd\ufffde.md"
    assert unquote(b'"docs/new\\nline\\377\\303\\251.md"') == b"docs/new\nline\xff\xc3\xa9.md"


def test_json_is_utf8_and_keeps_the_exact_bytes(
    odd_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--json", "--today", "2026-11-21", str(odd_repo)]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")  # no lone surrogate: valid UTF-8 once written
    plans = {p["path"]: p for p in json.loads(out)["plans"]}
    assert len(plans) == len(ODD)
    bad = plans["docs/plans/bad-\ufffd\ufffd.md"]
    assert base64.b64decode(bad["path_bytes"]) == b"docs/plans/" + BAD
    for name in ODD[1:]:  # valid UTF-8: exact in `path`, no `path_bytes`
        plan = plans["docs/plans/" + name.decode()]
        assert "path_bytes" not in plan and plan["progress"]["total"] == 2


def test_json_bytes_on_a_strict_utf8_stdout(odd_repo: Path) -> None:
    """As a shell under an ordinary en_US.UTF-8 locale runs it: stdout strict UTF-8."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    for mode in ("--json", "--once"):
        proc = subprocess.run(
            [sys.executable, "-m", "goaldash", mode, str(odd_repo)],
            capture_output=True,
            env=env,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr[-300:]
        assert b"Traceback" not in proc.stderr
        proc.stdout.decode("utf-8")  # strictly


def test_once_shows_names_safely(odd_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--once", "--today", "2026-11-21", str(odd_repo)]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")
    assert "\x1b" not in out and "\u202e" not in out and "\t" not in out
    for shown in ("bad-\ufffd\ufffd.md", "new\ufffdline.md", "tab\ufffdhere.md", "rl\ufffdo.md"):
        assert shown in out
    assert "esc\ufffd]0;PWNED\ufffd.md" in out


@pytest.mark.parametrize("name", [BAD, b"new\nline\x1b[2J.md", b"sp ace \xe2\x80\xae.md"])
def test_toggle_an_odd_name(
    tmp_path: Path, name: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _put(tmp_path, name)
    assert main(["toggle", f"{path}:5"]) == 0
    with open(os.fsencode(path), "rb") as fh:
        assert fh.read() == PLAN.replace(b"- [ ] one", b"- [x] one")
    out = capsys.readouterr().out
    out.encode("utf-8")
    assert out.startswith("done  ") and out.count("\n") == 1
    assert shown_path(path) + ":5  [x] one" in out
    assert "\x1b" not in out and "\u202e" not in out


def test_toggle_error_on_an_odd_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _put(tmp_path, b"bad-\xff\n.md")
    assert main(["toggle", f"{path}:1"]) == 1  # the heading: not an item
    err = capsys.readouterr().err
    err.encode("utf-8")
    assert err.count("\n") == 1 and "bad-\ufffd\ufffd.md" in err


@needs_git
def test_standup_with_odd_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ODD:
        _put(tmp_path, name)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "plans", when="2026-11-10T10:00:00")
    for name in ODD:
        _put(tmp_path, name, PLAN.replace(b"- [ ] one", b"- [x] one"))
    _git(tmp_path, "commit", "-qam", "ticks", who="Bob")
    args = ["standup", str(tmp_path), "--since", "2026-11-15", "--today", "2026-11-21"]
    assert main([*args, "--json"]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")
    plans = {p["path"]: p for p in json.loads(out)["plans"]}
    assert len(plans) == len(ODD)  # a newline in a name too: its old version is read
    for p in plans.values():
        assert [(t["text"], t["author"]) for t in p["ticked"]] == [("one", "Bob")]
    assert base64.b64decode(plans["bad-\ufffd\ufffd.md"]["path_bytes"]) == BAD
    assert main(args) == 0
    text = capsys.readouterr().out
    text.encode("utf-8")
    assert "\x1b" not in text and "\u202e" not in text
    assert "bad-\ufffd\ufffd.md" in text and "new\ufffdline.md" in text


def test_the_watcher_error_names_the_path() -> None:
    msg = 'Unable to decode path "/r/docs/bad-\\xFF\\n\\u{1b}\\"x\\\\.md" to string'
    assert undecodable_path(msg) == os.fsdecode(b'/r/docs/bad-\xff\n\x1b"x\\.md')
    assert undecodable_path("something else") is None


def test_the_watcher_keeps_watching_after_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    """watchfiles' watcher fails for good on such a name, losing the batch it was in: goaldash
    starts another, reads the odd file, and looks again at what changed meanwhile."""
    plans = tmp_path / "docs" / "plans"
    plans.mkdir(parents=True)
    stop = threading.Event()
    seen: set[str] = set()
    bad = "docs/plans/" + os.fsdecode(BAD)

    async def run() -> None:
        async def files() -> None:
            await asyncio.sleep(0.3)
            (plans / "one.md").write_bytes(PLAN)
            _put(plans, BAD)  # same batch as one.md and two.md
            (plans / "two.md").write_bytes(PLAN)
            deadline = time.monotonic() + 15
            while not {"docs/plans/one.md", "docs/plans/two.md", bad} <= seen:
                assert time.monotonic() < deadline, seen
                await asyncio.sleep(0.05)
            (plans / "three.md").write_bytes(PLAN)  # and the new watcher sees what follows
            while "docs/plans/three.md" not in seen:
                assert time.monotonic() < deadline, seen
                await asyncio.sleep(0.05)
            stop.set()

        task = asyncio.create_task(files())

        def lost(since: int) -> set[str]:
            return changed_since(tmp_path, since, Config(), [])

        async for rels in watch(tmp_path, stop, lost):
            seen.update(rels)
        await task

    asyncio.run(asyncio.wait_for(run(), timeout=30))
