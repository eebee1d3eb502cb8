"""Task tables typed in a text file: markdown pipe rows, or cells flattened one per line."""

from __future__ import annotations

from pathlib import Path

from theodoi.text.extract.tables import text_table_blocks
from theodoi.text.parse import parse_file
from theodoi.text.source import Paragraph, Table

_PLAN = """\
| SỞ THỦY SẢN TỈNH LAM HÀ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| --- | --- |
| Số: 52/KH-STS | Lam Hà, ngày 8 tháng 5 năm 2026 |
KẾ HOẠCH
Nuôi cá lồng ven hồ năm 2026
I. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Nuôi trồng theo dõi, tổng hợp kết quả thực hiện Kế hoạch.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp |
| --- | --- | --- | --- |
Thời hạn hoàn thành
1
Chuẩn bị vùng nuôi
a)
Khảo sát chất lượng nước các vùng ven hồ
Trạm Quan trắc môi trường
Phòng Nuôi trồng
Quý II/2026
b)
Cắm mốc ranh giới vùng nuôi, công bố công khai
Phòng Nuôi trồng, Ủy ban nhân dân xã Hồ Tây
Các hộ nuôi có liên quan
Quý III/2026
theo bản đồ đã duyệt
2
Tập huấn kỹ thuật nuôi lồng cho các hộ dân
Trung tâm Khuyến ngư
Hội Nông dân xã
Tháng 9/2026
"""


def test_flattened_cells_become_rows_of_the_header_width() -> None:
    lines = ["| STT | Nội dung | Cơ quan chủ trì |", "| --- | --- | --- |", "1", "Việc một", "Sở A"]
    blocks = text_table_blocks(lines)
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    assert blocks[0].rows[1] == ("1", "Việc một", "Sở A")
    assert text_table_blocks(["| Cột A | Cột B |", "x"]) == [
        Paragraph("| Cột A | Cột B |"),
        Paragraph("x"),
    ]  # not a task header: the lines stay text


def test_flattened_task_table_with_lettered_rows(tmp_path: Path) -> None:
    path = tmp_path / "kh-ca-long.txt"
    path.write_text(_PLAN, encoding="utf-8")
    tasks = {t.path: t for t in parse_file(path).tasks if t.source == "table"}
    assert set(tasks) == {"PL.1.a", "PL.1.b", "PL.2"}  # row "1" is the title of its group
    assert tasks["PL.1.a"].lead == ["Trạm Quan trắc môi trường"]
    assert tasks["PL.1.a"].coordinating == ["Phòng Nuôi trồng"]
    assert tasks["PL.1.a"].timing is not None
    # the cells after the last column are the row's second band (a page break)
    assert tasks["PL.1.b"].text.endswith("theo bản đồ đã duyệt")
    assert tasks["PL.1.b"].lead == ["Phòng Nuôi trồng", "Ủy ban nhân dân xã Hồ Tây"]
    assert tasks["PL.2"].lead == ["Trung tâm Khuyến ngư"]


_PEOPLE_TABLE = """\
SỞ CÔNG THƯƠNG TỈNH HÒA LÂM
Số: 45/KH-SCT
Hòa Lâm, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Kiểm tra kinh doanh khí hóa lỏng năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Đánh giá việc chấp hành quy định của các cửa hàng.
II. NỘI DUNG KIỂM TRA
| STT | Nội dung công việc | Người chủ trì | Người phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Lập đề cương | Đ/c Vũ Minh Khang, Phó Giám đốc Sở | Phòng Thương mại | Tháng 3/2026 |
| 2 | Kiểm tra tại cửa hàng | Trưởng đoàn kiểm tra | Các thành viên đoàn | Quý II/2026 |
| 3 | Báo cáo | Bà Đinh Thu Hà, Chánh Văn phòng Sở | Phòng Thương mại; Thanh tra Sở | Tháng 7/2026 |
"""


def test_a_markdown_table_whose_columns_name_people(tmp_path: Path) -> None:
    """Pipe rows are a table; "Người chủ trì / Người phối hợp" are the lead and
    coordinating columns; a person with the post they hold is one office-holder. The
    table stands in section II of the body, not in an appendix: its rows are that
    section's items ("II.1"), as the gold README's convention for body tables says."""
    path = tmp_path / "kiem-tra.md"
    path.write_text(_PEOPLE_TABLE, encoding="utf-8")
    tasks = {t.path: t for t in parse_file(path).tasks}
    assert sorted(tasks) == ["II.1", "II.2", "II.3"]
    assert tasks["II.1"].lead == ["Đ/c Vũ Minh Khang, Phó Giám đốc Sở"]
    assert tasks["II.2"].lead == ["Trưởng đoàn kiểm tra"]
    assert tasks["II.3"].lead == ["Bà Đinh Thu Hà, Chánh Văn phòng Sở"]
    assert tasks["II.3"].coordinating == ["Phòng Thương mại", "Thanh tra Sở"]
    assert tasks["II.2"].timing is not None and tasks["II.2"].timing.text == "Quý II/2026"
