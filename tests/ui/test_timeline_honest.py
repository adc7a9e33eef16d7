"""The timeline never lies by leaving out: plans and phases with no dates are listed as such, a
timeline adjustment is drawn on the phase it names, bars whose end comes before their start
are drawn, and the legend says what every glyph on the chart means.
(schedule.py plan_timeline / adjustment_phase, ui/gantt.py timeline_rows / legend)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from goaldash.demo import make_demo
from goaldash.model import Adjustment, Phase, Plan, Status
from goaldash.parse import parse_plan
from goaldash.report.style import BAR_STYLE, MARK_STYLE
from goaldash.schedule import adjustment_phase, plan_timeline
from goaldash.ui.gantt import TimelineRow, timeline_rows
from goaldash.ui.screens.plan import PlanScreen
from tests.conftest import TODAY
from tests.ui.helpers import BETA_PATH, loaded, make_app, rows_of, wait_for

ADJUSTED = """\
# Checkout revamp

## Phase 1: Cart (2026-10-01 to 2026-10-31) - ✅ COMPLETED

- [x] a

## Phase 2: Payments (2026-11-01 to 2026-11-30)

- [x] b
- [ ] c

## Phase 3: Launch (2026-12-01 to 2026-12-10)

- [ ] d

## Phase 4: Retrospective

- [ ] e

### Timeline Adjustments

- 2026-11-10: Phase 2 extended for the new card processor - vendor delay - Impact: +7 days
"""

UNDATED = """\
# Migration plan

**Timeline:** 2026-09-01 to 2027-01-15

## Phase 1: Inventory

