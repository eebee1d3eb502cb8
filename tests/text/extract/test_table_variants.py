"""Task tables as the genre prints them, in fictional plans of "tỉnh Lâm Giang".

Each plan states its duties only in an appendix table; the tree a civil servant
would write is asserted: group rows ("I", "A", a title merged across the row)
are levels of the path and not tasks, row numbers as printed ("1", "1.1") give
the rest, the columns are found by what their headers mean, a cell of bodies
gives one body per name (commas, semicolons, line breaks), and the deadline
column gives the timing as written (full dates as ISO).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from theodoi.text.model import Task
from theodoi.text.parse import parse_file

_HEAD = """\
ỦY BAN NHÂN DÂN TỈNH LÂM GIANG
Số: {number}/KH-UBND
Lâm Giang, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
{title}
I. MỤC ĐÍCH, YÊU CẦU
1. Phát huy tiềm năng của các địa phương trong tỉnh.
II. NHIỆM VỤ, GIẢI PHÁP
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.
III. TỔ CHỨC THỰC HIỆN
Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch.
TM. ỦY BAN NHÂN DÂN
PHỤ LỤC
DANH MỤC NHIỆM VỤ
"""


def _pipe(*rows: tuple[str, ...]) -> str:
    """Markdown pipe rows ("| a | b |"), the rule after the first."""
    lines = [f"| {' | '.join(row)} |" for row in rows]
    lines.insert(1, f"|{'---|' * len(rows[0])}")
    return "\n".join(lines) + "\n"


_MARKDOWN = _HEAD.format(number=118, title="Phát triển du lịch nông thôn năm 2026") + _pipe(
    (
        "STT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
        "Sản phẩm",
        "Ghi chú",
    ),
    ("I", "Quy hoạch, cơ chế chính sách", "", "", "", "", ""),
    (
        "1",
        "Rà soát quy hoạch các điểm du lịch nông thôn",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Nông nghiệp và Môi trường, Sở Xây dựng",
        "Quý II/2026",
        "Báo cáo rà soát",
        "",
    ),
    (
        "2",
        "Xây dựng chính sách hỗ trợ cơ sở lưu trú tại nhà dân",
        "Sở Tài chính",
        "Sở Văn hóa, Thể thao và Du lịch;<br>UBND các xã, phường",
        "Tháng 6/2026",
        "Nghị quyết của HĐND tỉnh",
        "Trình kỳ họp giữa năm",
    ),
    ("II", "Phát triển sản phẩm du lịch", "", "", "", "", ""),
    ("1", "Xây dựng sản phẩm du lịch đặc trưng", "", "", "", "", ""),
    (
        "1.1",
        "Phát triển tuyến du lịch ven sông Lam",
        "UBND xã Hòa Lâm",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Năm 2026",
        "Tuyến du lịch",
        "",
    ),
    (
        "1.2",
        "Phục dựng lễ hội mùa vàng",
        "UBND xã Tân Giang<br>UBND xã Bình Giang",
        "Hội Nông dân tỉnh",
        "2026-2030",
        "Lễ hội",
        "",
    ),
    (
        "2",
        "Quảng bá, xúc tiến du lịch nông thôn<br>trên các nền tảng số",
        "Trung tâm Xúc tiến Đầu tư và Du lịch",
        "Các cơ quan báo chí của tỉnh",
        "Thường xuyên",
        "Ấn phẩm",
        "",
    ),
    (
        "3",
        "Tập huấn kỹ năng làm du lịch cho hộ dân",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Trước 30/6/2026",
        "Lớp tập huấn",
        "",
    ),
    (
        "4",
        "- Tổ chức hội chợ sản phẩm OCOP giai đoạn 2026 - 2030<br>- Tổ chức liên hoan ẩm thực",
        "Sở Công Thương",
        "",
        "Quý III/2026",
        "",
        "",
    ),
    (
        "III",
        "Sơ kết, đánh giá kết quả thực hiện Kế hoạch",
        "Sở Văn hóa, Thể thao và Du lịch",
        "",
        "Tháng 12/2026",
        "Báo cáo sơ kết",
        "",
    ),
)


def _by_path(path: Path) -> dict[str, Task]:
    return {t.path: t for t in parse_file(path).tasks if t.source == "table"}


@pytest.fixture(scope="module")
def markdown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Task]:
    path = tmp_path_factory.mktemp("md") / "kh-du-lich-nong-thon.md"
    path.write_text(_MARKDOWN, encoding="utf-8")
    return _by_path(path)


def test_markdown_groups_and_sub_rows_give_the_path(markdown: dict[str, Task]) -> None:
    # group rows I, II and row II.1 (which has sub-rows 1.1, 1.2) are not tasks
    assert list(markdown) == [
        "PL.I.1",
        "PL.I.2",
        "PL.II.1.1",
        "PL.II.1.2",
        "PL.II.2",
        "PL.II.3",
        "PL.II.4-1",
        "PL.II.4-2",
        "PL.III",  # a group row with no rows under it is a task
    ]
    assert markdown["PL.II.1.1"].text == "Phát triển tuyến du lịch ven sông Lam"


def test_markdown_cell_of_dash_items_gives_one_task_each(markdown: dict[str, Task]) -> None:
    first, second = markdown["PL.II.4-1"], markdown["PL.II.4-2"]
    assert first.text == "Tổ chức hội chợ sản phẩm OCOP giai đoạn 2026 - 2030"
    assert second.text == "Tổ chức liên hoan ẩm thực"
    assert first.lead == second.lead == ["Sở Công Thương"]
    assert second.timing is not None and second.timing.text == "Quý III/2026"


def test_markdown_cells_of_bodies(markdown: dict[str, Task]) -> None:
    assert markdown["PL.I.1"].lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert markdown["PL.I.1"].coordinating == ["Sở Nông nghiệp và Môi trường", "Sở Xây dựng"]
    assert markdown["PL.I.2"].coordinating == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "UBND các xã, phường",
    ]
    assert markdown["PL.II.1.2"].lead == ["UBND xã Tân Giang", "UBND xã Bình Giang"]
    assert all(t.implementing == [] for t in markdown.values())


def test_markdown_line_break_in_the_task_cell(markdown: dict[str, Task]) -> None:
    assert markdown["PL.II.2"].text == ("Quảng bá, xúc tiến du lịch nông thôn trên các nền tảng số")


def test_markdown_timing_as_written(markdown: dict[str, Task]) -> None:
    timing = {p: t.timing.text if t.timing else None for p, t in markdown.items()}
    assert timing == {
        "PL.I.1": "Quý II/2026",
        "PL.I.2": "Tháng 6/2026",
        "PL.II.1.1": "Năm 2026",
        "PL.II.1.2": "2026-2030",
        "PL.II.2": "thường xuyên",
        "PL.II.3": "2026-06-30",
        "PL.II.4-1": "Quý III/2026",
        "PL.II.4-2": "Quý III/2026",
        "PL.III": "Tháng 12/2026",
    }
    assert markdown["PL.I.2"].result == "Nghị quyết của HĐND tỉnh"  # "Ghi chú" is no field


# --- a Word table: letter groups, a title merged across, a header repeated -------

_DOCX_HEADER = (
    "TT",
    "Nhiệm vụ, giải pháp",
    "Cơ quan, đơn vị chủ trì",
    "Cơ quan, đơn vị phối hợp",
    "Thời hạn hoàn thành",
    "Kết quả đầu ra",
)
_NUMBERS = ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)")
_DOCX_ROWS: list[tuple[str, ...]] = [
    _NUMBERS,
    ("A", "NHIỆM VỤ TRỌNG TÂM", "", "", "", ""),
    (
        "1",
        "Xây dựng Đề án chuyển đổi số ngành y tế",
        "Sở Y tế",
        "Sở Khoa học và Công nghệ\nSở Tài chính",
        "Quý IV/2026",
        "Đề án được phê duyệt",
    ),
    (
        "2",
        "Hoàn thiện cơ sở dữ liệu dân cư\nphục vụ cấp phiếu lý lịch tư pháp",
        "Công an tỉnh",
        "Sở Tư pháp; UBND các xã, phường",
        "Trước 31/12/2026",
        "Cơ sở dữ liệu",
    ),
    _DOCX_HEADER,  # the header printed again at the top of the next page
    ("B", "NHIỆM VỤ THƯỜNG XUYÊN", "", "", "", ""),
    (
        "1",
        "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở",
        "Sở Nội vụ",
        "Ban Dân vận Tỉnh ủy, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Hằng năm",
        "Báo cáo kiểm tra",
    ),
    (
        "2",
        "Tổ chức đối thoại với doanh nghiệp",
        "Sở Tài chính",
        "Hiệp hội Doanh nghiệp tỉnh",
        "Tháng 10 hằng năm",
        "Hội nghị đối thoại",
    ),
]


def _docx_plan(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    document = docx.Document()
    for line in _HEAD.format(number=205, title="Cải cách hành chính năm 2026").splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"  # ruled, as plans print their tables
    for column, text in enumerate(header):
        table.cell(0, column).text = text
    for r, row in enumerate(rows, start=1):
        spans = (len(set(row[1:])) == 1 and row[1] != "") or (row[0] and not any(row[1:]))
        for column, text in enumerate(row):
            cell = table.cell(r, column)
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)  # a line break inside the cell: a new paragraph
        if spans and not any(row[2:]):
            # a group row: its title cell merged across the rest of the row
            first = 1 if row[0] and row[1] else 0
            merged = table.cell(r, first).merge(table.cell(r, len(header) - 1))
            merged.text = row[1] if first else row[0]
    document.add_paragraph("Nơi nhận:")
    document.save(str(path))


@pytest.fixture(scope="module")
def word(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Task]:
    path = tmp_path_factory.mktemp("docx") / "kh-cai-cach.docx"
    _docx_plan(path, _DOCX_HEADER, _DOCX_ROWS)
    return _by_path(path)


def test_docx_letter_groups_and_repeated_header(word: dict[str, Task]) -> None:
    assert list(word) == ["PL.A.1", "PL.A.2", "PL.B.1", "PL.B.2"]


def test_docx_columns_by_meaning_and_bodies_per_line(word: dict[str, Task]) -> None:
    assert word["PL.A.1"].lead == ["Sở Y tế"]
    assert word["PL.A.1"].coordinating == ["Sở Khoa học và Công nghệ", "Sở Tài chính"]
    assert word["PL.A.1"].result == "Đề án được phê duyệt"
    assert word["PL.A.2"].coordinating == ["Sở Tư pháp", "UBND các xã, phường"]
    assert word["PL.B.1"].coordinating == [
        "Ban Dân vận Tỉnh ủy",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    ]
    assert word["PL.A.2"].text == (
        "Hoàn thiện cơ sở dữ liệu dân cư phục vụ cấp phiếu lý lịch tư pháp"
    )


def test_docx_timing(word: dict[str, Task]) -> None:
    timing = {p: t.timing.text if t.timing else None for p, t in word.items()}
    assert timing == {
        "PL.A.1": "Quý IV/2026",
        "PL.A.2": "2026-12-31",
        "PL.B.1": "hằng năm",
        "PL.B.2": "Tháng 10 hằng năm",
    }


# --- a group title alone in the first column, rows numbered on throughout ----------

_TITLED_HEADER = ("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian")
_TITLED_ROWS: list[tuple[str, ...]] = [
    ("Lĩnh vực giáo dục", "", "", "", ""),
    ("1", "Sửa chữa phòng học xuống cấp", "Sở Giáo dục và Đào tạo", "UBND các xã", "Năm 2026"),
    ("2", "Bổ sung thiết bị dạy học tối thiểu", "Sở Giáo dục và Đào tạo", "", "Quý III/2026"),
    ("Lĩnh vực y tế", "", "", "", ""),
    ("3", "Nâng cấp trạm y tế xã Hòa Lâm", "Sở Y tế", "UBND xã Hòa Lâm", "Tháng 9/2026"),
]


@pytest.fixture(scope="module")
def titled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Task]:
    path = tmp_path_factory.mktemp("titled") / "kh-dau-tu.docx"
    _docx_plan(path, _TITLED_HEADER, _TITLED_ROWS)
    return _by_path(path)


def test_unnumbered_group_titles_are_not_tasks(titled: dict[str, Task]) -> None:
    # numbering runs on across the groups: the printed numbers are the path
    assert list(titled) == ["PL.1", "PL.2", "PL.3"]
    assert titled["PL.3"].lead == ["Sở Y tế"]
    assert titled["PL.3"].coordinating == ["UBND xã Hòa Lâm"]


_TITLED_MARKDOWN = (
    _HEAD.format(number=131, title="Đầu tư công năm 2026")
    + """\
| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
|---|---|---|---|---|
| **Lĩnh vực giáo dục** | | | | |
| 1 | Sửa chữa phòng học xuống cấp | Sở Giáo dục và Đào tạo | UBND các xã | Năm 2026 |
| 2 | Bổ sung thiết bị dạy học tối thiểu | Sở Giáo dục và Đào tạo | | Quý III/2026 |
| **Lĩnh vực y tế** | | | | |
| 1 | Nâng cấp trạm y tế xã Hòa Lâm | Sở Y tế | UBND xã Hòa Lâm | Tháng 9/2026 |
"""
)


def test_titles_in_the_number_column_and_numbering_restarting(tmp_path: Path) -> None:
    """Typed in the number column of a markdown table; the rows restart at 1 under each
    title, so each title takes its position as a level of the path."""
    path = tmp_path / "kh-dau-tu.md"
    path.write_text(_TITLED_MARKDOWN, encoding="utf-8")
    tasks = _by_path(path)
    assert list(tasks) == ["PL.I.1", "PL.I.2", "PL.II.1"]
    assert tasks["PL.II.1"].text == "Nâng cấp trạm y tế xã Hòa Lâm"
    assert tasks["PL.I.2"].text == "Bổ sung thiết bị dạy học tối thiểu"


# --- a task table inside the plan's body -----------------------------------------

_BODY_TABLE = """\
ỦY BAN NHÂN DÂN TỈNH LÂM GIANG
Số: 140/KH-UBND
Lâm Giang, ngày 20 tháng 3 năm 2026
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ và người dân về cải cách hành chính.
II. NHIỆM VỤ
1. Tuyên truyền trên báo chí
a) Báo Lâm Giang chủ trì, phối hợp với Sở Nội vụ mở chuyên mục cải cách, gồm các chuyên mục sau:
| TT | Nội dung | Trách nhiệm thực hiện | Thời gian |
| --- | --- | --- | --- |
| 1 | Chuyên mục Cải cách và cuộc sống | Phòng Thời sự | Hằng tháng |
| 2 | Chuyên mục Hỏi đáp thủ tục hành chính | Phòng Bạn đọc | Quý III/2026 |
b) Đài Phát thanh và Truyền hình tỉnh xây dựng phóng sự về cải cách hành chính.
2. Tuyên truyền trên mạng xã hội
Sở Văn hóa, Thể thao và Du lịch hướng dẫn các trang thông tin điện tử đăng tải tin bài.
III. TỔ CHỨC THỰC HIỆN
Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch.
"""


def test_a_table_in_the_body_takes_the_path_of_its_item(tmp_path: Path) -> None:
    """The rows are sub-items of the item they follow ("II.1.a.2"); the item's intro
    "X chủ trì, phối hợp với Y" gives every row its lead and coordinating bodies, and
    the "Trách nhiệm thực hiện" column the implementing ones."""
    path = tmp_path / "kh-tuyen-truyen.md"
    path.write_text(_BODY_TABLE, encoding="utf-8")
    tasks = {t.path: t for t in parse_file(path).tasks}
    assert [p for p in tasks if p.startswith("II.")] == ["II.1.a.1", "II.1.a.2", "II.1.b", "II.2"]
    row = tasks["II.1.a.2"]
    assert row.text == "Chuyên mục Hỏi đáp thủ tục hành chính"
    assert row.lead == ["Báo Lâm Giang"] and row.coordinating == ["Sở Nội vụ"]
    assert row.implementing == ["Phòng Bạn đọc"]
    assert row.timing is not None and row.timing.text == "Quý III/2026"


# --- a header over two rows; a table without a number column ----------------------


def _docx_two_row_header(path: Path) -> None:
    document = docx.Document()
    for line in _HEAD.format(number=212, title="Phòng, chống thiên tai năm 2026").splitlines():
        document.add_paragraph(line)
    rows = [
        ("STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian thực hiện"),
        ("", "", "Chủ trì", "Phối hợp", ""),
        (
            "1",
            "Rà soát phương án ứng phó bão",
            "Sở Nông nghiệp và Môi trường",
            "Công an tỉnh",
            "T5",
        ),
        ("2", "Diễn tập cứu hộ tại xã Hòa Lâm", "Bộ Chỉ huy Quân sự tỉnh", "UBND xã Hòa Lâm", "Q3"),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for column in (0, 1, 4):  # merged down over the two header rows
        table.cell(1, column).text = ""
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Cơ quan thực hiện"
    document.save(str(path))


def test_a_header_over_two_rows(tmp_path: Path) -> None:
    """'Cơ quan thực hiện' spans 'Chủ trì' and 'Phối hợp' printed under it."""
    path = tmp_path / "kh-thien-tai.docx"
    _docx_two_row_header(path)
    tasks = _by_path(path)
    assert list(tasks) == ["PL.1", "PL.2"]
    assert tasks["PL.1"].lead == ["Sở Nông nghiệp và Môi trường"]
    assert tasks["PL.1"].coordinating == ["Công an tỉnh"]
    assert tasks["PL.1"].implementing == []
    assert tasks["PL.2"].timing is not None and tasks["PL.2"].timing.text == "Q3"


_TWO_ROW_MARKDOWN = (
    _HEAD.format(number=213, title="Phòng, chống thiên tai năm 2026")
    + """\
