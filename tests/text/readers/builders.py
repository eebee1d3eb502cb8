"""Real test documents, made at test time: .docx by python-docx, PDF and .doc by
LibreOffice, scans by pdftoppm + Pillow.

The plan is fictional ("tỉnh Hòa Lâm") in the administrative style of real
plans: Roman-numbered sections, numbered and lettered items, bullets from
Word's own list numbering, a task table with merged cells, a footnote, a
running header and page numbers.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Pt

from theodoi.text.encodings import encode_legacy
from theodoi.text.readers.convert import convert_with_libreoffice, soffice_binary

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W}"'

INTRO = (
    "Thực hiện Chương trình hành động số 15-CTr/TU ngày 10/3/2024 của Tỉnh ủy Hòa Lâm, "
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện trên địa bàn tỉnh với "
    "các nội dung chủ yếu như sau, bảo đảm đồng bộ, thống nhất và hiệu quả trong toàn tỉnh."
)
LONG_TASK = (
    "Tiếp tục hoàn thiện cơ chế, chính sách phát huy sức mạnh đại đoàn kết toàn dân tộc; "
    "đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị "
    "- xã hội các cấp; nâng cao chất lượng giám sát và phản biện xã hội, bảo đảm quyền làm "
    "chủ của Nhân dân trên địa bàn các huyện, thị xã, thành phố trong giai đoạn 2024 - 2030."
)
FOOTNOTE = "Quyết định số 27/2023/QĐ-UBND ngày 12/6/2023 của Ủy ban nhân dân tỉnh Hòa Lâm."
LEGACY_TCVN3 = "Cộng đồng dân cư đoàn kết xây dựng đời sống văn hóa"
LEGACY_TCVN3_CAPS = "KẾ HOẠCH HÀNH ĐỘNG"
LEGACY_VNI = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
TABLE_HEADER = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian")


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


# Word list definitions: I. / 1. / a) / - bullets, plus a list that starts at 5
# and a second instance of it that restarts (w:startOverride).
NUMBERING_XML = f"""
<w:numbering {NSDECL}>
  <w:abstractNum w:abstractNumId="90">
    <w:multiLevelType w:val="multilevel"/>
    {_level(0, "upperRoman", "%1.")}
    {_level(1, "decimal", "%2.")}
    {_level(2, "lowerLetter", "%3)")}
    {_level(3, "bullet", "-")}
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="91">
    {_level(0, "decimal", "%1.", start=5)}
    {_level(1, "decimal", "%1.%2.")}
  </w:abstractNum>
  <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
  <w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>
  <w:num w:numId="92"><w:abstractNumId w:val="91"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>
  </w:num>
</w:numbering>
"""

_SEPARATORS = "".join(
    f'<w:footnote w:type="{kind}" w:id="{i}"><w:p><w:r><w:{kind}/></w:r></w:p></w:footnote>'
    for i, kind in ((-1, "separator"), (0, "continuationSeparator"))
)
FOOTNOTES_XML = f"""
<w:footnotes {NSDECL}>
  {_SEPARATORS}
  <w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>
    <w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>
    <w:r><w:t xml:space="preserve"> {FOOTNOTE}</w:t></w:r></w:p></w:footnote>
</w:footnotes>
"""


# A VML text box holding the issuer, as many header blocks are laid out; the
# mc:AlternateContent wrapper carries a Fallback copy that must not be read twice.
TEXT_BOX_ISSUER = "ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"
TEXT_BOX_XML = f"""
<w:r {NSDECL} xmlns:v="urn:schemas-microsoft-com:vml"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
  <mc:AlternateContent>
    <mc:Choice Requires="v">
      <w:pict><v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>{TEXT_BOX_ISSUER}</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></v:shape></w:pict>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>{TEXT_BOX_ISSUER}</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></v:shape></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


def _numbered(document, text: str, num_id: int, level: int, bold: bool = False):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {NSDECL}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def _install_numbering(document) -> None:
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING_XML):
        numbering.append(child)


