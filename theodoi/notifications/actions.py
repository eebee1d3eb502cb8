"""Named changes to notifications: one transaction each, the acting user
passed in, the audit trail written where the change is the user's choice."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from theodoi.audit.actions import record
from theodoi.notifications.models import EmailChoice, EmailPreference


class NotificationError(ValueError):
    """The change is not allowed as asked; the message tells the user why."""


def mark_notifications_read(
    user: Any, ids: list[int] | None = None, *, now: datetime.datetime | None = None
) -> int:
    """Mark the user's notifications read (all, or the ones listed)."""
    notifications = user.notifications.filter(read_at__isnull=True)
    if ids is not None:
        notifications = notifications.filter(pk__in=ids)
    return notifications.update(read_at=now or timezone.now())


@transaction.atomic
def set_email_choice(
    actor: Any, choice: str, *, now: datetime.datetime | None = None
) -> EmailPreference:
    """The acting user's own choice of e-mail for notifications."""
    if choice not in EmailChoice.values:
        raise NotificationError(_("Lựa chọn không hợp lệ: %(choice)s.") % {"choice": choice or "—"})
    preference, _created = EmailPreference.objects.select_for_update().get_or_create(user=actor)
    old = preference.choice
    if choice == EmailChoice.DAILY and old != EmailChoice.DAILY:
        # The first digest covers what arrives from now on, not the past.
        preference.last_digest_at = now or timezone.now()
    preference.choice = choice
    preference.save()
    record(actor, "notifications.email_choice", preference, {"from": old, "to": choice}, now=now)
    return preference
