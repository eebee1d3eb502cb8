"""The priority registry (theodoi/text/registry.py) and what it is for: a new item
convention, table layout, section convention or header layout is one new processor
registered beside the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from theodoi.text.extract import items, sections
from theodoi.text.extract.items import Item, Ruling
from theodoi.text.extract.metadata import (
    HEADER_LAYOUTS,
    HEADER_READERS,
    Header,
    WordHeaderTable,
    extract_metadata,
    header_layouts,
    header_lines,
    header_readers,
)
from theodoi.text.extract.sections import SECTION_RULES, Section
from theodoi.text.extract.tables import ROW_LAYOUTS, Row, TableReader
from theodoi.text.extract.tasks import extract_tasks
from theodoi.text.model import OutlineNode, Responsibility, Task
from theodoi.text.outline.lines import Line
from theodoi.text.outline.tree import Outline
from theodoi.text.parse import normalise, outline_of, parse_text, restore_text, segment
from theodoi.text.registry import Registry
from theodoi.text.source import Paragraph, SourceText, Table

# --- Registry -------------------------------------------------------------------


def test_iterates_from_the_highest_priority() -> None:
    reg: Registry[str] = Registry()
    reg.register("low", "low", 10)
    reg.register("high", "high", 90)
    reg.register("middle", "middle", 50)
    assert list(reg) == ["high", "middle", "low"]
    assert reg.names() == ["high", "middle", "low"]
    assert len(reg) == 3 and "middle" in reg and reg["middle"] == "middle"


def test_equal_priorities_keep_the_order_of_registration() -> None:
    reg: Registry[str] = Registry()
    for name in ("a", "b", "c"):
        reg.register(name, name, 5)
    assert list(reg) == ["a", "b", "c"]


def test_registering_a_taken_name_replaces_the_item_and_its_priority() -> None:
    reg: Registry[str] = Registry()
    reg.register("first", "x", 10)
    reg.register("other", "y", 50)
    reg.register("second", "x", 90)
    assert list(reg) == ["second", "other"]
    assert reg.priority("x") == 90 and len(reg) == 2


def test_deregister_by_name() -> None:
    reg: Registry[str] = Registry()
    reg.register("a", "a", 1)
    reg.register("b", "b", 2)
    reg.deregister("b")
    assert list(reg) == ["a"] and "b" not in reg
    with pytest.raises(KeyError):
        reg.deregister("b")
    reg.deregister("b", strict=False)  # no error


def test_copy_is_independent() -> None:
    reg: Registry[str] = Registry()
    reg.register("a", "a", 1)
    other = reg.copy()
    other.register("b", "b", 2)
    other.deregister("a")
    assert list(reg) == ["a"] and list(other) == ["b"]


def test_built_in_registries_hold_the_conventions_in_order() -> None:
    assert items.ITEM_RULES.names()[0] == "about_the_plan"
    assert items.ITEM_RULES.names()[-1] == "names_nobody"
    assert ROW_LAYOUTS.names() == [
        "header_tail",
        "group_row",
        "letter_group_row",
        "group_title_line",
        "title_row",
        "lettered_row",
        "numbered_row",
        "position_row",
        "unnumbered_row",
    ]
    assert SECTION_RULES.names() == [
        "bullet",
        "decision_article",
        "duties_assigned",
        "org_heading",
        "inspection_content",
        "duty_heading",
        "about_the_plan",
        "gives_work",
    ]
    assert HEADER_LAYOUTS.names() == ["word_table", "markdown_row", "printed_line"]
    assert HEADER_READERS.names() == [
        "text_layer_columns",
        "whole_lines",
        "party_executive_named",
        "issuer_block",
        "issuer_caps_line",
        "opening_sentence",
        "signature",
    ]


# --- a new item convention is one new piece --------------------------------------

# Fictional plan of a fictional province: its items end with the body in charge
# in parentheses, a layout the built-in conventions do not read.
PLAN = """ỦY BAN NHÂN DÂN TỈNH HÒA LÂM
Số: 12/KH-UBND
KẾ HOẠCH
Thực hiện thí điểm sổ tay số cho hợp tác xã
I. NHIỆM VỤ, GIẢI PHÁP
1. Xây dựng bộ sổ tay số mẫu cho hợp tác xã nông nghiệp (Đầu mối: Sở Khoa học và Công nghệ).
2. Tập huấn sử dụng sổ tay số cho cán bộ hợp tác xã (Đầu mối: Liên minh Hợp tác xã tỉnh).
II. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ theo dõi, đôn đốc việc thực hiện Kế hoạch.
"""

_FOCAL = re.compile(r"\s*\(Đầu mối:\s*(?P<body>[^)]+)\)\.?$")


class FocalInParentheses:
    """'… (Đầu mối: Sở X).' at the end of an item names its lead; the parenthesis is
    not part of the task's text."""

    def test(self, item: Item) -> bool:
        return _FOCAL.search(item.node.text) is not None

    def run(self, item: Item) -> Ruling | None:
        found = _FOCAL.search(item.node.text)
        assert found is not None
        text = item.node.text[: found.start()]
        return Ruling(Responsibility(lead=[found.group("body").strip()]), text)


