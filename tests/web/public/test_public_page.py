"""The public page of a plan: nothing until published, then only what may
be public (no people, report texts, drafts or difficulties)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from theodoi.audit.models import AuditEvent
from theodoi.documents.models import DocumentState
from theodoi.public import actions
from theodoi.public.actions import PublicPageError
from theodoi.reporting import actions as reporting
from theodoi.reporting.actions import ReportData
from theodoi.reporting.status import Completion

SECRET_RESULT = "Nội dung báo cáo nội bộ không được công khai"
SECRET_DIFFICULTY = "Vướng mắc nội bộ về biên chế chưa công khai"


def page_url(plan) -> str:  # type: ignore[no-untyped-def]
    return reverse("public:plan", args=[plan.document.pk])


@pytest.fixture
def reported(plan, unit_officer_a, now):  # type: ignore[no-untyped-def]
    """One task done and submitted, with a result text and a difficulty."""
    data = ReportData(
        completion=Completion.DONE,
        completed_on=datetime.date(2025, 6, 20),
        result=SECRET_RESULT,
        difficulties=SECRET_DIFFICULTY,
    )
    report = reporting.save_draft(unit_officer_a, plan.period, plan.tasks[1], data, now=now)
    return reporting.submit_report(unit_officer_a, report, now=now)


def test_nothing_is_public_until_the_agency_publishes(plan, now):
    assert Client().get(page_url(plan)).status_code == 404
    assert plan.document.title not in Client().get(reverse("public:index")).content.decode()


def test_published_page_shows_the_plan_and_its_progress_only(
    plan, focal_officer, personas, reported, now
):
    actions.publish_page(focal_officer, plan.document, introduction="Lời giới thiệu thử")
    response = Client().get(page_url(plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert plan.document.title in html
    assert "Lời giới thiệu thử" in html
    for task in plan.tasks:
        assert task.text in html
    # One of three tasks is done: the figure comes from the dashboard numbers.
    assert 'data-metric="percent_done">33%' in html
    assert "Hoàn thành đúng hạn" in html
    # Nothing internal: people, report texts, difficulties.
    for person in (focal_officer, personas.unit_officer_a):
        assert person.full_name and person.full_name not in html
        assert person.username not in html
    assert SECRET_RESULT not in html and SECRET_DIFFICULTY not in html
    assert 'data-metric="difficulties_open"' not in html
    assert response["Cache-Control"] == "public, no-cache"
    again = Client().get(page_url(plan), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert plan.document.title in Client().get(reverse("public:index")).content.decode()


def test_difficulty_count_only_when_the_agency_opts_in(plan, focal_officer, reported, now):
    actions.publish_page(focal_officer, plan.document, show_difficulties=True)
    html = Client().get(page_url(plan)).content.decode()
    assert 'data-metric="difficulties_open"' in html
    assert SECRET_DIFFICULTY not in html


def test_withdrawing_takes_effect_at_once_despite_the_cache(plan, focal_officer, now):
    actions.publish_page(focal_officer, plan.document)
    assert Client().get(page_url(plan)).status_code == 200
    actions.unpublish_page(focal_officer, plan.document)
    assert Client().get(page_url(plan)).status_code == 404
    recorded = AuditEvent.objects.filter(target_id=str(plan.document.pk)).values_list(
        "action", flat=True
    )
    assert {"public_page.publish", "public_page.unpublish"} <= set(recorded)


def test_only_the_focal_agency_may_publish(plan, unit_officer_a, leader, client_for, now):
    for user in (unit_officer_a, leader):
        with pytest.raises(PermissionDenied):
            actions.publish_page(user, plan.document)
    response = client_for(unit_officer_a).post(
        reverse("public:manage", args=[plan.document.pk]), {"action": "publish"}
    )
    assert response.status_code in (403, 404)
    assert Client().get(page_url(plan)).status_code == 404


def test_a_draft_plan_cannot_go_public(org, focal_officer, now):
    from tests.web.builders import build_plan

    draft = build_plan(org, state=DocumentState.DRAFT)
    with pytest.raises(PublicPageError, match="đã ban hành"):
        actions.publish_page(focal_officer, draft.document)
    assert Client().get(reverse("public:plan", args=[draft.document.pk])).status_code == 404


def test_publish_form_on_the_document_page(plan, focal_officer, client_for, now):
    client = client_for(focal_officer)
    detail = client.get(reverse("documents:detail", args=[plan.document.pk])).content.decode()
    assert reverse("public:manage", args=[plan.document.pk]) in detail
    response = client.post(
        reverse("public:manage", args=[plan.document.pk]),
        {"action": "publish", "introduction": "Giới thiệu", "show_difficulties": "on"},
    )
    assert response.status_code == 302
    page = plan.document.public_page
    assert page.is_published and page.show_difficulties and page.introduction == "Giới thiệu"
    client.post(reverse("public:manage", args=[plan.document.pk]), {"action": "unpublish"})
    page.refresh_from_db()
    assert not page.is_published
