"""Background jobs (Django tasks framework via the django-tasks backport).

The database backend (``django_tasks_db``) keeps the queue in the
application's own database; ``manage.py db_worker`` (started by ``theodoi
serve``) runs the jobs. Task arguments must be JSON: times travel as ISO
strings.

Two ways to run the daily đôn đốc:

- cron or a systemd timer calls ``theodoi remind`` once a day, which queues
  ``send_daily_reminders`` (docs/operations.md);
- ``theodoi remind --daily`` queues ``daily_reminder_loop`` once: it runs
  now, then queues itself for the next day at ``REMINDER_HOUR``, so a running
  worker is enough (what ``make run`` uses).

Either way a second run on the same day sends nothing new. Each run also
sends the daily digests of notifications (``theodoi.notifications.tasks``).
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from theodoi.monitoring.reminders import send_reminders
from theodoi.notifications.tasks import send_digests
from theodoi.notifications.tasks import send_email as send_email  # jobs queued before the move

logger = logging.getLogger(__name__)


def daily_run(now: datetime.datetime | None = None) -> list[dict]:
    """Today's reminders, then the digests, so a digest includes the reminders."""
    sent = send_reminders(now)
    digests = send_digests(now)
    logger.info("Daily run: %s reminders, %s digests", len(sent), len(digests))
    return sent


@task()
def send_daily_reminders(now_iso: str | None = None, dry_run: bool = False) -> list[dict]:
    """The daily đôn đốc run; ``now_iso`` fixes the time (tests, catch-up runs)."""
    now = datetime.datetime.fromisoformat(now_iso) if now_iso else None
    if dry_run:
        return send_reminders(now, dry_run=True)
    return daily_run(now)


def reminder_hour() -> int:
    return int(getattr(settings, "REMINDER_HOUR", 7))


def next_run(after: datetime.datetime) -> datetime.datetime:
    """The next ``REMINDER_HOUR`` o'clock (local time) strictly after ``after``."""
    local = timezone.localtime(after)
    candidate = local.replace(hour=reminder_hour(), minute=0, second=0, microsecond=0)
    if candidate <= local:
        candidate = timezone.make_aware(
            datetime.datetime.combine(
                local.date() + datetime.timedelta(days=1), datetime.time(reminder_hour())
            )
        )
    return candidate


@task()
def daily_reminder_loop() -> list[dict]:
    """Send today's reminders, then queue the next day's run."""
    sent = daily_run()
    daily_reminder_loop.using(run_after=next_run(timezone.now())).enqueue()
    return sent


def ensure_daily_loop(now: datetime.datetime | None = None) -> Any:
    """Queue ``daily_reminder_loop`` to run now unless one is already waiting.

    Returns the queued result, or ``None`` when a run was already queued.
    """
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=daily_reminder_loop.module_path, status="READY"
    ).exists()
    if waiting:
        return None
    return daily_reminder_loop.enqueue()
