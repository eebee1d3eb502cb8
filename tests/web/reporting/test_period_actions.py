"""Creating periods and the reports due in them: idempotent, audited."""

import datetime

from theodoi.audit.models import AuditEvent
from theodoi.reporting.actions import ensure_periods, open_period_reports
from theodoi.reporting.models import ReportingPeriod, TaskReport


def test_periods_are_created_once_and_audited(plan, focal_officer) -> None:  # type: ignore[no-untyped-def]
    periods = ensure_periods(plan.obligation, 2025, 2026, focal_officer)
    assert [(p.label, p.due_date) for p in periods] == [
        ("Năm 2025", datetime.date(2025, 12, 10)),
        ("Năm 2026", datetime.date(2026, 12, 10)),
    ]
    assert periods[0] == plan.period  # the fixture's period is found, not duplicated
    again = ensure_periods(plan.obligation, 2025, 2026, focal_officer)
    assert again == periods
    assert ReportingPeriod.objects.filter(obligation=plan.obligation).count() == 2
    events = AuditEvent.objects.filter(action="periods.generate")
    assert [e.changes["created"] for e in events] == [["Năm 2026"]]
    assert events.get().actor == focal_officer


def test_reports_opened_for_each_reporting_assignment(plan, org, focal_officer) -> None:  # type: ignore[no-untyped-def]
    plan.tasks[0].assignments.filter(unit=org.justice).update(must_report=False)
    created = open_period_reports(plan.period, focal_officer)
    pairs = set(TaskReport.objects.values_list("task__path", "unit__code"))
    assert pairs == {
        ("II.1", "so-tt-tt"),
        ("II.2", "so-tu-phap"),
        ("II.3", "ubnd-dong-son"),
        ("II.3", "ubnd-tay-giang"),
    }
    assert created == 4
    assert open_period_reports(plan.period, focal_officer) == 0
