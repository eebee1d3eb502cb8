"""The public page's own chart (completion per theme), read as an anonymous
visitor: nothing unpublished (no people, no report texts, no drafts, no
difficulties), no link into a page that needs a login, nothing of whoever
rendered the cached page first, and the English page fully translated."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.test_english_pages import _data_values, untranslated
from theodoi.documents.models import (
    Document,
    DocumentKind,
    DocumentLink,
    DocumentState,
    LinkRelation,
)
from theodoi.public import actions
from theodoi.reporting import actions as reporting
from theodoi.reporting.actions import ReportData
from theodoi.reporting.status import Completion

SECRET_RESULT = "Biên bản nội bộ chưa công khai số 7"
SECRET_DIFFICULTY = "Thiếu biên chế nội bộ chưa công khai"
DRAFT_RESULT = "Bản nháp chưa gửi về việc tuyên truyền"
DRAFT_SUB_PLAN = "KH-NHAP-99"


@pytest.fixture
def published(plan, org, focal_officer, unit_officer_a, now):  # type: ignore[no-untyped-def]
    """One task done and sent (with a result and a difficulty), one draft
    report, a draft sub-plan, then the page published."""
    done = ReportData(
        completion=Completion.DONE,
        completed_on=datetime.date(2025, 6, 20),
        result=SECRET_RESULT,
        difficulties=SECRET_DIFFICULTY,
    )
    report = reporting.save_draft(unit_officer_a, plan.period, plan.tasks[1], done, now=now)
    reporting.submit_report(unit_officer_a, report, now=now)
    reporting.save_draft(
        unit_officer_a, plan.period, plan.tasks[0], ReportData(result=DRAFT_RESULT), now=now
    )
    sub = Document.objects.create(
        kind=DocumentKind.KE_HOACH,
        number=DRAFT_SUB_PLAN,
        title="Kế hoạch nháp của đơn vị",
        issuer_unit=org.justice,
        state=DocumentState.DRAFT,
    )
    DocumentLink.objects.create(source=sub, target=plan.document, relation=LinkRelation.IMPLEMENTS)
    actions.publish_page(focal_officer, plan.document)
    return plan


def page_url(plan) -> str:  # type: ignore[no-untyped-def]
    return reverse("public:plan", args=[plan.document.pk])


def test_the_page_has_its_own_theme_chart(published):  # type: ignore[no-untyped-def]
    html = Client().get(page_url(published)).content.decode()
    chart = re.search(r'<figure class="public-chart" id="theme-chart">(.*?)</figure>', html, re.S)
    assert chart, "no theme chart"
    svg = chart.group(1)
    assert svg.count("<svg") == 1 and 'role="img"' in svg
    assert "<a" not in svg and "href" not in svg  # nothing to click into
    assert "1/3 (33%)" in svg or "1/2 (50%)" in svg or "1/1 (100%)" in svg
    assert "đã hoàn thành" in svg and "chưa hoàn thành" in svg
    assert "Tiến độ nhiệm vụ qua các kỳ" not in html  # the dashboard's chart is not reused


def test_anonymous_page_shows_nothing_unpublished(published, personas):  # type: ignore[no-untyped-def]
    html = Client().get(page_url(published)).content.decode()
    for secret in (SECRET_RESULT, SECRET_DIFFICULTY, DRAFT_RESULT, DRAFT_SUB_PLAN):
        assert secret not in html, secret
    for person in vars(personas).values():
        for value in (person.full_name, person.username, person.email):
            assert not value or value not in html, value
    assert 'data-metric="difficulties_open"' not in html
    assert "csrfmiddlewaretoken" not in html


def test_no_link_leads_to_a_page_that_needs_a_login(published):  # type: ignore[no-untyped-def]
    client = Client()
    for url in (page_url(published), reverse("public:index")):
        html = client.get(url).content.decode()
        links = set(re.findall(r'<a [^>]*href="([^"]+)"', html))
        assert links, url
        for link in links:
            if link.startswith("#"):
                continue
            assert not link.startswith("http"), link  # nothing leaves the site either
            target = link if link.startswith("/") else url + link
            response = client.get(target)
            assert response.status_code == 200, (url, link, response.status_code)
        for login_only in ("/dang-nhap/", "/tai-khoan/", reverse("home") + '"'):
            assert f'href="{login_only}' not in html


def test_a_signed_in_visitor_leaves_nothing_in_the_cached_page(  # type: ignore[no-untyped-def]
    published, focal_officer, client_for
):
    own = client_for(focal_officer).get(page_url(published)).content.decode()
    assert focal_officer.full_name not in own  # the public page is everyone's, even signed in
    anonymous = Client().get(page_url(published)).content.decode()
    assert focal_officer.full_name not in anonymous and focal_officer.username not in anonymous


def test_english_public_page_by_link(published):  # type: ignore[no-untyped-def]
    html = Client().get(page_url(published) + "?lang=en").content.decode()
    assert '<html lang="en">' in html
    assert "Completed tasks per theme" in html
    assert untranslated(html, _data_values()) == []
    index = Client().get(reverse("public:index") + "?lang=en").content.decode()
    assert untranslated(index, _data_values()) == []


def test_languages_are_named_in_themselves(published):  # type: ignore[no-untyped-def]
    for suffix in ("", "?lang=en"):
        html = Client().get(page_url(published) + suffix).content.decode()
        nav = re.search(r'<nav class="header-tools public-languages".*?</nav>', html, re.S)
        assert nav and "Tiếng Việt" in nav.group(0) and "English" in nav.group(0)
        assert "Tiếng Anh" not in nav.group(0) and "Vietnamese" not in nav.group(0)
