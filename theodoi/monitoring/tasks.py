"""Background jobs (Django tasks framework via the django-tasks backport).

The database backend (``django_tasks_db``) keeps the queue in the
application's own database; ``manage.py db_worker`` runs the jobs. Task
arguments must be JSON: dates travel as ISO strings.
"""

from __future__ import annotations

import datetime

from django.core.mail import send_mail
from django_tasks import task

from theodoi.monitoring.reminders import send_reminders


@task()
def send_email(recipients: list[str], subject: str, body: str) -> int:
    """Send one e-mail through the configured e-mail backend."""
    return send_mail(subject, body, None, recipients, fail_silently=False)


@task()
def send_daily_reminders(now_iso: str | None = None, dry_run: bool = False) -> list[dict]:
    """The daily đôn đốc run; ``now_iso`` fixes the time (tests, catch-up runs)."""
    now = datetime.datetime.fromisoformat(now_iso) if now_iso else None
    return send_reminders(now, dry_run=dry_run)
