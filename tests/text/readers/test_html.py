"""A Word "Save as Web Page" plan: windows-1252, Vietnamese as numeric entities."""

from __future__ import annotations

import html
from pathlib import Path

from theodoi.text.parse import parse_file
from theodoi.text.readers import read_document


def _word_html(paragraphs: list[str]) -> bytes:
    """What Word writes: entities for every non-Latin-1 letter, source lines
    wrapped inside paragraphs, a style sheet and conditional comments."""
    body = "\n".join(
        "<p class=MsoNormal><span style='font-size:14.0pt'>"
        + html.escape(text)
        .encode("ascii", "xmlcharrefreplace")
        .decode("ascii")
        .replace(" ", "\n", 2)
        + "</span></p>"
        for text in paragraphs
    )
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n'
        '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">\n'
        "<style>\n p.MsoNormal {margin:0cm;}\n</style>\n"
        "<!--[if gte mso 9]><xml><o:Words>9</o:Words></xml><![endif]-->\n"
        "</head>\n<body lang=EN-US>\n" + body + "\n</body>\n</html>\n"
    )
    return page.encode("cp1252")


PLAN = [
    "ỦY BAN MTTQ VIỆT NAM XÃ HÒA BÌNH",
    "Số: 12/KH-MTTQ",
    "Hòa Bình, ngày 03 tháng 12 năm 2025",
    "KẾ HOẠCH",
    "Tổ chức hội nghị hiệp thương lần thứ nhất",
    "I. NỘI DUNG",
    "1. Hội nghị hiệp thương lần thứ nhất",
    "- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ xã.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Ban Công tác mặt trận thôn",
    "- Cử đại diện lãnh đạo tham dự đầy đủ các hội nghị.",
]


def test_word_web_page_reads_as_its_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.htm"
    path.write_bytes(_word_html(PLAN))
    texts = [p.text for p in read_document(path).paragraphs]
    assert texts == PLAN  # no markup, no style sheet, wrapped source lines re-joined


def test_word_web_page_parses_like_text(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.htm"
    path.write_bytes(_word_html(PLAN))
    result = parse_file(path)
    assert result.document.number == "12/KH-MTTQ"
    assert any(t.text.startswith("Cử đại diện") for t in result.tasks)
