"""The parser never raises, whatever markdown it is given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goaldash.parse import parse_plan

PIECES = st.sampled_from(
    [
        "# ", "## ", "### Phase 1: ", "**Phase 2: x** (Weeks 1-2)", "- ", "* ", "1. ", "  ", "\t",
        "> ", "[ ] ", "[x] ", "[-] ", "[", "]", "(", ")", "|", "| Phase | Status |\n|---|---|\n",
        "```", "~~~", "---\n", "---\ntitle: [x\n---\n", "**", "~~", "✅", "‚úÖ", "🔄", "\n", "\r\n",
        "\r", "2026-01-10", "Dec 28, 2025", "Weeks 3-5", "(Est: 3 days)", "Impact: +3 days",
        "## Blockers\n", "- Owner: a\n", "YYYY-MM-DD", "[Phase Name]", "\x00", "\x1b[2J", "\ufeff",
        "<!-- x -->", "<details>", "    ", "Giai đoạn 1", "T001 [P] [US1]",
    ]
)  # fmt: skip


@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parser_never_raises_on_generated_markdown(pieces: list[str]) -> None:
    text = "".join(pieces)
    plan = parse_plan("docs/plans/x.md", text.encode("utf-8", "surrogatepass"))
    assert not any(w.kind == "parse-error" for w in plan.warnings), plan.warnings
    assert plan.progress.total == len(plan.items)


@given(st.binary(max_size=400))
@settings(max_examples=200, deadline=None)
def test_parser_never_raises_on_bytes(data: bytes) -> None:
    plan = parse_plan("x.md", data)
    assert not any(w.kind == "parse-error" for w in plan.warnings), plan.warnings
