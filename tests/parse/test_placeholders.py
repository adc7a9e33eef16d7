"""Placeholders are counted, never taken for data; templates are told apart."""

from __future__ import annotations

from tests.conftest import plan_of


def test_placeholders_are_counted_never_data() -> None:
    plan = plan_of(
        "# Feature plan\n\n**Timeline:** [Start date] to [End date]\n\n### Phase 1: [Phase Name] (Weeks X-Y)\n\n"
        "| Phase | Status | Progress | Start | End |\n|---|---|---|---|---|\n"
        "| Phase 1 | [✅/🔄/⏳/❌] | [X%] | [Date] | YYYY-MM-DD |\n\n"
        "### Current Blockers\n\n1. [Blocker 1]\n   - ETA: [When]\n\n"
        "- [ ] [e.g., write the thing]\n"
    )
    assert plan.placeholders >= 10
    assert plan.status_rows == ()
    assert plan.blockers == ()
    assert plan.phases[0].span is None and plan.phases[0].end is None
    assert plan.dates.start is None
    assert plan.progress.total == 1


def test_templates_are_recognised() -> None:
    body = "# [Feature] Implementation Plan\n\n### Phase 1: [Phase Name]\n\n- [ ] [Task]\n"
    assert plan_of(body).template is True
    assert plan_of("# Real\n\n- [ ] x\n", path="docs/templates/plan.md").template is True
    assert plan_of("# Real plan\n\n- [ ] x\n").template is False
    feature = "specs/002-prompt-templates/plan.md"
    assert plan_of("# Real plan\n\n- [x] x\n", path=feature).template is False
    assert plan_of("# Real\n\n- [ ] x\n", path="specs/tasks-template.md").template is True


def test_spec_kit_legend_and_tags_are_not_placeholders() -> None:
    body = (
        "# Tasks: Login\n\n## Format: `[ID] [P?] [Story] Description`\n\n"
        "- **[P]**: Can run in parallel\n- **[Story]**: Which user story (US1, US2)\n\n"
        "## Phase 1: Setup\n\n- [x] T001 [P] [US1] [Backend] Add the login route\n"
        "- [ ] T002 [infra] Create `app/[id]/page.tsx` and `list[str]` types\n"
        "- [ ] T003 [Draft] Write the docs in docs/[type]/[topic].md\n"
        "- [ ] T004 [AUTH-US1] [v1.0] Wire `labels: [cli, setup]`\n"
    )
    plan = plan_of(body)
    assert plan.placeholders == 0
    assert plan.template is False
    assert [w for w in plan.warnings if w.kind in ("placeholder", "template")] == []


def test_tags_in_other_languages_are_not_placeholders() -> None:
    for body in (
        "# Plan\n\n## Fase 1\n\n- [x] [Backend] Crear la ruta\n- [ ] [Borrador] Escribir la guía\n",
        "# Plan\n\n## Phase 1\n\n- [x] [Frontend] Créer la page\n- [ ] [Brouillon] Écrire le guide\n",
        "# 计划\n\n## 阶段 1\n\n- [x] [后端] 添加路由\n- [ ] [草稿] 编写文档\n",
    ):
        plan = plan_of(body)
        assert (plan.placeholders, plan.template) == (0, False), body


def test_a_slot_alone_is_still_a_placeholder() -> None:
    body = (
        "# Plan\n\n**Owner:** [NAME]\n**Fecha:** [Fecha de inicio]\n\n"
        "| Phase | Status |\n|---|---|\n| 1 | [Status] |\n\n- [ ] [Task]\n- [ ] [Tâche à faire]\n"
    )
    plan = plan_of(body)
    assert plan.placeholders == 5


def test_a_real_plan_with_ticked_items_is_never_a_template() -> None:
    """Many slots and a placeholder-looking title, but ticked work: shown, counted."""
    rows = "".join(f"- [x] Step {n} [e.g., the thing]\n" for n in range(12))
    plan = plan_of("# [Feature] Plan de implementación\n\n" + rows + "- [ ] [Tarea]\n")
    assert plan.template is False
    assert plan.progress.done == 12
    assert plan_of("# [Feature] Plan\n\n- [ ] [Task one]\n- [ ] [Task two]\n").template is True


def test_each_placeholder_warning_names_a_line() -> None:
    body = "# Plan\n\n- [x] done\n- [ ] [Start date] to [End date]\n\n```\n[Not this one]\n```\n\n**Due:** YYYY-MM-DD\n"
    plan = plan_of(body)
    warnings = [(w.line, w.message) for w in plan.warnings if w.kind == "placeholder"]
    assert warnings == [
        (4, "2 template placeholders left in the plan"),
        (10, "a template placeholder left in the plan"),
    ]
