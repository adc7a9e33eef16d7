"""Status words plans write that were missing: Vietnamese "Hoàn tất", "Xong", "Đang làm",
"Chưa làm" and "một phần" (partly), Hindi "चल रहा है", Italian "Fatto", Turkish "Bekliyor",
French in capitals without its accents ("TERMINE", "A FAIRE"), and the 【】 brackets of a
Chinese heading's note (status.VOCABULARY, phases._PAREN)."""

from __future__ import annotations

import pytest

from goaldash.parse.status import status_of
from tests.conftest import plan_of


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Hoàn tất", "done"),
        ("Hoàn thành một phần", "in_progress"),
        ("चल रहा है", "in_progress"),
        ("Fatto", "done"),
        ("TERMINE", "done"),
        ("A FAIRE", "not_started"),
        ("Bekliyor", "not_started"),
    ],
)
def test_a_status_cell(text: str, want: str) -> None:
    status = status_of(text)
    assert status is not None and status.value == want


TABLE = """# Kế hoạch

| Giai đoạn | Nội dung | Trạng thái | Hạn chót |
|-----------|----------|------------|----------|
| Giai đoạn 1 | Khảo sát | Hoàn tất | 31/01/2026 |
| Giai đoạn 2 | Phát triển | Hoàn thành một phần | 31/03/2026 |
| Giai đoạn 3 | Kiểm thử | Chưa thực hiện | 30/04/2026 |
"""


def test_a_status_table_in_vietnamese() -> None:
    got = [p.status.value for p in plan_of(TABLE).phases]
    assert got == ["done", "in_progress", "not_started"]


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        ("第1阶段：需求【已完成】", "第2阶段：开发【进行中】", "第3阶段：测试【未开始】"),
        (
            "Étape 1 : Audit (TERMINE)",
            "Étape 2 : Maquettes (EN COURS)",
            "Étape 3 : Tests (A FAIRE)",
        ),
        (
            "Giai đoạn 1: Khảo sát (Xong)",
            "Giai đoạn 2: Phát triển (Đang làm)",
            "Giai đoạn 3: Thử (Chưa làm)",
        ),
    ],
)
def test_a_heading_note(first: str, second: str, third: str) -> None:
    plan = plan_of(
        f"# Plan\n\n## {first}\n\n- [ ] a\n\n## {second}\n\n- [ ] b\n\n## {third}\n\n- [x] c\n"
    )
    got = [(p.name, p.status.value) for p in plan.phases]
    assert [s for _, s in got] == ["done", "in_progress", "not_started"]
    assert all("【" not in n and "(" not in n for n, _ in got)
