"""Matching that is never wrong silently: one test per wrong merge the issue
found, on a directory imported from the shipped template (real database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from theodoi.audit.models import AuditEvent
from theodoi.orgunits.actions import import_directory
from theodoi.orgunits.directory import parse_rows
from theodoi.orgunits.models import Alias, OrgUnit, UnitGroup
from theodoi.plans.resolution import Resolver
from theodoi.text.model import ParseResult
from theodoi.text.readers.sheet import read_sheet

TEMPLATES = Path(__file__).resolve().parents[3] / "theodoi" / "orgunits" / "directory_templates"


@pytest.fixture
def directory() -> None:
    import_directory(None, parse_rows(read_sheet(TEMPLATES / "tinh-truoc-2025.csv")))


def codes(units) -> set[str]:  # type: ignore[no-untyped-def]
    return {unit.code for unit in units}


def test_ngoai_vu_is_not_noi_vu(directory: None) -> None:
    OrgUnit.objects.filter(code="so-ngoai-vu").delete()
    resolution = Resolver(level="province").resolve("Sở Ngoại vụ")
    assert resolution.method == "unknown" and not resolution.units
    assert resolution.suggestions == []  # not even suggested
    assert Resolver(level="province").resolve("Sở Nội vụ").units[0].code == "so-noi-vu"


def test_distinct_words_never_meet(directory: None) -> None:
    OrgUnit.objects.filter(code="so-tai-chinh").delete()
    resolver = Resolver(level="province")
    for name in ["Sở Tài chính", "Sở Tư pháo chính"]:
        found = resolver.resolve(name)
        assert not found.units and "so-tu-phap" not in codes(found.suggestions), name


def test_tinh_uy_is_not_thanh_uy(directory: None) -> None:
    resolver = Resolver(level="province")
    for name in ["Ban Dân vận Thành ủy", "Ban Dân vẫn Thanh ủy", "Ban Tuyên giáo Thành ủy"]:
        found = resolver.resolve(name)
        assert found.method == "unknown" and not found.units and not found.suggestions, name
    assert codes(resolver.resolve("Ban Dân vận Tỉnh ủy").units) == {"ban-dan-van-tinh-uy"}
    # the city's own committee exists in the directory: still not the province's
    assert codes(resolver.resolve("Thành ủy Lâm Giang").units) == {"thanh-uy-lam-giang"}


def test_bodies_of_another_province_are_not_ours(directory: None) -> None:
    resolver = Resolver(level="province")
    for name in [
        "Tỉnh ủy Tây Ninh",
        "Đài Phát thanh và Truyền hình Kiên Giang",
        "Ủy ban nhân dân tỉnh Kon Tum",
    ]:
        found = resolver.resolve(name)
        assert found.method == "unknown" and not found.units and not found.suggestions, name


def test_province_is_not_district(directory: None) -> None:
    resolver = Resolver(level="province")
    found = resolver.resolve("Ban Dân tộc huyện")
    assert not found.units and not found.suggestions
    assert not Resolver(level="district").resolve("Ban Dân tộc").units


def test_level_word_the_plan_leaves_implicit(directory: None) -> None:
    found = Resolver(level="province").resolve("Ban Dân tộc")
    assert found.method == "level" and codes(found.units) == {"ban-dan-toc"}
    assert OrgUnit.objects.filter(name__iexact="Ban Dân tộc").count() == 0


def test_ocr_garbage_and_non_bodies_never_become_units(directory: None) -> None:
    resolver = Resolver(level="province")
    assert resolver.resolve("Báo Kiến Giảng").method == "unknown"  # listed, not created
    for name in ["chính quyền", "Chính quyền địa phương", "hệ thống chính trị", "¢cb ~~ ii"]:
        assert resolver.resolve(name).method == "not_body", name
    assert not OrgUnit.objects.filter(name__in=["Báo Kiến Giảng", "chính quyền"]).exists()


def test_governments_of_two_or_all_levels_are_the_peoples_committees(directory: None) -> None:
    """ "Chính quyền hai cấp" is no new unit: it is the People's Committees of the
    plan's level and below, in the plan's own locality."""
    city = OrgUnit.objects.get(code="thanh-uy-lam-giang")
    found = Resolver(level="district", context=city).resolve("Chính quyền hai cấp")
    assert found.method == "kinds" and codes(found.units) == {"ubnd-tp-lam-giang", "ubnd-p-an-lac"}
    province = codes(Resolver(level="province").resolve("Chính quyền các cấp").units)
    assert {"ubnd-tinh", "ubnd-h-dong-son", "ubnd-x-tan-phu"} <= province
    assert not province & {"so-noi-vu", "tinh-uy", "mttq-tinh"}
    # a local plan whose issuer is not in the directory: listed, not guessed
    assert Resolver(level="district").resolve("Chính quyền hai cấp").method == "vague"
    units = OrgUnit.objects.count()
    Resolver(level="province").resolve("Chính quyền hai cấp")
    assert OrgUnit.objects.count() == units


def test_a_local_plans_bare_names_are_its_localitys_own(directory: None) -> None:
    """In Thành ủy Lâm Giang's plan "Mặt trận Tổ quốc Việt Nam", "Ban Thường vụ
    Thành đoàn", "Phòng Nội vụ" are Lâm Giang's; in a provincial plan the Front is
    the province's; and a name the locality does not have stays unknown."""
    city = Resolver(level="district", context=OrgUnit.objects.get(code="thanh-uy-lam-giang"))
    expected = {
        "Mặt trận Tổ quốc Việt Nam": "mttq-tp-lam-giang",
        "Ủy ban Mặt trận Tổ quốc": "mttq-tp-lam-giang",
        "Ban Thường vụ Thành đoàn": "thanh-doan-lam-giang",
        "Phòng Nội vụ": "phong-noi-vu-tp-lam-giang",
        "Công an": "cong-an-tp-lam-giang",
    }
    for name, code in expected.items():
        found = city.resolve(name)
        assert found.method == "level" and codes(found.units) == {code}, name
    assert not city.resolve("Phòng Tư pháp").units  # Lâm Giang's is not in the directory
    assert not city.resolve("Ban Thường vụ Huyện đoàn").units  # not a city's word
    district = Resolver(level="district", context=OrgUnit.objects.get(code="huyen-uy-dong-son"))
    assert not district.resolve("Mặt trận Tổ quốc Việt Nam").units  # never the city's
    province = Resolver(level="province").resolve("Mặt trận Tổ quốc Việt Nam")
    assert codes(province.units) == {"mttq-tinh"}


