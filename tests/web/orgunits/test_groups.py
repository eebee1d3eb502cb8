"""Unit groups expand to their members; the tree keeps its paths on a move."""

from theodoi.orgunits.groups import expand, group_members
from theodoi.orgunits.models import Level, OrgUnit, UnitKind


def test_group_of_districts_expands_to_the_districts(org) -> None:  # type: ignore[no-untyped-def]
    assert list(group_members(org.districts)) == [org.district_a, org.district_b]


def test_departments_group_excludes_districts_and_communes(org) -> None:  # type: ignore[no-untyped-def]
    members = set(group_members(org.departments))
    assert members == {org.home_affairs, org.justice, org.information}


def test_a_new_district_joins_the_group_and_inactive_ones_leave(org) -> None:  # type: ignore[no-untyped-def]
    new = OrgUnit.objects.create(
        code="ubnd-tx-moi",
        name="UBND thị xã Mới",
        kind=UnitKind.DISTRICT,
        level=Level.DISTRICT,
        parent=org.province,
    )
    org.district_b.is_active = False
    org.district_b.save()
    assert list(group_members(org.districts)) == [org.district_a, new]


def test_explicit_members_add_to_the_rule(org) -> None:  # type: ignore[no-untyped-def]
    org.districts.members.add(org.front)
    assert org.front in set(group_members(org.districts))


def test_expand_merges_units_and_groups_once_in_tree_order(org) -> None:  # type: ignore[no-untyped-def]
    units = expand([org.district_b, org.party], [org.districts])
    assert units == sorted(units, key=lambda u: u.tree_path)
    assert [u.pk for u in units].count(org.district_b.pk) == 1
    assert set(units) == {org.district_a, org.district_b, org.party}


def test_subtree_and_ancestors_follow_a_move(org) -> None:  # type: ignore[no-untyped-def]
    assert set(org.district_a.subtree()) == {org.district_a, org.commune_a}
    org.commune_a.parent = org.district_b
    org.commune_a.save()
    org.commune_a.refresh_from_db()
    assert list(org.commune_a.ancestors()) == [org.province, org.district_b]
    assert set(org.district_a.subtree()) == {org.district_a}
