"""A missing or failing editor never leaves the app suspended: it gets a one-line message and
the dashboard comes back. (ui/app.py open_editor)"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.ui.helpers import ALPHA_PATH, loaded, make_app, open_plan, wait_for


class FakeSuspend:
    """Textual's `App.suspend` as it behaves: it resumes only when its block ends normally."""

    def __init__(self) -> None:
        self.suspended = False
        self.entered = 0

    @contextmanager
    def __call__(self) -> Iterator[None]:
        self.entered += 1
        self.suspended = True
        yield
        self.suspended = False


def _messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("editor", "said"),
    [("nosuchedit", "No editor 'nosuchedit' found"), ("false", "exited with status 1")],
)
async def test_a_missing_or_failing_editor_says_so_and_the_app_comes_back(
    repo: Path, monkeypatch: pytest.MonkeyPatch, editor: str, said: str
) -> None:
    monkeypatch.setenv("EDITOR", editor)
    app = make_app(repo)
    fake = FakeSuspend()
    monkeypatch.setattr(app, "suspend", fake)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, ALPHA_PATH)
        await pilot.press("e")
        await wait_for(pilot, lambda: any(said in m for m in _messages(app)))
        assert not fake.suspended, "the app must come back after the editor"
        if editor == "nosuchedit":
            assert fake.entered == 0, "a missing editor is found out before suspending"
        assert all("\n" not in m for m in _messages(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main)