def _outline(text: str) -> Outline:
    blocks = [Paragraph(text=line) for line in text.split("\n")]
    normalised = normalise(SourceText(blocks=list(blocks), input_kind="text"))
    return outline_of(segment(restore_text(normalised).text))


def _by_path(tasks: list[Task]) -> dict[str, Task]:
    return {t.path: t for t in tasks}


def test_the_built_in_rules_do_not_read_the_fictional_layout() -> None:
    tasks = _by_path(parse_text(PLAN).tasks)
    assert tasks["I.1"].lead == []
    assert "Đầu mối" in tasks["I.1"].text


def test_a_new_item_convention_is_one_registered_processor() -> None:
    rules = items.item_rules()
    rules.register(FocalInParentheses(), "focal_in_parentheses", 85)
    tasks = _by_path(extract_tasks(_outline(PLAN), rules))
    assert tasks["I.1"].lead == ["Sở Khoa học và Công nghệ"]
    assert tasks["I.1"].text == "Xây dựng bộ sổ tay số mẫu cho hợp tác xã nông nghiệp"
    assert tasks["I.2"].lead == ["Liên minh Hợp tác xã tỉnh"]
    # the shared registry is untouched
    assert "focal_in_parentheses" not in items.ITEM_RULES
    assert _by_path(extract_tasks(_outline(PLAN)))["I.1"].lead == []


class FocalAsPartner(FocalInParentheses):
    """The same layout read the other way: the body in parentheses coordinates."""

    def run(self, item: Item) -> Ruling | None:
        ruling = super().run(item)
        assert ruling is not None and ruling.responsibility is not None
        return Ruling(Responsibility(coordinating=ruling.responsibility.lead), ruling.text)


def test_replacing_and_deregistering_a_convention_by_name() -> None:
    rules = items.item_rules()
    rules.register(FocalInParentheses(), "focal_in_parentheses", 85)
    rules.register(FocalAsPartner(), "focal_in_parentheses", 85)  # replaces it
    task = _by_path(extract_tasks(_outline(PLAN), rules))["I.1"]
    assert task.lead == [] and task.coordinating == ["Sở Khoa học và Công nghệ"]
    rules.deregister("focal_in_parentheses")
    task = _by_path(extract_tasks(_outline(PLAN), rules))["I.1"]
    assert task.lead == [] and task.coordinating == [] and "Đầu mối" in task.text


# --- a new table layout is one new piece -----------------------------------------

HEADER = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian")


class TotalsRow:
    """'Tổng cộng: 2 nhiệm vụ' closing a table counts the tasks; it is no task."""

    def test(self, reader: TableReader, row: Row) -> bool:
        return row.cells[row.text_index].startswith("Tổng cộng")

    def run(self, reader: TableReader, row: Row) -> bool:
        return True


def _rows(layouts: Registry | None) -> list[OutlineNode]:
    appendix = OutlineNode(kind="table", label="PL", heading="PHỤ LỤC")
    reader = TableReader(appendix, layouts)
    reader.feed(
        Table(
            rows=(
                HEADER,
                ("1", "Lập danh mục hợp tác xã thí điểm", "Sở Nông nghiệp", "Quý I/2027"),
                ("2", "Cấp tài khoản sổ tay số", "Trung tâm Chuyển đổi số", "Quý II/2027"),
                ("", "Tổng cộng: 2 nhiệm vụ", "", ""),
            )
        )
    )
    reader.finish()
    return appendix.children


