"""Leaders in charge through the real database: assignment, the lookup
(task, unit, ancestor), escalations routed to the leader in charge, the
leader's answer going back to the unit and the focal agency."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.web.builders import person
from theodoi.accounts.models import Role
from theodoi.leadership import actions
from theodoi.leadership.actions import LeadershipError
from theodoi.leadership.lookups import leader_of, units_in_charge
from theodoi.monitoring import actions as monitoring
from theodoi.monitoring.models import EscalationState
from theodoi.notifications.models import Notification
from theodoi.reporting import actions as reporting
from theodoi.reporting.actions import ReportData


@pytest.fixture
def deputy(org):  # type: ignore[no-untyped-def]
    return person("pct_tinh", "Đỗ Văn Phó", Role.LEADER, org.province)


@pytest.fixture
def escalation(plan, unit_officer_b, focal_officer, now):  # type: ignore[no-untyped-def]
    """A difficulty of district A (task II.3) taken up by the focal agency."""
    report = reporting.save_draft(
        unit_officer_b,
        plan.period,
        plan.tasks[2],
        ReportData(difficulties="Thiếu kinh phí"),
        now=now,
    )
    report = reporting.submit_report(unit_officer_b, report, now=now)
    return monitoring.escalate_difficulty(focal_officer, report, "", now=now)


def test_lookup_prefers_task_then_unit_then_ancestor(org, plan, focal_officer, leader, deputy):
    assert leader_of(org.commune_a) is None
    actions.assign_leader(focal_officer, org.district_a, leader)
    assert leader_of(org.district_a) == leader
    assert leader_of(org.commune_a) == leader  # the district's leader directs its communes
    actions.assign_leader(focal_officer, org.district_a, deputy, task=plan.tasks[2])
    assert leader_of(org.district_a, plan.tasks[2].pk) == deputy
    assert leader_of(org.district_a, plan.tasks[0].pk) == leader
    assert set(units_in_charge(leader)) >= {org.district_a, org.commune_a}
    actions.assign_leader(focal_officer, org.district_a, None)
    assert leader_of(org.district_a) is None


def test_only_managers_assign_and_only_leaders_are_assigned(
    org, focal_officer, unit_officer_a, leader
):
    with pytest.raises(PermissionDenied):
        actions.assign_leader(unit_officer_a, org.justice, leader)
    with pytest.raises(LeadershipError, match="không phải tài khoản lãnh đạo"):
        actions.assign_leader(focal_officer, org.justice, unit_officer_a)


def test_escalation_goes_to_the_leader_in_charge_who_answers(  # type: ignore[no-untyped-def]
    org, plan, focal_officer, unit_officer_b, leader, deputy, now
):
    actions.assign_leader(focal_officer, org.district_a, deputy)
    report = reporting.save_draft(
        unit_officer_b,
        plan.period,
        plan.tasks[2],
        ReportData(difficulties="Thiếu kinh phí"),
        now=now,
    )
    report = reporting.submit_report(unit_officer_b, report, now=now)
    escalation = monitoring.escalate_difficulty(focal_officer, report, "", now=now)
    assert Notification.objects.filter(recipient=deputy, verb="escalation.raised").exists()
    assert not Notification.objects.filter(recipient=leader, verb="escalation.raised").exists()

    with pytest.raises(PermissionDenied):
        actions.answer_escalation(leader, escalation, "Không phụ trách", now=now)
    with pytest.raises(LeadershipError, match="ý kiến chỉ đạo"):
        actions.answer_escalation(deputy, escalation, "  ", now=now)
    actions.answer_escalation(deputy, escalation, "Sở Tài chính bố trí kinh phí.", now=now)
    escalation.refresh_from_db()
    assert escalation.state == EscalationState.RESOLVED and escalation.resolved_by == deputy
    for user in (unit_officer_b, focal_officer):
        assert Notification.objects.filter(recipient=user, verb="escalation.answered").exists()


def test_without_a_leader_in_charge_every_leader_is_told_and_may_answer(
    deputy, leader, escalation, now
):
    assert Notification.objects.filter(recipient=leader, verb="escalation.raised").exists()
    assert Notification.objects.filter(recipient=deputy, verb="escalation.raised").exists()
    actions.answer_escalation(leader, escalation, "Đồng ý đề xuất.", now=now)


def test_leader_dashboard_and_answer_page(  # type: ignore[no-untyped-def]
    org, focal_officer, leader, escalation, client_for, unit_officer_a, now
):
    actions.assign_leader(focal_officer, org.district_a, leader)
    client = client_for(leader)
    page = client.get(reverse("leadership:dashboard")).content.decode()
    assert org.district_a.display_name in page and "Thiếu kinh phí" in page
    response = client.post(
        reverse("leadership:answer", args=[escalation.pk]), {"answer": "Giao Sở Tài chính."}
    )
    assert response.status_code == 302
    escalation.refresh_from_db()
    assert escalation.response == "Giao Sở Tài chính."
    assert client_for(unit_officer_a).get(reverse("leadership:dashboard")).status_code == 403


def test_assignment_page(org, focal_officer, leader, client_for):  # type: ignore[no-untyped-def]
    client = client_for(focal_officer)
    assert (
        org.justice.display_name in client.get(reverse("leadership:assignments")).content.decode()
    )
    client.post(reverse("leadership:assignments"), {"unit": org.justice.pk, "leader_id": leader.pk})
    assert leader_of(org.justice) == leader
