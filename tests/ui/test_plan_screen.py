"""One plan's screen: ticking and undoing from the keyboard, refusals, the phase list and the
checklist tree. (ui/screens/plan.py, ui/widgets/checklist.py)"""

from __future__ import annotations

from pathlib import Path

from goaldash.model import Plan
from goaldash.ui.screens.plan import PlanScreen
from goaldash.workspace import PlansRead
from tests.ui.helpers import (
    ALPHA_PATH,
    cursor_node,
    cursor_to_item,
    loaded,
    make_app,
    open_plan,
    screen_text,
    tree_of,
    wait_for,
)


def _done(app_plan: Plan | None) -> int | None:
    return app_plan.progress.done if app_plan is not None else None


async def test_tick_and_undo_change_one_byte(repo: Path) -> None:
    path = repo / ALPHA_PATH
    before = path.read_bytes()
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, ALPHA_PATH)
        await cursor_to_item(pilot, app, "Write the schema")
        await pilot.press("space")
        await wait_for(pilot, lambda: path.read_bytes() != before, what="the tick on disk")
        after = path.read_bytes()
        assert len(after) == len(before)
        diff = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        assert len(diff) == 1 and after[diff[0] : diff[0] + 1] == b"x"
        await wait_for(pilot, lambda: _done(app.plan(ALPHA_PATH)) == 2, what="the tick shown")
        node = cursor_node(app)
        assert node is not None and node.item is not None
        assert "Write the schema" in node.item.text, "the cursor stays on the ticked item"
        await pilot.press("x")
        await wait_for(pilot, lambda: path.read_bytes() == before, what="untick with x")
        await pilot.press("space")
        await wait_for(pilot, lambda: path.read_bytes() != before, what="tick again")
        await pilot.press("u")
        await wait_for(pilot, lambda: path.read_bytes() == before, what="undo")
        await wait_for(pilot, lambda: _done(app.plan(ALPHA_PATH)) == 1, what="the undo shown")


async def test_tick_needs_an_item_under_the_cursor(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, ALPHA_PATH)
        await pilot.press("tab")  # to the phase list
        await pilot.press("space")
        await wait_for(
            pilot, lambda: any("Put the cursor" in n.message for n in app._notifications)
        )


async def test_refused_tick_keeps_the_outside_edit(repo: Path) -> None:
    path = repo / ALPHA_PATH
    app = make_app(repo)  # no watcher: the app cannot know about the edit below
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, ALPHA_PATH)
        await cursor_to_item(pilot, app, "Write the schema")
        edited = path.read_text(encoding="utf-8").replace("Write the schema", "Draft the schema")
        path.write_text(edited, encoding="utf-8")
        await pilot.press("space")
        await wait_for(pilot, lambda: any("Not ticked" in n.message for n in app._notifications))
        assert path.read_text(encoding="utf-8") == edited
        await wait_for(
            pilot,
            lambda: "Draft the schema" in screen_text(app),
            what="the plan read again after the refusal",
        )


async def test_own_tick_does_not_reload_twice(repo: Path) -> None:
    path = repo / ALPHA_PATH
    app = make_app(repo, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, ALPHA_PATH)
        await cursor_to_item(pilot, app, "Ship it")
        redraws: list[int] = []
        tree = tree_of(app)
        original = tree.show_plan

        def counting(plan, today):  # type: ignore[no-untyped-def]
            redraws.append(1)
            original(plan, today)

        tree.show_plan = counting  # type: ignore[method-assign]
        # Every reading of the plan the app takes in (with how many re-reads were asked by
        # then), and every re-read asked (the watcher's among them).
        read: list[int] = []
        asked: list[frozenset[str]] = []
        apply, request = app.workspace.apply_plans, app.workspace.request_reread

        def reading(event: PlansRead):  # type: ignore[no-untyped-def]
            if any(p.path == ALPHA_PATH for p in event.plans):
                read.append(len(asked))
            return apply(event)

        def asking(rels):  # type: ignore[no-untyped-def]
            asked.append(frozenset(rels))
            request(rels)

        app.workspace.apply_plans = reading  # type: ignore[method-assign]
        app.workspace.request_reread = asking  # type: ignore[method-assign]
        before = path.read_bytes()
        await pilot.press("space")
        await wait_for(pilot, lambda: path.read_bytes() != before, what="the tick")

        def settled() -> bool:
            p = app.plan(ALPHA_PATH)
            return p is not None and p.phases[1].status.value == "done"

        await wait_for(pilot, settled, what="the parser's reading of the tick")
        await wait_for(pilot, lambda: bool(asked), what="the watcher's echo of our own write")
        # A re-read asked after the echo is read after it (jobs run in order): once it is
        # read, so is the echo, which must have changed nothing.
        app.workspace.request_reread({ALPHA_PATH})
        last = len(asked)
        await wait_for(pilot, lambda: any(n >= last for n in read), what="the echo read")
        assert 1 <= len(redraws) <= 2  # the tick at once, then the parser's statuses


async def test_tab_between_panes_and_enter_on_a_phase(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, ALPHA_PATH)
        await cursor_to_item(pilot, app, "Write the schema")
        assert tree_of(app).has_focus
        await pilot.press("tab")
        await wait_for(pilot, lambda: not tree_of(app).has_focus)
        await pilot.press("enter")  # on the phase list: go to that phase in the tree
        await wait_for(
            pilot,
            lambda: (node := cursor_node(app)) is not None and node.kind == "phase",
            what="the cursor on the phase",
        )
        await pilot.press("backspace")
        await wait_for(pilot, lambda: not isinstance(app.screen, PlanScreen))


async def test_a_plan_that_goes_away_says_so(repo: Path) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await open_plan(pilot, app, ALPHA_PATH)
        (repo / ALPHA_PATH).unlink()
        app.workspace.request_reread({ALPHA_PATH})
        await wait_for(pilot, lambda: "is no longer a plan" in screen_text(app))


def test_a_phase_row_says_its_dates_and_slip_in_words_that_fit() -> None:
    """'Oct 17 → Nov 9 (was Nov 2)', the year only when not this year's: at 120 columns the
    slip is never cut ('(was 2026-1…' before)."""
    from datetime import date

    from goaldash.model import Phase
    from goaldash.ui.screens.plan import phase_row

    today = date(2026, 11, 21)
    phase = Phase(
        "2",
        "Ingestion pipeline",
        1,
        start=date(2026, 10, 17),
        end=date(2026, 11, 9),
        original_end=date(2026, 11, 2),
    )
    row = phase_row(phase, today, 118).plain
    assert "Oct 17 → Nov 9 (was Nov 2)" in row and "…" not in row
    later = phase_row(phase.__class__("3", "X", 1, end=date(2027, 1, 9)), today, 118).plain
    assert "— → Jan 9 2027" in later


async def test_a_redraw_right_after_a_plan_is_opened_waits_for_its_screen(repo: Path) -> None:
    """A worker's news can come between the plan screen being pushed and its being composed:
    the redraw then leaves it to the screen's own first draw (it used to ask for the heading
    of a screen not composed yet: NoMatches)."""
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        app.open_plan(ALPHA_PATH)
        assert isinstance(app.screen, PlanScreen)
        app.redraw()  # before the screen composed
        await wait_for(pilot, lambda: cursor_node(app) is not None)
        assert app.is_running and "Alpha rollout plan" in screen_text(app)
