"""The dashboard's Standup view over a temporary git repository (tests.standup.gitrepo)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.standup.gitrepo import PLAN, P, Repo, local_utc, needs_git, plan_repo
from tests.ui.helpers import loaded, make_app, rows_of, screen_text, until

pytestmark = needs_git


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from local_utc(monkeypatch)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return plan_repo(tmp_path)


async def test_standup_view_in_the_dashboard(repo: Repo) -> None:
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-20T14:02:00", who="Bob")
    app = make_app(repo.root, watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("s")
        await until(pilot, lambda: any("ticked" in r for r in rows_of(app, "standup")), "rows")
        rows = rows_of(app, "standup")
        assert rows[0].startswith(P)
        assert "write parser" in rows[1] and "Bob" in rows[1] and "line 5" in rows[1]
        await until(pilot, lambda: "1 commit" in screen_text(app), "the summary")
        # [ and ]: the span; "today" saw nothing committed.
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: app.workspace.standup_span == "today", "the span to shorten")
        await until(pilot, lambda: "Nothing moved since" in screen_text(app), "an empty span")
        await pilot.press("right_square_bracket", "right_square_bracket")
        await until(
            pilot,
            lambda: app.workspace.standup_span == "3d" and not app.workspace.standup_busy,
            "the span to grow",
        )
        await until(pilot, lambda: any("Bob" in r for r in rows_of(app, "standup")), "rows")
        # An uncommitted edit shows up live.
        repo.edit(P, "- [ ] release", "- [x] release")
        await until(
            pilot,
            lambda: any("release" in r and "uncommitted" in r for r in rows_of(app, "standup")),
            "the uncommitted tick",
        )
        # Enter on a change opens the plan at its line.
        view = app.query_one("#standup-view")
        rows_w = view.rows  # type: ignore[attr-defined]
        index = next(i for i, r in enumerate(rows_of(app, "standup")) if "write parser" in r)
        rows_w.highlighted = index
        await pilot.press("enter")
        from goaldash.ui.screens.plan import PlanScreen

        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        assert app.screen.path == P  # type: ignore[attr-defined]


async def test_standup_view_outside_git(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot, app)
        await pilot.press("5")
        await until(pilot, lambda: "not in a git repository" in screen_text(app), "the message")
        assert app.is_running
