"""The screens: the dashboard's main screen (the tabs), one plan over it, and the keys."""

from goaldash.ui.screens.help import HelpScreen
from goaldash.ui.screens.main import MainScreen
from goaldash.ui.screens.plan import PlanScreen

__all__ = ["HelpScreen", "MainScreen", "PlanScreen"]
