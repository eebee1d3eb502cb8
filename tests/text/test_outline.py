"""The outline grammar, the line joiner and the heading tree, each alone."""

from __future__ import annotations

from theodoi.text.outline.lines import Line, clean, strip_margin_junk
from theodoi.text.outline.markers import parse_marker
from theodoi.text.outline.segment import join_lines
from theodoi.text.outline.tree import appendix_number, build_outline
from theodoi.text.source import Paragraph, SourceText


def _paths(nodes) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []
    for node in nodes:
        out.append(node.path)
        out.extend(_paths(node.children))
    return out


def _outline(text: str):  # type: ignore[no-untyped-def]
    source = SourceText(blocks=[Paragraph(line) for line in text.split("\n")])
    return build_outline(join_lines(clean(source).lines))


class TestMarkers:
    def test_roman_forms(self) -> None:
        for text, label in [
            ("I. MỤC ĐÍCH", "I"),
            ("II- QUAN ĐIỂM", "II"),
            ("III-NHIỆM VỤ", "III"),
            ("I11. TỔ CHỨC THỰC HIỆN", "III"),  # OCR read two I's as ones
            ("HI. TỔ CHỨC THỰC HIỆN", "III"),  # OCR ran two bold I's into an H
            ("H. NỘI DUNG", "II"),
            ("IV.TỔ CHỨC", "IV"),
        ]:
            marker = parse_marker(text)
            assert marker is not None and marker.kind == "roman", text
            assert marker.label == label

    def test_numbers_letters_bullets(self) -> None:
        assert parse_marker("1.Quan điểm").label == "1"  # type: ignore[union-attr]
        dotted = parse_marker("2.2. Xây dựng chương trình")
        assert dotted is not None and dotted.label == "2.2" and dotted.depth == 2
        assert parse_marker("đ) Sửa đổi quy hoạch").label == "đ"  # type: ignore[union-attr]
        assert parse_marker("¢) Kịp thời nắm bắt").label == "c"  # type: ignore[union-attr]
        for bullet in ("- Tổ chức", "-Trọng tâm", "* Đơn vị", "+ Rà soát", "• Tăng cường"):
            marker = parse_marker(bullet)
            assert marker is not None and marker.kind == "bullet", bullet

    def test_running_text_is_not_an_item(self) -> None:
        for text in (
            "2025. Phát huy uy tín",  # a year ending a wrapped sentence
            "20 tháng 01 năm 2018 của Ban Bí thư",
            "- xã hội, vươn lên thoát nghèo",  # "kinh tế - xã hội" wrapped at the dash
            "48-CTr/TU, ngày 22/12/2023",
            "10.000 người tham gia",
            "Văn phòng UBND tỉnh",
            "HIV-AIDS là mối nguy",
            "H. Lâm Giang",
        ):
            assert parse_marker(text) is None, text

    def test_word_numbering_label_wins(self) -> None:
        marker = parse_marker("Tuyên truyền sâu rộng", label="a)")
        assert marker is not None and (marker.kind, marker.label) == ("letter", "a")


class TestJoin:
    def test_hard_wraps_are_rejoined(self) -> None:
        lines = [
            Line("1. Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền và Nhân"),
            Line("dân về phát huy sức mạnh đại đoàn kết toàn dân tộc"),
            Line("- Tập trung phổ biến, quán triệt Nghị quyết số 43-NQ/TW, Kế hoạch số 21-"),
            Line(
                "KH/TW và Kế hoạch này bằng các hình thức phong phú, phù hợp với từng địa",
                blank_before=True,
            ),
            Line("phương."),
            Line("- Tăng cường nắm bắt tâm tư."),
        ]
        paras = join_lines(lines)
        assert [p.text[:12] for p in paras] == ["1. Nâng cao ", "- Tập trung ", "- Tăng cường"]
        assert "21-KH/TW và" in paras[1].text
        assert paras[0].text.endswith("toàn dân tộc")

    def test_opening_sentence_after_a_blank_line_starts_a_paragraph(self) -> None:
        lines = [
            Line("của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 43-NQ/TW ngày"),
            Line(
                "Thực hiện Chương trình số 80-CTr/TU, Ủy ban nhân dân tỉnh ban hành",
                blank_before=True,
            ),
        ]
        assert len(join_lines(lines)) == 2

    def test_a_dated_opening_ends_the_line_above(self) -> None:
        title = "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ cải cách hành chính"
        lines = [
            Line(title),
            Line("Ngày 10/3/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo"),
            Line("tiến độ. Tham dự có lãnh đạo các sở."),
        ]
        paras = [p.text for p in join_lines(lines)]
        assert paras[0] == title
        assert paras[1].startswith("Ngày 10/3/2026") and paras[1].endswith("các sở.")
        assert len(paras) == 2


