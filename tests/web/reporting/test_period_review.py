"""The focal agency's review queue shows each unit's summary of the period
beside its task reports (and not a summary the unit left empty)."""

from __future__ import annotations

from django.urls import reverse

from tests.web.reporting.test_period_form import period_url, whole_form
from theodoi.reporting.models import PeriodSummary


def test_review_queue_shows_the_units_summary_beside_its_reports(
    plan, unit_officer_a, focal_officer, client_for, now
):
    client_for(unit_officer_a).post(
        period_url(plan.period),
        whole_form(
            plan, "submit", results="Cả năm làm được nhiều việc.", difficulties="Thiếu người."
        ),
    )
    summary = PeriodSummary.objects.get()
    response = client_for(focal_officer).get(
        reverse("reporting:review_queue") + f"?ky={plan.period.pk}"
    )
    assert response.status_code == 200
    assert response.context["summaries"] == [summary]
    html = response.content.decode()
    anchor = f"tom-tat-{plan.period.pk}-{unit_officer_a.org_unit_id}"
    assert f'id="{anchor}"' in html
    assert html.count(f'href="#{anchor}"') == 2  # one link per task report of the unit
    assert "Cả năm làm được nhiều việc." in html and "Thiếu người." in html
    assert html.index('id="queue-summaries-title"') < html.index("<table")


def test_empty_summary_is_not_shown(plan, unit_officer_a, focal_officer, client_for, now):
    client_for(unit_officer_a).post(
        period_url(plan.period), whole_form(plan, "submit", results="", difficulties="")
    )
    assert PeriodSummary.objects.exists()
    response = client_for(focal_officer).get(reverse("reporting:review_queue"))
    assert response.context["summaries"] == []
    assert "queue-summaries-title" not in response.content.decode()


def test_review_queue_summary_in_english(plan, unit_officer_a, focal_officer, client_for, now):
    client_for(unit_officer_a).post(period_url(plan.period), whole_form(plan, "submit"))
    client = client_for(focal_officer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(reverse("reporting:review_queue")).content.decode()
    assert "Unit&#x27;s summary of the period" in html or "Unit's summary of the period" in html
    assert "Tóm tắt chung của đơn vị" not in html
