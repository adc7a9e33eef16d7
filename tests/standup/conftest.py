"""The standup tests run in UTC, each on a fresh repository (`tests.standup.gitrepo`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.standup.gitrepo import Repo, local_utc, plan_repo


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from local_utc(monkeypatch)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return plan_repo(tmp_path)
