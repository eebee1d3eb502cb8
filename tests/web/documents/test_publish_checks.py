"""Publishing lists every problem first: blocking ones refuse, warnings need
an explicit yes (review screen checkbox, ``--confirm-warnings``)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.web.builders import Org
from tests.web.documents.docx_plans import plan_88_docx
from tests.web.documents.results import parse_result
from theodoi.accounts.models import User
from theodoi.cli import main as theodoi_main
from theodoi.documents.actions import PublishRefused, publish_plan, set_tracking_window
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document, DocumentState
from theodoi.documents.publishing import publish_problems
from theodoi.text.model import ParseResult

TODAY = datetime.date(2025, 11, 20)


def draft_of(actor, **changes) -> Document:
    return store_parse_result(
        ParseResult.from_json_dict(parse_result(**changes)), actor=actor, today=TODAY
    ).document


def codes(document: Document) -> dict[str, bool]:
    return {p.code: p.blocking for p in publish_problems(document)}


def test_every_problem_is_listed(org: Org, personas, focal_officer) -> None:
    result = parse_result(number=None, date=None, reporting=[])
    result["tasks"][2]["implementing"] = []  # II.3.a: nobody
    result["tasks"][0]["lead"] = ["các đơn vị có liên quan"]  # a vague phrase
    result["tasks"][0]["coordinating"] = []
    document = store_parse_result(
        ParseResult.from_json_dict(result), actor=focal_officer, today=TODAY
    ).document
    found = codes(document)
    expected = {"no_number", "no_date", "unowned_tasks", "no_period", "unresolved_bodies"}
    assert expected <= set(found)
    assert not any(found.values())  # warnings only: the officer may confirm them
    assert "II.3.a" in next(
        p.message for p in publish_problems(document) if p.code == "unowned_tasks"
    )


def test_warnings_refuse_until_confirmed_and_the_confirmation_is_audited(
    org: Org, personas, focal_officer
) -> None:
    document = draft_of(focal_officer, number=None)
    with pytest.raises(PublishRefused, match="Cần xác nhận") as refused:
        publish_plan(focal_officer, document)
    assert "no_number" in {p.code for p in refused.value.problems}
    document.refresh_from_db()
    assert document.state == DocumentState.DRAFT
    publish_plan(focal_officer, document, confirm_warnings=True)
    document.refresh_from_db()
    assert document.state == DocumentState.PUBLISHED
    from theodoi.audit.models import AuditEvent

    event = AuditEvent.objects.filter(action="document.publish").latest("id")
    assert "no_number" in event.changes["warnings"]


def test_focal_agency_without_users_blocks_even_when_confirmed(org: Org, personas) -> None:
    admin = personas.admin
    User.objects.filter(org_unit=org.home_affairs).update(is_active=False)
    document = draft_of(admin)
    assert codes(document)["focal_without_users"] is True
    with pytest.raises(PublishRefused, match="Chưa ban hành được"):
        publish_plan(admin, document, confirm_warnings=True)


def test_no_focal_agency_blocks(org: Org, personas) -> None:
    document = draft_of(None, focal_agency=None)
    assert document.focal_agency is None
    assert codes(document)["no_focal_agency"] is True


def test_review_screen_lists_problems_and_asks_for_the_checkbox(
    client_for, org: Org, personas, focal_officer
) -> None:
    document = draft_of(focal_officer, number=None)
    client = client_for(focal_officer)
    page = client.get(reverse("documents:review", args=[document.pk]))
    assert 'data-code="no_number"' in page.text
    assert 'id="confirm-warnings"' in page.text
    refused = client.post(reverse("documents:publish", args=[document.pk]), follow=True)
    assert "Cần xác nhận" in refused.text
    document.refresh_from_db()
    assert document.state == DocumentState.DRAFT
    client.post(reverse("documents:publish", args=[document.pk]), {"xac-nhan": "1"})
    document.refresh_from_db()
    assert document.state == DocumentState.PUBLISHED
    # a published plan never vanishes from the focal officer's pages
    assert client.get(reverse("documents:detail", args=[document.pk])).status_code == 200
    listing = client.get(reverse("documents:list"))
    assert reverse("documents:detail", args=[document.pk]) in listing.text


def test_cli_publish_needs_the_confirmation_flag(
    org: Org, personas, tmp_path, settings, capsys
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    path = plan_88_docx(tmp_path)
    Document.objects.all().delete()
    User.objects.filter(org_unit=org.home_affairs).update(is_active=False)
    assert theodoi_main(["import", str(path), "--publish", "--confirm-warnings"]) == 2
    assert "chưa có cán bộ" in capsys.readouterr().err
    assert not Document.objects.exclude(state=DocumentState.PLACEHOLDER).exists()


def test_officer_corrects_the_tracking_window(org: Org, personas, focal_officer) -> None:
    document = draft_of(focal_officer, date=None, number=None)
    set_tracking_window(
        focal_officer, document, datetime.date(2024, 1, 1), datetime.date(2025, 12, 31), today=TODAY
    )
    labels = sorted(p.label for o in document.reporting_obligations.all() for p in o.periods.all())
    assert labels == ["Năm 2024", "Năm 2025"]


def test_api_publish_needs_confirm_warnings(client_for, org: Org, personas, focal_officer) -> None:
    document = draft_of(focal_officer, number=None)
    client = client_for(focal_officer)
    refused = client.post(f"/api/documents/{document.pk}/publish")
    assert refused.status_code == 400
    assert "Văn bản chưa có số" in refused.json()["error"]["message"]
    published = client.post(f"/api/documents/{document.pk}/publish?confirm_warnings=true")
    assert published.status_code == 200 and published.json()["state"] == "published"
