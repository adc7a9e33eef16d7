"""Bytes that are not plain UTF-8: binary, empty, Latin-1, mojibake that is not."""

from __future__ import annotations

from tests.conftest import plan_of


def test_binary_empty_and_non_utf8_never_raise() -> None:
    assert plan_of(b"").progress.total == 0
    binary = plan_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert [w.kind for w in binary.warnings] == ["binary"]
    latin = plan_of(b"# Caf\xe9 plan\n\n- [ ] caf\xe9\n- [x] ok\n")
    assert latin.progress.total == 2
    assert latin.items[0].text == "caf\ufffd"
    assert any(w.kind == "encoding" for w in latin.warnings)


def test_vietnamese_is_not_mojibake() -> None:
    plan = plan_of(
        "# KẾ HOẠCH\n\n### GIAI ĐOẠN 1 — VÁ BẢO MẬT (5 ngày làm việc)\n\n- [ ] Chạy lại\n"
    )
    assert not any(w.kind == "encoding" for w in plan.warnings)
    assert plan.title == "KẾ HOẠCH"
    assert plan.phases[0].span == "5 ngày"
