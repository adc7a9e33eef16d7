"""The app's wiring: starting and quitting, the keys it owns, the editor, the file watcher and
reloading. (ui/app.py, ui/throttle.py, ui/widgets/later.py)"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot

from goaldash.config import load_config
from goaldash.workspace import reader
from goaldash.workspace.reader import Reader
from tests.ui.helpers import (
    ALPHA_PATH,
    BETA_PATH,
    cursor_node,
    cursor_to_item,
    loaded,
    make_app,
    open_plan,
    rows_of,
    wait_for,
)


async def test_editor_opens_at_the_line(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setenv("EDITOR", "nvim")
    app = make_app(repo, editor_runner=calls.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, ALPHA_PATH)
        await cursor_to_item(pilot, app, "Write the schema")
        await pilot.press("e")
        await wait_for(pilot, lambda: bool(calls))
        assert calls[0] == ["nvim", "+8", str(repo.resolve() / ALPHA_PATH)]


async def test_editor_from_a_list_opens_at_the_current_phase(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    monkeypatch.setenv("EDITOR", "nvim")
    app = make_app(repo, editor_runner=calls.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app.main.view("overview").rows.select_key(ALPHA_PATH)
        await pilot.press("e")
        await wait_for(pilot, lambda: bool(calls))
        assert calls[0] == ["nvim", "+5", str(repo.resolve() / ALPHA_PATH)]


async def test_watcher_follows_editors(repo: Path) -> None:
    plans = repo / "docs" / "plans"
    alpha = repo / ALPHA_PATH
    app = make_app(repo, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)

        def done_count() -> int | None:
            p = app.plan(ALPHA_PATH)
            return p.progress.done if p else None

        # A write from outside (VS Code truncates and writes).
        alpha.write_text(alpha.read_text().replace("- [ ] Ship it", "- [x] Ship it"))
        await wait_for(pilot, lambda: done_count() == 2, what="an outside write")
        # vim: rename the file away, write a new one, delete the backup.
        backup = plans / "alpha-plan.md~"
        os.replace(alpha, backup)
        alpha.write_text(
            backup.read_text().replace("- [ ] Schema reviewed", "- [x] Schema reviewed")
        )
        backup.unlink()
        await wait_for(pilot, lambda: done_count() == 3, what="a vim-style save")
        # Write a temporary file and rename it over.
        tmp = plans / ".alpha-plan.md.tmp"
        tmp.write_text(alpha.read_text().replace("- [x] Set up the repo", "- [ ] Set up the repo"))
        os.replace(tmp, alpha)
        await wait_for(pilot, lambda: done_count() == 2, what="a rename-over save")
        # A new plan appears, a plan disappears.
        (plans / "delta-plan.md").write_text("# Delta\n\n## Phase 1: Go\n\n- [ ] one\n")
        await wait_for(pilot, lambda: app.plan("docs/plans/delta-plan.md") is not None)
        await wait_for(pilot, lambda: any("Delta" in r for r in rows_of(app, "overview")))
        (repo / BETA_PATH).unlink()
        await wait_for(pilot, lambda: app.plan(BETA_PATH) is None)
        await wait_for(pilot, lambda: not any("Beta" in r for r in rows_of(app, "overview")))
        # A file that stops being plan-like stays, with what the parser says.
        (plans / "delta-plan.md").write_bytes(b"\xff\xfe garbage, no items any more\n")
        await wait_for(
            pilot,
            lambda: (p := app.plan("docs/plans/delta-plan.md")) is not None and not p.items,
            what="a broken file kept",
        )
        # A binary one is passed over, as the scan passes it over: no row, a note.
        (plans / "delta-plan.md").write_bytes(b"\xff\xfe garbage \x00" * 64)
        await wait_for(
            pilot,
            lambda: (
                app.plan("docs/plans/delta-plan.md") is None
                and any("delta-plan.md" in n for n in app.workspace.passed_over)
            ),
            what="a binary file passed over",
        )


async def test_reload_key_reads_every_file_again(repo: Path) -> None:
    app = make_app(repo)  # no watcher: only `r` can show the new file
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        (repo / "docs" / "plans" / "omega-plan.md").write_text("# Omega\n\n- [ ] one\n")
        await pilot.press("r")
        await wait_for(pilot, lambda: app.plan("docs/plans/omega-plan.md") is not None)
        await wait_for(pilot, lambda: any("Omega" in r for r in rows_of(app, "overview")))


async def test_a_redraw_due_after_quitting_does_nothing(repo: Path) -> None:
    # The redraw timer (plans read or changed a moment before) can fire while the app shuts
    # down; it used to query widgets already removed and end the run with a traceback.
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app._soon.soon()
    app._soon.due()
    app.redraw()
    app.main.focus_list()


async def test_quitting_in_the_first_frame_is_clean(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The hidden tabs' views are mounted just after the first frame; quitting before that
    # used to end in MountError ("Can't mount widget(s) before TabPane ... is mounted").
    from textual.drivers.headless_driver import HeadlessDriver

    painted: list[bool] = []
    write = HeadlessDriver.write

    def spy(self: HeadlessDriver, data: str) -> None:
        if data:
            painted.append(True)
        write(self, data)

    monkeypatch.setattr(HeadlessDriver, "write", spy)

    async def quit_at_first_paint(pilot: Pilot[None]) -> None:
        await wait_for(pilot, lambda: bool(painted), what="the first paint")
        pilot.app.exit()

    app = make_app(repo)
    await app.run_async(headless=True, auto_pilot=quit_at_first_paint)
    assert app.return_code == 0, app.return_code


async def test_undo_with_nothing_to_undo_says_so(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("u")
        await wait_for(
            pilot, lambda: any("Nothing to undo" in n.message for n in app._notifications)
        )
        assert cursor_node(app) is None


def _reader_on(root: Path) -> tuple[Reader, threading.Thread]:
    """A reader whose child's work (`reader.child`) runs on a thread of this process."""
    r, w = os.pipe()

    def child() -> None:
        try:
            reader.child(root, load_config(root), w)
        except BrokenPipeError:  # the app let go of it
            pass
        finally:
            os.close(w)

    thread = threading.Thread(target=child)
    thread.start()
    return Reader(None, r), thread


async def test_the_first_reading_is_taken_from_the_reader(repo: Path) -> None:
    got, thread = _reader_on(repo.resolve())
    app = make_app(repo, reader=got)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        assert app.plan(ALPHA_PATH) is not None and app.plan(BETA_PATH) is not None
        await wait_for(pilot, lambda: any("Beta" in r for r in rows_of(app, "overview")))
        (repo / "docs" / "plans" / "omega-plan.md").write_text("# Omega\n\n- [ ] one\n")
        await pilot.press("r")  # later readings are the app's own
        await wait_for(pilot, lambda: app.plan("docs/plans/omega-plan.md") is not None)
    thread.join(timeout=30)
    assert not thread.is_alive()


async def test_quitting_at_once_leaves_no_reading_behind(repo: Path) -> None:
    got, thread = _reader_on(repo.resolve())
    app = make_app(repo, reader=got)
    async with app.run_test(size=(100, 30)):
        pass
    thread.join(timeout=30)
    assert not thread.is_alive()
