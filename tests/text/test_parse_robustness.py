"""Any input parses or fails with InputError — never a traceback, never a hang.

Property-based tests on the entry points, plus pathological inputs (huge
lines, deep nesting, binary junk) that must finish quickly. Times are not
asserted (bench/ measures speed); hypothesis' deadline and the pytest timeout
of the run catch a hang.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from theodoi.text.parse import parse_file, parse_source, parse_text
from theodoi.text.source import InputError, Paragraph, SourceText, Table

# Text made of the pieces plans are made of, so the grammar is really exercised.
PIECES = st.sampled_from(
    [
        "I. ", "II- ", "III.", "1. ", "1.1. ", "2.", "a) ", "đ) ", "- ", "* ", "+ ", "• ",
        "Cơ quan chủ trì: ", "Cơ quan phối hợp: ", "Đơn vị thực hiện: ", "Thời gian: ",
        "Sở Nội vụ", "UBND các huyện, thị xã, thành phố", "Các sở, ban, ngành tỉnh; ",
        " chủ trì, phối hợp với ", "Giao ", "Đề nghị ", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN",
        "báo cáo", " hằng năm", " (trước ngày 15/12)", " 6 tháng", "Quý II/2025", "43-NQ/TW",
        "2705/KH-UBND", "21-", "KH/TW", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "PHỤ LỤC",
        ", ", "; ", ".", ":", "\n", "\n\n", "   ", "(", ")", "thường xuyên", "các", "và",
    ]
)  # fmt: skip
PLAN_TEXT = st.lists(PIECES, max_size=200).map("".join)

# Load the restoration model once, so its loading time is not charged to one example.
parse_text("Thuc hien ke hoach nay cua cac so, ban, nganh tinh va UBND cac huyen thanh pho")


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(PLAN_TEXT)
def test_plan_like_text_always_parses(text: str) -> None:
    result = parse_text(text)
    data = result.to_json_dict()
    assert isinstance(data["tasks"], list)
    for task in data["tasks"]:
        assert task["path"]


@settings(max_examples=150, deadline=2000)
@given(st.text(max_size=3000))
def test_any_text_parses_or_says_why(text: str) -> None:
    with contextlib.suppress(InputError):
        parse_text(text).to_json_dict()


@settings(max_examples=60, deadline=3000)
@given(
    st.lists(
        st.one_of(
            st.builds(
                Paragraph, st.text(max_size=200), st.sampled_from(["", "1.", "a)", "-", "•"])
            ),
            st.builds(
                Table,
                st.lists(
                    st.lists(st.text(max_size=40), min_size=1, max_size=7).map(tuple), max_size=8
                ).map(tuple),
            ),
        ),
        max_size=40,
    )
)
def test_reader_blocks_always_parse(blocks: list[Paragraph | Table]) -> None:
    with contextlib.suppress(InputError):
        parse_source(SourceText(blocks=list(blocks), input_kind="pdf")).to_json_dict()


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,  # one huge line
        ("Sở Nội vụ, " * 20_000) + "chủ trì",  # a huge list of bodies
        "\n".join(f"{'1.' * (i % 4 + 1)} Mục {i}" for i in range(3000)),  # deep, long lists
        "\n".join(f"- Việc {i} ( ( ( [ [ ;;;; ,,,,, 1/ 2- 3/ -/-/-/" for i in range(3000)),
        "(" * 50_000 + ")" * 50_000,
        "1-" * 50_000,
        "\x00\x01\x02 binary \ufffd junk " * 1000,
        "I. NHIỆM VỤ\n"
        + "\n".join(f"{i}. Sở X chủ trì, phối hợp với " + "Sở Y, " * 300 for i in range(1, 60)),
    ],
    ids=[
        "huge-line",
        "body-list",
        "nesting",
        "punctuation",
        "parens",
        "dashes",
        "binary",
        "long-coord",
    ],
)
def test_pathological_inputs_finish(text: str) -> None:
    with contextlib.suppress(InputError):
        parse_text(text).to_json_dict()


def test_bad_files_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        parse_file(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    with pytest.raises(InputError):
        parse_file(empty)
    binary = tmp_path / "junk.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 1000)
    with pytest.raises(InputError):
        parse_file(binary)
    with pytest.raises(InputError):
        parse_file(tmp_path)
