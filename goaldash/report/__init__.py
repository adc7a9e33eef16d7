"""Output for terminals, logs and other programs: the `--once` summary (`once`), the `--json`
document (`jsonout`), standup's rows (`standup`), and how statuses and bars look (`style`).

Rich, never Textual. Importing this package imports none of its modules: `--json` needs no
Rich, so each module is imported where it is used.
"""
