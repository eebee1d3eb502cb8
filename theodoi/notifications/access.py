"""Notifications and e-mail choices are private to their person."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from theodoi.notifications.models import EmailChoice, EmailPreference, Notification


def notifications_for_user(user: Any) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)


def get_notification_for_user(user: Any, pk: int) -> Notification:
    try:
        return notifications_for_user(user).get(pk=pk)
    except Notification.DoesNotExist:
        raise Http404(_("Không tìm thấy thông báo.")) from None


def email_choice_of(user: Any) -> str:
    preference = EmailPreference.objects.filter(user=user).first()
    return preference.choice if preference else EmailChoice.IMMEDIATE
