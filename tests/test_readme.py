"""The README's set-up commands are the ones CI runs, and they work on a bare Debian/Ubuntu
Python (no `pip install` into the system interpreter: it is externally managed there)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set-up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_two_setup_commands_each_make_their_own_environment() -> None:
    demo, tests = _setup_commands()
    for command in (demo, tests):
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install ")
    assert demo.endswith(".venv/bin/goaldash --demo")
    assert "'.[test]'" in tests and tests.endswith("pytest")


def test_ci_runs_the_readme_test_command_as_written() -> None:
    _, tests = _setup_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci
