"""Assigning leaders in charge and their answers to escalated difficulties:
one transaction each, checked, audited, and the people concerned notified."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.accounts.models import Role, User
from theodoi.accounts.roles import can_manage_documents, is_leader
from theodoi.audit.actions import record
from theodoi.leadership.lookups import leader_of
from theodoi.leadership.models import LeaderInCharge
from theodoi.monitoring.models import Escalation, EscalationState
from theodoi.notifications.delivery import notify, site_language, unit_people
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Task


class LeadershipError(ValueError):
    """The change is not allowed as asked; the message tells the user why."""


@transaction.atomic
def assign_leader(
    actor: Any, unit: OrgUnit, leader: User | None, *, task: Task | None = None
) -> LeaderInCharge | None:
    """Name (or, with ``leader=None``, remove) the leader who directs a unit,
    or one task of it."""
    if not can_manage_documents(actor):
        raise PermissionDenied(_("Chỉ quản trị và cơ quan đầu mối được phân công lãnh đạo."))
    existing = LeaderInCharge.objects.select_for_update().filter(unit=unit, task=task).first()
    if leader is None:
        if existing is not None:
            record(actor, "leader.unassign", unit, {"leader": existing.leader_id})
            existing.delete()
        return None
    if leader.role != Role.LEADER or not leader.is_active:
        raise LeadershipError(
            _("%(name)s không phải tài khoản lãnh đạo.") % {"name": leader.display_name}
        )
    if existing is None:
        existing = LeaderInCharge(unit=unit, task=task)
    existing.leader = leader
    existing.assigned_by = actor
    existing.save()
    record(actor, "leader.assign", unit, {"leader": leader.pk, "task": task.pk if task else None})
    return existing


def may_answer(user: Any, escalation: Escalation) -> bool:
    """The leader in charge of the unit answers; when none is named, any
    leader may (as before leaders in charge existed)."""
    if not is_leader(user) or escalation.state == EscalationState.RESOLVED:
        return False
    report = escalation.report
    in_charge = leader_of(report.unit, report.task_id)
    return in_charge is None or in_charge.pk == user.pk


@transaction.atomic
def answer_escalation(
    actor: Any, escalation: Escalation, answer: str, *, now: datetime.datetime | None = None
) -> Escalation:
    """The leader's direction on a difficulty: it resolves the escalation and
    goes back to the unit and to the focal agency that raised it."""
    now = now or timezone.now()
    escalation = (
        Escalation.objects.select_for_update()
        .select_related("report__unit", "report__task__document")
        .get(pk=escalation.pk)
    )
    if not may_answer(actor, escalation):
        raise PermissionDenied(_("Chỉ lãnh đạo phụ trách đơn vị được cho ý kiến về vướng mắc này."))
    if not answer.strip():
        raise LeadershipError(_("Hãy ghi ý kiến chỉ đạo."))
    escalation.state = EscalationState.RESOLVED
    escalation.response = answer.strip()
    escalation.resolved_at = now
    escalation.resolved_by = actor
    escalation.save()
    report = escalation.report
    focal = list(
        User.objects.filter(
            role=Role.FOCAL_OFFICER,
            is_active=True,
            org_unit_id=report.task.document.focal_agency_id,
        )
    )
    if escalation.raised_by is not None:
        focal.append(escalation.raised_by)
    with site_language():
        title = _("Ý kiến chỉ đạo của %(leader)s về vướng mắc: %(summary)s") % {
            "leader": actor.display_name,
            "summary": escalation.summary[:80],
        }
    notify(
        [*unit_people(report.unit_id), *focal],
        "escalation.answered",
        title,
        escalation.response,
        reverse("monitoring:escalations"),
        now=now,
    )
    record(actor, "escalation.answer", escalation, {"response": escalation.response}, now=now)
    return escalation
