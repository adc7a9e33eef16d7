"""RowList, the virtual list every view is made of: only the rows in sight are laid out, and
the keys, the cursor, the scroll and the selection behave as the views rely on."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult

from goaldash.ui.widgets import Row, RowList
from tests.ui.helpers import wait_for


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield RowList(classes="view-list")

    def on_mount(self) -> None:
        self.query_one(RowList).styles.height = "1fr"
        self.query_one(RowList).focus()

    def on_option_list_option_selected(self, event: RowList.OptionSelected) -> None:
        assert isinstance(event.option_list, RowList)
        self.selected.append(event.option_list.highlighted_key)


class Made:
    """Rows whose text is made when drawn, counting how many were made."""

    def __init__(self) -> None:
        self.made: list[int] = []

    def row(self, i: int) -> Row:
        def text() -> Text:
            self.made.append(i)
            return Text(f"plan {i}")

        return Row(f"p{i}", text)


def lines(rows: RowList) -> list[str]:
    return [rows.render_line(y).text.rstrip() for y in range(rows.size.height)]


async def test_only_the_rows_in_sight_are_laid_out() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        rows = app.query_one(RowList)
        made = Made()
        rows.show_rows([made.row(i) for i in range(1000)])
        await wait_for(pilot, lambda: lines(rows)[:1] == ["plan 0"])
        assert lines(rows)[19] == "plan 19"
        assert set(made.made) <= set(range(20)), "only the 20 rows on screen were made"
        # A redraw with the same rows (a batch of plans read) makes only those again.
        made.made.clear()
        rows.show_rows([made.row(i) for i in range(1000)])
        await pilot.pause()
        assert len(rows.options) == 1000 and set(made.made) <= set(range(20))
        await pilot.press("G")
        await wait_for(pilot, lambda: lines(rows)[-1:] == ["plan 999"])
        assert len(set(made.made)) <= 40


async def test_keys_skip_headings_and_never_wrap() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 10)) as pilot:
        rows = app.query_one(RowList)
        keys: list[str | None] = [None, "\0group\0a", "a1", None, "b1", "b2"]
        rows.show_rows([Row(k, Text(str(k))) for k in keys])
        await pilot.pause()
        assert rows.highlighted_key == "a1", "first look: the first row that opens something"
        await pilot.press("k")
        assert rows.highlighted_key == "\0group\0a", "a group's row is selectable"
        await pilot.press("k", "up")
        assert rows.highlighted_key == "\0group\0a", "no wrap at the top; a heading is skipped"
        await pilot.press("j", "j")
        assert rows.highlighted_key == "b1", "the heading between is skipped"
        await pilot.press("down", "j", "j")
        assert rows.highlighted_key == "b2", "no wrap at the bottom"
        await pilot.press("home")
        assert rows.highlighted_key == "\0group\0a"
        await pilot.press("end")
        assert rows.highlighted_key == "b2"
        await pilot.press("g")
        assert rows.highlighted_key == "\0group\0a"
        await pilot.press("pagedown")
        assert rows.highlighted_key == "b2"
        await pilot.press("pageup")
        assert rows.highlighted_key == "\0group\0a"
        assert rows.select_key("b1") and rows.highlighted == 4
        assert not rows.select_key("nope")
        await pilot.press("enter")
        assert app.selected == ["b1"]


async def test_a_click_selects_the_row_under_the_mouse() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 10)) as pilot:
        rows = app.query_one(RowList)
        rows.show_rows(
            [Row(None, Text("heading"))] + [Row(f"k{i}", Text(f"r{i}")) for i in range(5)]
        )
        await pilot.pause()
        await pilot.click(RowList, offset=(2, 3))
        await wait_for(pilot, lambda: app.selected == ["k2"])
        await pilot.click(RowList, offset=(2, 0))  # a heading opens nothing
        await pilot.pause()
        assert app.selected == ["k2"] and rows.highlighted_key == "k2"


async def test_cursor_and_scroll_survive_a_reload() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 10)) as pilot:
        rows = app.query_one(RowList)
        rows.show_rows([Row(f"k{i}", Text(f"r{i}")) for i in range(100)])
        await pilot.pause()
        rows.select_key("k50")
        await pilot.pause()
        top = rows.scroll_y
        assert top > 0 and lines(rows)[round(50 - top)] == "r50"
        # Plans read meanwhile: rows come in far below and the texts change.
        rows.show_rows([Row(f"k{i}", Text(f"r{i}!")) for i in range(200)])
        await pilot.pause()
        assert rows.highlighted_key == "k50" and rows.scroll_y == top
        # A row above the cursor goes: the cursor stays on its row, in sight.
        rows.show_rows([Row(f"k{i}", Text(f"r{i}")) for i in range(200) if i != 3])
        await pilot.pause()
        assert rows.highlighted_key == "k50"
        assert "r50" in lines(rows)
        # The cursor's row goes: the cursor lands on the row now at its place.
        rows.show_rows([Row(f"k{i}", Text(f"r{i}")) for i in range(200) if i not in (3, 50)])
        await pilot.pause()
        assert rows.highlighted_key == "k51"


async def test_one_line_per_row_and_the_cursor_over_a_whole_row() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 10)) as pilot:
        rows = app.query_one(RowList)
        long = Text("x" * 200)
        two = Text("first\nsecond")
        rows.show_rows([Row("a", long), Row("b", two), Row("c", Text("third"))])
        await pilot.pause()
        shown = lines(rows)
        assert shown[0].startswith("xxx") and shown[0].endswith("…") and len(shown[0]) == 60
        assert shown[1:4] == ["first", "second", "third"], "a row's own lines, never wrapped"
        assert long.plain == "x" * 200, "the row's text is left as it was"
        await pilot.press("j")
        cursor = rows.get_component_rich_style("row-list--cursor").bgcolor
        styled = [rows.render_line(y) for y in range(4)]

        def bg(strip: Any) -> object:
            return next(iter(strip)).style.bgcolor

        assert [bg(s) == cursor for s in styled] == [False, True, True, False]
        await pilot.click(RowList, offset=(1, 2))  # the second line of the row
        await wait_for(pilot, lambda: app.selected == ["b"])


async def test_the_selected_row_keeps_its_contrast() -> None:
    """Faint text (grey, dim) on the cursor's bar takes the cursor's colour: readable."""
    app = ListApp()
    async with app.run_test(size=(60, 10)) as pilot:
        rows = app.query_one(RowList)
        faint = Text.assemble(("plan ", "bold"), ("format", "bright_black"), (" phase", "dim"))
        rows.show_rows([Row("a", faint), Row("b", faint.copy())])
        await wait_for(pilot, lambda: lines(rows)[:1] == ["plan format phase"])
        assert rows.highlighted == 0
        cursor = rows.get_component_rich_style("row-list--cursor")
        picked = [s for s in rows.render_line(0) if s.text.strip() in ("format", "phase")]
        assert picked and all(s.style and s.style.color == cursor.color for s in picked)
        assert all(s.style and not s.style.dim for s in picked)
        other = [s for s in rows.render_line(1) if s.text.strip() == "format"]
        assert other and other[0].style and other[0].style.color != cursor.color


async def test_rows_read_in_batches_leave_an_unmoved_cursor_on_the_first_row() -> None:
    # Plans arrive in batches; a row shown first (a file passed over, listed at once) must not
    # hold the cursor once rows come above it: enter at first look opens the first plan.
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        rows = app.query_one(RowList)
        made = Made()
        rows.show_rows([made.row(9)])
        await wait_for(pilot, lambda: rows.highlighted_key == "p9")
        rows.show_rows([made.row(1), made.row(9)])
        assert rows.highlighted_key == "p1"
        await pilot.press("down")  # chosen: it stays on its row as rows come
        assert rows.highlighted_key == "p9"
        rows.show_rows([made.row(0), made.row(1), made.row(9)])
        assert rows.highlighted_key == "p9"