| STT | Nội dung nhiệm vụ | Cơ quan thực hiện | | Thời gian thực hiện |
|---|---|---|---|---|
| | | Chủ trì | Phối hợp | |
| 1 | Rà soát phương án ứng phó bão | Sở Nông nghiệp và Môi trường | Công an tỉnh | Tháng 5/2026 |
"""
)


def test_a_header_over_two_rows_typed_in_markdown(tmp_path: Path) -> None:
    path = tmp_path / "kh-thien-tai.md"
    path.write_text(_TWO_ROW_MARKDOWN, encoding="utf-8")
    tasks = _by_path(path)
    assert list(tasks) == ["PL.1"]
    assert tasks["PL.1"].lead == ["Sở Nông nghiệp và Môi trường"]
    assert tasks["PL.1"].coordinating == ["Công an tỉnh"]
    assert tasks["PL.1"].implementing == []


_UNNUMBERED = (
    _HEAD.format(number=150, title="Chuyển đổi số năm 2026")
    + """\
| Nội dung công việc | Đơn vị thực hiện | Thời gian hoàn thành |
|---|---|---|
| Cập nhật dữ liệu đất đai lên hệ thống dùng chung | Sở Nông nghiệp và Môi trường | Quý II/2026 |
| Cấp chữ ký số cho cán bộ cấp xã | Công an tỉnh; Bưu điện tỉnh | Tháng 8/2026 |
| Tổng kết, đánh giá kết quả chuyển đổi số | Sở Khoa học và Công nghệ | Tháng 12/2026 |
"""
)


def test_rows_without_a_number_column_are_numbered_by_position(tmp_path: Path) -> None:
    path = tmp_path / "kh-chuyen-doi-so.md"
    path.write_text(_UNNUMBERED, encoding="utf-8")
    tasks = _by_path(path)
    assert list(tasks) == ["PL.1", "PL.2", "PL.3"]
    assert tasks["PL.2"].text == "Cấp chữ ký số cho cán bộ cấp xã"
    assert tasks["PL.2"].implementing == ["Công an tỉnh", "Bưu điện tỉnh"]
    assert tasks["PL.3"].timing is not None and tasks["PL.3"].timing.text == "Tháng 12/2026"


# --- the same Word table printed to PDF (LibreOffice) --------------------------


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Task]:
    from tests.text.readers.builders import libreoffice_convert, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("pdf")
    source = folder / "kh-cai-cach.docx"
    _docx_plan(source, _DOCX_HEADER, _DOCX_ROWS)
    return _by_path(libreoffice_convert(source, "pdf", folder))


def test_pdf_of_the_word_table_gives_the_same_tree(
    printed: dict[str, Task], word: dict[str, Task]
) -> None:
    assert list(printed) == list(word)
    for path, task in word.items():
        assert printed[path].text == task.text
        assert printed[path].lead == task.lead
        assert printed[path].coordinating == task.coordinating
        assert printed[path].timing == task.timing


def test_a_cell_of_bodies_whose_lines_were_joined() -> None:
    """A PDF joins a cell's lines: a name opening with the head word of the name
    before it starts a new body; a name holding a body's name does not."""
    from theodoi.text.extract.responsibility import split_bodies_cell

    assert split_bodies_cell("Sở Khoa học và Công nghệ Sở Tài chính") == [
        "Sở Khoa học và Công nghệ",
        "Sở Tài chính",
    ]
    assert split_bodies_cell("Bộ Công an Bộ Quốc phòng") == ["Bộ Công an", "Bộ Quốc phòng"]
    # "và" between two named bodies already separates them: no fragment "Sở Y tế và"
    assert split_bodies_cell("Sở Y tế và Sở Tài chính") == ["Sở Y tế", "Sở Tài chính"]
    assert split_bodies_cell("Văn phòng Sở Y tế") == ["Văn phòng Sở Y tế"]
    assert split_bodies_cell("Sở Nội vụ, Thanh tra Sở Nội vụ") == [
        "Sở Nội vụ",
        "Thanh tra Sở Nội vụ",
    ]


