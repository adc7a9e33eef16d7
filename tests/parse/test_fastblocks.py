"""The fast block scanner gives exactly markdown-it's walk, or declines.

`goaldash.parse.fastblocks` re-implements markdown-it's block rules for speed. Any text it
accepts must give the same `Document` as `walk_markdown_it`: every block, line, depth, parent,
mark, column and cell. These tests compare the two on the corpus, the seeds, the benchmark's
generated plans, hand-picked edge cases and generated plan-like markdown.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import repo as bench
from goaldash.parse import fastblocks
from goaldash.parse.blocks import walk, walk_markdown_it
from tests.conftest import CORPUS, SEEDS, needs_corpus, needs_seeds


def same_or_declined(text: str) -> bool:
    """Compare; True when the scanner accepted the text (and matched)."""
    fast = fastblocks.scan(text)
    if fast is None:
        return False
    assert fast == walk_markdown_it(text), text
    return True


# --------------------------------------------------------------------- hand-picked cases

ACCEPTED = {
    "setext headings": "Title\n=====\n\nSub\n---\ntext\n- - -\n",
    "setext inside item": "- foo\n  ---\n- bar\n  ===\n",
    "lazy continuation": "- [ ] one\ncontinues here\n  - [x] two\nlazy\n",
    "ordered interrupting": "para\n2. not a list\n1. a list\n",
    "empty bullet interrupting": "para\n-\n- real\n",
    "marker change": "- a\n+ b\n* c\n1. d\n1) e\n",
    "nested indents": "- a\n - b\n  - c\n   - d\n    - e\n     - f\n",
    "wide marker": "1.   wide\n     cont\n10. ten\n    more\n",
    "empty items": "-\n  [ ] below\n-\n\n  after blank\n- \n",
    "dash alone then box": "-\n  [x] done\n",
    "same line nesting": "- - [ ] deep\n  - [x] mid\n",
    "table": "| Phase | Status |\n|---|:-:|\n| 1 | ✅ |\n| 2 |\n| 3 | a | extra |\nafter\n",
    "table no pipes edge": "a | b\n--|--\nc | d\n\nx | y\n- | -\n",
    "table in item": "- | a | b |\n  |---|---|\n  | 1 | 2 |\n- next\n",
    "table ended by list": "| a |\n|---|\n| 1 |\n- item\n| 2 |\n",
    "escaped pipes": "| a \\| b | c |\n|---|---|\n| 1 \\| 2 | 3 |\n",
    "fence in item": "- item\n  ```\n  - [ ] not a task\n  ```\n- [ ] task\n",
    "unclosed fence in item": "- item\n  ```\n  code\nout\n- [ ] x\n",
    "fence lengths": "````md\n```\n- [ ] in\n````\n- [ ] out\n~~~\n~~\n~~~~~\n",
    "backtick info": "``` a`b\n- [ ] not a fence\n",
    "headings": "# A #\n## B ##  \n### C#\n####### no\n#no\n#\n# ###\n",
    "front matter": "---\ntitle: x\nstatus: done\n---\n# Plan\n- [ ] a\n",
    "front matter dots": "---\ntitle: x\n...\n- [ ] a\n",
    "front matter long": "-----\na: 1\n---\nnot closed yet\n  ------  \n# Plan\n",
    "empty front matter": "---\n---\n# Plan\n",
    "hr and items": "- a\n---\n- b\n***\n* c\n_ _ _\n",
    "crlf": "# Plan\r\n\r\n- [ ] a\r\n- [x] b\r\n\r\ntext\rmore\r\n",
    "trailing spaces line": "- [ ] a\n   ",
    "paragraph then heading": "text\n# heading\ntext\n  # indented heading\n",
    "numbers": "1234567890. too long\n123456789. ok\n",
    "brackets": "[Phase Name] here\n[x] at start\n- [ ] [Task]: later\n",
    "loose list": "- [ ] a\n\n- [x] b\n\n  para of b\n\n- [ ] c\n",
    "interrupt in item": "- para\n  2. no\n  1. yes\n",
    "indented code": "text\n\n    code\n\n      - [ ] not a task\n  \n    more\nafter\n",
    "code in item": "- item\n\n      code\n  para\n",
    "unclosed front matter": "---\ntitle: x\n- [ ] a\n",
    "unclosed long front matter": "----\ntitle: x\n---\n",
    "nested bracket": "[a [b] c\n- [x] [P] T001\n",
    "html block": "<details>\n- [ ] hidden in html\n\n- [ ] after the blank\n</details>\n",
    "comment": "<!-- note -->\n- [ ] a\n<!--\n- [ ] commented out\n-->\n- [x] b\n",
    "html in item": "- [ ] a\n  <div>\n  - [ ] in div\n- [x] b\n",
    "html interrupting": "para\n<div>\npara\n<span>not a block</span>\n<pre>\n- [ ] x\n</pre>\n",
    "html in table": "| a |\n|---|\n| 1 |\n<!-- end -->\n",
    "block quote": "> quoted\n- [ ] a\n",
    "quote in item": "- > quoted\n  > more\n- [ ] b\n",
    "lazy quote": "> **Note:** this\ngoes on lazily\n- [ ] but a list ends it\n",
    "quoted tasks": "> - [ ] quoted task\n> - [x] another\n>\n> para\n\n- [ ] real\n",
    "nested quotes": "> > deep\n> shallow\n>> deep again\n",
    "quote with heading": "> # Title\n> ## Phase 1: Go\n> - [ ] a\n",
    "quote with fence": "> ```\n> - [ ] code\n> ```\n- [ ] after\n",
    "quote with table": "> | a | b |\n> |---|---|\n> | 1 | 2 |\n| c |\n",
    "quote setext": "> Title\n> ===\n> text\n---\n",
    "quote ends on empty": ">\nnot quoted\n> x\n>\ny\n",
    "quote no space": ">x\n>  two spaces\n>     code\n",
    "quote in nested item": "- a\n  - b\n    > q\n    lazy\n  - c\n",
    "item on line 1": "- [ ] first line is an item\n",
    "deep lazy": "- a\n  - b\n    - c\nlazy\n  - d\n",
}

DECLINED = {
    "tab": "- [ ]\ttab\n",
    "reference": "[Role]: [hours]\n",
    "reference in item": "- [Role]: [hours]\n",
    "label over two lines": "[Role\nName]: /url\n",
    "unclosed brackets": "- [ unclosed\n- [ again\n",
    "nul": "a\0b\n",
    "item opening front matter": "- a--\n  b: 1\n  ---\n- [ ] x\n",
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_cases_match_markdown_it(name: str) -> None:
    assert same_or_declined(ACCEPTED[name]), f"{name} was declined"


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_declined_cases_go_to_markdown_it(name: str) -> None:
    text = DECLINED[name]
    assert fastblocks.scan(text) is None
    assert walk(text) == walk_markdown_it(text)


DEEP = {
    "indented lists": "".join(" " * (2 * i) + "- x\n" for i in range(40)),
    "indented tasks, then more": "".join("  " * i + "- [ ] n\n" for i in range(35))
    + "\n- [x] after\n",
    "one-line lists": "# P\n\n" + "- " * 200 + "[ ] deep\n",
    "one-line quotes": "# P\n\n" + "> " * 200 + "- [ ] deep\n\n- [ ] after\n",
    "quotes without spaces": ">" * 100 + " - [ ] deep\n",
    "quotes then lists": "".join("> " * i + "- [ ] q\n" for i in range(70)),
    "ordered": "".join("   " * i + "1. [ ] n\n" for i in range(40)),
    "just at the limit": "- " * 29 + "[ ] 29 lists\n" + "> " * 59 + "text\n",
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_nesting_matches_markdown_it_and_notes_what_was_skipped(name: str) -> None:
    """Past 60 levels markdown-it skips to the end of the range; the scanner does the same,
    and both note the lines skipped."""
    text = DEEP[name]
    assert same_or_declined(text), f"{name} was declined"
    if name == "just at the limit":
        assert walk(text).unread == []
    else:
        assert walk(text).unread


def test_empty_and_blank_texts() -> None:
    for text in ("", "\n", "   ", "\n\n  \n", "x"):
        assert same_or_declined(text)


# --------------------------------------------------------------------- real and generated files


def _shared_files() -> list[Path]:
    corpus = [p for p in CORPUS.rglob("*.md") if p.is_file()]
    return sorted(corpus) + sorted(SEEDS.glob("*"))


@needs_corpus
@needs_seeds
def test_corpus_and_seeds_match_markdown_it() -> None:
    accepted = [
        p for p in _shared_files() if same_or_declined(p.read_bytes().decode("utf-8", "replace"))
    ]
    # Most real plans are in the shapes the scanner covers; a drop means it stopped covering them.
    assert len(accepted) >= 33, len(accepted)


def test_benchmark_plans_are_all_accepted() -> None:
    rng = random.Random(7)
    for fmt in bench.FORMATS:
        for size in (1_000, 8_000, 40_000):
            assert same_or_declined(bench.synthetic_plan(rng, fmt, size)), fmt
    assert same_or_declined(bench.prose(rng, 5_000))


# --------------------------------------------------------------------- generated markdown

INDENTS = st.sampled_from(["", "", "", " ", "  ", "   ", "    ", "     ", "      ", "        "])
MARKERS = st.sampled_from(
    [
        "",
        "",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "10. ",
        "-",
        "1.",
        "-   ",
        "-     ",
        "> ",
        ">",
        "> - ",
        ">> ",
    ]
)
BOXES = st.sampled_from(["", "", "[ ] ", "[x] ", "[X] ", "[-] ", "[ ]", "[x]"])
BODIES = st.sampled_from(
    [
        "", "text", "Task one", "# Heading", "## Phase 1: Setup", "###", "####### seven", "#no",
        "---", "***", "___", "- - -", "===", "--", "```", "```py", "~~~", "````", "``` a`b",
        "| a | b |", "|---|---|", "|:-:|---:|", "a | b", "--|--", "| x |", "|", "\\|", "[x]",
        "[Phase Name]", "[a]: b", "[a] b", "*", "+", "1.", "2)", "...", "✅ done", "**Bold:** x",
        "text ##", "# a #", "-1", "- [ ] nested", "1. [x] nested", "<!-- c -->", "<!--", "-->",
        "<div>", "</div>", "<details>", "<span>x</span>", "<pre>", "</pre>", "<a href='x'>", "<?x",
        "?>", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<br/>", "<",
    ]
)  # fmt: skip
LINES = st.builds(lambda a, b, c, d: a + b + c + d, INDENTS, MARKERS, BOXES, BODIES)


@given(
    st.lists(LINES, max_size=40),
    st.sampled_from(["\n", "\n", "\r\n"]),
    st.booleans(),
    st.sampled_from(["", "---\ntitle: x\n---\n", "---\n", "----\n---\n"]),
)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_plans_match_markdown_it(
    lines: list[str], newline: str, final: bool, head: str
) -> None:
    text = head + newline.join(lines) + (newline if final else "")
    same_or_declined(text)


@given(st.text(alphabet=" -*+#|:=`~[]x.1)\n\r>a\\_<!/\u00a0\u3000\v\u2028\ufeff", max_size=80))
@settings(max_examples=400, deadline=None)
def test_generated_symbol_soup_matches_markdown_it(text: str) -> None:
    same_or_declined(text)


# Lists of one-line items take a short way through the scanner (`_plain_run`): runs of
# sibling items whose text may or may not be plain, with every kind of line breaking a run.
RUN_PREFIXES = st.sampled_from(
    ["- ", "- ", "- ", "-  ", "-     ", "* ", "+ ", "1. ", "2. ", "10) ", "  - ", "   - ",
     "    - ", "-", "1.", "", "> - "]
)  # fmt: skip
RUN_BODIES = st.sampled_from(
    ["[ ] a", "[x] b", "[X] c", "[ ]", "[x]", "[-] d", "[~]", "[/] e", "[x]: ref", "[ ]:x",
     "[\\] x", "[x]y", "[ ]\u00a0", "[ ] \u00a0", "[[] x", "[]] x", "[ ] a | b", "text",
     "text | more", "# h", "> q", "1. n", "- n", "`x`", "```", "<div>", "[a]: b", "[a] b",
     "[a", "|---|", "***", "---", "===", "", " ", "\u00a0[ ] nb", "[ ] [P] T001 x",
     "[ ]  spaced", "**Phase 1:** x", "[x] ✅ done"]
)  # fmt: skip


def run_text(n: int, odd: list[tuple[int, str, str]], head: str, plain: str, final: bool) -> str:
    """`n` copies of the item line `plain` after `head`, with the `odd` lines (position,
    prefix, body) put in among them; a final line break when `final`."""
    lines = [plain] * n
    for at, prefix, body in odd:
        lines.insert(min(at, len(lines)), prefix + body)
    return head + "\n".join(lines) + ("\n" if final else "")


@given(
    st.integers(min_value=1, max_value=30),
    st.lists(st.tuples(st.integers(0, 30), RUN_PREFIXES, RUN_BODIES), max_size=4),
    st.sampled_from(["", "# Plan\n\n", "text\n", "- [ ] outer\n  ", "> ", "1. [ ] a\n"]),
    st.sampled_from(["- [ ] a", "- [x] item", "1. [ ] n", "* plain text"]),
    st.booleans(),
)
@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_runs_of_one_line_items_match_markdown_it(
    n: int, odd: list[tuple[int, str, str]], head: str, plain: str, final: bool
) -> None:
    """A run of plain items with a few other lines put in anywhere."""
    same_or_declined(run_text(n, odd, head, plain, final))


RUN_CASES = {
    "box then text": "# P\n\n- [ ] a\n- [x]y\n- [ ] c\n",
    "reference in a run": "# P\n\n- [ ] a\n- [x]: ref\n- [ ] c\n",
    "backslash mark": "# P\n\n- [ ] a\n- [\\] x\n- [ ] c\n",
    "no-break space after box": "# P\n\n- [ ] a\n- [x]\u00a0\n- [ ] c\n",
    "ordered run": "# P\n\n1. [ ] a\n2. [x] b\n10. [ ] c\n3) [ ] d\n",
    "indent changes": "# P\n\n- [ ] a\n - [ ] b\n  - [ ] c\n- [ ] d\n",
    "marker changes": "# P\n\n- [ ] a\n* [ ] b\n- [ ] c\n",
    "break in a run": "# P\n\n- [ ] a\n- - -\n- [ ] c\n",
    "table in a run": "# P\n\n- [ ] a | b\n- |---|\n- [ ] c\n",
    "heading after one item": "### Phase 1\n- [ ] x\n### Phase 2\n- [ ] y\n",
    "lazy line after the last": "# P\n\n- [ ] a\n- [ ] b\ncontinues\n",
    "blank then outdented": "# P\n\n- [ ] a\n- [ ] b\n\ntext\n",
    "blank then indented": "# P\n\n- [ ] a\n- [ ] b\n\n  more of b\n- [ ] c\n",
    "blank then code": "# P\n\n- [ ] a\n\n      code in a\n- [ ] b\n",
    "blanks at the end": "# P\n\n- [ ] a\n- [ ] b\n\n\n",
    "last line": "# P\n\n- [ ] a\n- [ ] b",
    "break after": "# P\n\n- [ ] a\n***\n- [ ] b\n---\n",
    "setext after": "# P\n\n- [ ] a\n  ---\n- [ ] b\n===\n",
    "fence after": "# P\n\n- [ ] a\n```\n- [ ] in code\n```\n",
    "quote after": "# P\n\n- [ ] a\n> q\n",
    "html after": "# P\n\n- [ ] a\n<div>\n- [ ] x\n</div>\n",
    "table after": "# P\n\n- [ ] a\n| x |\n|---|\n",
    "ordered after bullets": "# P\n\n- [ ] a\n2. b\n1. c\n",
    "deeper item after": "# P\n\n- [ ] a\n  - [ ] nested\n- [ ] b\n",
    "reference after": "# P\n\n- [ ] a\n[x]: /url\n",
}


@pytest.mark.parametrize("name", sorted(RUN_CASES))
def test_run_cases_match_markdown_it(name: str) -> None:
    same_or_declined(RUN_CASES[name])
