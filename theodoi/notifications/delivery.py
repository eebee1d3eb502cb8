"""Telling people: in-app notifications now, e-mail after the commit.

Action functions call these inside their transaction. Notification rows are
part of the change (rolled back with it); e-mail goes out through a
background task enqueued only once the transaction commits, so a rolled-back
change never sends mail. Each person's e-mail follows their choice
(``EmailPreference``): at once, in the daily digest, or not at all.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from theodoi.accounts.models import Role, User
from theodoi.notifications.models import EmailChoice, EmailPreference, Notification

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def site_language() -> translation.override:
    """Write messages for other people in the site's language, not in the
    language the acting user happens to browse in."""
    return translation.override(settings.LANGUAGE_CODE)


def unit_people(unit_id: int, roles: Iterable[str] = UNIT_ROLES) -> QuerySet[User]:
    return User.objects.filter(org_unit_id=unit_id, is_active=True, role__in=list(roles))


def email_choices(user_ids: Iterable[int]) -> dict[int, str]:
    """Each user's e-mail choice; users who never chose get the default."""
    ids = list(user_ids)
    chosen = dict(EmailPreference.objects.filter(user_id__in=ids).values_list("user_id", "choice"))
    return {user_id: chosen.get(user_id, EmailChoice.IMMEDIATE) for user_id in ids}


def wants_email_now(users: Iterable[Any]) -> list[Any]:
    """The users (with an address) who chose an e-mail for each notification."""
    people = [user for user in users if user is not None and str(getattr(user, "email", ""))]
    choices = email_choices(user.pk for user in people)
    return [user for user in people if choices[user.pk] == EmailChoice.IMMEDIATE]


def notify(
    recipients: Iterable[Any],
    verb: str,
    title: str,
    body: str = "",
    url: str = "",
    *,
    now: datetime.datetime | None = None,
    email: bool = True,
) -> list[Notification]:
    """One in-app notification per distinct recipient, and an e-mail to those
    who chose one at once (``email=False`` when the caller mails them itself)."""
    seen: set[int] = set()
    people = []
    for user in recipients:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        people.append(user)
    at = now or timezone.now()
    rows = [
        Notification(
            recipient=user, verb=verb, title=title[:255], body=body, url=url[:500], created_at=at
        )
        for user in people
    ]
    created = Notification.objects.bulk_create(rows)
    if email:
        for user in wants_email_now(people):
            _queue([user.email], title, body)
    return created


def _queue(addresses: list[str], subject: str, body: str) -> None:
    def enqueue() -> None:
        from theodoi.notifications.tasks import send_email

        send_email.enqueue(addresses, subject, body)

    transaction.on_commit(enqueue)


def queue_email(recipients: Iterable[str], subject: str, body: str) -> None:
    """E-mail addresses that belong to no account (a unit's shared mailbox)
    once the current transaction commits.

    Addresses of active accounts are left out: those people get the message
    from ``notify`` according to their own choice, and not twice.
    """
    addresses = {address for address in recipients if address}
    if not addresses:
        return
    people = set(
        User.objects.filter(email__in=addresses, is_active=True).values_list("email", flat=True)
    )
    outside = sorted(addresses - people)
    if outside:
        _queue(outside, subject, body)


def emails_of(users: Iterable[Any]) -> list[str]:
    return [user.email for user in users if getattr(user, "email", "")]
