"""The dashboard's widgets, one a file; those of the plan's screen (`checklist`) are imported
with it, not here."""

from goaldash.ui.widgets.filter_input import FilterInput
from goaldash.ui.widgets.key_line import KeyLine
from goaldash.ui.widgets.later import Later
from goaldash.ui.widgets.row_list import Row, RowList
from goaldash.ui.widgets.status_line import StatusLine
from goaldash.ui.widgets.tab_bar import TabBar

__all__ = [
    "FilterInput",
    "KeyLine",
    "Later",
    "Row",
    "RowList",
    "StatusLine",
    "TabBar",
]