def test_a_new_table_layout_is_one_registered_processor() -> None:
    plain = _rows(None)
    assert "Tổng cộng" in plain[-1].heading  # read as the end of task 2
    layouts = ROW_LAYOUTS.copy()
    layouts.register(TotalsRow(), "totals_row", 95)
    rows = _rows(layouts)
    assert [r.heading for r in rows] == [
        "Lập danh mục hợp tác xã thí điểm",
        "Cấp tài khoản sổ tay số",
    ]


# --- a new section convention is one new piece ------------------------------------

# Fictional plan: its duties sit under "NHỮNG VIỆC CẦN LÀM NGAY", items that name
# nobody, so neither the heading words nor the structure make it a duty section.
URGENT = """ỦY BAN NHÂN DÂN XÃ TÂN PHÚ
Số: 07/KH-UBND
KẾ HOẠCH
Khắc phục hậu quả mưa lũ tháng 10 năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm đời sống của nhân dân vùng bị ảnh hưởng.
II. NHỮNG VIỆC CẦN LÀM NGAY
1. Rà soát, thống kê các hộ có nhà bị hư hỏng.
2. Khơi thông cống rãnh, dọn dẹp bùn đất tại các thôn.
III. TỔ CHỨC THỰC HIỆN
Công chức Văn phòng - Thống kê theo dõi, tổng hợp kết quả.
"""


class UrgentWork:
    """'NHỮNG VIỆC CẦN LÀM NGAY' heads a commune's list of duties."""

    def test(self, section: Section) -> bool:
        return "VIỆC CẦN LÀM" in section.node.heading.upper()

    def run(self, section: Section) -> str | None:
        return sections.DUTY


def test_the_built_in_section_rules_do_not_read_the_fictional_heading() -> None:
    assert not {t.path for t in parse_text(URGENT).tasks} & {"II.1", "II.2"}


def test_a_new_section_convention_is_one_registered_processor() -> None:
    rules = sections.section_rules()
    rules.register(UrgentWork(), "urgent_work", 75)
    tasks = _by_path(extract_tasks(_outline(URGENT), section_rules=rules))
    # III: the civil servant's duty in TỔ CHỨC THỰC HIỆN, a task with or without the rule
    assert set(tasks) == {"II.1", "II.2", "III"}
    assert tasks["II.2"].text.startswith("Khơi thông cống rãnh")
    assert "urgent_work" not in SECTION_RULES  # the shared registry is untouched


def test_a_section_rule_that_declines_lets_the_next_one_decide() -> None:
    """'run' returning None is 'not mine after all': a lower rule still decides."""

    class Declines(UrgentWork):
        def run(self, section: Section) -> str | None:
            return None

    rules = sections.section_rules()
    rules.register(Declines(), "declines", 75)
    node = OutlineNode(kind="roman", label="II", heading="NHIỆM VỤ VÀ NHỮNG VIỆC CẦN LÀM")
    assert sections.classify(Section(node, lambda _node: []), rules) == "duty"
    node = OutlineNode(kind="roman", label="V", heading="KINH PHÍ THỰC HIỆN")
    assert sections.classify(Section(node, lambda _node: []), rules) is None


def test_the_structural_duty_convention_is_one_processor() -> None:
    """Without 'gives_work', a letter's bare numbered points are no duties."""
    letter = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "cv-diem-danh-so.txt"
    outline = _outline(letter.read_text(encoding="utf-8"))
    assert {t.path for t in extract_tasks(outline)} == {"1", "2"}
    rules = sections.section_rules()
    rules.deregister("gives_work")
    tasks = extract_tasks(_outline(letter.read_text(encoding="utf-8")), section_rules=rules)
    assert "2" not in {t.path for t in tasks}  # point 1 says "nội dung Kế hoạch", point 2 not


# --- a new header layout is one new piece -----------------------------------------