_FLATTENED = _HEAD.format(number=160, title="Bảo vệ rừng năm 2026") + (
    "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |\n"
    "| --- | --- | --- | --- |\n"
    "Thời gian hoàn thành\n"
    "I\n"
    "Tuần tra, kiểm soát\n"
    "1\n"
    "Tuần tra các tiểu khu rừng giáp ranh\n"
    "Hạt Kiểm lâm Hòa Lâm\n"
    "Công an xã Hòa Lâm\n"
    "Thường xuyên\n"
    "2\n"
    "Kiểm tra cơ sở chế biến gỗ\n"
    "Chi cục Kiểm lâm\n"
    "UBND các xã\n"
    "Quý II/2026\n"
    "II\n"
    "Tuyên truyền\n"
    "1\n"
    "Ký cam kết bảo vệ rừng với hộ nhận khoán\n"
    "UBND các xã có rừng\n"
    "Hạt Kiểm lâm Hòa Lâm\n"
    "Trước 30/4/2026\n"
)


def test_a_table_flattened_one_cell_per_line_with_groups(tmp_path: Path) -> None:
    path = tmp_path / "kh-bao-ve-rung.txt"
    path.write_text(_FLATTENED, encoding="utf-8")
    tasks = _by_path(path)
    assert list(tasks) == ["PL.I.1", "PL.I.2", "PL.II.1"]
    assert tasks["PL.I.2"].lead == ["Chi cục Kiểm lâm"]
    assert tasks["PL.II.1"].coordinating == ["Hạt Kiểm lâm Hòa Lâm"]
    assert tasks["PL.II.1"].timing is not None and tasks["PL.II.1"].timing.text == "2026-04-30"


def test_header_cells_read_by_meaning() -> None:
    from theodoi.text.extract.tables import header_columns

    roles = header_columns(
        (
            "Số TT",
            "Tên nhiệm vụ",
            "Cơ quan, đơn vị chủ trì",
            "Cơ quan/đơn vị phối hợp",
            "Lộ trình",
            "Dự kiến sản phẩm",
            "Ghi chú",
        )
    )
    assert roles == {
        "stt": 0,
        "text": 1,
        "lead": 2,
        "coordinating": 3,
        "timing": 4,
        "result": 5,
    }
    # a timetable names no task column: not a task table
    assert header_columns(("STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra")) is None
