"""Adding a declared phase to the walk's state: one id, one phase; its declarations merged."""

from __future__ import annotations

import re
from dataclasses import replace

from goaldash.parse.phases import PhaseDecl
from goaldash.parse.placeholders import is_placeholder
from goaldash.parse.state import PhaseB, State


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
    if decl.span is not None and b.span is None and not is_placeholder(decl.span.text):
        b.span = decl.span
    if decl.start and b.start is None:
        b.start, b.dated = decl.start, True
    if decl.end and b.end is None:
        b.end, b.dated = decl.end, True
    if decl.original_end and b.original_end is None:
        b.original_end = decl.original_end
