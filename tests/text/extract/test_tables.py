"""Task tables from Table blocks, as a PDF reader gives them (bands of lines)."""

from __future__ import annotations

from theodoi.text.parse import parse_source
from theodoi.text.source import Paragraph, SourceText, Table

HEADER = (
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian thực hiện",
    "Sản phẩm/Kết quả",
)


def _plan(*tables: Table) -> SourceText:
    blocks: list[Paragraph | Table] = [
        Paragraph("ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"),
        Paragraph("Số: 77/KH-UBND"),
        Paragraph("KẾ HOẠCH"),
        Paragraph("Thực hiện Chương trình số 45-CTr/TU"),
        Paragraph("I. NHIỆM VỤ, GIẢI PHÁP"),
        Paragraph("Các nhiệm vụ cụ thể tại Phụ lục kèm theo."),
        Paragraph("II. TỔ CHỨC THỰC HIỆN"),
        Paragraph("1. Sở Nội vụ theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch."),
        Paragraph("TM. ỦY BAN NHÂN DÂN"),
        Paragraph("PHỤ LỤC"),
        Paragraph("DANH MỤC NHIỆM VỤ"),
        *tables,
    ]
    return SourceText(blocks=blocks, input_kind="pdf")


def test_logical_rows_with_groups() -> None:
    table = Table(
        rows=(
            HEADER,
            ("I.", "Hoàn thiện thể chế", "", "", "", ""),
            (
                "1.",
                "Xây dựng quy chế phối hợp",
                "Sở Nội vụ",
                "Sở Tư pháp, các sở, ngành liên quan",
                "Quý II/2025",
                "Quyết định",
            ),
            ("2.", "Rà soát văn bản", "Sở Tư pháp", "", "Thường xuyên", ""),
            ("II.", "Tuyên truyền", "", "", "", ""),
            (
                "1.",
                "Tổ chức hội nghị",
                "Sở Văn hóa, Thể thao và Du lịch",
                "UBND các huyện",
                "Hằng năm",
                "Hội nghị",
            ),
        )
    )
    result = parse_source(_plan(table))
    rows = [t for t in result.tasks if t.source == "table"]
    assert [t.path for t in rows] == ["PL.I.1", "PL.I.2", "PL.II.1"]
    first = rows[0]
    assert first.lead == ["Sở Nội vụ"]
    assert first.coordinating == ["Sở Tư pháp", "các sở, ngành liên quan"]
    assert first.timing is not None and first.timing.text == "Quý II/2025"
    assert first.result == "Quyết định"
    assert rows[1].timing is not None and rows[1].timing.text == "thường xuyên"


def test_bands_with_a_centred_number_and_a_page_break() -> None:
    """The number sits on the task's middle line; a header repeats on the next page."""
    page1 = Table(
        rows=(
            HEADER,
            ("", "Xây dựng cơ sở dữ liệu", "Sở Thông tin", "Các sở,", "Năm 2025 -", ""),
            ("1.", "về cán bộ làm công tác dân vận", "và Truyền thông", "ngành", "2026", ""),
            ("", "trên địa bàn tỉnh.", "", "", "", ""),
            ("", "Tổ chức tập huấn", "Sở Nội vụ", "", "Quý III/2025", ""),
            ("2.", "nghiệp vụ cho cán bộ cơ sở.", "", "", "", ""),
        )
    )
    page2 = Table(
        rows=(
            HEADER,
            ("", "Tổng kết việc thực hiện", "Sở Nội vụ", "", "Tháng 12/2026", ""),
            ("3.", "Kế hoạch. Cụ thể: - Sơ kết giữa kỳ; - Tổng kết cuối kỳ", "", "", "", ""),
        )
    )
    result = parse_source(_plan(page1, page2))
    rows = [t for t in result.tasks if t.source == "table"]
    assert [t.path for t in rows] == ["PL.1", "PL.2", "PL.3-1", "PL.3-2"]
    assert (
        rows[0].text == "Xây dựng cơ sở dữ liệu về cán bộ làm công tác dân vận trên địa bàn tỉnh."
    )
    assert rows[0].lead == ["Sở Thông tin và Truyền thông"]
    assert rows[0].coordinating == ["Các sở, ngành"]
    assert rows[0].timing is not None and rows[0].timing.kind == "year_range"
    assert rows[1].text == "Tổ chức tập huấn nghiệp vụ cho cán bộ cơ sở."
    assert rows[2].text == "Sơ kết giữa kỳ" and rows[2].lead == ["Sở Nội vụ"]
    assert rows[3].timing is not None and rows[3].timing.text == "Tháng 12/2026"


def test_a_table_that_is_not_a_task_table_is_ignored() -> None:
    table = Table(rows=(("Chỉ tiêu", "Năm 2024", "Năm 2025"), ("Tỷ lệ", "90%", "95%")))
    result = parse_source(_plan(table))
    assert [t for t in result.tasks if t.source == "table"] == []


