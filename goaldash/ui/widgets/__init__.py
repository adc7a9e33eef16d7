"""The dashboard's widgets, one a file."""

from goaldash.ui.widgets.checklist import ChecklistTree, Node
from goaldash.ui.widgets.filter_input import FilterInput
from goaldash.ui.widgets.later import Later
from goaldash.ui.widgets.row_list import Row, RowList
from goaldash.ui.widgets.status_line import StatusLine

__all__ = ["ChecklistTree", "FilterInput", "Later", "Node", "Row", "RowList", "StatusLine"]
