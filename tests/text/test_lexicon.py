"""The language knowledge the web app takes from the core (theodoi.text.lexicon):
document kind codes, collective phrases, head titles, timing words."""

from __future__ import annotations

import datetime
from importlib import resources

import pytest

from theodoi.text.lexicon import (
    DueReading,
    collective_determiners,
    is_collective,
    kind_of_code,
    read_due,
    strip_head_title,
)


@pytest.mark.parametrize(
    ("code", "kind"),
    [("NQ", "nghi_quyet"), ("CTr", "chuong_trinh"), ("CTR", "chuong_trinh"), ("QĐ", "quyet_dinh"),
     ("QD", "quyet_dinh"), ("kh", "ke_hoach"), ("TB", None), ("UBND", None)],
)  # fmt: skip
def test_kind_of_code(code: str, kind: str | None) -> None:
    assert kind_of_code(code) == kind


@pytest.mark.parametrize(
    ("name", "collective"),
    [("các sở, ban, ngành tỉnh", True), ("UBND cấp huyện", True), ("cấp uỷ các cấp", True),
     ("đơn vị có liên quan", True), ("Mọi cơ quan", True), ("Sở Tư pháp", False),
     ("Chi cục Thủy lợi", False), ("Cục Cảnh sát", False), ("cấp huyệnx", False)],
)  # fmt: skip
def test_is_collective(name: str, collective: bool) -> None:
    assert is_collective(name) is collective


def test_collective_determiners_are_folded_like_a_body_key() -> None:
    """The resolver drops them from a key's words ("cac-so" → "so") before
    comparing a name with the stored groups."""
    assert collective_determiners() == {"cac", "nhung", "moi"}


def test_strip_head_title_keeps_the_body() -> None:
    assert strip_head_title("giam-doc-so-tu-phap") == "so-tu-phap"
    assert strip_head_title("pho-chu-tich-ubnd-tinh") == "ubnd-tinh"
    assert strip_head_title("chanh-van-phong-uy-ban-nhan-dan-tinh") == "uy-ban-nhan-dan-tinh"
    assert strip_head_title("so-noi-vu") == "so-noi-vu"
    assert strip_head_title("dang-doan-hoi-dong-nhan-dan-tinh") == "hoi-dong-nhan-dan-tinh"
    assert strip_head_title("thuong-truc-hoi-dong-nhan-dan-tinh") == "hoi-dong-nhan-dan-tinh"
    assert strip_head_title("giam-doc") == "giam-doc"  # a title alone is not stripped to nothing


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Thực hiện thường xuyên", DueReading("continuous")),
        ("thường xuyên, hằng năm", DueReading("continuous")),
        ("Hàng năm", DueReading("annual")),
        ("Quý II/2025", DueReading("quarter", year=2025, quarter=2)),
        ("quý 3 năm 2026", DueReading("quarter", year=2026, quarter=3)),
        ("30/6/2025", DueReading("due_date", date=datetime.date(2025, 6, 30))),
        ("2025-06-30", DueReading("due_date", date=datetime.date(2025, 6, 30))),
        ("Tháng 10/2025", DueReading("month", year=2025, month=10)),
        ("trong năm 2026", DueReading("due_date", date=datetime.date(2026, 12, 31))),
        ("khi có yêu cầu", DueReading("unspecified")),
        ("", DueReading("unspecified")),
    ],
)
def test_read_due(text: str, reading: DueReading) -> None:
    assert read_due(text) == reading


def test_every_collective_phrase_says_how_it_matches() -> None:
    text = (
        resources.files("theodoi.text.data").joinpath("collective_phrases.tsv").read_text("utf-8")
    )
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows and all(len(r) == 2 and r[1] in {"determiner", "word", "anywhere"} for r in rows)


def test_timing_words_name_known_kinds() -> None:
    text = resources.files("theodoi.text.data").joinpath("timing_words.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows and all(len(r) == 2 and r[1] in {"continuous", "annual"} for r in rows)
