"""Fixtures of the dashboard tests: a small repository of two plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import write_repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo")
