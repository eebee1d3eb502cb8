"""Status derivation: two axes, five labels, always against an explicit today."""

import datetime

import pytest

from theodoi.reporting.status import Completion, StatusLabel, derive_status

DEADLINE = datetime.date(2025, 12, 10)
BEFORE = datetime.date(2025, 12, 1)
AFTER = datetime.date(2025, 12, 20)


@pytest.mark.parametrize(
    ("completion", "completed_on", "today", "done", "overdue", "label"),
    [
        (Completion.DONE, BEFORE, AFTER, True, False, StatusLabel.DONE_ON_TIME),
        (Completion.DONE, DEADLINE, AFTER, True, False, StatusLabel.DONE_ON_TIME),
        (Completion.DONE, AFTER, AFTER, True, True, StatusLabel.DONE_LATE),
        (Completion.IN_PROGRESS, None, BEFORE, False, False, StatusLabel.IN_PROGRESS_ON_TIME),
        (Completion.IN_PROGRESS, None, DEADLINE, False, False, StatusLabel.IN_PROGRESS_ON_TIME),
        (Completion.IN_PROGRESS, None, AFTER, False, True, StatusLabel.IN_PROGRESS_OVERDUE),
        (Completion.NOT_STARTED, None, BEFORE, False, False, StatusLabel.NOT_STARTED),
        (Completion.NOT_STARTED, None, AFTER, False, True, StatusLabel.NOT_STARTED),
    ],
)
def test_status_axes_and_label(completion, completed_on, today, done, overdue, label) -> None:  # type: ignore[no-untyped-def]
    status = derive_status(completion, completed_on, DEADLINE, today)
    assert (status.done, status.overdue, status.label) == (done, overdue, label)


def test_labels_are_the_government_wording() -> None:
    assert [str(label.label) for label in StatusLabel] == [
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Đang thực hiện trong hạn",
        "Đang thực hiện quá hạn",
        "Chưa thực hiện",
    ]


def test_done_without_a_date_counts_as_done_today() -> None:
    assert derive_status(Completion.DONE, None, DEADLINE, BEFORE).label == StatusLabel.DONE_ON_TIME
    assert derive_status(Completion.DONE, None, DEADLINE, AFTER).label == StatusLabel.DONE_LATE


def test_continuous_task_is_judged_per_period(plan, org) -> None:  # type: ignore[no-untyped-def]
    from theodoi.reporting.models import ReportingPeriod, TaskReport

    continuous = plan.tasks[0]
    later = ReportingPeriod.objects.create(
        obligation=plan.obligation,
        label="Năm 2026",
        year=2026,
        start=datetime.date(2025, 12, 15),
        end=datetime.date(2026, 12, 14),
        due_date=datetime.date(2026, 12, 10),
    )
    late_2025 = TaskReport.objects.create(
        task=continuous,
        unit=org.information,
        period=plan.period,
        completion=Completion.DONE,
        completed_on=datetime.date(2025, 12, 12),
    )
    on_time_2026 = TaskReport.objects.create(
        task=continuous,
        unit=org.information,
        period=later,
        completion=Completion.DONE,
        completed_on=datetime.date(2026, 11, 30),
    )
    today = datetime.date(2026, 12, 20)
    assert late_2025.status(today).label == StatusLabel.DONE_LATE
    assert on_time_2026.status(today).label == StatusLabel.DONE_ON_TIME


def test_task_deadline_earlier_than_the_period_due_date_wins(plan, org) -> None:  # type: ignore[no-untyped-def]
    from theodoi.reporting.models import TaskReport

    due_in_june = plan.tasks[1]  # due 30/06/2025
    report = TaskReport(
        task=due_in_june, unit=org.justice, period=plan.period, completion=Completion.IN_PROGRESS
    )
    assert report.deadline() == datetime.date(2025, 6, 30)
    assert report.status(datetime.date(2025, 7, 1)).label == StatusLabel.IN_PROGRESS_OVERDUE