def test_near_spelling_is_only_a_suggestion(directory: None) -> None:
    found = Resolver(level="province").resolve("Sở Tư pháo")
    assert found.method == "fuzzy" and not found.resolved and found.units == []
    assert codes(found.suggestions) == {"so-tu-phap"}


def test_normalised_forms_are_automatic(directory: None) -> None:
    resolver = Resolver(level="province")
    for name in ["UBND tỉnh", "Ủy ban nhân dân tỉnh Hòa Lâm", "ỦY BAN NHÂN DÂN TỈNH HÒA LÂM"]:
        assert codes(resolver.resolve(name).units) == {"ubnd-tinh"}, name
    for name in [
        "Sở TT&TT",
        "So Thong tin va Truyen thong",
        "Giám đốc Sở Thông tin và Truyền thông",
    ]:
        assert codes(resolver.resolve(name).units) == {"so-thong-tin-truyen-thong"}, name
    assert resolver.resolve("Ủy ban MTTQ Việt Nam tính").method in {"exact", "alias"}


def test_groups_and_office_holders_expand_through_kinds(directory: None) -> None:
    assert not UnitGroup.objects.exists()
    resolver = Resolver(level="province")
    departments = codes(OrgUnit.objects.filter(kind="department", level="province"))
    districts = {"ubnd-tp-lam-giang", "ubnd-tx-bac-ha", "ubnd-h-dong-son", "ubnd-h-tay-giang"}
    for name in ["Các sở, ban, ngành tỉnh", "Giám đốc các sở", "Thủ trưởng các ban, ngành tỉnh"]:
        found = resolver.resolve(name)
        assert found.method == "kinds" and codes(found.units) == departments, name
    assert "so-ngoai-vu" in departments and "ubnd-tinh" not in departments
    for name in [
        "UBND các huyện, thị xã, thành phố",
        "Chủ tịch UBND các huyện, thị xã, thành phố",
        "Ủy ban nhân dân các huyện, thành phố",
    ]:
        assert codes(resolver.resolve(name).units) == districts, name
    communes = codes(resolver.resolve("các xã, phường").units)
    assert communes == codes(OrgUnit.objects.filter(kind="commune")) and len(communes) == 5


def test_vague_phrases_stay_vague(directory: None) -> None:
    resolver = Resolver(level="province")
    for name in ["các đơn vị có liên quan", "các cơ quan, đơn vị"]:
        found = resolver.resolve(name)
        assert found.method == "vague" and not found.units and found.needs_review, name
    # "các cấp ủy" means the committees under the plan's level: unknown level, vague
    found = Resolver(level="").resolve("Các cấp ủy")
    assert found.method == "vague" and not found.units and found.needs_review


def test_party_committees_are_those_under_the_plans_level(directory: None) -> None:
    committees = {"thanh-uy-lam-giang", "thi-uy-bac-ha", "huyen-uy-dong-son", "huyen-uy-tay-giang"}
    resolver = Resolver(level="province")
    for name in ["Các cấp ủy", "các cấp ủy, tổ chức đảng", "Cấp ủy các cấp"]:
        found = resolver.resolve(name)
        assert found.method == "kinds" and codes(found.units) == committees, name
    # a district plan's committees are the communes' party committees: none in this directory
    assert not Resolver(level="district").resolve("Các cấp ủy").units


