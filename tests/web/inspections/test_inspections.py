"""Inspections through the real database: the focal agency plans one, records
findings with recommendations, the unit reports its follow-up, the focal
agency closes it; each step checked, audited and notified."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from theodoi.audit.models import AuditEvent
from theodoi.inspections import actions
from theodoi.inspections.access import inspections_for_user
from theodoi.inspections.actions import FindingData, InspectionError, InspectionPlan
from theodoi.inspections.models import FindingState, InspectionState
from theodoi.inspections.summary import inspection_summary
from theodoi.notifications.models import Notification

START = datetime.date(2025, 10, 6)


def a_plan(org, plan, **changes) -> InspectionPlan:  # type: ignore[no-untyped-def]
    fields = {
        "title": "Kiểm tra việc thực hiện kế hoạch năm 2025",
        "inspecting_unit": org.home_affairs,
        "starts_on": START,
        "ends_on": START + datetime.timedelta(days=4),
        "units": [org.justice],
        "tasks": [plan.tasks[1]],
        "team": "Sở Nội vụ (trưởng đoàn), Văn phòng UBND tỉnh",
    }
    fields.update(changes)
    return InspectionPlan(**fields)


@pytest.fixture
def inspection(org, plan, focal_officer):  # type: ignore[no-untyped-def]
    return actions.plan_inspection(focal_officer, plan.document, a_plan(org, plan))


def test_planning_tells_the_inspected_units(inspection, unit_officer_a, unit_officer_b):
    assert Notification.objects.filter(recipient=unit_officer_a, verb="inspection.planned").exists()
    assert not Notification.objects.filter(recipient=unit_officer_b).exists()
    assert AuditEvent.objects.filter(action="inspection.plan").exists()
    assert inspections_for_user(unit_officer_a).filter(pk=inspection.pk).exists()
    assert not inspections_for_user(unit_officer_b).filter(pk=inspection.pk).exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"units": []}, "ít nhất một đơn vị"),
        ({"ends_on": START - datetime.timedelta(days=1)}, "sau ngày bắt đầu"),
        ({"title": "  "}, "nội dung kiểm tra"),
    ],
)
def test_bad_plans_are_refused(org, plan, focal_officer, change, message):  # type: ignore[no-untyped-def]
    with pytest.raises(InspectionError, match=message):
        actions.plan_inspection(focal_officer, plan.document, a_plan(org, plan, **change))


def test_only_the_focal_agency_plans(org, plan, unit_officer_a, leader):  # type: ignore[no-untyped-def]
    for user in (unit_officer_a, leader):
        with pytest.raises(PermissionDenied):
            actions.plan_inspection(user, plan.document, a_plan(org, plan))


def test_finding_follow_up_round_trip(  # type: ignore[no-untyped-def]
    org, plan, inspection, focal_officer, unit_officer_a, unit_officer_b, now
):
    with pytest.raises(InspectionError, match="hạn khắc phục"):
        actions.record_finding(
            focal_officer,
            inspection,
            org.justice,
            FindingData("shortcoming", "Chưa lập sổ theo dõi.", "Lập sổ theo dõi"),
            now=now,
        )
    with pytest.raises(InspectionError, match="không có trong danh sách"):
        actions.record_finding(
            focal_officer, inspection, org.district_a, FindingData("good", "Tốt"), now=now
        )
    finding = actions.record_finding(
        focal_officer,
        inspection,
        org.justice,
        FindingData(
            "shortcoming",
            "Chưa lập sổ theo dõi.",
            "Lập sổ theo dõi văn bản",
            datetime.date(2025, 12, 1),
            plan.tasks[1],
        ),
        now=now,
    )
    inspection.refresh_from_db()
    assert finding.state == FindingState.OPEN and inspection.state == InspectionState.DONE
    assert Notification.objects.filter(
        recipient=unit_officer_a, verb="inspection.recommendation"
    ).exists()

    with pytest.raises(InspectionError, match="chưa báo cáo khắc phục"):
        actions.close_finding(focal_officer, finding, now=now)
    with pytest.raises(PermissionDenied):
        actions.respond_to_finding(unit_officer_b, finding, "Không phải đơn vị mình", now=now)
    actions.respond_to_finding(unit_officer_a, finding, "Đã lập sổ từ 15/11.", now=now)
    assert Notification.objects.filter(
        recipient=focal_officer, verb="inspection.responded"
    ).exists()
    actions.close_finding(focal_officer, finding, now=now)
    finding.refresh_from_db()
    assert finding.state == FindingState.CLOSED
    assert AuditEvent.objects.filter(action="inspection.close").exists()


def test_summary_counts_assessments_and_overdue_follow_ups(  # type: ignore[no-untyped-def]
    org, plan, inspection, focal_officer, now
):
    actions.record_finding(
        focal_officer,
        inspection,
        org.justice,
        FindingData("shortcoming", "Chậm", "Bổ sung", datetime.date(2025, 11, 1)),
        now=now,
    )
    actions.record_finding(
        focal_officer, inspection, org.justice, FindingData("good", "Tốt"), now=now
    )
    summary = inspection_summary(plan.document, today=datetime.date(2025, 11, 20))
    assert summary.units_inspected == 1
    assert summary.by_assessment == {"shortcoming": 1, "good": 1}
    assert len(summary.open_recommendations) == 1 and len(summary.overdue_recommendations) == 1
    later = inspection_summary(plan.document, today=START, start=datetime.date(2026, 1, 1))
    assert later.inspections == []


def test_pages_plan_record_and_respond(  # type: ignore[no-untyped-def]
    org, plan, focal_officer, unit_officer_a, client_for, now
):
    focal = client_for(focal_officer)
    picked = focal.get(reverse("inspections:pick") + f"?ke-hoach={plan.document.pk}")
    assert picked.status_code == 302
    assert focal.get(picked["Location"]).status_code == 200
    response = focal.post(
        reverse("inspections:new", args=[plan.document.pk]),
        {
            "kind": "inspection",
            "title": "Kiểm tra cuối năm",
            "inspecting_unit": org.home_affairs.pk,
            "team": "",
            "starts_on": "2025-11-24",
            "ends_on": "2025-11-26",
            "units": [org.justice.pk],
            "tasks": [plan.tasks[1].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    inspection = inspections_for_user(focal_officer).get(title="Kiểm tra cuối năm")
    focal.post(
        reverse("inspections:add_finding", args=[inspection.pk]),
        {
            "unit": org.justice.pk,
            "task": "",
            "assessment": "adequate",
            "text": "Đạt yêu cầu",
            "recommendation": "Cập nhật số liệu",
            "deadline": "2025-12-20",
        },
    )
    finding = inspection.findings.get()
    unit = client_for(unit_officer_a)
    page = unit.get(reverse("inspections:detail", args=[inspection.pk])).content.decode()
    assert reverse("inspections:respond", args=[finding.pk]) in page
    unit.post(reverse("inspections:respond", args=[finding.pk]), {"response": "Đã cập nhật"})
    finding.refresh_from_db()
    assert finding.state == FindingState.RESPONDED
    listed = unit.get(reverse("inspections:list")).content.decode()
    assert "Cập nhật số liệu" in listed


def test_dashboards_show_the_plans_and_the_units_inspections(  # type: ignore[no-untyped-def]
    org, plan, inspection, focal_officer, client_for, now
):
    actions.record_finding(
        focal_officer,
        inspection,
        org.justice,
        FindingData("shortcoming", "Chậm", "Bổ sung", datetime.date(2025, 11, 1)),
        now=now,
    )
    client = client_for(focal_officer)
    overview = client.get(
        reverse("dashboards:plan", kwargs={"plan": plan.document.pk, "period": plan.period.pk})
    ).content.decode()
    assert inspection.title in overview
    assert 'data-metric="open_findings">1<' in overview
    assert 'data-metric="overdue_findings">1<' in overview
    other_unit = client.get(
        reverse(
            "dashboards:unit",
            kwargs={"plan": plan.document.pk, "period": plan.period.pk, "unit": org.district_a.pk},
        )
    ).content.decode()
    assert inspection.title not in other_unit
    own_unit = client.get(
        reverse(
            "dashboards:unit",
            kwargs={"plan": plan.document.pk, "period": plan.period.pk, "unit": org.justice.pk},
        )
    ).content.decode()
    assert inspection.title in own_unit
