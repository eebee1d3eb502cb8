"""Login and the home page of each role (with query-count baselines); the
home page is served by the dashboards app."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.web.builders import PASSWORD
from theodoi.reporting.models import ReviewState, TaskReport
from theodoi.reporting.status import Completion


@pytest.fixture
def reports(plan, org):  # type: ignore[no-untyped-def]
    """Reports of the current period: Sở Tư pháp has one returned, one draft."""
    made = [
        TaskReport.objects.create(
            task=plan.tasks[1],
            unit=org.justice,
            period=plan.period,
            review_state=ReviewState.RETURNED,
            review_comment="Bổ sung số liệu",
        ),
        TaskReport.objects.create(
            task=plan.tasks[0],
            unit=org.information,
            period=plan.period,
            review_state=ReviewState.SUBMITTED,
            completion=Completion.DONE,
            completed_on=datetime.date(2025, 10, 1),
        ),
        TaskReport.objects.create(task=plan.tasks[2], unit=org.district_a, period=plan.period),
    ]
    return made


def test_login_with_password_leads_home(unit_officer_a) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post("/dang-nhap/", {"username": "canbo_tp", "password": PASSWORD})
    assert response.status_code == 302 and response.url == "/"
    wrong = Client().post("/dang-nhap/", {"username": "canbo_tp", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in wrong.content.decode()


def test_home_requires_login() -> None:
    response = Client().get("/")
    assert response.status_code == 302 and response.url.startswith("/dang-nhap/")


def test_unit_officer_sees_only_own_unit_work(reports, client_for, unit_officer_a, now) -> None:  # type: ignore[no-untyped-def]
    page = client_for(unit_officer_a).get("/").content.decode()
    assert "Rà soát văn bản quy phạm pháp luật" in page  # Sở Tư pháp's returned report
    assert "Bổ sung số liệu" in page
    assert "Tổ chức hội nghị đối thoại" not in page  # district A's task


def test_focal_officer_sees_all_units_and_status_labels(reports, client_for, focal_officer) -> None:  # type: ignore[no-untyped-def]
    page = client_for(focal_officer).get("/").content.decode()
    assert "Tình hình nhận báo cáo" in page
    assert "Hoàn thành đúng hạn" in page and "Chưa thực hiện" in page
    assert "1 báo cáo đang chờ duyệt." in page


@pytest.mark.parametrize(
    ("persona", "most_queries"),
    [("focal_officer", 12), ("leader", 12), ("unit_officer_a", 12), ("admin_user", 15)],
)
def test_home_query_count_does_not_grow_with_reports(  # type: ignore[no-untyped-def]
    persona, most_queries, reports, client_for, request
) -> None:
    client = client_for(request.getfixturevalue(persona))
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert len(queries) <= most_queries


def test_admin_lists_org_units_and_users(org, client_for, admin_user) -> None:  # type: ignore[no-untyped-def]
    client = client_for(admin_user)
    units = client.get("/admin/orgunits/orgunit/").content.decode()
    assert "Sở Tư pháp" in units
    assert client.get("/admin/accounts/user/").status_code == 200
    assert client_for(admin_user).get("/admin/orgunits/unitgroup/").status_code == 200


def test_home_page_lives_with_the_dashboards(unit_officer_a, client_for):  # type: ignore[no-untyped-def]
    from django.urls import resolve, reverse

    from theodoi.dashboards import home_views

    assert reverse("home") == "/"
    assert resolve("/").func is home_views.home
    response = client_for(unit_officer_a).get("/")
    assert response.status_code == 200
    assert "dashboards/home.html" in [template.name for template in response.templates]