class TestTree:
    def test_paths_follow_the_spec(self) -> None:
        outline = _outline(
            "I. MỤC ĐÍCH\nMục đích chung.\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền\n"
            "1.1. Tổ chức quán triệt.\n1.2. Biên soạn tài liệu:\na) Tài liệu cho cán bộ.\n"
            "- Bản in.\n- Bản điện tử.\nb) Tài liệu cho Nhân dân.\n2. Kiểm tra\n- Kiểm tra định kỳ."
        )
        assert _paths(outline.roots) == [
            "I", "II", "II.1", "II.1.1", "II.1.2", "II.1.2.a", "II.1.2.a-1", "II.1.2.a-2",
            "II.1.2.b", "II.2", "II.2-1",
        ]  # fmt: skip

    def test_section_numbered_twice_is_renumbered(self) -> None:
        outline = _outline(
            "I. MỤC TIÊU\nA.\nII. NHIỆM VỤ\n1. Việc một.\nII. TỔ CHỨC THỰC HIỆN\n1. Việc hai."
        )
        assert [n.label for n in outline.roots] == ["I", "II", "III"]
        assert outline.warnings and "numbered twice" in outline.warnings[0]

    def test_item_after_the_signature_block_is_taken_back(self) -> None:
        outline = _outline(
            "I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.\n2. Sở Tài chính bố trí kinh phí.\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
            "3. Sở Tư pháp thẩm định văn bản."
        )
        assert _paths(outline.roots) == ["I", "I.1", "I.2", "I.3"]
        assert "Nơi nhận:" in outline.end_matter

    def test_responsibility_line_covers_items_since_the_previous_one(self) -> None:
        outline = _outline(
            "I. NHIỆM VỤ\n1. Chủ đề\n- Việc một.\n- Việc hai.\n* Đơn vị thực hiện: Sở Nội vụ.\n"
            "- Việc ba.\n* Đơn vị thực hiện: Sở Tư pháp."
        )
        bullets = outline.roots[0].children[0].children
        assert [b.path for b in bullets] == ["I.1-1", "I.1-2", "I.1-3"]
        assert bullets[0].responsibility is bullets[1].responsibility
        assert bullets[2].responsibility is not bullets[0].responsibility
        lines = outline.resp_lines[id(bullets[2].responsibility)]
        assert lines[0].value == "Sở Tư pháp."

    def test_an_item_whose_sub_items_have_lines_is_not_covered_again(self) -> None:
        """'1. Hội nghị' / '1.1 …' / '- Đơn vị chủ trì: X' then '2. Hội nghị' / paragraph /
        '- Đơn vị chủ trì: Y': Y's line covers item 2 only, not item 1 again."""
        outline = _outline(
            "I. NỘI DUNG\n1. Hội nghị lần một\n1.1. Nội dung: Thống nhất dự thảo.\n"
            "- Đơn vị chủ trì: Sở Nội vụ.\n2. Hội nghị lần hai\nNội dung: Lấy ý kiến.\n"
            "- Đơn vị chủ trì: Sở Tư pháp."
        )
        first, second = outline.roots[0].children
        assert first.responsibility is None
        assert first.children[0].responsibility is not None
        assert outline.resp_lines[id(second.responsibility)][0].value == "Sở Tư pháp."

    def test_attendees_are_a_labelled_line_not_an_item(self) -> None:
        outline = _outline(
            "I. NỘI DUNG\n1. Nội dung: Thống nhất dự thảo.\n- Thành phần: Đại diện UBND xã.\n"
            "- Đơn vị chủ trì: Sở Nội vụ."
        )
        item = outline.roots[0].children[0]
        assert item.children == []
        labels = [line.label for line in outline.resp_lines[id(item.responsibility)]]
        assert labels == ["thành phần", "đơn vị chủ trì"]

    def test_dotted_number_under_its_prefix_after_unnumbered_points(self) -> None:
        """'2.3.' right under '2.' (its first points went unnumbered) is item 2.3."""
        outline = _outline(
            "I. NỘI DUNG\n1. Hội nghị lần một\n1.1. Nội dung: Thống nhất dự thảo.\n"
            "2. Hội nghị lần hai\nNội dung: Lập danh sách.\n2.3. Báo cáo kết quả\n"
            "- Gửi biên bản."
        )
        assert _paths(outline.roots) == ["I", "I.1", "I.1.1", "I.2", "I.2.3", "I.2.3-1"]

    def test_numbered_appendices_keep_their_number_in_the_path(self) -> None:
        assert appendix_number("Phụ lục II") == 2
        assert appendix_number("PHỤ LỤC 03: DANH MỤC NHIỆM VỤ") == 3
        assert appendix_number("PHỤ LỤC") is None
        assert appendix_number("Phụ lục kèm theo Kế hoạch số 15/KH-UBND") is None
        outline = _outline(
            "I. NHIỆM VỤ\n1. Sở Nội vụ rà soát.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
            "Phụ lục I\nDANH MỤC NHIỆM VỤ\nPhụ lục II\nDANH MỤC ĐỊNH HƯỚNG"
        )
        assert [n.path for n in outline.roots] == ["I", "PL1", "PL2"]
        unnumbered = _outline(
            "I. NHIỆM VỤ\n1. Việc một.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhụ lục\nDANH MỤC"
        )
        assert [n.path for n in unnumbered.roots] == ["I", "PL"]


