"""Stage ids as plans in Chinese, Korean and French write them: a Chinese numeral after the
stage word (`阶段一`), the Korean ordinal prefix (`제1단계`), and a status tag in brackets that is
no template slot (goaldash/parse/idforms.py, words.ORDINAL_PREFIX, parse/placeholders.py)."""

from __future__ import annotations

import pytest

from tests.conftest import plan_of


def stages(text: str) -> list[tuple[str, str, str]]:
    return [(p.id, p.name, p.status.value) for p in plan_of(text).phases]


ZH_NUMERAL_AFTER = """# 订单系统重构实施计划

## 阶段一：需求梳理（已完成）

- [x] 整理现有接口清单

## 阶段二：数据库迁移（进行中）

- [x] 设计新表结构
- [ ] 灰度迁移历史数据

## 阶段 三：服务拆分

**状态：** 阻塞

- [ ] 拆分订单服务

## 阶段十一：收尾

- [ ] 归档文档
"""


def test_a_chinese_numeral_after_the_stage_word_is_its_id() -> None:
    assert stages(ZH_NUMERAL_AFTER) == [
        ("1", "需求梳理", "done"),
        ("2", "数据库迁移", "in_progress"),
        ("3", "服务拆分", "blocked"),
        ("11", "收尾", "not_started"),
    ]


@pytest.mark.parametrize("heading", ["## 阶段一览", "## 阶段一个月的回顾"])
def test_a_numeral_that_starts_a_word_is_no_id(heading: str) -> None:
    assert stages(f"# 计划\n\n{heading}\n\n- [ ] 事项\n") == []


KO_PREFIX = """# 앱 리뉴얼 작업 계획

## 제1단계: 디자인 시스템 [완료]

- [x] 컬러 토큰

## 제2단계: 홈 화면 [진행 중]

- [x] 레이아웃
- [ ] 추천 영역

## 제 3 단계: 출시 [보류]

- [ ] 스토어 심사
"""


def test_the_korean_ordinal_prefix_before_the_number() -> None:
    plan = plan_of(KO_PREFIX)
    assert [(p.id, p.name, p.status.value) for p in plan.phases] == [
        ("1", "디자인 시스템", "done"),
        ("2", "홈 화면", "in_progress"),
        ("3", "출시", "blocked"),
    ]


@pytest.mark.parametrize("tag", ["[진행 중]", "[In progress]", "[Not started]"])
def test_a_status_in_brackets_is_no_placeholder(tag: str) -> None:
    plan = plan_of(f"# Plan\n\n## Phase 1: Home {tag}\n\n- [x] a\n- [ ] b\n")
    assert plan.placeholders == 0
    assert not [w for w in plan.warnings if w.kind == "placeholder"]


def test_a_menu_or_a_named_slot_is_still_a_placeholder() -> None:
    plan = plan_of("# Plan\n\n## Phase 1: [Phase Name]\n\n**Status:** [In progress/Done]\n")
    assert plan.placeholders == 2


ZH_STATUS_WORD_IN_NAME = """# 项目路线图

## 第1阶段：需求分析

**状态**：已完成

- [x] 需求文档

## 第2阶段：暂停/恢复功能

- [ ] 暂停接口

## 第3阶段：完成、归档功能

- [ ] 订单完成页

## 第4阶段：已完成

- [x] 上线
"""


def test_a_status_word_opening_a_cjk_name_is_part_of_it() -> None:
    plan = plan_of(ZH_STATUS_WORD_IN_NAME)
    assert [(p.id, p.name, p.status.value) for p in plan.phases] == [
        ("1", "需求分析", "done"),
        ("2", "暂停/恢复功能", "not_started"),
        ("3", "完成、归档功能", "not_started"),
        ("4", "", "done"),
    ]
    assert not plan.blockers
    assert not [w for w in plan.warnings if w.kind == "contradiction"]


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("フェーズ2：中断・再開機能", "中断・再開機能"),
        ("フェーズ2：キャンセル・返金フロー", "キャンセル・返金フロー"),
    ],
)
def test_the_same_in_japanese(heading: str, name: str) -> None:
    plan = plan_of(f"# 計画\n\n## フェーズ1：準備\n\n- [x] a\n\n## {heading}\n\n- [ ] b\n")
    assert [(p.name, p.status.value) for p in plan.phases][1] == (name, "not_started")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("1ère étape : Audit (terminée)", "2e étape : Maquettes"),
        ("Etape 1 : Audit", "Etape 2 : Maquettes"),
    ],
)
def test_french_first_stage_and_the_word_without_its_accent(first: str, second: str) -> None:
    plan = plan_of(f"# Feuille de route\n\n## {first}\n\n- [x] a\n\n## {second}\n\n- [ ] b\n")
    assert [(p.id, p.name, p.status.value) for p in plan.phases] == [
        ("1", "Audit", "done"),
        ("2", "Maquettes", "not_started"),
    ]
