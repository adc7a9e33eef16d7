"""Discovery: git and plain folders, what is skipped, what is a plan, groups, configuration."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from goaldash.config import ConfigError, glob_to_regex, load_config
from goaldash.discover import group_of, is_known_place, is_plan_text
from goaldash.scan import scan

TODAY = date(2026, 11, 21)
PLAN = "# Plan\n\n- [ ] one\n- [x] two\n"


def _write(root: Path, rel: str, text: str = PLAN) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _paths(root: Path) -> list[str]:
    return [p.path for p in scan(root, TODAY).plans]


def test_walk_skips_vendored_and_generated_folders(tmp_path: Path) -> None:
    _write(tmp_path, "plan.md")
    for skipped in ("node_modules/x/plan.md", "build/plan.md", ".git/plan.md", "venv/plan.md"):
        _write(tmp_path, skipped)
    _write(tmp_path, "myenv/pyvenv.cfg", "home = /usr\n")
    _write(tmp_path, "myenv/lib/plan.md")
    _write(tmp_path, ".kiro/specs/a/tasks.md")
    assert _paths(tmp_path) == [".kiro/specs/a/tasks.md", "plan.md"]


def test_walk_survives_symlink_loops(tmp_path: Path) -> None:
    _write(tmp_path, "docs/plan.md")
    os.symlink(tmp_path, tmp_path / "docs" / "loop")
    assert _paths(tmp_path) == ["docs/plan.md"]


def test_plain_readme_is_not_a_plan_but_plan_content_is(tmp_path: Path) -> None:
    _write(tmp_path, "README.md", "# Project\n\nInstall it.\n")
    _write(tmp_path, "docs/guide.md", "# Guide\n\nNo tasks here.\n")
    _write(tmp_path, "docs/notes.md", "# Notes\n\n## Phase 1: Thinking\n")
    _write(tmp_path, "ROADMAP.md", "# Roadmap\n\n## Proposals\n\nIdeas.\n")
    _write(tmp_path, "docs/plans/empty-plan.md", "# Later\n")
    assert _paths(tmp_path) == ["ROADMAP.md", "docs/notes.md", "docs/plans/empty-plan.md"]


def test_known_places_and_groups() -> None:
    assert is_known_place(".goalkit/goals/001-x/execution.md")
    assert is_known_place("specs/002-y/plan.md")
    assert is_known_place(".planning/STATE.md")
    assert not is_known_place("docs/README.md")
    assert group_of(".goalkit/goals/001-x/tasks.md") == ".goalkit/goals/001-x"
    assert group_of(".kiro/specs/feature/tasks.md") == ".kiro/specs/feature"
    assert group_of("specs/002-y/tasks.md") == "specs/002-y"
    assert group_of("docs/plan.md") == ""


def test_backup_copies_are_found_and_kept_apart(tmp_path: Path) -> None:
    _write(tmp_path, "specs/001-a/tasks.md")
    _write(tmp_path, "specs/001-a/tasks.md.bak", "# Old\n\n- [ ] stale\n")
    plans = {p.path: p for p in scan(tmp_path, TODAY).plans}
    assert plans["specs/001-a/tasks.md.bak"].backup is True
    assert plans["specs/001-a/tasks.md"].backup is False


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_tree_uses_tracked_and_unignored_files(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _write(tmp_path, ".gitignore", "ignored/\n")
    _write(tmp_path, "tracked.md")
    _write(tmp_path, "untracked.md")
    _write(tmp_path, "ignored/plan.md")
    subprocess.run(["git", "-C", str(tmp_path), "add", "tracked.md"], check=True)
    assert _paths(tmp_path) == ["tracked.md", "untracked.md"]
    # A sub-folder of the work tree lists paths relative to itself.
    _write(tmp_path, "sub/deep/plan.md")
    assert _paths(tmp_path / "sub") == ["deep/plan.md"]


def test_config_include_and_exclude(tmp_path: Path) -> None:
    _write(tmp_path, "a.md")
    _write(tmp_path, "archive/old.md")
    _write(tmp_path, "notes/plan.txt", PLAN)
    _write(tmp_path, ".goaldash.toml", 'include = ["notes/*.txt"]\nexclude = ["archive"]\n')
    assert _paths(tmp_path) == ["a.md", "notes/plan.txt"]


def test_config_in_pyproject(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[tool.goaldash]\nexclude = ["**/skip-*.md"]\n')
    _write(tmp_path, "docs/skip-me.md")
    _write(tmp_path, "docs/keep.md")
    assert _paths(tmp_path) == ["docs/keep.md"]
    _write(tmp_path, "pyproject.toml", "[tool.goaldash]\nexclude = 3\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: 'tool.goaldash.exclude' must be"):
        load_config(tmp_path)


def test_glob_translation() -> None:
    assert glob_to_regex("*.bak").match("a/b/c.bak")
    assert glob_to_regex("docs/**/x.md").match("docs/x.md")
    assert glob_to_regex("docs/**/x.md").match("docs/a/b/x.md")
    assert not glob_to_regex("docs/*.md").match("docs/a/x.md")
    assert not glob_to_regex("docs/*.md").match("other/docs/x.md")


def test_group_members_that_disagree_warn(tmp_path: Path) -> None:
    _write(tmp_path, ".planning/ROADMAP.md", "# R\n\n### Phase 1: A\n\n**Status**: NOT STARTED\n")
    _write(tmp_path, ".planning/PROGRESS.md", "# P\n\n- [x] Phase 1: A — done\n")
    plans = {p.path: p for p in scan(tmp_path, TODAY).plans}
    roadmap = [w.message for w in plans[".planning/ROADMAP.md"].warnings]
    assert roadmap == ["Phase 1 is not started here but done in .planning/PROGRESS.md"]


@pytest.mark.parametrize(
    "name",
    [
        "planificación.md",  # es
        "Cronograma-del-proyecto.md",
        "feuille_de_route.md",  # fr
        "Zeitplan-und-Meilensteine.md",  # de
        "pianificazione.md",  # it
        "дорожная-карта.md",  # ru
        "项目计划.md",  # zh: no spaces between words
        "ロードマップ.md",  # ja
        "로드맵.md",  # ko
        "yol-haritası.md",  # tr
        "kế-hoạch.md",  # vi
        "ROADMAP.md",
        "docs-plan.markdown",
    ],
)
def test_a_plan_is_known_by_its_name_in_many_languages(name: str) -> None:
    assert is_known_place(name)


@pytest.mark.parametrize("name", ["piano.md", "planets.md", "marco.md", "notes.md", "README.md"])
def test_words_inside_other_words_do_not_make_a_plan(name: str) -> None:
    assert not is_known_place(name)


@pytest.mark.parametrize(
    "text",
    [
        "## Fase 2: Construcción\n\nTexto.\n",
        "### Étape 3 — Livraison\n",
        "## Этап 2. Запуск\n",
        "## 第二阶段：上线\n",
        "## フェーズ2: 公開\n",
        "## 3단계: 출시\n",
        "| Fase del Proyecto | Fecha | Estado |\n|---|---|---|\n| Inicio | 14/03/25 | Terminado |\n",
    ],
)
def test_a_phase_in_another_language_passes_the_prefilter(text: str) -> None:
    assert is_plan_text(text)


def test_an_unreadable_folder_is_said(tmp_path: Path) -> None:
    from goaldash.discover import _unopened, candidates

    _write(tmp_path, "a/plan.md")
    locked = tmp_path / "b"
    _write(tmp_path, "b/plan.md")
    locked.chmod(0)
    try:
        notes: list[str] = []
        found = [c.rel for c in candidates(tmp_path, notes=notes)]
        if os.access(locked, os.R_OK):  # root reads it all the same
            assert notes == []
        else:
            assert found == ["a/plan.md"]
            assert notes == ["folder b skipped: cannot read it (Permission denied)"]
    finally:
        locked.chmod(0o755)
    # What git says when it cannot open a folder, as a note.
    err = b"warning: could not open directory 'sub/x/': Permission denied\n"
    assert _unopened(err, "") == ["folder sub/x skipped: cannot read it (Permission denied)"]


def test_a_binary_plan_file_is_no_plan(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_bytes(b"\x00binary" * 50)
    _write(tmp_path, "docs/plans/real.md")
    result = scan(tmp_path, TODAY)
    assert [p.path for p in result.plans] == ["docs/plans/real.md"]
    assert result.notes == ["plan.md looks like a binary file, not markdown: not read"]
