"""Permission-checked fetch helpers for monitoring data.

Reminders and escalations follow the reports they are about: whoever may see
a period's reports (``reporting.access``) sees its reminders, and whoever may
see a report sees the difficulties escalated from it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from theodoi.accounts.roles import can_review_reports
from theodoi.monitoring.models import Escalation, Reminder
from theodoi.reporting.access import periods_for_user, reports_for_user


def reminders_for_user(user: Any) -> QuerySet[Reminder]:
    reminders = Reminder.objects.filter(period__in=periods_for_user(user))
    if can_review_reports(user) or getattr(user, "role", "") == "leader":
        return reminders
    return reminders.filter(unit_id=getattr(user, "org_unit_id", None))


def escalations_for_user(user: Any) -> QuerySet[Escalation]:
    return Escalation.objects.filter(report__in=reports_for_user(user))


def get_escalation_for_user(user: Any, pk: int, *, for_change: bool = False) -> Escalation:
    try:
        escalation = (
            escalations_for_user(user)
            .select_related("report", "report__unit", "report__task", "report__period")
            .get(pk=pk)
        )
    except Escalation.DoesNotExist:
        raise Http404(_("Không tìm thấy vướng mắc.")) from None
    if for_change and not can_review_reports(user):
        raise PermissionDenied(_("Chỉ cơ quan đầu mối được cập nhật vướng mắc."))
    return escalation
