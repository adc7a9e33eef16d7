"""The tabs of the main screen, one view a file; `goaldash.ui.tabs` lists them."""

from goaldash.ui.views.base import View, empty_message, parse_key, row_key
from goaldash.ui.views.blockers import BlockersView
from goaldash.ui.views.overview import OverviewView
from goaldash.ui.views.standup import StandupView
from goaldash.ui.views.timeline import TimelineView
from goaldash.ui.views.warnings import WarningsView

__all__ = [
    "BlockersView",
    "OverviewView",
    "StandupView",
    "TimelineView",
    "View",
    "WarningsView",
    "empty_message",
    "parse_key",
    "row_key",
]
