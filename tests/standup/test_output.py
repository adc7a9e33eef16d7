"""`goaldash standup` output: the --json document (goaldash.standup.jsondoc) and the text rows."""

from __future__ import annotations

import json

import pytest

from goaldash.cli import main
from goaldash.standup import standup, to_dict
from tests.standup.gitrepo import NOW, P, Repo, needs_git

pytestmark = needs_git


def test_json_document(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    assert main(["standup", str(repo.root), "--today", "2026-11-21", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["since"] == "2026-11-20T00:00:00+00:00" and doc["until"].startswith("2026-11-21")
    (plan,) = doc["plans"]
    assert plan["path"] == P
    assert plan["ticked"] == [
        {
            "text": "release",
            "line": 11,
            "author": "Bob",
            "when": "2026-11-20T09:00:00+00:00",
            "phase": "2",
        }
    ]
    for key in (
        "unticked",
        "added",
        "removed",
        "blockers_added",
        "blockers_resolved",
        "adjustments_added",
        "phase_changes",
    ):
        assert key in plan
    assert doc == to_dict(standup(repo.root, "yesterday", NOW)) | {"until": doc["until"]}


def test_text_output_shows_file_text_literally(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(P, "- [ ] release", "- [x] release [/b] \x1b[31mred")
    repo.commit("2026-11-20T09:00:00", who="[bold]Eve")
    assert main(["standup", str(repo.root), "--today", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert "1 commit" in out and "[bold]Eve" in out and "[/b]" in out
    assert "\x1b" not in out
    with pytest.raises(SystemExit) as usage:
        main(["standup", str(repo.root), "--since"])
    assert usage.value.code == 2
    assert main(["standup", str(repo.root / "nope")]) == 2
