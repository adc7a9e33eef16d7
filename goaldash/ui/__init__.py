"""The dashboard, in Textual. It reads and changes plans only through the workspace
(`goaldash.workspace`, the headless core); here is only what is shown and the keys.

- `app.py`: wiring: the workspace, the workers, what they report, the keys.
- `screens/`: `main` (the tabs, the filter box), `plan` (one plan, ticking), `help` (the keys).
- `tabs.py`: the table of tabs; `views/`: one tab's view a file.
- `widgets/`: one widget a file (the row list, the checklist tree, the status line...).
- `messages.py`: what the parts tell the app; `palette.py`: the command palette.
- `cells.py`: the pieces rows are made of; `gantt.py`: the timeline's chart.
- `goaldash.tcss`: the one stylesheet.
"""
