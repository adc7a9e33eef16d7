"""Who moved a change: commits, work merged from a branch, the uncommitted work tree
(goaldash.standup.credit, gitlog, worktree)."""

from __future__ import annotations

from goaldash.standup import standup
from tests.standup.gitrepo import NOW, P, Repo, needs_git, one

pytestmark = needs_git


def test_uncommitted_changes(repo: Repo) -> None:
    repo.edit(P, "- [ ] write tests", "- [x] write tests")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    repo.edit(P, "- [ ] write parser", "- [x] write parser")  # not committed
    repo.write("docs/plans/draft-plan.md", "# Draft\n\n- [ ] idea\n")  # untracked
    st = standup(repo.root, "yesterday", NOW)
    m = one(st)
    assert {(c.text, c.author) for c in m.ticked} == {
        ("write tests", "Bob"),
        ("write parser", "uncommitted"),
    }
    draft = one(st, "docs/plans/draft-plan.md")
    assert draft.created is not None and draft.created.author == "uncommitted"


def test_uncommitted_changes_with_nothing_committed_in_the_span(repo: Repo) -> None:
    repo.edit(P, "- [ ] release", "- [x] release")
    st = standup(repo.root, "today", NOW)
    assert st.commits == 0
    assert [(c.text, c.author) for c in one(st).ticked] == [("release", "uncommitted")]


def test_work_merged_from_a_branch_keeps_its_author(repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "feature")
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-20T10:00:00", who="Bob")
    repo.git("checkout", "-q", "main")
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-20T11:00:00", who="Cy")
    repo.git(
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge feature",
        "feature",
        when="2026-11-20T12:00:00",
        who="Mia",
    )
    st = standup(repo.root, "yesterday", NOW)
    assert {(c.text, c.author) for c in one(st).ticked} == {
        ("write parser", "Bob"),
        ("release", "Cy"),
    }
    assert st.commits == 3
