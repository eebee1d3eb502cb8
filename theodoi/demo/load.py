"""``load_demo``: the whole demo in one transaction, safe to run again."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from theodoi.demo.documents import load_plan
from theodoi.demo.follow_up import load_follow_up
from theodoi.demo.people import DEMO_PASSWORD, load_groups, load_units, load_users
from theodoi.demo.reports import fill_period, summary_counts
from theodoi.plans.models import Task
from theodoi.public.actions import publish_page
from theodoi.reporting.actions import ensure_periods, open_period_reports


@dataclass
class DemoSummary:
    units: int
    users: int
    tasks: int
    periods: list[str]
    reports: dict[str, int]

    def lines(self) -> list[str]:
        states = ", ".join(f"{label}: {count}" for label, count in self.reports.items())
        return [
            f"Demo: {self.units} đơn vị, {self.users} tài khoản, {self.tasks} nhiệm vụ.",
            f"Kỳ báo cáo: {', '.join(self.periods)}.",
            f"Báo cáo — {states}.",
            f"Đăng nhập: quantri, daumoi, lanhdao, cb.so-tu-phap … (mật khẩu {DEMO_PASSWORD}).",
        ]


def current_report_year(today: datetime.date, cutoff_day: int = 14) -> int:
    """The year of the annual period that contains ``today``."""
    if cutoff_day and today > datetime.date(today.year, 12, cutoff_day):
        return today.year + 1
    return today.year


@transaction.atomic
def load_demo(today: datetime.date) -> DemoSummary:
    units = load_units()
    load_groups(units)
    users = load_users(units)
    admin, focal = users["quantri"], users["daumoi"]
    year = current_report_year(today)
    document = load_plan(year - 2, units, admin)
    obligation = document.reporting_obligations.get()
    periods = ensure_periods(obligation, year - 1, year, admin)
    for period in periods:
        open_period_reports(period, admin)
        fill_period(period, today, focal)
    load_follow_up(periods, today, focal)
    publish_page(
        focal,
        document,
        introduction=(
            "Tiến độ thực hiện kế hoạch của tỉnh Hòa Lâm, cập nhật theo báo cáo"
            " của các cơ quan, đơn vị."
        ),
    )
    return DemoSummary(
        units=len(units),
        users=len(users),
        tasks=Task.objects.filter(document=document).count(),
        periods=[p.label for p in periods],
        reports=summary_counts(periods),
    )