- [ ] a
"""

CHECKLIST = "# Chores\n\n- [ ] sweep\n- [x] dust\n"


def _plan(path: str, text: str) -> Plan:
    return parse_plan(path, text.encode())


def _row(rows: list[TimelineRow], name: str) -> TimelineRow:
    found = [r for r in rows if name in r.text.plain]
    assert found, f"no row for {name}: " + "\n".join(r.text.plain for r in rows)
    return found[0]


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_plans_and_phases_without_dates_are_listed(width: int) -> None:
    plans = [
        _plan("docs/plans/checkout-plan.md", ADJUSTED),
        _plan("docs/plans/migration-plan.md", UNDATED),
        _plan("docs/chores.md", CHECKLIST),
    ]
    chart = timeline_rows(plans, TODAY, width)
    undated = "\n".join(r.text.plain for r in chart.undated)
    assert "No dates: 2 plans" in undated, undated
    migration = _row(chart.undated, "Migration plan")
    # the plan's own dates, in words that read one way only
    assert "Sep 1 2026 – Jan 15 2027" in migration.text.plain, migration.text.plain
    assert migration.opens_plan and migration.plan == "docs/plans/migration-plan.md"
    assert "no phases" in _row(chart.undated, "Chores").text.plain
    retro = _row(chart.dated, "Phase 4")
    assert retro.text.plain.rstrip().endswith("· no dates") and retro.line is not None


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_an_adjustment_is_drawn_on_the_phase_it_names(width: int) -> None:
    plan = _plan("docs/plans/checkout-plan.md", ADJUSTED)
    timeline = plan_timeline(plan, TODAY)
    assert timeline is not None
    payments = timeline.bars[1]
    assert payments.adjustments and payments.adjustments[0].impact_days == 7
    assert (payments.slip_from, payments.end) == (date(2026, 11, 30), date(2026, 12, 7))
    assert not timeline.bars[0].adjustments and not timeline.bars[2].adjustments
    chart = timeline_rows([plan], TODAY, width)
    slip, adjusted = MARK_STYLE["slip"][0], MARK_STYLE["adjusted"][0]
    cells = _row(chart.dated, "Payments").text.plain
    assert slip in cells and adjusted in cells, cells
    # the slip runs from the original end to the new one, the mark just after it
    assert cells.index(BAR_STYLE[Status.IN_PROGRESS][0]) < cells.index(slip) < cells.index(adjusted)
    for other in ("Cart", "Launch"):
        assert slip not in _row(chart.dated, other).text.plain
        assert adjusted not in _row(chart.dated, other).text.plain
    words = chart.legend(width).plain
    assert f"{slip}{slip} slip" in words and f"{adjusted} adjusted" in words, words


def test_which_phase_an_adjustment_names() -> None:
    phases = (
        Phase("1", "Cart", 3),
        Phase("2", "Payments", 5),
        Phase("M1", "Beta", 7, kind="milestone"),
        Phase("S01", "Setup", 9),
    )

    def named(change: str, reason: str | None = None) -> str | None:
        found = adjustment_phase(Adjustment(1, change, reason=reason), phases)
        return found.id if found else None

    assert named("Phase 2 extended") == "2"
    assert named("Extended phase 2.") == "2"
    assert named("Extended phase 2 by a week") == "2"
    assert named("Milestone 1 pushed") == "M1"
    assert named("M1 pushed after Phase 2") == "M1"  # the first named
    assert named("S01 redone") == "S01"
    assert named("Payments moved to Q1") == "2"
    assert named("Scope cut", "payments vendor late") == "2"  # else the reason
    assert named("Phase 12 added") is None
    assert named("Backfill moved to batched mode") is None
    assert named("Phase 2.1 split off") is None


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_the_legend_names_every_glyph_on_the_chart(width: int) -> None:
    text = ADJUSTED.replace(
        "## Phase 4: Retrospective",
        "## Milestone M1: Go-live (2026-12-12 to 2026-12-12)\n\n- [ ] f\n\n"
        "## Phase 5: Blocked (2026-11-02 to 2026-11-20) (BLOCKED)\n\n"
        "## Phase 6: Late (2026-11-01 to 2026-11-10)\n\n- [ ] g\n\n"
        "## Phase 7: Later (2027-01-01 to 2027-01-20)\n\n- [ ] h\n\n"
        "## Phase 4: Retrospective",
    )
    chart = timeline_rows([_plan("docs/plans/checkout-plan.md", text)], TODAY, width)
    legend = chart.legend(width)
    assert all(len(line) <= width for line in legend.plain.split("\n")), legend.plain
    glyphs = {glyph for glyph, _ in BAR_STYLE.values()} | {m[0] for m in MARK_STYLE.values()}
    drawn = {ch for r in chart.dated for ch in r.text.plain[max(14, min(40, width // 3)) :]}
    explained = {
        entry.split(" ", 1)[0][0] for entry in legend.plain.replace("\n", "  ").split("  ")
    }
    assert drawn & glyphs, drawn
    assert drawn & glyphs <= explained, (drawn & glyphs) - explained
    assert explained <= drawn | {"│"}, explained - drawn  # nothing explained that is not there


def test_a_bar_that_ends_before_it_starts_is_drawn() -> None:
    text = (
        "---\ncreated: 2026-10-01\n---\n# P\n\n## Phase 1: A (2026-10-01 to 2026-10-20)\n\n- [x] a\n\n"
        "## Phase 2: Done early (Week 4) - ✅ COMPLETED (2026-10-18)\n\n- [x] b\n"
    )
    plan = _plan("docs/plans/p-plan.md", text)
    timeline = plan_timeline(plan, TODAY)
    assert timeline is not None
    early = timeline.bars[1]
    assert early.start and early.end and early.end < early.start, early
    row = _row(timeline_rows([plan], TODAY, 80).dated, "Done early")
    assert BAR_STYLE[Status.DONE][0] in row.text.plain, row.text.plain


async def test_the_timeline_tab_lists_a_plan_without_dates_and_enter_opens_it(
    repo: Path,
) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot, app)
        await pilot.press("3")
        await wait_for(
            pilot, lambda: any("No dates: 1 plan" in r for r in rows_of(app, "timeline"))
        )
        assert any(
            "Tasks: Beta" in r and "2 phases, none dated" in r for r in rows_of(app, "timeline")
        )
        view = app.main.view("timeline")
        await wait_for(pilot, lambda: view.rows.has_focus)
        assert view.rows.select_key(BETA_PATH)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen), what="the plan screen")
        assert isinstance(app.screen, PlanScreen)


def test_an_adjustment_that_names_no_phase_is_drawn_on_its_plan() -> None:
    text = ADJUSTED + "- 2026-11-12: Backfill moved to batched mode - load - Impact: +2 days\n"
    plan = _plan("docs/plans/checkout-plan.md", text)
    timeline = plan_timeline(plan, TODAY)
    assert timeline is not None
    assert [a.change for a in timeline.adjustments] == ["Backfill moved to batched mode"]
    assert [len(b.adjustments) for b in timeline.bars] == [0, 1, 0]
    chart = timeline_rows([plan], TODAY, 80)
    adjusted = MARK_STYLE["adjusted"][0]
    assert adjusted in chart.dated[0].text.plain, chart.dated[0].text.plain  # the plan's header
    assert sum(adjusted in r.text.plain for r in chart.dated) == 2


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 34), (200, 60)])
async def test_on_screen_the_axis_lines_up_with_the_bars(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The axis is drawn in the tab's heading, the bars in its list: a label one cell off is
    a label on the wrong date. Today's ▼ on the axis sits over today's │ in the rows."""
    root = tmp_path / "demo"
    make_demo(TODAY, root)
    app = make_app(root)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot, app)
        await pilot.press("3")
        view = app.main.view("timeline")
        await wait_for(pilot, lambda: view.rows.has_focus and bool(rows_of(app, "timeline")))
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        axis = next(n for n, line in enumerate(lines) if "▼" in line and "┊" in line)
        today = lines[axis].index("▼")
        header = lines[axis + 1]  # the first plan's header: no bar, today's line only
        assert header[today] == "│", "\n".join(lines[axis : axis + 2])
        # every row that shows today's line (the selected one too) shows it there
        chart = lines[
            axis + 1 : next((n for n, line in enumerate(lines) if "No dates" in line), -1)
        ]
        assert all(line.index("│") == today for line in chart if "│" in line), "\n".join(chart)
