"""Adding a declared phase to the walk's state: one id, one phase, its declarations merged;
and which heading declarations are phases at all (not a rollout's or a template's stages, not
a step of the phase they are in, not a restatement)."""

from __future__ import annotations

import re
from dataclasses import replace

from goaldash.model import Warning
from goaldash.parse.blocks import Heading
from goaldash.parse.phases import PhaseDecl
from goaldash.parse.placeholders import is_placeholder
from goaldash.parse.state import PhaseB, Scope, State, label_for
from goaldash.parse.words import TEMPLATE, words_pattern


def register(
    st: State, decl: PhaseDecl, line: int, *, primary: bool, origin: str = ""
) -> PhaseB | None:
    """Add a declared phase; returns None when a primary declaration repeats an id. `origin`
    says what declared it, when it is new."""
    key = decl.key
    existing = st.phases.get(key)
    bare = _unpadded(key)
    if existing is None and bare in st.unpadded:
        # "### Phase 07.1" after a phase list's "7.1": the same phase, unless both are headings.
        twin = st.phases[st.unpadded[bare]]
        if not (primary and twin.primary):
            existing, key = twin, twin.key
            decl = replace(decl, kind=twin.decl.kind, id=twin.decl.id)
    if existing is not None:
        if primary and existing.primary:
            return None  # "Phase 1" again under "Rollout Plan": not this plan's phase 1
        if primary:
            existing.primary = True
            existing.decl = _merge_decl(existing.decl, decl)
        _apply_decl(existing, decl, "heading" if primary else "list")
        return existing
    b = PhaseB(key=key, decl=decl, line=line, primary=primary, origin=origin)
    _apply_decl(b, decl, "heading" if primary else "list")
    st.phases[key] = b
    st.order.append(key)
    st.unpadded.setdefault(bare, key)
    return b


_LEADING_ZEROS = re.compile(r"(?<![\d.])0+(?=\d)")


def _unpadded(key: str) -> str:
    """A phase id without the leading zeros of its numbers: "07.1" -> "7.1", "S01" -> "S1"."""
    return _LEADING_ZEROS.sub("", key) if "0" in key else key


def _merge_decl(old: PhaseDecl, new: PhaseDecl) -> PhaseDecl:
    return replace(
        new,
        name=new.name or old.name,
        status=new.status or old.status,
        span=new.span or old.span,
        milestone=new.milestone or old.milestone,
    )


def _apply_decl(b: PhaseB, decl: PhaseDecl, source: str) -> None:
    if decl.status is not None and b.declared is None:
        b.declared, b.declared_from = decl.status, source
        b.why = decl.why
    if decl.span is not None and b.span is None and not is_placeholder(decl.span.text):
        b.span = decl.span
    b.take_dates(decl.start, decl.end, decl.original_end)


_NOT_PHASES = re.compile(
    r"\b(?:rollout|roll-out|rollback|roll-back|release plan|deployment plan)\b", re.I
)
# "## Report template", "## 📊 进度报告模板": what it holds is a form to fill in, not phases.
_TEMPLATE = re.compile(r"(?<![A-Za-zÀ-ɏЀ-ӿ])" + words_pattern(TEMPLATE), re.IGNORECASE)


def not_phase_container(st: State, outer: Heading) -> bool:
    """Is `outer` a section whose "Phase N" headings are not the plan's phases?

    A rollout or release section's stages are not phases, nor a template's ("## Report
    template" holding "### Phase X Report"); but a document whose title says "Rollout plan"
    (its level-1 heading) is a plan whose phases are real.
    """
    if outer.line in st.not_containers:
        return True
    return outer.level > 1 and (
        _NOT_PHASES.search(outer.text) is not None or _TEMPLATE.search(outer.text) is not None
    )


def repeated(st: State, decl: PhaseDecl, h: Heading, parent: int, outer: list[Heading]) -> None:
    """A heading repeating a phase heading's id. Beside the first (same level, same section:
    "## Phase 13" again after "## Retrospective"), it is a second phase, with a warning: its
    id is the first's and its number ("13 (2)"), so that nothing taking a phase by its id
    mixes the two, and its items are its own. Elsewhere ("### Phase 1" under "## Rollout
    Plan", a summary), it restates the phases, and its siblings are not phases either."""
    first = st.phases.get(decl.key)
    if first is not None and first.level == h.level and first.parent == parent:
        n = 2
        while replace(decl, id=f"{decl.id} ({n})").key in st.phases:
            n += 1
        again = replace(decl, id=f"{decl.id} ({n})")
        b = register(st, again, h.line, primary=True, origin="heading")
        if b is None:  # cannot be: its key is new
            return
        b.level, b.parent = h.level, parent
        st.warnings.append(
            Warning(
                "repeated-phase",
                f"{label_for(first.decl)} is declared again (first at line {first.line}): "
                f"read as a second phase, {label_for(again)}",
                h.line,
            )
        )
        st.scope = Scope(b.key, h.level, label_for(again))
        return
    if outer:
        st.not_containers.add(outer[-1].line)


def part_of(decl: PhaseDecl, outer: PhaseDecl) -> bool:
    """Is `decl`, a heading inside the phase `outer`, a part of it: its id extends the outer
    id ("0.1" in "0") and another word declares it ("Etapa 0.1" in "Fase 0", "Step 2.3" in
    "Phase 2"). "Phase 6.1" in "Phase 6" is a phase of its own: the same word, a sub-phase."""
    return (
        decl.key.startswith(outer.key + ".")
        and bool(decl.word)
        and bool(outer.word)
        and decl.word != outer.word
    )


def another_series(st: State, decl: PhaseDecl, level: int) -> bool:
    """Is `decl`, a heading outside every phase, a milestone of a series beside the plan's
    phases: phase headings came first, shallower, of another kind ("## 3. Phase 1" ...
    then "#### M1" under "## 8. Milestones")? Those are the phases' checkpoints, listed
    apart; the stages are the phases, as a milestone table beside them adds none."""
    if decl.kind != "milestone":
        return False
    return any(
        b.origin == "heading" and b.primary and 0 < b.level < level and b.decl.kind != "milestone"
        for b in st.phases.values()
    )
