"""What the command palette offers besides Textual's own: "Open plan: …" for every plan (titles
shown literally, never as markup), and the dashboard's commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from goaldash.model import Plan
from goaldash.ui.cells import one_line
from goaldash.ui.messages import OpenPlan
from goaldash.ui.tabs import TABS
from goaldash.workspace import Workspace


class PlanCommands(Provider):
    """ "Open plan: …" for every plan of the app's workspace."""

    def _plans(self) -> list[Plan]:
        workspace = getattr(self.app, "workspace", None)
        return workspace.plans if isinstance(workspace, Workspace) else []

    def _display(self, plan: Plan, query: str | None) -> tuple[str, Content]:
        name = f"Open plan: {one_line(plan.title) or plan.path}  ({one_line(plan.path)})"
        content = Content(name)
        if query:
            _score, offsets = self.matcher(query).fuzzy_search.match(query, name)
            for offset in offsets:
                content = content.stylize("bold reverse", offset, offset + 1)
        return name, content

    async def discover(self) -> Hits:
        for plan in self._plans():
            name, content = self._display(plan, None)
            yield DiscoveryHit(content, self._opener(plan.path), text=name)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for plan in self._plans():
            name, content = self._display(plan, query)
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, content, self._opener(plan.path), text=name)

    def _opener(self, path: str) -> Callable[[], None]:
        def open_plan() -> None:
            self.app.post_message(OpenPlan(path))

        return open_plan


class Dashboard(Protocol):
    """What the dashboard's commands need of the app."""

    workspace: Workspace

    def action_toggle_finished(self) -> None: ...
    def action_filter(self) -> None: ...
    def action_rescan(self) -> None: ...
    def action_undo(self) -> None: ...
    def action_show_tab(self, tab: str) -> None: ...


def dashboard_commands(app: Dashboard) -> Iterator[SystemCommand]:
    """Hide or show finished plans, filter, reload, undo, and show each tab."""
    yield SystemCommand(
        "Show finished plans" if app.workspace.hide_finished else "Hide finished plans",
        "Plans whose checklist is complete or whose status is done",
        app.action_toggle_finished,
    )
    yield SystemCommand("Filter", "Filter the views by text", app.action_filter)
    yield SystemCommand("Reload", "Read every plan file again", app.action_rescan)
    yield SystemCommand("Undo", "Undo the last tick", app.action_undo)
    for tab in TABS:
        yield SystemCommand(
            f"Show {tab.id}", f"Switch to the {tab.id} tab", lambda t=tab.id: app.action_show_tab(t)
        )
