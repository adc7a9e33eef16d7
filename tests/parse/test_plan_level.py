"""What the plan as a whole says of its phases (issue 14): its start date written at the top
is when its first phase began; a phase under way makes the plan under way, ticked boxes or
not."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.model import Status
from tests.conftest import plan_of

STARTS = {
    "en": "# P\n\n**Start date:** 2025-10-08\n\n## Phase 0: Prep\n\n**Status:** In progress\n\n"
    "- [ ] a\n\n## Phase 1: Build\n\n- [ ] b\n",
    "pt": "# P\n\n**Data de Início:** 08/10/2025\n\n## Fase 0 - Preparação\n\n"
    "**Status:** Em progresso\n\n- [ ] a\n\n## Fase 1 - Código\n\n- [ ] b\n",
    "ko": "# P\n\n**시작일**: 2025-10-08\n\n## 0단계: 준비\n\n**상태**: 진행 중\n\n- [ ] a\n\n"
    "## 1단계: 개발\n\n- [ ] b\n",
}


@pytest.mark.parametrize("lang", sorted(STARTS))
def test_the_plan_start_is_when_its_first_phase_began(lang: str) -> None:
    plan = plan_of(STARTS[lang])
    assert plan.phases[0].status is Status.IN_PROGRESS
    assert plan.phases[0].start == date(2025, 10, 8)
    assert plan.phases[1].start is None


NOT_BEGUN = {"en": ("In progress", "Not started"), "pt": ("Em progresso", "Pendente"),
             "ko": ("진행 중", "대기")}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(STARTS))
def test_a_first_phase_not_begun_takes_no_start(lang: str) -> None:
    plan = plan_of(STARTS[lang].replace(*NOT_BEGUN[lang]))
    assert plan.phases[0].status is Status.NOT_STARTED
    assert plan.phases[0].start is None


UNDER_WAY = {
    "en": "| Phase | Name | Status |\n|---|---|---|\n| 0 | Prep | 🔄 In progress |\n"
    "| 1 | Build | ⏳ Pending |\n",
    "es": "| Fase | Nombre | Estado |\n|---|---|---|\n| 0 | Preparación | 🔄 En progreso |\n"
    "| 1 | Código | ⏳ Pendiente |\n",
    "ja": "| フェーズ | 名前 | 状態 |\n|---|---|---|\n| 0 | 準備 | 🔄 進行中 |\n| 1 | 実装 | ⏳ 未着手 |\n",
}


@pytest.mark.parametrize("lang", sorted(UNDER_WAY))
def test_a_phase_under_way_makes_the_plan_under_way(lang: str) -> None:
    plan = plan_of("# P\n\n" + UNDER_WAY[lang] + "\n## Tasks\n\n- [ ] a\n- [ ] b\n")
    assert plan.progress.done == 0
    assert plan.status is Status.IN_PROGRESS
    quiet = UNDER_WAY[lang].replace("🔄", "⏳")
    for word in ("In progress", "En progreso", "進行中"):
        quiet = quiet.replace(word, {"en": "Pending", "es": "Pendiente", "ja": "未着手"}[lang])
    assert plan_of("# P\n\n" + quiet + "\n## Tasks\n\n- [ ] a\n").status is Status.NOT_STARTED


# A status line naming the document's state yields to phases that say the work is under way.
DOCUMENT = {
    "en": ("**Status:** Draft", "| Milestone | Name | Status |", "Complete", "Planning"),
    "es": ("**Estado:** Borrador", "| Hito | Nombre | Estado |", "Completado", "Pendiente"),
    "de": ("**Status:** Entwurf", "| Meilenstein | Name | Status |", "Erledigt", "Offen"),
}


@pytest.mark.parametrize("lang", sorted(DOCUMENT))
def test_a_draft_document_with_work_done_is_under_way(lang: str) -> None:
    line, header, done, todo = DOCUMENT[lang]
    table = f"{header}\n|---|---|---|\n| M1 | Core | {done} |\n| M2 | Ship | {todo} |\n"
    plan = plan_of(f"# Roadmap\n\n{line}\n\n## Milestones\n\n{table}")
    assert [p.status for p in plan.phases] == [Status.DONE, Status.NOT_STARTED]
    assert plan.status is Status.IN_PROGRESS
    nothing_done = table.replace(f"| {done} |", f"| {todo} |")
    assert plan_of(f"# R\n\n{line}\n\n{nothing_done}").status is Status.NOT_STARTED


# The plan's top status line stating its phases: "Phase 1~2 done, Phase 3 in progress".
STATED = {
    "en": ("**Status:** In progress (Phase 1-2 done, Phase 3 in progress)", "Phase"),
    "es": ("**Estado:** En curso - Fase 1~2 completada, Fase 3 en curso", "Fase"),
    "ko": ("**상태**: **진행 중 (80% 완료 - Phase 1~2 완료, Phase 3 진행 중)**", "Phase"),
}


@pytest.mark.parametrize("lang", sorted(STATED))
def test_the_top_status_line_states_its_phases(lang: str) -> None:
    line, word = STATED[lang]
    phases = "".join(f"## {word} {n}: x\n\n- [x] a\n- [ ] b\n\n" for n in (1, 2, 3, 4))
    plan = plan_of(f"# P\n\n{line}\n\n{phases}")
    assert [p.status for p in plan.phases] == [
        Status.DONE,
        Status.DONE,
        Status.IN_PROGRESS,
        Status.IN_PROGRESS,  # not named: its boxes
    ]
    assert plan.status is Status.IN_PROGRESS


# A status line that opens with a phase's clause states the phases, not the plan.
CLAUSES = {
    "en": "**Status:** ✅ **Phase 1-2 done** → **Phase 3 in progress** → Beta ready",
    "ja": "**ステータス**: ✅ **Phase 1-2 完了** → **Phase 3 進行中** → ベータ準備",
    "pt": "**Status:** ✅ **Fase 1-2 concluída** → **Fase 3 em andamento** → beta",
}


@pytest.mark.parametrize("lang", sorted(CLAUSES))
def test_a_status_line_of_phase_clauses_is_not_the_plans_status(lang: str) -> None:
    word = "Fase" if lang == "pt" else "Phase"
    phases = "".join(f"## {word} {n}: x\n\nText.\n\n" for n in (1, 2, 3, 4))
    plan = plan_of(f"# P\n\n{CLAUSES[lang]}\n\n{phases}")
    assert [p.status for p in plan.phases][:3] == [Status.DONE, Status.DONE, Status.IN_PROGRESS]
    assert plan.status is Status.IN_PROGRESS  # not "done" for its opening ✅


# A gantt section naming a phase, with as many tasks as the phase has sub-phases: in order.
GANTT = {
    "en": ("Phase 6: Next", ["Speed", "Looks", "Features"], ["Faster", "Visuals", "Extras"]),
    "es": ("Fase 6: Siguiente", ["Velocidad", "Aspecto", "Funciones"], ["Rápido", "Vista", "Más"]),
    "ja": ("フェーズ6: 改善", ["高速化", "見た目", "機能"], ["速度", "外観", "追加"]),
}


@pytest.mark.parametrize("lang", sorted(GANTT))
def test_gantt_tasks_date_the_sub_phases_in_order(lang: str) -> None:
    section, names, tasks = GANTT[lang]
    word = section.split(" ")[0] if lang != "ja" else "フェーズ"
    sep = "" if lang == "ja" else " "
    rows = "\n".join(f"    {t} :p{i}, 2026-03-{1 + 14 * i:02d}, 14d" for i, t in enumerate(tasks))
    chart = f"```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    section {section}\n{rows}\n```\n"
    subs = "".join(f"### {word}{sep}6.{i + 1}: {n}\n\n" for i, n in enumerate(names))
    plan = plan_of(f"# P\n\n{chart}\n## {section}\n\nText.\n\n{subs}")
    starts = {p.id: p.start.isoformat() if p.start else None for p in plan.phases}
    assert [starts["6.1"], starts["6.2"], starts["6.3"]] == [
        "2026-03-01",
        "2026-03-15",
        "2026-03-29",
    ]


# A gantt section with no id whose label is a heading: that heading is a stage, in file order.
LABELLED = {
    "en": ("UI Redesign", "## 🎨 UI Redesign (done: 2026-02-14)"),
    "es": ("Rediseño", "## 🎨 Rediseño (completado: 2026-02-14)"),
    "ja": ("デザイン刷新", "## 🎨 デザイン刷新（完了: 2026-02-14）"),
}


@pytest.mark.parametrize("lang", sorted(LABELLED))
def test_a_gantt_section_label_makes_its_heading_a_stage(lang: str) -> None:
    label, heading = LABELLED[lang]
    chart = (
        "```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    section Phase 1: Core\n"
        f"    Build :done, a, 2026-02-01, 10d\n    section {label}\n"
        "    Colours :done, b, 2026-02-13, 2d\n```\n"
    )
    text = (
        f"# P\n\n{chart}\n## Phase 1: Core\n\n- [x] a\n\n{heading}\n\nText.\n\n"
        "## Phase 2: Next\n\n- [ ] b\n"
    )
    plan = plan_of(text)
    assert [p.id for p in plan.phases] == ["1", label, "2"]
    stage = plan.phases[1]
    assert stage.status is Status.DONE
    assert stage.end is not None and stage.end.isoformat() == "2026-02-14"
    assert stage.start is not None and stage.start.isoformat() == "2026-02-13"
    no_heading = text.replace(heading, "## Notes")
    assert [p.id for p in plan_of(no_heading).phases] == ["1", "2"]


def test_every_box_ticked_is_done_and_a_phase_saying_otherwise_is_a_contradiction() -> None:
    text = (
        "# Implementation plan\n\n## Phase 1: Setup\n\n**Status:** Done\n\n- [x] Repo\n\n"
        "## Phase 2: Build\n\n**Status:** In progress\n\n- [x] API\n- [x] UI\n"
    )
    plan = plan_of(text)
    assert [p.status for p in plan.phases] == [Status.DONE, Status.IN_PROGRESS]
    assert plan.progress.done == plan.progress.total == 3
    assert plan.status is Status.DONE  # the boxes say so (issue 15), and the rest is said:
    assert [(w.kind, w.message, w.line) for w in plan.warnings] == [
        ("contradiction", "Phase 2 says in progress but every item of the plan is done", 9)
    ]
    said_done = text.replace("**Status:** In progress", "**Status:** Done")
    assert plan_of(said_done).warnings == ()
    partly = text.replace("- [x] UI", "- [ ] UI")  # work left: a phase under way, no conflict
    assert plan_of(partly).warnings == ()


def test_what_a_dropped_phase_left_undone_is_no_work_left() -> None:
    text = (
        "# Roadmap\n\n## Phase 1: Web app ✅\n\n- [x] Deploy\n\n"
        "## ~~Phase 2: Native app~~ (dropped)\n\n- [x] Prototype\n- [ ] iOS\n- [ ] Android\n\n"
        "## Phase 3: Docs ✅\n\n- [x] Guide\n"
    )
    plan = plan_of(text)
    assert [(p.status, p.progress.done, p.progress.total) for p in plan.phases] == [
        (Status.DONE, 1, 1),
        (Status.CANCELLED, 1, 3),  # the phase still shows what it holds
        (Status.DONE, 1, 1),
    ]
    assert (plan.progress.done, plan.progress.total) == (3, 3)  # its done work stays done
    assert plan.status is Status.DONE


def test_a_tick_counts_as_the_parser_does_around_a_dropped_phase() -> None:
    from goaldash.watch import ticked_plan

    text = "# R\n\n## Phase 1: A\n\n- [ ] a\n\n## Phase 2: B (cancelled)\n\n- [ ] b\n- [x] c\n"
    plan = plan_of(text)
    assert (plan.progress.done, plan.progress.total) == (1, 2)
    ticked = ticked_plan(plan, 5, "x", plan.fingerprint)
    assert ticked.progress == plan_of(text.replace("- [ ] a", "- [x] a")).progress


def test_nothing_begun_and_a_phase_blocked_is_a_blocked_plan() -> None:
    text = (
        "# Plan\n\n## Phase 1: Deploy\n\n⚠️ Blocked by #140\n\n- [ ] Rollout\n\n"
        "## Phase 2: Docs\n\n- [ ] Guide\n"
    )
    plan = plan_of(text)
    assert [p.status for p in plan.phases] == [Status.BLOCKED, Status.NOT_STARTED]
    assert plan.status is Status.BLOCKED
    begun = text.replace("- [ ] Guide", "- [x] Guide")
    assert (
        plan_of(begun).status is Status.IN_PROGRESS
    )  # work under way: in progress, blocked or not
