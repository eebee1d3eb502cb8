"""A fictional scanned decision with an appendix task table, made reproducibly.

The genre: a Quyết định of the Prime Minister that issues a "Kế hoạch hành
động" whose duties are listed in an appendix table (TT | Nhiệm vụ | Cơ quan
chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm), with group
rows "I.", "II." merged across the table, a row with numbered sub-rows, a
lead cell merged over two rows, cells of several lines and rows that break
across pages. Everything in it is invented ("vùng đồi núi Hòa Lâm", its
strategy and numbers); the style is the one of real decisions.

Steps: python-docx writes the .docx (real Word table, Table Grid borders,
landscape appendix), LibreOffice turns it into PDF, pypdfium2 rasterises
each page, and the pages get scan damage (skew, uneven grey paper, noise,
blur, a red seal on the signature, a "giáp lai" seal on the appendix's
margin) from a fixed seed before they are saved as an image-only PDF.

    python bench/scanned_decision.py OUT.pdf [--rows N] [--no-repeat-header]

The benchmark's copy is ``bench/gold/fixtures/qd-hoa-lam-phu-luc-scan.pdf``
(gold: ``bench/gold/fixture-qd-hoa-lam-scan.json``); the test
``tests/text/test_scanned_appendix.py`` builds a short version.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

NUMBER = "1375/QĐ-TTg"
STRATEGY = "Chiến lược phát triển bền vững vùng đồi núi Hòa Lâm đến năm 2030"
ALL_PROVINCES = "Ủy ban nhân dân các tỉnh vùng đồi núi Hòa Lâm"

DECISION = [
    ("center-bold", "THỦ TƯỚNG CHÍNH PHỦ"),
    ("center", "Số: 1375/QĐ-TTg"),
    ("center-bold", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("center-bold", "Độc lập - Tự do - Hạnh phúc"),
    ("right-italic", "Hà Nội, ngày 18 tháng 8 năm 2026"),
    ("center-bold", "QUYẾT ĐỊNH"),
    ("center-bold", f"Ban hành Kế hoạch hành động thực hiện {STRATEGY}"),
    ("center-bold", "THỦ TƯỚNG CHÍNH PHỦ"),
    ("italic", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"),
    (
        "italic",
        "Căn cứ Quyết định số 902/QĐ-TTg ngày 05 tháng 3 năm 2026 của Thủ tướng Chính phủ "
        f"phê duyệt {STRATEGY}, tầm nhìn đến năm 2045;",
    ),
    ("italic", "Theo đề nghị của Bộ trưởng Bộ Nông nghiệp và Môi trường."),
    ("center-bold", "QUYẾT ĐỊNH:"),
    (
        "text",
        f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động thực hiện {STRATEGY}.",
    ),
    ("text", "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành."),
    (
        "text",
        "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính "
        "phủ, Chủ tịch Ủy ban nhân dân các tỉnh vùng đồi núi Hòa Lâm và các cơ quan, đơn vị "
        "có liên quan chịu trách nhiệm thi hành Quyết định này.",
    ),
    ("signature", "Nơi nhận:"),
]
SIGNATURE = ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "", "", "", "Lê Văn Khải"]
RECIPIENTS = [
    "- Các bộ, cơ quan ngang bộ;",
    "- UBND các tỉnh vùng đồi núi Hòa Lâm;",
    "- VPCP: BTCN, các PCN;",
    "- Lưu: VT, NN (2b).",
]

PLAN = [
    ("center-bold", "KẾ HOẠCH HÀNH ĐỘNG"),
    ("center-bold", f"Thực hiện {STRATEGY}"),
    (
        "center-italic",
        f"(Kèm theo Quyết định số {NUMBER} ngày 18 tháng 8 năm 2026 của Thủ tướng Chính phủ)",
    ),
    ("bold", "I. MỤC TIÊU"),
    (
        "text",
        "1. Mục tiêu chung: cụ thể hóa các định hướng của Chiến lược thành nhiệm vụ có địa "
        "chỉ, thời hạn và sản phẩm rõ ràng; nâng cao đời sống của người dân vùng đồi núi gắn "
        "với giữ rừng, giữ đất và giữ nước.",
    ),
    ("text", "2. Mục tiêu cụ thể đến năm 2030:"),
    ("text", "- Tỷ lệ che phủ rừng của vùng đạt trên 55%;"),
    (
        "text",
        "- Thu nhập bình quân của người dân vùng đồi núi tăng ít nhất 1,8 lần so với năm 2025;",
    ),
    ("text", "- 100% xã có bản đồ cảnh báo sạt lở đất, lũ quét được cập nhật hằng năm."),
    ("bold", "II. NHIỆM VỤ, GIẢI PHÁP"),
    (
        "text",
        "Các nhiệm vụ, giải pháp cụ thể, cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn "
        "thành và sản phẩm được quy định tại Phụ lục kèm theo Kế hoạch này.",
    ),
    ("bold", "III. TỔ CHỨC THỰC HIỆN"),
    (
        "text",
        "1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh vùng "
        "đồi núi Hòa Lâm căn cứ chức năng, nhiệm vụ được giao, chủ động xây dựng kế hoạch "
        "triển khai các nhiệm vụ tại Phụ lục; bố trí nguồn lực thực hiện và báo cáo kết quả "
        "về Bộ Nông nghiệp và Môi trường trước ngày 30 tháng 11 hằng năm.",
    ),
    (
        "text",
        "2. Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan liên quan cân đối, bố trí kinh "
        "phí thực hiện Kế hoạch theo quy định của pháp luật về ngân sách nhà nước.",
    ),
    (
        "text",
        "3. Bộ Nông nghiệp và Môi trường là cơ quan đầu mối, theo dõi, đôn đốc, kiểm tra việc "
        "thực hiện Kế hoạch; tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước "
        "ngày 31 tháng 12 hằng năm.",
    ),
]

APPENDIX = [
    ("center-bold", "PHỤ LỤC"),
    ("center-bold", "DANH MỤC NHIỆM VỤ THỰC HIỆN CHIẾN LƯỢC PHÁT TRIỂN BỀN VỮNG"),
    ("center-bold", "VÙNG ĐỒI NÚI HÒA LÂM ĐẾN NĂM 2030"),
    (
        "center-italic",
        f"(Kèm theo Quyết định số {NUMBER} ngày 18 tháng 8 năm 2026 của Thủ tướng Chính phủ)",
    ),
]

HEADER = (
    "TT",
    "Nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
)

NNMT = "Bộ Nông nghiệp và Môi trường"


@dataclass(frozen=True)
class Row:
    """One row of the appendix table: a group ("I"), a task ("3", "7.1") or a
    row holding only the theme of its numbered sub-rows ("7")."""

    number: str
    text: str
    lead: tuple[str, ...] = ()
    coordinating: tuple[str, ...] = ()
    timing: str = ""
    product: str = ""

    @property
    def is_group(self) -> bool:
        return not self.number[:1].isdigit()


ROWS: tuple[Row, ...] = (
    Row("I", "HOÀN THIỆN THỂ CHẾ, CƠ CHẾ, CHÍNH SÁCH"),
    Row(
        "1",
        "Rà soát, đề xuất sửa đổi, bổ sung các quy định về giao đất, giao rừng, cho thuê "
        "đất rừng gắn với sinh kế của người dân vùng đồi núi; bảo đảm quyền lợi hợp pháp của "
        "đồng bào dân tộc thiểu số sống gần rừng và khuyến khích doanh nghiệp đầu tư trồng "
        "rừng gỗ lớn theo chuỗi liên kết bền vững.",
        (NNMT,),
        ("Bộ Tư pháp", "Bộ Tài chính", ALL_PROVINCES),
        "Năm 2027",
        "Báo cáo rà soát; dự thảo văn bản sửa đổi",
    ),
    Row(
        "2",
        "Xây dựng Nghị định quy định cơ chế chi trả dịch vụ hệ sinh thái rừng đầu nguồn, "
        "trong đó làm rõ đối tượng, mức chi trả, phương thức thu, quản lý và sử dụng nguồn "
        "thu từ các cơ sở sử dụng nước và các cơ sở sản xuất thủy điện trong vùng.",
        (NNMT,),
        ("Bộ Tài chính", "Bộ Công Thương"),
        "Quý IV/2027",
        "Nghị định của Chính phủ",
    ),
    Row(
        "3",
        "Nghiên cứu, ban hành chính sách tín dụng ưu đãi cho hộ gia đình, tổ hợp tác, hợp "
        "tác xã phát triển cây dược liệu dưới tán rừng, chăn nuôi đại gia súc theo hướng "
        "hàng hóa ở các xã vùng cao.",
        ("Ngân hàng Nhà nước Việt Nam",),
        ("Bộ Tài chính", "Ngân hàng Chính sách xã hội"),
        "2026 - 2027",
        "Thông tư hướng dẫn",
    ),
    Row(
        "4",
        "Hoàn thiện quy định về phân cấp cho chính quyền địa phương trong quản lý, sử dụng "
        "đất dốc, đất bãi bồi ven sông suối và kiểm soát việc chuyển mục đích sử dụng rừng "
        "phòng hộ đầu nguồn.",
        ("Bộ Nội vụ",),
        (NNMT, "Bộ Tư pháp"),
        "Quý II/2027",
        "Nghị định sửa đổi, bổ sung",
    ),
    Row(
        "5",
        "Xây dựng bộ tiêu chí xác định xã, thôn đặc biệt khó khăn vùng đồi núi giai đoạn "
        "2026 - 2030 làm căn cứ phân bổ nguồn lực đầu tư và hỗ trợ sinh kế.",
        ("Bộ Dân tộc và Tôn giáo",),
        (NNMT, "Bộ Tài chính", ALL_PROVINCES),
        "Năm 2026",
        "Quyết định của Thủ tướng Chính phủ",
    ),
    Row("II", "PHÁT TRIỂN HẠ TẦNG VÀ SINH KẾ BỀN VỮNG"),
    Row(
        "6",
        "Đầu tư nâng cấp các tuyến đường liên xã, đường ra vùng sản xuất tập trung và các "
        "cầu treo dân sinh; ưu tiên các xã chưa có đường ô tô đến trung tâm xã đi lại được "
        "quanh năm, các thôn bị chia cắt trong mùa mưa lũ và các vùng nguyên liệu đã được "
        "quy hoạch.",
        (ALL_PROVINCES,),
        ("Bộ Xây dựng", "Bộ Tài chính"),
        "2026 - 2030",
        "Công trình được đầu tư",
    ),
    Row("7", "Phát triển chuỗi giá trị nông, lâm sản chủ lực của vùng, gồm:"),
    Row(
        "7.1",
        "Xây dựng vùng nguyên liệu chè, quế, hồi, sa nhân tập trung đạt chứng nhận hữu cơ "
        "hoặc thực hành nông nghiệp tốt, gắn với cơ sở chế biến sâu tại địa phương.",
        (NNMT,),
        (ALL_PROVINCES,),
        "2026 - 2028",
        "Vùng nguyên liệu được công nhận",
    ),
    Row(
        "7.2",
        "Hỗ trợ xây dựng nhãn hiệu tập thể, chỉ dẫn địa lý cho các đặc sản vùng đồi núi và "
        "truy xuất nguồn gốc sản phẩm bằng mã số vùng trồng.",
        ("Bộ Khoa học và Công nghệ",),
        ("Bộ Công Thương", ALL_PROVINCES),
        "Năm 2028",
        "Chỉ dẫn địa lý được bảo hộ",
    ),
    Row(
        "7.3",
        "Tổ chức kết nối tiêu thụ, đưa sản phẩm của hợp tác xã vùng đồi núi lên các sàn "
        "thương mại điện tử và hệ thống phân phối hiện đại.",
        ("Bộ Công Thương",),
        (NNMT, "Các hiệp hội ngành hàng"),
        "Hằng năm",
        "Hội chợ, phiên giao dịch trực tuyến",
    ),
    Row(
        "8",
        "Triển khai mô hình sinh kế kết hợp bảo vệ rừng với du lịch cộng đồng, giữ gìn nghề "
        "thủ công truyền thống và văn hóa của đồng bào các dân tộc; hỗ trợ hộ nghèo tham gia "
        "cung cấp dịch vụ lưu trú, ẩm thực và hướng dẫn tham quan tại bản.",
        (ALL_PROVINCES,),
        ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ Dân tộc và Tôn giáo"),
        "2026 - 2030",
        "Mô hình được nhân rộng",
    ),
    Row(
        "9",
        "Xây dựng hệ thống quan trắc, cảnh báo sớm sạt lở đất, lũ quét, lũ ống cho các khu "
        "dân cư có nguy cơ cao; cập nhật bản đồ phân vùng rủi ro thiên tai đến cấp xã và "
        "tổ chức diễn tập ứng phó tại các xã trọng điểm.",
        (NNMT,),
        ("Bộ Quốc phòng", "Bộ Công an", ALL_PROVINCES),
        "Trước ngày 30/6/2027",
        "Hệ thống cảnh báo vận hành",
    ),
    Row(
        "10",
        "Bố trí, sắp xếp ổn định dân cư ở vùng có nguy cơ cao về thiên tai, vùng đặc biệt "
        "khó khăn và khu vực biên giới; bảo đảm nơi ở mới có đất sản xuất, nước sinh hoạt và "
        "các công trình hạ tầng thiết yếu trước khi di dời.",
        (ALL_PROVINCES,),
        (NNMT, "Bộ Tài chính", "Bộ Dân tộc và Tôn giáo"),
        "2026 - 2030",
        "Dự án bố trí dân cư",
    ),
    Row(
        "11",
        "Đầu tư, cải tạo các công trình cấp nước sinh hoạt tập trung; hỗ trợ bể chứa nước hộ "
        "gia đình ở những nơi khan hiếm nguồn nước.",
        (NNMT,),
        ("Bộ Y tế", ALL_PROVINCES),
        "Năm 2029",
        "Công trình cấp nước",
    ),
    Row("III", "ĐÀO TẠO, NÂNG CAO NĂNG LỰC"),
    Row(
        "12",
        "Đào tạo nghề cho lao động nông thôn vùng đồi núi gắn với nhu cầu của doanh nghiệp "
        "và hợp tác xã trong vùng; ưu tiên thanh niên người dân tộc thiểu số, phụ nữ và lao "
        "động thuộc hộ nghèo, hộ cận nghèo.",
        ("Bộ Giáo dục và Đào tạo",),
        ("Bộ Nội vụ", ALL_PROVINCES),
        "Hằng năm",
        "Lao động được đào tạo",
    ),
    Row(
        "13",
        "Bồi dưỡng kiến thức quản lý rừng cộng đồng, phòng cháy, chữa cháy rừng cho cán bộ "
        "cấp xã, tổ bảo vệ rừng thôn bản và lực lượng kiểm lâm địa bàn.",
        (NNMT,),
        ("Bộ Nội vụ",),
        "Hằng năm",
        "Lớp bồi dưỡng",
    ),
    Row(
        "14",
        "Xây dựng và triển khai chương trình khuyến nông, khuyến lâm dành riêng cho vùng đồi "
        "núi; chuyển giao giống cây trồng, vật nuôi thích ứng với biến đổi khí hậu.",
        (NNMT,),
        ("Các viện, trường đại học",),
        "2026 - 2030",
        "Chương trình khuyến nông",
    ),
    Row(
        "15",
        "Cung cấp thông tin thị trường, dự báo cung cầu nông sản cho hợp tác xã và hộ sản "
        "xuất qua nền tảng số.",
        ("Bộ Công Thương",),
        (NNMT,),
        "Thường xuyên",
        "Bản tin thị trường",
    ),
    Row(
        "16",
        "Củng cố, phát triển mạng lưới trường phổ thông dân tộc nội trú, bán trú; bảo đảm "
        "đủ giáo viên, phòng học và nhà ở cho học sinh ở các xã vùng cao.",
        ("Bộ Giáo dục và Đào tạo",),
        (ALL_PROVINCES,),
        "2026 - 2030",
        "Trường được đầu tư",
    ),
    Row(
        "17",
        "Nâng cao năng lực trạm y tế xã, y tế thôn bản; đào tạo cô đỡ thôn bản và nhân viên "
        "y tế biết tiếng dân tộc.",
        ("Bộ Y tế",),
        (ALL_PROVINCES,),
        "Năm 2028",
        "Trạm y tế đạt chuẩn",
    ),
    Row("IV", "KHOA HỌC, CÔNG NGHỆ, HỢP TÁC QUỐC TẾ VÀ TRUYỀN THÔNG"),
    Row(
        "18",
        "Điều tra cơ bản đa dạng sinh học, nguồn gen cây dược liệu và động vật hoang dã quý "
        "hiếm của vùng; xây dựng cơ sở dữ liệu dùng chung.",
        ("Viện Hàn lâm Khoa học và Công nghệ Việt Nam",),
        (NNMT,),
        "Năm 2028",
        "Cơ sở dữ liệu đa dạng sinh học",
    ),
    Row(
        "19",
        "Ứng dụng ảnh viễn thám và thiết bị bay không người lái theo dõi diễn biến rừng, "
        "phát hiện sớm điểm cháy và hành vi phá rừng trái pháp luật.",
        (NNMT,),
        ("Bộ Khoa học và Công nghệ", "Bộ Quốc phòng"),
        "Quý IV/2026",
        "Hệ thống giám sát",
    ),
    Row(
        "20",
        "Vận động nguồn vốn hỗ trợ phát triển chính thức, vốn vay ưu đãi và tài trợ của các "
        "tổ chức quốc tế cho các dự án bảo vệ rừng, thích ứng với biến đổi khí hậu.",
        ("Bộ Tài chính",),
        ("Bộ Ngoại giao", NNMT),
        "Thường xuyên",
        "Dự án được phê duyệt",
    ),
    Row(
        "21",
        "Tổ chức diễn đàn hợp tác phát triển vùng đồi núi Hòa Lâm với sự tham gia của các "
        "nhà tài trợ, doanh nghiệp và tổ chức khoa học.",
        ("Bộ Ngoại giao",),
        (NNMT, ALL_PROVINCES),
        "Năm 2027",
        "Diễn đàn",
    ),
    Row(
        "22",
        "Tuyên truyền, phổ biến nội dung Chiến lược và Kế hoạch hành động trên các phương "
        "tiện thông tin đại chúng, bằng tiếng dân tộc ở những nơi có đông đồng bào dân tộc "
        "thiểu số sinh sống.",
        ("Bộ Văn hóa, Thể thao và Du lịch",),
        ("Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"),
        "Hằng năm",
        "Chuyên trang, chuyên mục",
    ),
    Row(
        "23",
        "Sơ kết giữa kỳ, tổng kết việc thực hiện Kế hoạch; đề xuất điều chỉnh nhiệm vụ cho "
        "giai đoạn tiếp theo.",
        (NNMT,),
        ("Các bộ, ngành, địa phương",),
        "Năm 2028 và năm 2030",
        "Báo cáo sơ kết, tổng kết",
    ),
)

#: Rows 13 and 14 share their lead body: one cell merged down the two rows.
MERGED_LEAD = ("13", "14")

#: The short version for the integration test: groups I and II, with sub-rows.
SHORT_ROWS = ("I", "1", "2", "3", "II", "6", "7", "7.1", "7.2", "9")


def rows_of(names: tuple[str, ...] | None) -> tuple[Row, ...]:
    return ROWS if names is None else tuple(r for r in ROWS if r.number in names)


# --- the Word document ---------------------------------------------------------------


def _paragraph(document, style: str, text: str):  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = "bold" in style
    run.italic = "italic" in style
    if style.startswith("center"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif style.startswith("right"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if style == "text":
            paragraph.paragraph_format.first_line_indent = Pt(28)
    paragraph.paragraph_format.space_after = Pt(4)
    return paragraph


def _signature_block(document) -> None:  # type: ignore[no-untyped-def]
    """Recipients on the left, the signer on the right: a borderless two-column table."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = ""
    first = left.paragraphs[0]
    first.add_run("Nơi nhận:").bold = True
    for line in RECIPIENTS:
        left.add_paragraph(line)
    right.text = ""
    for index, line in enumerate(SIGNATURE):
        paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
        paragraph.add_run(line).bold = True
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _landscape_section(document) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.section import WD_SECTION

    _landscape(document.add_section(WD_SECTION.NEW_PAGE))


