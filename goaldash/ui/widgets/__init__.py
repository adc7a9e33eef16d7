"""The dashboard's widgets, one a file."""

from goaldash.ui.widgets.checklist import ChecklistTree, Node
from goaldash.ui.widgets.filter_input import FilterInput
from goaldash.ui.widgets.key_line import KeyLine
from goaldash.ui.widgets.later import Later
from goaldash.ui.widgets.row_list import Row, RowList
from goaldash.ui.widgets.status_line import StatusLine
from goaldash.ui.widgets.tab_bar import TabBar

__all__ = [
    "ChecklistTree",
    "FilterInput",
    "KeyLine",
    "Later",
    "Node",
    "Row",
    "RowList",
    "StatusLine",
    "TabBar",
]
