"""Shared fixtures: the shared corpus (skipped when absent) and small helpers."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from goaldash.model import Plan
from goaldash.parse import parse_plan

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GOALDASH_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"
TODAY = date(2026, 11, 21)


@dataclass(frozen=True)
class ManifestRow:
    local: str
    done: int
    open: int
    in_progress: int
    total: int

    @property
    def repo(self) -> str:
        return self.local.split("/", 1)[0]

    @property
    def path(self) -> str:
        return self.local.split("/", 1)[1]


def manifest() -> list[ManifestRow]:
    """The corpus manifest, or [] when the shared folder is not there."""
    path = CORPUS / "MANIFEST.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            ManifestRow(
                r["local"], int(r["done"]), int(r["open"]), int(r["in_progress"]), int(r["total"])
            )
            for r in csv.DictReader(fh, delimiter="\t")
        ]


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never read or write the user's parse cache."""
    monkeypatch.setenv("GOALDASH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def copy_and_swap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ticks take the copy-and-swap way: as when another program keeps the file open, so
    that no write lease (the file to ourselves) is to be had, only a read lease."""
    from goaldash import edit, kernel

    real = kernel.take_lease

    def no_write_lease(fd: int, write: bool) -> kernel.Lease:
        return kernel.Lease.BUSY if write else real(fd, write)

    monkeypatch.setattr(kernel, "take_lease", no_write_lease)
    monkeypatch.setattr(edit, "EXCLUSIVE_SECONDS", 0.0)


@pytest.fixture
def quick_ticks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ticks without waiting for the disk: for tests of which byte a tick changes, ticking
    thousands of items (durability is not what they test)."""
    from goaldash.edit import commit

    monkeypatch.setattr(commit.os, "fsync", lambda fd: None)
    monkeypatch.setattr(commit, "_SETTLE", 0.0)


@pytest.fixture
def no_leases(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ticks as on a system or file system without leases (macOS, NFS)."""
    from goaldash import kernel

    monkeypatch.setattr(kernel, "take_lease", lambda fd, write: kernel.Lease.UNSUPPORTED)


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


def plan_of(text: str | bytes, path: str = "docs/plans/plan.md") -> Plan:
    """Parse a fixture written in the test."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_plan(path, data)


def unlistable(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Folders named `name` refuse to be listed, as `chmod 000` makes them for anyone but
    root (and tests may run as root)."""
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