def _landscape(section) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(1.8)


def _cell_lines(cell, lines: tuple[str, ...] | list[str], bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    """One paragraph per line in a cell (several bodies: one per line, as printed)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cell.text = ""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line).bold = bold
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _rule_colour(table, grey: int) -> None:  # type: ignore[no-untyped-def]
    """Print the table's rules in grey (0: black, as Table Grid has them): a copier
    or a scanner at 150-200 dpi leaves a thin rule far paler than the text."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    colour = f"{grey:02X}" * 3
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="{colour}"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>"))


def _task_table(document, rows: tuple[Row, ...], repeat_header: bool, rule_grey: int = 0) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm

    widths = (Cm(1.2), Cm(9.6), Cm(3.8), Cm(4.6), Cm(2.8), Cm(4.2))
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    table.style = "Table Grid"
    table.autofit = False
    if rule_grey:
        _rule_colour(table, rule_grey)
    if repeat_header:
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for col, title in enumerate(HEADER):
        _cell_lines(table.cell(0, col), [title], bold=True)
        table.cell(0, col).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    merged_at = {r.number: i for i, r in enumerate(rows, start=1) if r.number in MERGED_LEAD}
    for index, row in enumerate(rows, start=1):
        cells = table.rows[index].cells
        if row.is_group:
            group = table.cell(index, 0).merge(table.cell(index, len(HEADER) - 1))
            _cell_lines(group, [f"{row.number}. {row.text}"], bold=True)
            continue
        _cell_lines(cells[0], [row.number])
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _cell_lines(cells[1], [row.text])
        cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if not (row.number == MERGED_LEAD[1] and len(merged_at) == 2):
            _cell_lines(cells[2], row.lead)
        _cell_lines(cells[3], row.coordinating)
        _cell_lines(cells[4], [row.timing] if row.timing else [])
        _cell_lines(cells[5], [row.product] if row.product else [])
    if len(merged_at) == 2:
        top, bottom = merged_at[MERGED_LEAD[0]], merged_at[MERGED_LEAD[1]]
        lead = table.cell(top, 2).merge(table.cell(bottom, 2))
        _cell_lines(lead, rows[top - 1].lead)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # LibreOffice lays out by the grid's widths
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def build_docx(
    target: Path,
    rows: tuple[Row, ...] = ROWS,
    repeat_header: bool = True,
    body: bool = True,
    rule_grey: int = 0,
) -> Path:
    """The decision, its plan and the appendix table as a Word file (without
    ``body``: the appendix alone, one or two landscape pages; ``rule_grey``: the
    table's rules printed in that grey instead of black)."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(13)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    if body:
        for style, text in DECISION:
            if style == "signature":
                _signature_block(document)
            else:
                _paragraph(document, style, text)
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for style, text in PLAN:
            _paragraph(document, style, text)
        _landscape_section(document)
    else:
        _landscape(document.sections[0])
    for style, text in APPENDIX:
        _paragraph(document, style, text)
    _task_table(document, rows, repeat_header, rule_grey)
    document.styles["Table Grid"].font.size = Pt(12)
    document.save(str(target))
    return target


# --- the scan ------------------------------------------------------------------------


@dataclass(frozen=True)
class Damage:
    """How worn the scan is: skew range (degrees), paper grey, noise, blur, dpi,
    and the grey the table's rules are printed in (0: black)."""

    dpi: int = 200
    skew: tuple[float, float] = (0.3, 1.0)
    paper: tuple[int, int] = (222, 238)
    noise: float = 9.0
    blur: float = 0.7
    quality: int = 55
    rule_grey: int = 0


#: Faint rules: a 150 dpi scan of a copy whose thin rules came out at about grey
#: 190-200 on paper about 230, while the text stays dark (as real low-quality scans
#: of decisions do): an ink threshold that keeps the noise out misses every rule.
FAINT_RULES = Damage(dpi=150, skew=(0.2, 0.6), paper=(228, 238), noise=7.0, rule_grey=150)

#: Named damages a gold file may ask for (``source.damage``).
DAMAGES = {"default": Damage(), "faint-rules": FAINT_RULES}


def _seal(size: int, rng) -> object:  # type: ignore[no-untyped-def]
    """A round red seal (ring, inner ring, star, ragged ink) as an RGBA image."""
    from PIL import Image, ImageDraw

    seal = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    red = (205, 35, 40, 190)
    draw.ellipse((4, 4, size - 4, size - 4), outline=red, width=max(6, size // 40))
    inner = size // 5
    draw.ellipse((inner, inner, size - inner, size - inner), outline=red, width=max(3, size // 90))
    cx = cy = size // 2
    r = size // 9
    import math

    star = [
        (
            cx + (r if k % 2 == 0 else r // 2.5) * math.sin(k * math.pi / 5),
            cy - (r if k % 2 == 0 else r // 2.5) * math.cos(k * math.pi / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=red)
    for _ in range(40):  # the letters round the rim, as blots
        angle = rng.uniform(0, 2 * math.pi)
        radius = rng.uniform(size * 0.36, size * 0.44)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        w = rng.uniform(4, 12)
        draw.ellipse((x - w, y - w / 2, x + w, y + w / 2), fill=red)
    return seal


def _damage(page, rng, damage: Damage, seal: str = ""):  # type: ignore[no-untyped-def]
    """Skew, grey uneven paper, a red seal ("sign": on the signature; "edge": half
    a seal on the right margin), blur and noise; returns a grey image."""
    import numpy as np
    from PIL import Image, ImageFilter

    rgb = page.convert("RGB")
    width, height = rgb.size
    if seal:
        size = int(damage.dpi * 1.55)
        stamp = _seal(size, rng)
        if seal == "sign":
            x, y = int(width * 0.55), int(height * 0.58)
        else:
            x, y = width - size // 2, int(height * rng.uniform(0.3, 0.5))
        rgb.paste(stamp, (x, y), stamp)
    angle = float(rng.uniform(*damage.skew)) * (1 if rng.random() < 0.5 else -1)
    gray = rgb.convert("L").rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    pixels = np.asarray(gray).astype(np.float32) / 255.0
    low, high = damage.paper
    ys = np.linspace(0, 1, height)[:, None]
    xs = np.linspace(0, 1, width)[None, :]
    paper = low + (high - low) * (0.5 + 0.5 * np.sin(2.5 * xs + 1.3 * ys + rng.uniform(0, 6)))
    out = paper * pixels + 25 * (1 - pixels)  # ink stays dark, paper goes grey
    out += rng.normal(0, damage.noise, out.shape)  # grain, softened by the blur below
    specks = rng.random(out.shape) < 0.0004
    out[specks] = rng.uniform(40, 120)
    noisy = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")
    return noisy.filter(ImageFilter.GaussianBlur(damage.blur))


def scan_pdf(pdf: Path, target: Path, seed: int = 7, damage: Damage | None = None) -> Path:
    """Rasterise every page with pypdfium2, damage it, save an image-only PDF."""
    import numpy as np
    import pypdfium2

    damage = damage or Damage()
    rng = np.random.default_rng(seed)
    document = pypdfium2.PdfDocument(str(pdf))
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            signed = SIGNATURE[-1] in page.get_textpage().get_text_range()
            image = page.render(scale=damage.dpi / 72).to_pil()
            landscape = image.width > image.height
            seal = "sign" if signed else ("edge" if landscape else "")
            pages.append(_damage(image, rng, damage, seal))
    finally:
        document.close()
    buffers = []
    for page in pages:  # JPEG inside the PDF, as scanners write it
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=damage.quality)
        buffers.append(buffer)
    from PIL import Image

    images = [Image.open(buffer) for buffer in buffers]
    images[0].save(
        target, "PDF", resolution=float(damage.dpi), save_all=True, append_images=images[1:]
    )
    return target


def build_scan(
    target: Path,
    rows: tuple[Row, ...] = ROWS,
    repeat_header: bool = True,
    seed: int = 7,
    damage: Damage | None = None,
    body: bool = True,
) -> Path:
    """The whole chain: .docx → LibreOffice PDF → damaged page images → scan PDF."""
    from theodoi.text.readers.convert import convert_with_libreoffice

    damage = damage or Damage()
    with tempfile.TemporaryDirectory(prefix="scanned-decision-") as tmp:
        source = build_docx(
            Path(tmp) / "qd-hoa-lam.docx", rows, repeat_header, body, damage.rule_grey
        )
        pdf = convert_with_libreoffice(source, "pdf", Path(tmp), timeout=180)
        return scan_pdf(pdf, target, seed, damage)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--short", action="store_true", help="the test's short table")
    parser.add_argument("--no-repeat-header", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--docx", action="store_true", help="write the .docx only")
    args = parser.parse_args(argv)
    rows = rows_of(SHORT_ROWS if args.short else None)
    body = not args.short
    if args.docx:
        build_docx(args.target, rows, not args.no_repeat_header, body)
    else:
        build_scan(args.target, rows, not args.no_repeat_header, args.seed, body=body)
    print(args.target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
