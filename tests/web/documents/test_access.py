"""Who may read and change which document, through the access helpers and
the pages: another agency's or unit's document by URL is a 404."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from tests.web.builders import Org, Plan, person
from tests.web.documents.results import parse_result
from theodoi.documents.access import documents_for_user, get_document_for_user
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document, DocumentState
from theodoi.text.model import ParseResult


def sub_plan(unit_officer, number: str = "7/KH-STP", state: str = "draft") -> Document:
    result = parse_result(number=number, issuer="Sở Tư pháp", implements=["123/KH-UBND"])
    result["reporting"] = []
    result["tasks"] = result["tasks"][:2]  # Sở TT&TT and Sở Tư pháp only, no district
    document = store_parse_result(ParseResult.from_json_dict(result), actor=unit_officer).document
    Document.objects.filter(pk=document.pk).update(state=state)
    document.refresh_from_db()
    return document


def visible(user) -> set[str]:
    return set(documents_for_user(user).values_list("number", flat=True))


def test_focal_officer_sees_own_agency_documents_and_placeholders(
    org: Org, focal_officer, plan: Plan
) -> None:
    own = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer
    ).document
    other_focal = person("dv", "Cán Bộ Ban Dân Vận", "focal_officer", org.mass_mobilisation)
    theirs = store_parse_result(
        ParseResult.from_json_dict(
            parse_result(
                number="5-KH/BDV", implements=[], references=[], focal_agency="Ban Dân vận Tỉnh ủy"
            )
        ),
        actor=other_focal,
    ).document
    assert {"45/KH-UBND", "123/KH-UBND", "12-CTr/TU", "43-NQ/TW"} <= visible(focal_officer)
    assert "5-KH/BDV" not in visible(focal_officer)
    assert "5-KH/BDV" in visible(other_focal) and "45/KH-UBND" not in visible(other_focal)
    with pytest.raises(Http404):
        get_document_for_user(focal_officer, theirs.pk)
    assert get_document_for_user(focal_officer, own.pk, for_change=True) == own
    with pytest.raises(Http404):
        get_document_for_user(other_focal, own.pk, for_change=True)


def test_unit_officers_see_assigning_plans_and_their_own_sub_plans(
    org: Org, unit_officer_a, unit_officer_b, plan: Plan
) -> None:
    mine = sub_plan(unit_officer_a)
    assert {"123/KH-UBND", "7/KH-STP"} <= visible(unit_officer_a)
    # the district sees the province's plan (it is assigned a task) but not the draft
    assert "123/KH-UBND" in visible(unit_officer_b) and "7/KH-STP" not in visible(unit_officer_b)
    with pytest.raises(Http404):
        get_document_for_user(unit_officer_b, mine.pk)
    # published, the sub-plan is still not the district's business
    Document.objects.filter(pk=mine.pk).update(state=DocumentState.PUBLISHED)
    assert "7/KH-STP" not in visible(unit_officer_b)
    assert get_document_for_user(unit_officer_a, mine.pk, for_change=True) == mine
    with pytest.raises(PermissionDenied):
        get_document_for_user(unit_officer_a, plan.document.pk, for_change=True)


def test_unit_without_tasks_does_not_see_the_plan(org: Org, plan: Plan) -> None:
    outsider = person("mttq", "Cán Bộ Mặt Trận", "unit_officer", org.front)
    assert "123/KH-UBND" not in visible(outsider)


def test_leader_reads_published_only_and_changes_nothing(
    org: Org, focal_officer, leader, plan: Plan
) -> None:
    store_parse_result(ParseResult.from_json_dict(parse_result()), actor=focal_officer)
    assert "123/KH-UBND" in visible(leader) and "45/KH-UBND" not in visible(leader)
    with pytest.raises(PermissionDenied):
        get_document_for_user(leader, plan.document.pk, for_change=True)


def test_admin_sees_and_changes_everything(
    org: Org, admin_user, unit_officer_a, plan: Plan
) -> None:
    draft = sub_plan(unit_officer_a)
    assert {"123/KH-UBND", "7/KH-STP"} <= visible(admin_user)
    assert get_document_for_user(admin_user, draft.pk, for_change=True) == draft


def test_placeholders_cannot_be_changed(org: Org, focal_officer) -> None:
    store_parse_result(ParseResult.from_json_dict(parse_result()), actor=focal_officer)
    placeholder = Document.objects.get(number="43-NQ/TW")
    with pytest.raises(PermissionDenied):
        get_document_for_user(focal_officer, placeholder.pk, for_change=True)


def test_another_units_sub_plan_by_url_is_404(
    client_for, org: Org, unit_officer_a, unit_officer_b, plan: Plan
) -> None:
    draft = sub_plan(unit_officer_a)
    task = draft.tasks.first()
    client = client_for(unit_officer_b)
    for url in (
        reverse("documents:detail", args=[draft.pk]),
        reverse("documents:review", args=[draft.pk]),
        reverse("documents:source_file", args=[draft.pk]),
        reverse("plans:edit_task", args=[task.pk]),
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("documents:publish", args=[draft.pk]),
        reverse("documents:discard", args=[draft.pk]),
        reverse("plans:remove_task", args=[task.pk]),
        reverse("plans:new_task", args=[draft.pk]),
    ):
        assert client.post(url).status_code == 404, url
    assert Document.objects.get(pk=draft.pk).tasks.count() == 2


def test_task_list_shows_the_units_tasks(
    client_for, org: Org, unit_officer_a, unit_officer_b, focal_officer, plan: Plan
) -> None:
    page = client_for(unit_officer_a).get(reverse("plans:list"))
    assert [t.path for t in page.context["page"].object_list] == ["II.1", "II.2"]
    assert "<strong>Chủ trì:</strong> Sở TT&amp;TT" in page.text
    page = client_for(unit_officer_b).get(reverse("plans:list"))
    assert [t.path for t in page.context["page"].object_list] == ["II.3"]
    page = client_for(focal_officer).get(reverse("plans:list"), {"q": "hội nghị"})
    assert [t.path for t in page.context["page"].object_list] == ["II.3"]


def test_focal_officer_follows_published_sub_plans_of_its_plans(
    org: Org, focal_officer, unit_officer_a, plan: Plan
) -> None:
    draft = sub_plan(unit_officer_a, number="8/KH-STP")
    Document.objects.filter(pk=draft.pk).update(focal_agency=org.justice)
    assert "8/KH-STP" not in visible(focal_officer)  # a unit's draft is its own business
    Document.objects.filter(pk=draft.pk).update(state=DocumentState.PUBLISHED)
    assert "8/KH-STP" in visible(focal_officer)
    with pytest.raises(PermissionDenied):
        get_document_for_user(focal_officer, draft.pk, for_change=True)
