"""`goaldash FILE` opens the dashboard on the file's folder with that plan's screen open; a file
that is not a plan is refused in one line, terminal or not (issue 15)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import goaldash.ui.app
from goaldash.cli import main
from goaldash.ui.screens.plan import PlanScreen
from goaldash.workspace.reader import Reader
from tests.ui.helpers import ALPHA_PATH, BETA_PATH, loaded, make_app, wait_for


async def test_back_from_the_plan_it_was_given_the_cursor_is_on_its_row(repo: Path) -> None:
    """Of two plans, the second in the overview's order: escape lands on its row."""
    app = make_app(repo, open_path=ALPHA_PATH)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen), what="a plan screen")
        await loaded(pilot, app)
        rows = app.main.view("overview").rows
        keys = list(rows._keys)
        assert keys.index(ALPHA_PATH) > keys.index(BETA_PATH), keys
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main, what="back on the dashboard")
        await wait_for(pilot, lambda: rows.highlighted_key == ALPHA_PATH, what="its row")


async def test_the_app_opens_the_plan_it_is_given(repo: Path) -> None:
    folder = (repo / ALPHA_PATH).parent
    app = make_app(folder, open_path="alpha-plan.md")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, PlanScreen) and app.screen.path == "alpha-plan.md",
            what="the plan screen of alpha-plan.md",
        )
        await loaded(pilot, app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main, what="back on the dashboard")


def test_the_cli_runs_the_dashboard_on_the_folder_with_the_plan(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[tuple[Path, str | None]] = []

    def run(
        root: Path,
        today: object = None,
        config: object = None,
        open_path: str | None = None,
        reader: Reader | None = None,
    ) -> int:
        ran.append((root, open_path))
        if reader is not None:  # the child forked to read the plans: let it go
            reader.close()
        return 0

    monkeypatch.setattr(goaldash.ui.app, "run", run)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert main([str(repo / ALPHA_PATH)]) == 0
    assert ran == [((repo / ALPHA_PATH).parent.resolve(), "alpha-plan.md")]


@pytest.mark.parametrize(
    ("name", "data"),
    [("README.md", b"# Project\n\nJust words.\n"), ("logo.md", b"\x00\x01PNG\xff" * 50)],
)
def test_a_file_that_is_not_a_plan_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main([str(path)]) == 1  # not "needs a terminal": it is not a plan at all
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a plan" in err and "Traceback" not in err


async def test_a_file_not_read_as_a_plan_here_is_said(repo: Path) -> None:
    app = make_app(repo, open_path="README.md")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot, app)
        await wait_for(
            pilot,
            lambda: any("README.md is not among" in n.message for n in app._notifications),
            what="the message",
        )
        assert app.screen is app.main
