"""The document page and the dashboard count the same units: those that owe
reports (``reporting.scope.plan_assignments``)."""

from __future__ import annotations

from django.urls import reverse

from tests.web.builders import Org, Plan
from theodoi.dashboards.metrics import plan_status
from theodoi.plans.models import Assignment


def test_units_expected_to_issue_a_sub_plan_agree(
    client_for, org: Org, plan: Plan, focal_officer, today
) -> None:
    plan.tasks[2].is_active = False  # the districts' task was dropped on review
    plan.tasks[2].save()
    Assignment.objects.filter(task=plan.tasks[0], unit=org.justice).update(must_report=False)
    status = plan_status(plan.document, plan.period, today)
    page = client_for(focal_officer).get(reverse("documents:detail", args=[plan.document.pk]))
    expected = page.context["cascade"].sub_plans.expected
    assert len(expected) == status.units_expected == 2  # Sở TT&TT, Sở Tư pháp
    assert f"0/{status.units_expected} đơn vị đã ban hành" in page.text