def test_cell_lines_that_open_a_body_are_separate_bodies() -> None:
    from theodoi.text.extract.tables import join_body_lines

    assert join_body_lines("Các sở, ngành\nUBND các huyện, thị xã") == (
        "Các sở, ngành; UBND các huyện, thị xã"
    )
    assert join_body_lines("Sở Giáo dục và Đào tạo\nSở Giáo dục và Đào tạo") == (
        "Sở Giáo dục và Đào tạo; Sở Giáo dục và Đào tạo"
    )
    # the name goes on: a head word alone, a trailing "và", a lone acronym
    assert join_body_lines("Sở Nội vụ, Văn phòng\nỦy ban nhân dân tỉnh") == (
        "Sở Nội vụ, Văn phòng Ủy ban nhân dân tỉnh"
    )
    assert join_body_lines("Sở Khoa học và\nCông nghệ") == "Sở Khoa học và Công nghệ"
    assert join_body_lines("Hội đồng về các tổ chức\nPCPNN") == "Hội đồng về các tổ chức PCPNN"


def test_sub_rows_repeating_their_bodies_give_each_body_once() -> None:
    table = Table(
        rows=(
            HEADER,
            (
                "1.",
                "Xây dựng đề án phát triển thư viện số",
                "Sở Văn hóa, Thể thao và Du lịch\nSở Văn hóa, Thể thao và Du lịch",
                "Các sở, ngành\nUBND các huyện",
                "Tháng 6/2025\nTháng 12/2025",
                "Báo cáo\nĐề án",
            ),
        )
    )
    task = next(t for t in parse_source(_plan(table)).tasks if t.source == "table")
    assert task.lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert task.coordinating == ["Các sở, ngành", "UBND các huyện"]


def test_people_one_per_line_in_a_cell_are_separate() -> None:
    from theodoi.text.extract.tables import join_body_lines

    assert join_body_lines("Trần Văn Bình\nLê Thị Hoa\nNgô Minh") == (
        "Trần Văn Bình; Lê Thị Hoa; Ngô Minh"
    )
    # a name written in title case is still one body
    assert join_body_lines("Văn Phòng\nChính Phủ") == "Văn Phòng Chính Phủ"


def test_a_long_appendix_title_in_capitals_opens_the_appendix() -> None:
    """No signature line before it, and a title over 200 characters (a gazette's
    "PHỤ LỤC DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI …"): the rows are the appendix's, not
    sub-items of the body's last duty."""
    title = "PHỤ LỤC DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI " + "CHƯƠNG TRÌNH HÀNH ĐỘNG " * 9
    blocks: list[Paragraph | Table] = [
        Paragraph("ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"),
        Paragraph("Số: 78/KH-UBND"),
        Paragraph("KẾ HOẠCH"),
        Paragraph("I. TỔ CHỨC THỰC HIỆN"),
        Paragraph("1. Sở Nội vụ theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch."),
        Paragraph(title.strip()),
        Table(
            rows=(
                HEADER,
                ("1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "", "Năm 2026", ""),
            )
        ),
    ]
    assert len(title) > 200
    tasks = parse_source(SourceText(blocks=blocks, input_kind="pdf")).tasks
    assert {t.path for t in tasks} == {"I.1", "PL.1"}


def test_a_responsibility_column_whose_cells_label_the_roles() -> None:
    """'Trách nhiệm (chủ trì/phối hợp)': the cell, not the header, says who leads."""
    table = Table(
        rows=(
            ("TT", "Nội dung", "Trách nhiệm (chủ trì/phối hợp)", "Thời gian"),
            (
                "1",
                "Tổ chức hội thi",
                "Chủ trì: Sở Nội vụ\nPhối hợp: Tỉnh Đoàn, Báo Hòa Lâm",
                "Quý III",
            ),
            (
                "2",
                "Đăng tin, bài",
                "Chủ trì: Văn phòng UBND tỉnh\nPhối hợp:\n- Sở Tư pháp;\n- Sở Y tế",
                "",
            ),
            (
                "3",
                "Phát sóng chuyên mục",
                "Đài Phát thanh và Truyền hình tỉnh chủ trì, phối hợp với Sở Nội vụ",
                "",
            ),
            ("4", "Niêm yết thủ tục", "UBND các xã, phường", "Thường xuyên"),
        )
    )
    rows = [t for t in parse_source(_plan(table)).tasks if t.source == "table"]
    assert [(t.lead, t.coordinating, t.implementing) for t in rows] == [
        (["Sở Nội vụ"], ["Tỉnh Đoàn", "Báo Hòa Lâm"], []),
        (["Văn phòng UBND tỉnh"], ["Sở Tư pháp", "Sở Y tế"], []),
        (["Đài Phát thanh và Truyền hình tỉnh"], ["Sở Nội vụ"], []),
        ([], [], ["UBND các xã, phường"]),
    ]
