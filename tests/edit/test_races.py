"""Ticks racing an editor's save: never a lost save, never a mixture.

Two kinds of test. The first put another program's save exactly into the window between a
tick's last look and its write (a hook on the call that replaces the file), so each race
happens every time. The second run a real writer process that saves the file in a loop (in
place in one write or in two halves a few milliseconds apart, by rename, vim's way) while
ticks run, for about a second each, and then check every save the writer made: all of them
must be in the final file, in order, and the file must be the writer's last save with at
most the one mark changed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from goaldash import kernel
from goaldash.edit import EditError, commit, set_item_state
from goaldash.parse import fingerprint

BODY = (
    "# Race plan\n\n## Phase 1: Build\n\n"
    + "".join(f"- [ ] item number {i:03d}\n" for i in range(40))
    + "\n## Phase 2: Ship\n\n"
    + "".join(f"- [x] shipped {i:03d}\n" for i in range(20))
).encode()
TARGET = "item number 017"
LINE = BODY.decode().splitlines().index(f"- [ ] {TARGET}") + 1
MARKS = re.compile(rb"^(- \[)[ xX-](\])", re.M)

# A hostile editor: read, add a "rev N" line, save; again and again until told to stop (or
# until it saved as many times as its last argument says).
WRITER = r"""
import json, os, sys, time
path, mode, where, stop, log, gap = sys.argv[1:7]
most = int(sys.argv[7]) if len(sys.argv) > 7 else 10**9
gap = float(gap) / 1000
revs, last, n = [], None, 0
end = time.monotonic() + 60  # never outlive a test that died before telling it to stop
while not os.path.exists(stop) and n < most and time.monotonic() < end:
    try:
        with open(path, "rb") as fh:
            cur = fh.read()
    except FileNotFoundError:
        continue
    line = f"rev {n}\n".encode()
    new = line + cur if where == "prepend" else cur + line
    if mode == "inplace":
        with open(path, "wb") as fh:
            fh.write(new)
    elif mode == "inplace2":
        with open(path, "wb") as fh:
            fh.write(new[: len(new) // 2])
            fh.flush()
            time.sleep(gap)
            fh.write(new[len(new) // 2 :])
    elif mode == "rename":
        with open(path + ".w.tmp", "wb") as fh:
            fh.write(new)
        os.replace(path + ".w.tmp", path)
    elif mode == "vim":
        os.rename(path, path + "~")
        with open(path, "wb") as fh:
            fh.write(new)
        os.unlink(path + "~")
    revs.append(line.decode())
    last, n = new, n + 1
    time.sleep(0.001)
with open(log, "w") as fh:
    json.dump({"revs": revs, "last": last.decode() if last else None}, fh)
"""


def mask(data: bytes) -> bytes:
    return MARKS.sub(rb"\1?\2", data)


def saves_kept(plan: Path, log: Path, where: str) -> tuple[dict[str, str], list[bytes], bytes]:
    """Check that every save the writer logged is in `plan`, in order, and that the file is
    the writer's text (marks aside); its log, its saves and the final bytes."""
    record = json.loads(log.read_text())
    revs = [r.encode() for r in record["revs"]]
    final = plan.read_bytes()
    missing = [r for r in revs if not re.search(rb"^" + re.escape(r), final, re.M)]
    assert not missing, f"{len(missing)} of {len(revs)} saves lost, e.g. {missing[0]!r}"
    skeleton = b"".join(reversed(revs)) + BODY if where == "prepend" else BODY + b"".join(revs)
    assert mask(final) == mask(skeleton), "the file is a mixture of two saves"
    return record, revs, final


def race(tmp_path: Path, mode: str, where: str, *, hardlink: bool = False) -> tuple[int, int]:
    """Tick while a writer saves in a loop (at least 1,000 ticks tried, or two seconds);
    check the writer's saves all survived. Returns (ticks written, ticks refused)."""
    plan = tmp_path / "plan.md"
    plan.write_bytes(BODY)
    if hardlink:
        os.link(plan, tmp_path / "other.md")
    stop, log = tmp_path / "stop", tmp_path / "log.json"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(plan), mode, where, str(stop), str(log), "3"]
    )
    written = refused = 0
    try:
        end = time.monotonic() + 2.0
        while written + refused < 1000 and time.monotonic() < end:
            try:
                set_item_state(plan, LINE, None, expect_text=TARGET)
                written += 1
            except EditError:
                refused += 1
    finally:
        stop.touch()
        writer.wait(timeout=30)
    record, revs, final = saves_kept(plan, log, where)
    last = record["last"].encode() if record["last"] else BODY
    assert len(final) == len(last)
    assert sum(a != b for a, b in zip(final, last, strict=True)) <= 1
    assert len(revs) > 20  # the writer really ran alongside
    if hardlink and mode.startswith("inplace"):
        assert (tmp_path / "other.md").read_bytes() == final
    return written, refused


@pytest.mark.parametrize(
    ("mode", "where"),
    [
        ("inplace2", "append"),
        ("inplace2", "prepend"),
        ("inplace", "prepend"),
        ("rename", "prepend"),
        ("vim", "prepend"),
    ],
)
def test_ticks_racing_an_editor_lose_nothing(tmp_path: Path, mode: str, where: str) -> None:
    written, _ = race(tmp_path, mode, where)
    assert written > 0  # some ticks got through between the saves


@pytest.mark.parametrize("mode", ["inplace", "inplace2"])
def test_ticks_on_a_hard_link_racing_an_editor_lose_nothing(tmp_path: Path, mode: str) -> None:
    race(tmp_path, mode, "prepend", hardlink=True)


# -- a save exactly in the window -------------------------------------------------------------


def _hook_swaps(monkeypatch: pytest.MonkeyPatch, before: object) -> list[int]:
    """Run `before()` once, right before the tick's file replaces the original."""
    real_exchange, real_replace = kernel.exchange, os.replace
    done: list[int] = []

    def first(fn: object) -> object:
        def hooked(a: str, b: str) -> object:
            if not done:
                done.append(1)
                before()  # type: ignore[operator]
            return fn(a, b)  # type: ignore[operator]

        return hooked

    monkeypatch.setattr(kernel, "exchange", first(real_exchange))
    monkeypatch.setattr(commit.os, "replace", first(real_replace))
    return done


def _rename_save(path: Path, data: bytes) -> None:
    tmp = path.with_name("editor.tmp")
    tmp.write_bytes(data)
    os.rename(tmp, path)  # os.replace is hooked


def _vim_save(path: Path, data: bytes) -> None:
    os.rename(path, path.with_name(path.name + "~"))
    path.write_bytes(data)
    os.unlink(path.with_name(path.name + "~"))


@pytest.mark.usefixtures("copy_and_swap")
@pytest.mark.parametrize("save", [_rename_save, _vim_save])
def test_a_save_between_the_last_look_and_the_swap_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, save: object
) -> None:
    plan = tmp_path / "plan.md"
    plan.write_bytes(BODY)
    theirs = b"rev 1\n" + BODY
    done = _hook_swaps(monkeypatch, lambda: save(plan, theirs))  # type: ignore[operator]
    result = set_item_state(plan, LINE, None, expect_text=TARGET)
    assert done
    # Their save stands, and the tick was done again on it (the item moved down a line).
    assert plan.read_bytes() == theirs.replace(
        b"- [ ] " + TARGET.encode(), b"- [x] " + TARGET.encode()
    )
    assert (result.line, result.moved) == (LINE + 1, True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_a_save_in_two_halves_is_waited_for(tmp_path: Path) -> None:
    """An editor truncated the file and wrote half of it when the tick starts; the second
    half follows 50 ms later. The tick must not read (or replace) the half-written file."""
    plan = tmp_path / "plan.md"
    plan.write_bytes(BODY)
    theirs = b"rev 1\n" + BODY
    started = threading.Event()

    def editor() -> None:
        with open(plan, "wb") as fh:
            fh.write(theirs[: len(theirs) // 2])
            fh.flush()
            started.set()
            time.sleep(0.05)
            fh.write(theirs[len(theirs) // 2 :])

    t = threading.Thread(target=editor)
    t.start()
    started.wait()
    try:
        set_item_state(plan, LINE, None, expect_text=TARGET)
    finally:
        t.join()
    assert plan.read_bytes() == theirs.replace(
        b"- [ ] " + TARGET.encode(), b"- [x] " + TARGET.encode()
    )


def test_a_write_lease_keeps_an_in_place_save_waiting(tmp_path: Path) -> None:
    """While the tick holds its lease, another process's open for writing waits: its save
    lands after the tick, whole."""
    plan = tmp_path / "plan.md"
    plan.write_bytes(BODY)
    fd = os.open(plan, os.O_RDONLY)
    try:
        if kernel.take_lease(fd, write=False) is not kernel.Lease.HELD:
            pytest.skip("no leases on this file system")
        code = "import sys; open(sys.argv[1], 'ab').write(b'rev 1\\n')"
        writer = subprocess.Popen([sys.executable, "-c", code, str(plan)])
        # The writer is blocked in open() until the lease goes: wait until the kernel says so.
        deadline = time.monotonic() + 10
        while not kernel.lease_wanted(fd, write=False):
            assert time.monotonic() < deadline, "the writer never asked to open the file"
            time.sleep(0.005)
        assert plan.read_bytes() == BODY  # nothing written while the lease is held
        kernel.drop_lease(fd)
        writer.wait(timeout=10)
    finally:
        os.close(fd)
    assert plan.read_bytes() == BODY + b"rev 1\n"


def test_a_refused_tick_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that never stops changing is refused after a while, untouched by the tick."""
    plan = tmp_path / "plan.md"
    plan.write_bytes(BODY)
    monkeypatch.setattr(commit, "replace", lambda *args: False)  # every try finds a new save
    monkeypatch.setattr(commit, "patch", lambda *args: False)
    monkeypatch.setattr("goaldash.edit.BUSY_SECONDS", 0.05)
    with pytest.raises(EditError, match="keeps changing"):
        set_item_state(plan, LINE, None, expect_text=TARGET)
    assert plan.read_bytes() == BODY
    assert fingerprint(plan.read_bytes()) == fingerprint(BODY)


def _lease_broken(path: Path) -> bool:
    """Whether a lease on `path` is being broken: a program waits to open it."""
    inode = f":{path.stat().st_ino} "
    try:
        locks = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return False
    return any("BREAKING" in line and inode in line for line in locks)


def test_an_editor_waiting_at_the_swap_gets_the_ticked_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor that asks to open the file while the tick holds it has found the file by its
    name before the swap: swapping would hand it the old file. So the swap is undone and the
    mark written into the file itself; the editor then reads the ticked file."""
    plan = tmp_path / "plan.md"
    plan.write_bytes(BODY)
    inode = plan.stat().st_ino
    out = tmp_path / "editor-read.md"
    reader = "import sys; open(sys.argv[2], 'wb').write(open(sys.argv[1], 'rb').read())"
    started: list[subprocess.Popen[bytes]] = []

    def editor_opens_now() -> None:
        started.append(subprocess.Popen([sys.executable, "-c", reader, str(plan), str(out)]))
        deadline = time.monotonic() + 10
        while not _lease_broken(plan):
            if time.monotonic() > deadline:
                pytest.skip("no leases here: nothing waits on the tick")
            time.sleep(0.005)

    _hook_swaps(monkeypatch, editor_opens_now)
    result = set_item_state(plan, LINE, None, expect_text=TARGET)
    started[0].wait(timeout=10)
    ticked = BODY.replace(b"- [ ] " + TARGET.encode(), b"- [x] " + TARGET.encode())
    assert result.changed and plan.read_bytes() == ticked
    assert plan.stat().st_ino == inode  # written in place, not swapped
    assert out.read_bytes() == ticked  # what the waiting editor read
    assert sorted(p.name for p in tmp_path.iterdir()) == ["editor-read.md", "plan.md"]
