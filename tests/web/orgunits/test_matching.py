"""Matching body names as plans write them to units and groups."""

from theodoi.orgunits.matching import BodyIndex
from theodoi.orgunits.models import Level, OrgUnit, UnitKind


def test_abbreviation_alias_and_full_name_meet(org) -> None:  # type: ignore[no-untyped-def]
    index = BodyIndex.from_db()
    for written in ["Sở TT&TT", "Sở Thông tin và Truyền thông", "sở thông tin và truyền thông"]:
        match = index.match(written)
        assert match is not None and match.exact
        assert match.target == org.information


def test_ubnd_and_head_titles(org) -> None:  # type: ignore[no-untyped-def]
    index = BodyIndex.from_db()
    assert index.match("UBND huyện Đông Sơn").target == org.district_a
    assert index.match("Giám đốc Sở Tư pháp").target == org.justice
    assert index.match("UBND các huyện, thị xã, thành phố").target == org.districts


def test_damaged_text_matches_fuzzily_and_unrelated_names_do_not(org) -> None:  # type: ignore[no-untyped-def]
    index = BodyIndex.from_db()
    match = index.match("Sở Tư phap")  # lost one mark
    assert match is not None and match.target == org.justice
    damaged = index.match("Ủy ban nhân dân huyên Đông Sơm")
    assert damaged is not None and not damaged.exact and damaged.target == org.district_a
    assert index.match("Bộ Quốc phòng") is None


def test_the_same_name_in_two_districts_is_ambiguous(org) -> None:  # type: ignore[no-untyped-def]
    for district in (org.district_a, org.district_b):
        OrgUnit.objects.create(
            code=f"pnv-{district.code}",
            name="Phòng Nội vụ",
            kind=UnitKind.DEPARTMENT,
            level=Level.DISTRICT,
            parent=district,
        )
    match = BodyIndex.from_db().match("Phòng Nội vụ")
    assert match is not None and match.ambiguous and match.target is None
