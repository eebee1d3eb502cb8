"""Telling people: in-app notifications now, e-mail after the commit.

Action functions call these inside their transaction. Notification rows are
part of the change (rolled back with it); e-mail goes out through a
background task enqueued only once the transaction commits, so a rolled-back
change never sends mail.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation

from theodoi.accounts.models import Role, User
from theodoi.monitoring.models import Notification

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def site_language() -> translation.override:
    """Write messages for other people in the site's language, not in the
    language the acting user happens to browse in."""
    return translation.override(settings.LANGUAGE_CODE)


def unit_people(unit_id: int, roles: Iterable[str] = UNIT_ROLES) -> QuerySet[User]:
    return User.objects.filter(org_unit_id=unit_id, is_active=True, role__in=list(roles))


def notify(
    recipients: Iterable[Any],
    verb: str,
    title: str,
    body: str = "",
    url: str = "",
    *,
    now: datetime.datetime | None = None,
) -> list[Notification]:
    """One in-app notification per distinct recipient."""
    seen: set[int] = set()
    rows = []
    for user in recipients:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        rows.append(
            Notification(recipient=user, verb=verb, title=title[:255], body=body, url=url[:500])
        )
    created = Notification.objects.bulk_create(rows)
    if now is not None and created:
        # auto_now_add ignores a given time; tests with a frozen clock need it.
        Notification.objects.filter(pk__in=[row.pk for row in created]).update(created_at=now)
    return created


def queue_email(recipients: Iterable[str], subject: str, body: str) -> None:
    """Send an e-mail from the worker once the current transaction commits."""
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return

    def enqueue() -> None:
        from theodoi.monitoring.tasks import send_email

        send_email.enqueue(addresses, subject, body)

    transaction.on_commit(enqueue)


def emails_of(users: Iterable[Any]) -> list[str]:
    return [user.email for user in users if getattr(user, "email", "")]
