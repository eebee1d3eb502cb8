"""A unit officer uploads the unit's own sub-plan; the tasks it gives to
other units wait for the focal agency's approval."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.web.builders import Org, Plan
from tests.web.documents.results import parse_result
from theodoi.documents.actions import decide_delegated_tasks, publish_plan
from theodoi.documents.delegation import pending_assignments
from theodoi.documents.importing import store_parse_result
from theodoi.plans.models import Assignment
from theodoi.reporting import scope
from theodoi.text.model import ParseResult

TODAY = datetime.date(2025, 11, 20)


def sub_plan(unit_officer_a):  # type: ignore[no-untyped-def]
    result = parse_result(
        number="11/KH-STP", issuer="Sở Tư pháp", implements=["123/KH-UBND"], references=[]
    )
    result["tasks"] = [
        dict(result["tasks"][1], path="1", lead=["Sở Tư pháp"], coordinating=[]),
        dict(result["tasks"][0], path="2", lead=["Sở TT&TT"], coordinating=["Sở Tư pháp"]),
    ]
    document = store_parse_result(
        ParseResult.from_json_dict(result), actor=unit_officer_a, today=TODAY
    ).document
    return publish_plan(unit_officer_a, document, confirm_warnings=True)


def owed_units(document) -> set[str]:  # type: ignore[no-untyped-def]
    return set(scope.plan_assignments(document).values_list("unit__code", flat=True))


def test_tasks_for_other_units_wait_for_the_focal_agency(
    client_for, org: Org, plan: Plan, unit_officer_a, focal_officer
) -> None:
    document = sub_plan(unit_officer_a)
    held = list(pending_assignments(document))
    assert {a.unit.code for a in held} == {"so-tt-tt"}
    assert owed_units(document) == {"so-tu-phap"}  # the unit's own tasks count at once
    with pytest.raises(PermissionDenied):
        decide_delegated_tasks(unit_officer_a, document, [a.pk for a in held], [])

    client = client_for(focal_officer)
    page = client.get(reverse("documents:detail", args=[document.pk]))
    assert 'name="duyet"' in page.text
    client.post(reverse("documents:delegated", args=[document.pk]), {"duyet": [held[0].pk]})
    assert owed_units(document) == {"so-tu-phap", "so-tt-tt"}
    assert not pending_assignments(document).exists()


def test_the_other_unit_sees_the_sub_plan_only_once_approved(
    client_for, org: Org, plan: Plan, unit_officer_a, focal_officer
) -> None:
    from tests.web.builders import person
    from theodoi.accounts.models import Role

    officer_info = person("canbo_tttt", "Vũ Thị Thông", Role.UNIT_OFFICER, org.information)
    document = sub_plan(unit_officer_a)
    url = reverse("documents:detail", args=[document.pk])
    assert client_for(officer_info).get(url).status_code == 404
    decide_delegated_tasks(
        focal_officer, document, [a.pk for a in pending_assignments(document)], []
    )
    assert client_for(officer_info).get(url).status_code == 200


def test_refused_delegation_is_removed(org: Org, plan: Plan, unit_officer_a, focal_officer) -> None:
    document = sub_plan(unit_officer_a)
    held = list(pending_assignments(document))
    assert decide_delegated_tasks(focal_officer, document, [], [a.pk for a in held]) == (0, 1)
    assert not Assignment.objects.filter(pk__in=[a.pk for a in held]).exists()


def test_focal_officers_own_import_is_not_held(org: Org, personas, focal_officer) -> None:
    document = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer, today=TODAY
    ).document
    assert not pending_assignments(document).exists()