class TestCleaning:
    def test_page_furniture_and_footnotes(self) -> None:
        source = SourceText(
            blocks=[
                Paragraph(p)
                for p in [
                    "CÔNG BÁO/Số 286/Ngày 27-05-2026",
                    "89",
                    "Ủy ban nhân dân tỉnh1 ban hành Kế hoạch",
                    "",
                    "1 Theo đề nghị của Sở Nội vụ tại Văn bản số 12/SNV-VP ngày 10/5/2024",
                    " tiếp theo của trang sau",
                    "Ký bởi: CÔNG BÁO",
                ]
            ]
        )
        cleaned = clean(source)
        assert [line.text for line in cleaned.lines] == [
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch",
            "tiếp theo của trang sau",
        ]
        assert cleaned.footnotes == [
            "Theo đề nghị của Sở Nội vụ tại Văn bản số 12/SNV-VP ngày 10/5/2024"
        ]

    def test_margin_junk(self) -> None:
        assert strip_margin_junk("9rrr2.Uy ban Nhan dan") == "2.Uy ban Nhan dan"
        assert strip_margin_junk("arr-Phat huy quyen") == "-Phat huy quyen"
        assert strip_margin_junk("\\ff~\\•>rr^truyen thong") == "truyen thong"
        assert strip_margin_junk("III-NHIEM VU") == "III-NHIEM VU"
        assert strip_margin_junk("2. Giao Sở Nội vụ") == "2. Giao Sở Nội vụ"
        assert strip_margin_junk("6ó. Những vấn đề khác") == "6. Những vấn đề khác"
        assert strip_margin_junk("3a. Nội dung bổ sung") == "3a. Nội dung bổ sung"

    def test_ocr_page_number_with_a_speck_is_furniture(self) -> None:
        lines = ["1. Rà soát danh sách cơ sở trên địa bàn", "2 `", "xã Tân Phú."]
        source = SourceText(blocks=[Paragraph(p) for p in lines], ocr=True)
        assert [line.text for line in clean(source).lines] == [lines[0], lines[2]]

    def test_ocr_dropped_first_part_of_a_dotted_number(self) -> None:
        """Tesseract read '4.3.' as '3.': both neighbours say which it was."""
        text = [
            "4. Phân công nhiệm vụ",
            "4.1. Ông Trần Văn An - Trưởng đoàn: Phụ trách chung.",
            "4.2. Bà Lê Thị Bình - Thư ký: Lập biên bản.",
            "3. Ông Phạm Văn Cường - Thành viên: Kiểm tra hồ sơ.",
            "4.4. Bà Ngô Thị Dung - Thành viên: Kiểm tra thực địa.",
            "5. Kinh phí",
        ]
        ocr = clean(SourceText(blocks=[Paragraph(p) for p in text], ocr=True))
        assert ocr.lines[3].text.startswith("4.3. Ông Phạm Văn Cường")
        # a page out of order: "3." then its own "3.1." is left alone
        moved = [*text[:3], "3. Nội dung kiểm tra", "3.1. Hồ sơ pháp lý"]
        kept = clean(SourceText(blocks=[Paragraph(p) for p in moved], ocr=True))
        assert kept.lines[3].text == "3. Nội dung kiểm tra"