# Fictional copy printed from an electronic document register: the register's
# fields stand above the text as labelled lines instead of the printed header.
REGISTER_COPY = [
    "Số ký hiệu: 15/KH-UBND",
    "Ngày ban hành: 20/04/2026",
    "Cơ quan ban hành: Ủy ban nhân dân xã Tân Phú",
]
TITLE = ["KẾ HOẠCH", "Phòng, chống dịch bệnh trên đàn gia súc năm 2026"]
_FIELD = re.compile(r"^(?P<label>Số ký hiệu|Ngày ban hành|Cơ quan ban hành):\s*(?P<value>.+)$")


class RegisterFields:
    """'Số ký hiệu: …', 'Ngày ban hành: dd/mm/yyyy', 'Cơ quan ban hành: …': the
    fields of a document register, each filled when still empty."""

    def test(self, header: Header) -> bool:
        return any(_FIELD.match(line) for line in header.lines)

    def run(self, header: Header) -> None:
        info = header.info
        for line in header.lines:
            found = _FIELD.match(line)
            if found is None:
                continue
            label, value = found.group("label"), found.group("value").strip()
            if label == "Số ký hiệu" and info.number is None:
                info.number = value
            elif label == "Ngày ban hành" and info.date is None:
                day, month, year = value.split("/")
                info.date = f"{year}-{month}-{day}"
            elif label == "Cơ quan ban hành" and info.issuer is None:
                info.issuer = value


def test_the_built_in_readers_do_not_read_the_fictional_register_fields() -> None:
    info = extract_metadata(REGISTER_COPY, TITLE, "", [], [])
    assert (info.number, info.date, info.issuer) == (None, None, None)


def test_a_new_header_reader_is_one_registered_processor() -> None:
    readers = header_readers()
    readers.register(RegisterFields(), "register_fields", 85)
    info = extract_metadata(REGISTER_COPY, TITLE, "", [], [], readers)
    assert (info.number, info.date) == ("15/KH-UBND", "2026-04-20")
    assert info.issuer == "Ủy ban nhân dân xã Tân Phú"
    # what follows the readers still works from their fields
    assert (info.kind, info.issuer_type, info.level) == ("ke_hoach", "government", "commune")
    assert "register_fields" not in HEADER_READERS  # the shared registry is untouched


def test_a_higher_reader_fills_a_field_first() -> None:
    """Each reader fills only what is still empty: the printed header, read first,
    wins over the register's fields for the number."""
    readers = header_readers()
    readers.register(RegisterFields(), "register_fields", 85)
    printed = ["ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "Số: 16/KH-UBND", *REGISTER_COPY]
    info = extract_metadata(printed, TITLE, "", [], [], readers)
    assert info.number == "16/KH-UBND" and info.date == "2026-04-20"


# Fictional Word header table whose printed lines sit in rows of their own, with
# empty spacer rows between them: taller than a header table may be.
SPACED_HEADER = Table(
    rows=(
        ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("XÃ TÂN PHÚ", "Độc lập - Tự do - Hạnh phúc"),
        ("", ""),
        ("Số: 15/KH-UBND", "Tân Phú, ngày 20 tháng 4 năm 2026"),
        ("", ""),
        ("", ""),
        ("", ""),
    )
)


class SpacedHeaderTable:
    """A header table with empty spacer rows is read as the same table without them."""

    def test(self, line: Line) -> bool:
        return line.table is not None and any(not any(row) for row in line.table.rows)

    def run(self, line: Line) -> list[str] | None:
        assert line.table is not None
        rows = tuple(row for row in line.table.rows if any(row))
        return WordHeaderTable().run(Line(text="", table=Table(rows=rows)))


def test_a_new_header_layout_is_one_registered_processor() -> None:
    lines = [Line(text="", table=SPACED_HEADER)]
    assert header_lines(lines) == []  # too tall for the built-in header table
    layouts = header_layouts()
    layouts.register(SpacedHeaderTable(), "spaced_table", 110)  # before word_table
    head = header_lines(lines, layouts)
    assert head[:3] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "Số: 15/KH-UBND"]
    info = extract_metadata(head, TITLE, "", [], [])
    assert (info.issuer, info.number) == ("Ủy ban nhân dân xã Tân Phú", "15/KH-UBND")
    assert (info.place, info.date) == ("Tân Phú", "2026-04-20")
    assert "spaced_table" not in HEADER_LAYOUTS