def _install_footnotes(document) -> None:
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        FOOTNOTES_XML.strip().encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def _add_footnote_reference(paragraph) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:r {NSDECL}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )


def _page_furniture(document) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = "BẢN TIN ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"
    footer = section.footer.paragraphs[0]
    footer._p.append(
        parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )


def build_plan_docx(path: Path, *, legacy: bool = True, long_body: int = 1) -> Path:
    """Write the fictional plan; ``legacy`` adds .VnTime / .VnTimeH / VNI-Times runs."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    footnote_style = document.styles.add_style("FootnoteText", 1)
    footnote_style.font.size = Pt(10)
    _install_numbering(document)
    _install_footnotes(document)
    _page_furniture(document)

    anchor = document.add_paragraph()
    anchor.add_run("Hòa Lâm, ngày 05 tháng 9 năm 2024")
    anchor._p.insert(1, parse_xml(TEXT_BOX_XML))
    title = document.add_paragraph()
    title.add_run("KẾ HOẠCH").bold = True
    caps = document.add_paragraph()
    caps_run = caps.add_run("Triển khai thực hiện Chương trình hành động")
    caps_run.font.all_caps = True
    intro = document.add_paragraph(INTRO)
    _add_footnote_reference(intro)

    _numbered(document, "MỤC ĐÍCH, YÊU CẦU", 90, 0, bold=True)
    _numbered(document, "Mục đích", 90, 1)
    for _ in range(long_body):
        document.add_paragraph(LONG_TASK)
    _numbered(document, "NHIỆM VỤ, GIẢI PHÁP", 90, 0, bold=True)
    _numbered(document, "Công tác tuyên truyền", 90, 1)
    _numbered(document, "Đổi mới nội dung tuyên truyền", 90, 2)
    _numbered(document, "Tổ chức hội nghị quán triệt ở cơ sở", 90, 3)
    _numbered(document, "Biên soạn tài liệu hỏi đáp", 90, 3)
    _numbered(document, "Nâng cao chất lượng giám sát", 90, 2)
    _numbered(document, "Xây dựng khối đại đoàn kết", 90, 1)
    _numbered(document, LONG_TASK, 90, 2)
    _numbered(document, "Phát triển kinh tế tập thể", 91, 0)
    _numbered(document, "Hỗ trợ hợp tác xã", 91, 1)
    _numbered(document, "Danh sách mới bắt đầu lại", 92, 0)

    table = document.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    for col, text in enumerate(TABLE_HEADER):
        table.cell(0, col).text = text
    merged = table.cell(1, 0).merge(table.cell(1, 4))
    merged.text = "I. Nhóm nhiệm vụ về tuyên truyền"
    for col, text in enumerate(
        ("1", "Tổ chức tuyên truyền sâu rộng", "Sở Nội vụ", "Các sở, ngành", "Quý III/2025")
    ):
        table.cell(2, col).text = text
    table.cell(3, 0).text = "2"
    table.cell(3, 1).text = "Kiểm tra, giám sát định kỳ"
    lead = table.cell(2, 2).merge(table.cell(3, 2))
    lead.text = "Sở Nội vụ"
    table.cell(3, 3).text = "UBND các huyện"
    table.cell(3, 4).text = "Hằng năm"

    _numbered(document, "TỔ CHỨC THỰC HIỆN", 90, 0, bold=True)
    document.add_paragraph(
        "Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 10/12 hằng năm."
    )
    if legacy:
        para = document.add_paragraph()
        run = para.add_run(encode_legacy(LEGACY_TCVN3, "tcvn3").decode("cp1252"))
        run.font.name = ".VnTime"
        para = document.add_paragraph()
        run = para.add_run(encode_legacy(LEGACY_TCVN3_CAPS.lower(), "tcvn3").decode("cp1252"))
        run.font.name = ".VnTimeH"
        para = document.add_paragraph()
        run = para.add_run(encode_legacy(LEGACY_VNI, "vni").decode("cp1252"))
        run.font.name = "VNI-Times"
    document.save(path)
    return path


def soffice() -> str | None:
    return soffice_binary()


def libreoffice_convert(source: Path, fmt: str, out_dir: Path) -> Path:
    """``soffice --headless --convert-to fmt`` with a private profile."""
    return convert_with_libreoffice(source, fmt, out_dir, timeout=180)


def rasterise_page(pdf: Path, out_png: Path, page: int = 1, dpi: int = 300) -> Path:
    prefix = out_png.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return prefix.with_suffix(".png")


def image_to_pdf(png: Path, out_pdf: Path) -> Path:
    """Wrap a page image as a PDF with no text layer: a scan."""
    from PIL import Image

    with Image.open(png) as image:
        image.convert("L").save(out_pdf, "PDF", resolution=300.0)
    return out_pdf


TASK_ROWS = (
    (
        "1",
        "Rà soát, bổ sung quy chế phối hợp giữa các cơ quan",
        "Sở Nội vụ",
        "Các sở, ngành",
        "Quý II/2025",
    ),
    (
        "2",
        "Xây dựng cơ sở dữ liệu cán bộ, công chức của tỉnh",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Năm 2025",
    ),
    (
        "3",
        "Tổ chức tập huấn kỹ năng số cho công chức cấp xã",
        "Sở Khoa học và Công nghệ",
        "UBND các huyện",
        "Hằng năm",
    ),
    (
        "4",
        "Đánh giá, sơ kết việc thực hiện kế hoạch",
        "Văn phòng UBND tỉnh",
        "Các sở, ngành",
        "Tháng 12/2026",
    ),
)
TASK_HEADER = (
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
)
TASK_GROUP = "I. Nhóm nhiệm vụ cải cách hành chính"


def task_rows(repeat: int = 1) -> list[tuple[str, ...]]:
    """``TASK_ROWS`` ``repeat`` times over, numbered on (a longer table)."""
    return [
        (str(n * len(TASK_ROWS) + int(row[0])), *row[1:])
        for n in range(repeat)
        for row in TASK_ROWS
    ]


def build_task_table_docx(path: Path, repeat: int = 1) -> Path:
    """A fictional plan of "tỉnh Lâm Giang" whose tasks are in a ruled table
    (Table Grid): a group row merged across the table, and the lead body of
    tasks 1-2 merged down two rows, with text before and after the table.
    ``repeat`` > 1 makes the table run over to the next page, its header row
    repeated there (w:tblHeader) as plans print it."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    title = document.add_paragraph()
    title.add_run("KẾ HOẠCH").bold = True
    document.add_paragraph("Cải cách hành chính tỉnh Lâm Giang năm 2025")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph(
        "Nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn tỉnh Lâm Giang."
    )
    document.add_paragraph("II. NHIỆM VỤ CỤ THỂ")
    rows = task_rows(repeat)
    table = document.add_table(rows=2 + len(rows), cols=5)
    table.style = "Table Grid"
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {NSDECL}/>"))
    for col, text in enumerate(TASK_HEADER):
        table.cell(0, col).text = text
    group = table.cell(1, 0).merge(table.cell(1, 4))
    group.text = TASK_GROUP
    for row, values in enumerate(rows, start=2):
        for col, text in enumerate(values):
            if (row, col) != (3, 2):
                table.cell(row, col).text = text
    lead = table.cell(2, 2).merge(table.cell(3, 2))
    lead.text = TASK_ROWS[0][2]
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph(
        "Các sở, ngành báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 12 hằng năm."
    )
    document.save(path)
    return path


def scan_all_pages(pdf: Path, out_pdf: Path, pages: int) -> Path:
    """Rasterise pages 1..pages and wrap them as one image-only PDF (a scan)."""
    from PIL import Image

    pngs = [
        rasterise_page(pdf, out_pdf.with_name(f"{out_pdf.stem}-{n}.png"), n)
        for n in range(1, pages + 1)
    ]
    images = [Image.open(png).convert("L") for png in pngs]
    images[0].save(out_pdf, "PDF", resolution=300.0, save_all=True, append_images=images[1:])
    return out_pdf
