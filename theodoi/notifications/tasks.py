"""Background jobs that send notification e-mail (django-tasks queue).

``send_email`` sends one message once the change that caused it has
committed; ``send_daily_digest`` gathers, for each person who chose the
daily digest, the unread notifications since their last digest into one
e-mail. The daily loop in ``theodoi.monitoring.tasks`` runs the digest after
the day's reminders.
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from theodoi.notifications.delivery import site_language
from theodoi.notifications.models import EmailChoice, EmailPreference, Notification

logger = logging.getLogger(__name__)

#: How far back the first digest of a person looks.
FIRST_DIGEST_WINDOW = datetime.timedelta(days=1)


@task()
def send_email(recipients: list[str], subject: str, body: str) -> int:
    """Send one e-mail through the configured e-mail backend."""
    return send_mail(subject, body, None, recipients, fail_silently=False)


def digest_text(notifications: list[Notification]) -> tuple[str, str]:
    """Subject and body of one person's digest."""
    with site_language():
        count = len(notifications)
        subject = ngettext(
            "theodoi: %(n)s thông báo mới", "theodoi: %(n)s thông báo mới", count
        ) % {"n": count}
        lines = [_("Các thông báo chưa đọc trên hệ thống theodoi:"), ""]
        for note in notifications:
            lines.append(f"- {timezone.localtime(note.created_at):%d/%m/%Y %H:%M} {note.title}")
            if note.body:
                lines.append(f"  {note.body}")
        lines += ["", _("Đổi cách nhận thư tại trang “Thông báo qua thư điện tử”.")]
    return subject, "\n".join(lines)


def send_digests(now: datetime.datetime | None = None) -> list[dict]:
    """One e-mail per person who chose the digest and has unread notifications
    since their last digest; each person in a transaction of their own, so a
    failed send leaves their window open for the next run."""
    now = now or timezone.now()
    sent = []
    preferences = EmailPreference.objects.filter(
        choice=EmailChoice.DAILY, user__is_active=True
    ).select_related("user")
    for preference in preferences:
        user = preference.user
        if not user.email:
            continue
        start = preference.last_digest_at or now - FIRST_DIGEST_WINDOW
        notes = list(
            Notification.objects.filter(
                recipient=user, read_at__isnull=True, created_at__gt=start, created_at__lte=now
            ).order_by("created_at", "id")
        )
        try:
            with transaction.atomic():
                locked = EmailPreference.objects.select_for_update().get(pk=preference.pk)
                if locked.last_digest_at != preference.last_digest_at:
                    continue  # another run got there first
                locked.last_digest_at = now
                locked.save(update_fields=["last_digest_at"])
                if notes:
                    subject, body = digest_text(notes)
                    send_mail(subject, body, None, [user.email], fail_silently=False)
        except (OSError, smtplib.SMTPException):
            logger.exception("Digest to user %s failed; will retry on the next run", user.pk)
            continue
        if notes:
            sent.append({"user": user.username, "notifications": len(notes)})
    return sent


@task()
def send_daily_digest(now_iso: str | None = None) -> list[dict]:
    """The daily digest run; ``now_iso`` fixes the time (tests, catch-up runs)."""
    now = datetime.datetime.fromisoformat(now_iso) if now_iso else None
    return send_digests(now)
