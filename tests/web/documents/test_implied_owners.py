"""A plan whose duties name nobody: with the province's directory imported,
each duty is owned by the units "Tổ chức thực hiện" charges with the whole
plan, nothing is invented, publishing asks the officer to check them, and
the officer can point a name elsewhere for every task at once (fictional
plan, tests/text/extract/test_implementers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.text.extract.test_implementers import PARTY_PLAN
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document
from theodoi.documents.publishing import publish_problems
from theodoi.orgunits.actions import import_directory
from theodoi.orgunits.directory import parse_rows
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.actions import decide_body
from theodoi.plans.models import Assignment, AssignmentRole
from theodoi.text.model import ParseResult
from theodoi.text.parse import parse_text
from theodoi.text.readers.sheet import read_sheet

TEMPLATE = (
    Path(__file__).resolve().parents[3]
    / "theodoi"
    / "orgunits"
    / "directory_templates"
    / "tinh-truoc-2025.csv"
)
COMMITTEES = {"thanh-uy-lam-giang", "thi-uy-bac-ha", "huyen-uy-dong-son", "huyen-uy-tay-giang"}


@pytest.fixture
def imported() -> Document:
    import_directory(None, parse_rows(read_sheet(TEMPLATE)))
    units = OrgUnit.objects.count()
    result = parse_text(PARTY_PLAN, source_name="van-hoa-doc.txt").to_json_dict()
    document = store_parse_result(ParseResult.from_json_dict(result)).document
    assert OrgUnit.objects.count() == units  # nothing invented
    return document


def owners(document: Document, path: str) -> set[str]:
    return set(
        Assignment.objects.filter(task__document=document, task__path=path).values_list(
            "unit__code", flat=True
        )
    )


def test_duties_naming_nobody_are_owned_by_the_plans_implementers(imported: Document) -> None:
    for path in ("II.1-1", "II.1-2", "II.2"):
        found = owners(imported, path)
        assert found >= COMMITTEES, path
        assert {"ban-tuyen-giao-tinh-uy", "ubnd-tinh"} <= found, path
        assert "so-noi-vu" not in found and "tinh-uy" not in found
        roles = set(
            Assignment.objects.filter(task__document=imported, task__path=path).values_list(
                "role", flat=True
            )
        )
        assert roles == {AssignmentRole.IMPLEMENTING}
    # a duty with its own bodies keeps only them
    assert owners(imported, "II.3") == {"so-van-hoa-tt-dl", "so-tai-chinh"}
    assert not imported.tasks.filter(is_active=True, assignments__isnull=True).exists()


def test_publishing_asks_to_check_them_and_the_officer_can_correct(imported: Document) -> None:
    problems = {p.code: p for p in publish_problems(imported)}
    implied = problems["implied_owners"]
    assert not implied.blocking and "II.1-1" in implied.message and "II.3" not in implied.message
    # the officer says "các ban đảng" here means the Ban Tuyên giáo only
    target = OrgUnit.objects.get(code="ban-tuyen-giao-tinh-uy")
    decide_body(None, imported, "các ban đảng", "pick", units=[target])
    found = owners(imported, "II.2")
    assert "van-phong-tinh-uy" not in found and "ban-tuyen-giao-tinh-uy" in found
    assert found >= COMMITTEES


#: Another district's own bodies (the template holds only the city's).
CITY_UNITS = [
    ("bt-huyen-uy-ds", "Ban Tuyên giáo Huyện ủy Đông Sơn", "party", "huyen-uy-dong-son"),
    ("hnd-h-ds", "Hội Nông dân huyện Đông Sơn", "front", "ubnd-h-dong-son"),
]

CITY_PLAN = """\
THÀNH ỦY LÂM GIANG
Số 31-KH/TU
Lâm Giang, ngày 12 tháng 5 năm 2025
KẾ HOẠCH
thực hiện Chương trình của Tỉnh ủy về văn hóa đọc
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ, đảng viên.
II. NHIỆM VỤ, GIẢI PHÁP
1. Đổi mới công tác tuyên truyền về văn hóa đọc
- Đa dạng hóa hình thức giới thiệu sách tại khu dân cư.
- Xây dựng tủ sách tại nhà văn hóa khu phố.
III. TỔ CHỨC THỰC HIỆN
1. Các cơ quan tham mưu, giúp việc Thành ủy tổ chức quán triệt và xây dựng kế hoạch thực hiện.
2. Các đoàn thể chính trị - xã hội thành phố căn cứ Kế hoạch này xây dựng kế hoạch thực hiện.
3. Ủy ban nhân dân thành phố trên cơ sở Kế hoạch này cụ thể hóa thực hiện.
4. Ban Tuyên giáo Thành ủy chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.
T/M THÀNH ỦY
"""


def test_a_city_plans_implementers_are_the_citys_own_units() -> None:
    rows = read_sheet(TEMPLATE)
    level = {"party": "district", "front": "district"}
    for code, name, kind, parent in CITY_UNITS:
        row = {"code": code, "name": name, "kind": kind, "parent": parent, "aliases": ""}
        row["level"] = level[kind]
        rows.append(row)
    for row in rows:
        row.setdefault("level", "")
    import_directory(None, parse_rows(rows))
    result = parse_text(CITY_PLAN, source_name="lam-giang.txt").to_json_dict()
    assert result["document"]["level"] == "city"
    document = store_parse_result(ParseResult.from_json_dict(result)).document
    found = owners(document, "II.1-2")
    assert {
        "ban-tuyen-giao-thanh-uy-lam-giang",
        "mttq-tp-lam-giang",
        "hoi-nong-dan-tp-lam-giang",
        "ubnd-tp-lam-giang",
    } <= found
    # the plan leaves its own place implicit: "Ban Tuyên giáo Thành ủy" is Lâm Giang's
    assert owners(document, "III.4") == {"ban-tuyen-giao-thanh-uy-lam-giang"}
    # never another district's units, nor the province's
    assert not found & {"bt-huyen-uy-ds", "hnd-h-ds", "ban-tuyen-giao-tinh-uy", "mttq-tinh"}
