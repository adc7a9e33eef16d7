"""Status, wherever the file states it (issue 14): in the heading, by emoji or word of any
language; struck through, cancelled, dropped or deferred phases are cancelled, which is not
open work and never late."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from goaldash.model import Status
from goaldash.schedule import bar_kind, is_late, phase_late
from tests.conftest import plan_of


def statuses(text: str) -> list[tuple[str, str]]:
    return [(p.id, p.status.value) for p in plan_of(text).phases]


def test_status_in_the_heading_in_several_languages() -> None:
    text = (
        "# P\n\n## Phase 0 ✅ — Reset\n\n## Fase 1 - Concluído\n\n## Этап 2 — ЗАВЕРШЕНО\n\n"
        "## フェーズ3: 基盤 — 完了\n\n## 第四阶段：测试 - 进行中\n\n## Phase 5: Docs (Erledigt)\n"
    )
    assert statuses(text) == [
        ("0", "done"),
        ("1", "done"),
        ("2", "done"),
        ("3", "done"),
        ("4", "in_progress"),
        ("5", "done"),
    ]


def test_an_explicit_status_beats_stale_checkboxes() -> None:
    text = "# P\n\n## Phase 1: Build ✅\n\n- [ ] never ticked\n\n## Phase 2: Ship\n\n- [x] a\n"
    assert statuses(text) == [("1", "done"), ("2", "done")]


def test_struck_cancelled_dropped_and_deferred_phases_are_cancelled() -> None:
    text = (
        "# P\n\n## ~~Phase 1: Old idea~~\n\n## Phase 2: Later — DEFERRED\n\n"
        "## Fase 3 - Cancelado\n\n## Этап 4 — отменено\n\n## 第五阶段：已取消\n\n## Phase 6: Dropped\n"
    )
    assert {s for _, s in statuses(text)} == {"cancelled"}


def test_cancelled_is_not_open_work_nor_late() -> None:
    plan = plan_of("# P\n\n## ~~Phase 1: Old~~ (2020-01-05)\n\n## Phase 2: Next\n\n- [ ] a\n")
    first, second = plan.phases
    assert first.status is Status.CANCELLED
    today = date(2026, 1, 1)
    late = replace(first, end=date(2020, 1, 5))
    assert not phase_late(late, today)
    assert bar_kind(late, today) is Status.CANCELLED
    assert plan.current_phase == second
    done = replace(plan, status=Status.CANCELLED, phases=(late,))
    assert not is_late(done, today)