def test_a_district_plans_groups_are_its_own_never_the_provinces(directory: None) -> None:
    district = OrgUnit.objects.get(code="ubnd-h-dong-son")
    found = Resolver(level="district", context=district).resolve("UBND các xã, thị trấn")
    assert found.method == "kinds"
    assert codes(found.units) == {"ubnd-x-binh-an", "ubnd-x-dong-phu"}
    # a district plan whose issuer is not in the directory: listed, not guessed
    unknown = Resolver(level="district").resolve("UBND các xã, thị trấn")
    assert unknown.method == "vague" and not unknown.units and unknown.needs_review


def test_party_departments_and_party_groups(directory: None) -> None:
    resolver = Resolver(level="province")
    organs = codes(resolver.resolve("các ban đảng").units)
    assert {"ban-tuyen-giao-tinh-uy", "van-phong-tinh-uy"} <= organs
    assert codes(resolver.resolve("các cơ quan tham mưu, giúp việc Tỉnh ủy").units) == organs
    assert "tinh-uy" not in organs and not organs & {"thanh-uy-lam-giang", "so-noi-vu"}
    # a body's party group or standing committee stands for the body
    assert codes(resolver.resolve("Đảng đoàn Hội đồng nhân dân tỉnh").units) == {"hdnd-tinh"}
    assert codes(resolver.resolve("Ban cán sự đảng UBND tỉnh").units) == {"ubnd-tinh"}
    assert codes(resolver.resolve("Ban Thường vụ Tỉnh đoàn").units) == {"tinh-doan"}
    # never across places: another city's standing committee stays unknown
    assert not resolver.resolve("Ban Thường vụ Thành ủy Vĩnh Xuyên").units


def test_after_2025_districts_are_an_empty_group_not_a_guess() -> None:
    import_directory(None, parse_rows(read_sheet(TEMPLATES / "tinh-sau-2025.csv")))
    resolver = Resolver(level="province")
    found = resolver.resolve("UBND các huyện, thị xã, thành phố")
    assert found.method == "empty_group" and found.needs_review and not found.units
    assert len(resolver.resolve("các xã, phường").units) == 7
    # merged departments: the old names lead to the successor
    assert codes(resolver.resolve("Sở Lao động - Thương binh và Xã hội").units) == {"so-noi-vu"}
    assert codes(resolver.resolve("Sở TN&MT").units) == {"so-nong-nghiep-moi-truong"}
    assert codes(resolver.resolve("Sở Thông tin và Truyền thông").units) == {
        "so-khoa-hoc-cong-nghe"
    }


def test_resolving_writes_nothing(directory: None) -> None:
    before = (OrgUnit.objects.count(), UnitGroup.objects.count(), Alias.objects.count())
    events = AuditEvent.objects.count()
    resolver = Resolver(level="province")
    for name in ["Trung tâm mới", "các đơn vị liên quan", "Sở Tư pháo", "Ban Dân vận Thành ủy"]:
        resolver.resolve(name)
    assert (OrgUnit.objects.count(), UnitGroup.objects.count(), Alias.objects.count()) == before
    assert AuditEvent.objects.count() == events


def test_through_an_import_nothing_wrong_is_assigned_or_created(directory: None) -> None:
    import datetime

    from tests.web.documents.results import parse_result
    from theodoi.documents.importing import store_parse_result
    from theodoi.plans.models import Assignment

    OrgUnit.objects.filter(code="so-ngoai-vu").delete()
    result = parse_result()
    names = {
        "II.1": ["Sở Ngoại vụ"],
        "II.2": ["Ban Dân vận Thành ủy"],
        "II.3.a": ["Ban Dân tộc"],
        "II.3.b": ["Báo Kiến Giảng; hệ thống chính trị; chính quyền"],
    }
    for task in result["tasks"]:
        task["lead"], task["coordinating"], task["implementing"] = names[task["path"]], [], []
    units = OrgUnit.objects.count()
    outcome = store_parse_result(
        ParseResult.from_json_dict(result), today=datetime.date(2025, 11, 20)
    )
    assigned = {
        (a.task.path, a.unit.code)
        for a in Assignment.objects.filter(task__document=outcome.document).select_related(
            "task", "unit"
        )
    }
    assert assigned == {("II.3.a", "ban-dan-toc")}
    assert OrgUnit.objects.count() == units
    assert outcome.unresolved == ["Ban Dân vận Thành ủy", "Báo Kiến Giảng", "Sở Ngoại vụ"]
    assert outcome.unassigned_tasks == 3