def test_parenthesised_numbers_are_a_list_below_the_numbered_points() -> None:
    """'1. Hoàn thiện hạ tầng' over '(1) …', '(2) …' (a Hòa Lâm directive letter)."""
    from theodoi.text.outline.markers import parse_marker

    first = parse_marker("(1) Tiếp tục nâng cấp hệ thống hạ tầng kỹ thuật.")
    assert first is not None and first.kind == "number" and first.label == "1"
    top = parse_marker("1. Hoàn thiện hạ tầng công nghệ thông tin")
    assert top is not None and first.key != top.key  # not siblings
    assert parse_marker("(xem Phụ lục)") is None
    assert parse_marker("(2) giá trị") is None  # running text after a count


def test_parenthesised_items_stay_under_their_point_whatever_their_number() -> None:
    """'(2)' under '1.' is 1.2 (the list is '(n)', not a second top-level point 2)."""
    outline = _outline(
        "1. Hoàn thiện hạ tầng\n(1) Nâng cấp đường truyền.\n(2) Sao lưu dữ liệu.\n"
        "(3) Bảo mật hệ thống.\n2. Cải cách thủ tục\n(1) Rà soát quy trình."
    )
    assert _paths(outline.roots) == ["1", "1.1", "1.2", "1.3", "2", "2.1"]


def test_plan_issued_by_a_decision_is_no_appendix() -> None:
    """'KẾ HOẠCH' / title / '(Kèm theo Quyết định …)' after the decision's signature is the
    plan the decision issues: its sections are the body, not an appendix."""
    from theodoi.text.parse import parse_text

    text = "\n".join(
        [
            "QUYẾT ĐỊNH",
            "Ban hành Kế hoạch trồng rừng năm 2026",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch trồng rừng năm 2026.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Nơi nhận:",
            "- Lưu: VT.",
            "KT. BỘ TRƯỞNG",
            "THỨ TRƯỞNG",
            "KẾ HOẠCH",
            "TRỒNG RỪNG NĂM 2026",
            "(Kèm theo Quyết định số 12/QĐ-BNNMT ngày 02/3/2026 của Bộ Nông nghiệp và Môi trường)",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Bảo đảm tiến độ.",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Cục Lâm nghiệp và Kiểm lâm hướng dẫn các địa phương trồng rừng.",
        ]
    )
    paths = [t.path for t in parse_text(text).tasks]
    assert "II.1" in paths and not any(p.startswith("PL") for p in paths)
