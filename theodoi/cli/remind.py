"""``theodoi remind``: the daily đôn đốc run, to be called by cron or a timer.

By default it enqueues the reminder job for the background worker
(``theodoi manage db_worker``); ``--run-now`` runs it in this process,
``--dry-run`` only lists who would be reminded, sending nothing, and
``--daily`` queues a job that repeats itself every day (for a machine where
the worker runs all the time and no cron is set up). Prints one
JSON line per reminder (or the queued job's id).
"""

from __future__ import annotations

import argparse
import datetime
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "remind", help="send today's reminders to units that have not reported (đôn đốc)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="list the reminders that are due, send nothing"
    )
    parser.add_argument(
        "--run-now",
        action="store_true",
        help="run in this process instead of queueing the job for the worker",
    )
    parser.add_argument(
        "--date", help="act as if today were this date (dd/mm/yyyy or yyyy-mm-dd)", default=None
    )
    parser.add_argument(
        "--daily",
        action="store_true",
        help="queue a job that runs now and then every day by itself (needs a running worker)",
    )
    parser.set_defaults(func=run)


def parse_date(text: str) -> datetime.date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise SystemExit(f"theodoi remind: --date {text!r} is not a date (dd/mm/yyyy or yyyy-mm-dd)")


def run(args: argparse.Namespace) -> int:
    now_text = None
    if args.date:
        day = parse_date(args.date)
        now_text = datetime.datetime.combine(day, datetime.time(8, 0)).isoformat()
    from theodoi.project.bootstrap import setup_django

    setup_django()
    from django.utils import timezone

    from theodoi.monitoring.reminders import send_reminders
    from theodoi.monitoring.tasks import daily_run, ensure_daily_loop, send_daily_reminders

    if args.daily:
        queued = ensure_daily_loop()
        status = {"queued": str(queued.id)} if queued else {"already_queued": True}
        print(json.dumps({**status, "task": "daily_reminder_loop"}))
        return 0

    if now_text is not None:
        now_text = timezone.make_aware(datetime.datetime.fromisoformat(now_text)).isoformat()
    if args.dry_run or args.run_now:
        now = datetime.datetime.fromisoformat(now_text) if now_text else None
        items = send_reminders(now, dry_run=True) if args.dry_run else daily_run(now)
        for item in items:
            print(json.dumps({"dry_run": args.dry_run, **item}, ensure_ascii=False))
        return 0
    result = send_daily_reminders.enqueue(now_text, False)
    print(json.dumps({"queued": str(result.id), "task": "send_daily_reminders"}))
    return 0
