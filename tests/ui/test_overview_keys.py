"""The overview's group rows fold and unfold with enter or space, and `o` cycles its order
(due date, lateness, progress, name), named in the header. (ui/views/overview.py)"""

from __future__ import annotations

from pathlib import Path

from goaldash.ui.views.overview import GROUP_KEY
from tests.ui.helpers import ALPHA_PATH, BETA_PATH, loaded, make_app, rows_of, wait_for


async def test_group_rows_fold_and_unfold_with_enter_or_space(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        rows = app.main.view("overview").rows
        await wait_for(pilot, lambda: rows.has_focus)
        first = rows.highlighted_key
        assert first is not None and not first.startswith(GROUP_KEY), "first look: on a plan"
        await pilot.press("g")
        key = rows.highlighted_key
        assert key is not None and key.startswith(GROUP_KEY)
        before = len(rows_of(app, "overview"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(rows_of(app, "overview")) == before - 1)
        assert rows_of(app, "overview")[0].startswith("▸")
        assert rows.highlighted_key == key, "the cursor stays on the group"
        assert app.screen is app.main, "a group row opens no plan"
        await pilot.press("space")
        await wait_for(pilot, lambda: len(rows_of(app, "overview")) == before)
        assert rows_of(app, "overview")[0].startswith("▾")


async def test_o_cycles_the_order_and_the_header_says_which(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        view = app.main.view("overview")
        await wait_for(pilot, lambda: view.rows.has_focus)
        head = view.query_one(".view-head")
        for name in ("due", "late", "progress", "name"):
            await pilot.press("o")
            await wait_for(pilot, lambda n=name: f"by {n}" in str(head.render()))
        await pilot.press("o")
        await wait_for(pilot, lambda: "by " not in str(head.render()))
        assert {ALPHA_PATH, BETA_PATH} <= {k for k in view.rows._keys if k}
