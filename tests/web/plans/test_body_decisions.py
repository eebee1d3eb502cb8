"""The officer's decision on a name the resolver left open: confirm a
suggestion, pick another unit, create a new unit (audited), or ignore."""

from __future__ import annotations

import datetime

from django.urls import reverse

from tests.web.documents.results import parse_result
from theodoi.audit.models import AuditEvent
from theodoi.documents.importing import store_parse_result
from theodoi.orgunits.models import Alias, OrgUnit
from theodoi.plans.models import Assignment
from theodoi.text.model import ParseResult

TODAY = datetime.date(2025, 11, 20)
DAMAGED = "Sở Thông tin và Truyền thônq"
UNKNOWN = "Trung tâm Phát triển cộng đồng Hòa Lâm"


def draft():  # type: ignore[no-untyped-def]
    return store_parse_result(ParseResult.from_json_dict(parse_result()), today=TODAY).document


def decide(client, document, **data):  # type: ignore[no-untyped-def]
    return client.post(reverse("documents:decide_body", args=[document.pk]), data, follow=True)


def test_confirming_a_suggestion_assigns_it_and_learns_the_alias(
    client_for, focal_officer, org
) -> None:
    document = draft()
    client = client_for(focal_officer)
    review = client.get(reverse("documents:review", args=[document.pk]))
    assert "Xác nhận là Sở Thông tin và Truyền thông" in review.text
    decide(client, document, name=DAMAGED, decision="confirm", units=org.information.pk)
    task = document.tasks.get(path="II.2")
    assert set(task.assignments.values_list("unit__code", "role")) == {
        ("so-tu-phap", "lead"),
        ("so-tt-tt", "coordinating"),
    }
    assert Alias.objects.filter(unit=org.information, name=DAMAGED).exists()
    assert AuditEvent.objects.filter(action="orgunit.add_alias").exists()
    document.refresh_from_db()
    assert DAMAGED not in document.parse_result["import_notes"]["unresolved"]


def test_creating_a_unit_happens_only_on_confirmation_with_an_audit_event(
    client_for, focal_officer, org
) -> None:
    document = draft()
    assert not OrgUnit.objects.filter(name=UNKNOWN).exists()
    decide(client_for(focal_officer), document, name=UNKNOWN, decision="create", kind="other")
    unit = OrgUnit.objects.get(name=UNKNOWN)
    assert unit.parent == org.province
    assert Assignment.objects.filter(task__document=document, unit=unit, role="lead").exists()
    event = AuditEvent.objects.get(action="orgunit.create", target_id=str(unit.pk))
    assert event.actor == focal_officer


def test_picking_another_unit_and_ignoring(client_for, focal_officer, org) -> None:
    document = draft()
    client = client_for(focal_officer)
    decide(client, document, name=UNKNOWN, decision="pick", units=org.justice.pk)
    assert Assignment.objects.filter(task__path="II.3.b", unit=org.justice).exists()
    decide(client, document, name=DAMAGED, decision="ignore")
    document.refresh_from_db()
    notes = document.parse_result["import_notes"]
    assert notes["ignored"] == [DAMAGED] and notes["unresolved"] == []
    review = client.get(reverse("documents:review", args=[document.pk]))
    assert "đã bỏ qua" in review.text and "Xác nhận là" not in review.text


def test_a_unit_officer_cannot_decide(client_for, unit_officer_a, org) -> None:
    document = draft()
    response = decide(client_for(unit_officer_a), document, name=UNKNOWN, decision="create")
    assert response.status_code == 404
    assert not OrgUnit.objects.filter(name=UNKNOWN).exists()


def test_the_body_matching_part_of_review_is_translated(client_for, focal_officer, org) -> None:
    from tests.web.test_english_pages import _data_values, _english, untranslated

    document = draft()
    client = _english(client_for(focal_officer))
    html = client.get(reverse("documents:review", args=[document.pk])).content.decode()
    start = html.index('id="body-matching"')
    part = html[start : html.index("</section>", start)]
    names = [r["name"] for r in document.parse_result["import_notes"]["resolution"]]
    assert "Confirm as" in part and "Create a new unit" in part
    data = sorted({*_data_values(), *names}, key=len, reverse=True)
    assert untranslated(part, data) == []


def test_a_name_the_plan_does_not_use_creates_nothing(client_for, focal_officer, org) -> None:
    document = draft()
    page = decide(client_for(focal_officer), document, name="Sở Không Có", decision="create")
    assert "Văn bản không có tên cơ quan" in page.text
    assert not OrgUnit.objects.filter(name="Sở Không Có").exists()
    assert not AuditEvent.objects.filter(action="orgunit.create").exists()
