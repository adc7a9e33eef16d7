"""The Warnings tab lists what the scan passed over, and the status line counts it, as
`--once` says it on stderr (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from goaldash.scan import scan
from goaldash.ui.widgets import StatusLine
from tests.conftest import TODAY
from tests.test_passed_over import root  # noqa: F401  (the fixture)
from tests.ui.helpers import loaded, make_app, rows_of, wait_for


@pytest.mark.asyncio
async def test_the_warnings_tab_and_the_status_line_say_them(root: Path) -> None:  # noqa: F811
    notes = scan(root, TODAY).notes
    app = make_app(root)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot, app)
        status = str(app.main.query_one(StatusLine).render())
        assert "2 passed over" in status and "1 plan " in status
        app.action_show_tab("warnings")
        await wait_for(pilot, lambda: rows_of(app, "warnings"), what="the warnings rows")
        rows = [r.strip() for r in rows_of(app, "warnings")]
        assert rows[0] == "Passed over (2)"
        assert rows[1:3] == notes
