"""Standup findings of issue 15: items started, a struck blocker with a note, phase credit,
who renamed a plan, rename chains, odd paths, a future --since, markdown in item text."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from goaldash.cli import main
from goaldash.report.standup import rows
from goaldash.standup import standup, to_dict
from tests.standup.gitrepo import NOW, P, Repo, needs_git, one, texts

pytestmark = needs_git


def test_items_moved_to_in_progress_are_started(repo: Repo) -> None:
    repo.edit(P, "- [ ] write parser", "- [-] write parser")
    repo.edit(P, "- [ ] write tests", "- [~] write tests")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    repo.edit(P, "- [ ] release", "- [/] release")
    m = one(standup(repo.root, "yesterday", NOW))
    assert [(c.text, c.author) for c in m.started] == [
        ("write parser", "Bob"),
        ("write tests", "Bob"),
        ("release", "uncommitted"),
    ]
    assert m.ticked == [] and m.unticked == []
    doc = to_dict(standup(repo.root, "yesterday", NOW))
    assert [c["text"] for c in doc["plans"][0]["started"]] == [
        "write parser",
        "write tests",
        "release",
    ]
    shown = [r for r in rows(standup(repo.root, "yesterday", NOW)) if "◐ started" in r.text.plain]
    assert [(r.path, r.line) for r in shown] == [(P, 5), (P, 6), (P, 11)]


def test_a_blocker_struck_with_a_note_is_resolved_at_its_line(repo: Repo) -> None:
    repo.edit(P, "- Waiting on API keys", "- ~~Waiting on API keys~~ (got them on Friday)")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    m = one(standup(repo.root, "yesterday", NOW))
    assert len(m.blockers_resolved) == 1
    c = m.blockers_resolved[0]
    assert c.line == 15 and c.after is None and c.author == "Bob"
    assert m.blockers_added == []


def test_a_phase_started_by_a_committed_tick_is_credited_to_that_commit(repo: Repo) -> None:
    repo.edit(P, "- [ ] release\n", "- [ ] release\n- [ ] announce\n")
    repo.commit("2026-11-02T09:00:00")
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    repo.edit(P, "- [ ] write tests\n", "- [ ] write tests\n- [ ] write docs\n")  # unrelated
    m = one(standup(repo.root, "yesterday", NOW))
    (ph,) = [c for c in m.phase_changes if c.phase == "2"]
    assert (ph.author, ph.when) == ("Bob", datetime.fromisoformat("2026-11-20T09:00:00+00:00"))


def test_a_phase_started_by_an_item_started_is_credited_to_that_commit(repo: Repo) -> None:
    repo.edit(P, "- [ ] release\n", "- [ ] release\n- [ ] announce\n")
    repo.commit("2026-11-02T09:00:00")
    repo.edit(P, "- [ ] release", "- [-] release")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    repo.edit(P, "- [ ] write tests\n", "- [ ] write tests\n- [ ] write docs\n")  # unrelated
    m = one(standup(repo.root, "yesterday", NOW))
    (ph,) = [c for c in m.phase_changes if c.phase == "2"]
    assert ph.author == "Bob"


def test_a_rename_has_its_author_and_time(repo: Repo) -> None:
    repo.git("mv", P, "docs/plans/renamed-plan.md")
    repo.commit("2026-11-20T09:00:00", who="Hal")
    st = standup(repo.root, "yesterday", NOW)
    m = one(st, "docs/plans/renamed-plan.md")
    assert m.renamed is not None
    assert (m.renamed.author, m.renamed.when) == (
        "Hal",
        datetime.fromisoformat("2026-11-20T09:00:00+00:00"),
    )
    heading = rows(st)[0].text.plain
    assert f"(was {P}" in heading and "Hal" in heading
    assert to_dict(st)["plans"][0]["renamed"]["author"] == "Hal"


@pytest.mark.parametrize("size", [4, 40])
def test_a_chain_of_renames_keeps_each_author(repo: Repo, size: int) -> None:
    a = "docs/plans/a.md"
    repo.write(
        a, "# Chain\n\n## Phase 1: x\n\n" + "".join(f"- [ ] task {i}\n" for i in range(size))
    )
    repo.commit("2026-11-10T10:00:00", who="Zed")
    prev, who = a, ["Ann", "Bob", "Cat", "Dan"]
    for i, n in enumerate(["b", "c", "d", "e"]):
        new = f"docs/plans/{n}.md"
        repo.git("mv", prev, new)
        repo.edit(new, "- [ ]", "- [x]")
        repo.commit(f"2026-11-2{i}T10:00:00", who=who[i])
        prev = new
    st = standup(repo.root, "2026-11-15", datetime.fromisoformat("2026-11-26T10:00:00+00:00"))
    m = one(st, "docs/plans/e.md")
    assert m.renamed_from == a and m.created is None
    assert [(c.text, c.author) for c in m.ticked] == [(f"task {i}", who[i]) for i in range(4)]
    assert m.renamed is not None and m.renamed.author == "Dan"
    assert [x.path for x in st.plans] == ["docs/plans/e.md"]


@pytest.mark.parametrize(
    ("path", "under"), [("docs/plans/new\nline/odd\nplan.md", ""), ("we\nird/plan.md", "we\nird")]
)
def test_a_path_holding_a_newline(repo: Repo, path: str, under: str) -> None:
    repo.write(path, "# Odd\n\n## Phase 1: x\n\n- [ ] one\n- [ ] two\n")
    repo.commit("2026-11-02T09:00:00")
    repo.edit(path, "- [ ] one", "- [x] one")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    st = standup(repo.root / under, "yesterday", NOW)
    m = one(st, path.removeprefix(f"{under}/") if under else path)
    assert m.created is None
    assert [(c.text, c.author) for c in m.ticked] == [("one", "Bob")]


def test_a_future_since_is_refused(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["standup", str(repo.root), "--today", "2026-11-21"]
    assert main([*argv, "--since", "2027-01-01"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "future" in err and "Traceback" not in err
    assert main([*argv, "--since", "2026-11-22", "--json"]) == 2
    assert main([*argv, "--since", "2026-11-21"]) == 0


def test_item_text_is_shown_without_markdown(repo: Repo) -> None:
    repo.edit(P, "- [ ] write parser", "- [x] **Task 2.2:** write ~~the~~ parser")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    st = standup(repo.root, "yesterday", NOW)
    plain = "\n".join(r.text.plain for r in rows(st))
    assert "Task 2.2: write the parser" in plain and "**" not in plain and "~~" not in plain
    assert json.dumps(to_dict(st))  # the document still holds the text
    assert texts(one(st).added) == ["**Task 2.2:** write ~~the~~ parser"]


def test_the_demo_never_stamps_its_uncommitted_edit_after_now(tmp_path: Path) -> None:
    from goaldash.demo import make_demo

    now = datetime.fromisoformat("2026-11-21T07:00:00+00:00")  # before the edit's 08:55
    root = make_demo(now.date(), tmp_path / "demo", history=True, now=now)
    st = standup(root, "yesterday", now)
    (edit,) = [c for m in st.plans for _, c in m.changes() if c.author == "uncommitted"]
    assert edit.when is not None and edit.when <= now
    later = datetime.fromisoformat("2026-11-21T12:00:00+00:00")
    root = make_demo(later.date(), tmp_path / "demo2", history=True, now=later)
    st = standup(root, "yesterday", later)
    (edit,) = [c for m in st.plans for _, c in m.changes() if c.author == "uncommitted"]
    assert edit.when == datetime.fromisoformat("2026-11-21T08:55:00+00:00")
