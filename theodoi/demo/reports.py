"""Filling two years of demo reports in every state.

Each report's story is drawn from a random generator seeded with the task,
unit and year, so loading twice gives the same data, and a report someone
has touched since is never overwritten (a period is filled only while all
its reports are untouched drafts).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from theodoi.accounts.models import Role, User
from theodoi.audit.models import AuditEvent
from theodoi.reporting.models import ReportingPeriod, ReviewState, TaskReport
from theodoi.reporting.status import Completion

DIFFICULTIES = [
    "Kinh phí bố trí cho hoạt động còn hạn chế so với nhu cầu.",
    "Cán bộ làm công tác dân vận ở cơ sở còn kiêm nhiệm nhiều việc.",
    "Hạ tầng mạng ở một số xã vùng sâu, vùng xa chưa ổn định.",
    "Văn bản hướng dẫn của cơ quan cấp trên ban hành chậm.",
    "Một bộ phận người dân chưa quen sử dụng dịch vụ trực tuyến.",
]
PROPOSALS = [
    "Đề nghị UBND tỉnh bổ sung kinh phí trong dự toán năm sau.",
    "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã.",
    "Đề nghị sớm ban hành hướng dẫn thống nhất về biểu mẫu báo cáo.",
    "Kiến nghị nhân rộng mô hình tổ công nghệ số cộng đồng.",
]
RETURN_COMMENTS = [
    "Đề nghị bổ sung số liệu cụ thể và thời gian hoàn thành.",
    "Báo cáo chưa nêu rõ khó khăn, vướng mắc; đề nghị bổ sung.",
]

# (weight, review state, completion) for a closed period and for the current one.
CLOSED_MIX = [
    (62, "accepted", "on_time"),
    (13, "accepted", "late"),
    (8, "submitted", "in_progress"),
    (7, "returned", "in_progress"),
    (5, "accepted", "not_started"),
    (5, "draft", "none"),
]
CURRENT_MIX = [
    (20, "draft", "none"),
    (18, "draft", "in_progress"),
    (22, "submitted", "in_progress"),
    (10, "submitted", "on_time"),
    (10, "returned", "in_progress"),
    (20, "accepted", "on_time"),
]


# The accounts the README names show every kind of work in the current period.
SHOWCASE = {
    "so-tu-phap": [("returned", "in_progress"), ("draft", "in_progress")],
    "ubnd-h-dong-son": [("returned", "in_progress"), ("submitted", "on_time"), ("draft", "none")],
}


def _pick(rng: random.Random, mix: Sequence[tuple[int, str, str]]) -> tuple[str, str]:
    _, state, progress = rng.choices(mix, weights=[w for w, _, _ in mix])[0]
    return state, progress


def _moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    naive = datetime.datetime.combine(day, datetime.time(rng.randint(8, 16), rng.randint(0, 59)))
    return timezone.make_aware(naive)


def _clamp(day: datetime.date, low: datetime.date, high: datetime.date) -> datetime.date:
    return max(low, min(day, high))


def _story(
    report: TaskReport,
    progress: str,
    rng: random.Random,
    today: datetime.date,
    deadline: datetime.date,
) -> None:
    """Completion, dates, narrative and figures for one report."""
    period = report.period
    if progress == "none":
        return
    meetings, people = rng.randint(1, 12), rng.randint(3, 60) * 10
    report.figures = [
        {"label": "Hội nghị, hoạt động đã tổ chức", "value": meetings, "unit": "cuộc"},
        {"label": "Lượt người tham gia", "value": people, "unit": "lượt"},
    ]
    name = report.unit.short_name or report.unit.name
    if progress in ("on_time", "late"):
        report.completion = Completion.DONE
        latest = min(deadline, today, period.end)
        if progress == "on_time":
            start = period.start + datetime.timedelta(days=20)
            span = max((latest - start).days, 0)
            report.completed_on = _clamp(
                start + datetime.timedelta(days=rng.randint(0, span)), period.start, latest
            )
        else:
            report.completed_on = min(deadline + datetime.timedelta(days=rng.randint(3, 40)), today)
        report.result = (
            f"{name} đã hoàn thành nhiệm vụ; tổ chức {meetings} hội nghị, hoạt "
            f"động với khoảng {people} lượt người tham gia."
        )
    elif progress == "in_progress":
        report.completion = Completion.IN_PROGRESS
        report.result = (
            f"{name} đang triển khai; đã tổ chức {meetings} hoạt động, dự kiến "
            "hoàn thành trong kỳ tới."
        )
    else:
        report.completion = Completion.NOT_STARTED
        report.result = f"{name} chưa triển khai do chờ hướng dẫn và bố trí kinh phí."
    if rng.random() < 0.35:
        report.difficulties = rng.choice(DIFFICULTIES)
        report.proposals = rng.choice(PROPOSALS)


def _review(
    report: TaskReport,
    state: str,
    rng: random.Random,
    today: datetime.date,
    officer: User | None,
    focal: User,
    events: list[AuditEvent],
) -> None:
    if state == "draft":
        return
    period = report.period
    late = rng.random() < 0.2
    offset = rng.randint(1, 15) if late else -rng.randint(0, 20)
    submitted_day = _clamp(
        period.due_date + datetime.timedelta(days=offset),
        period.start + datetime.timedelta(days=1),
        today,
    )
    report.review_state = ReviewState(state)
    report.submitted_by, report.submitted_at = officer, _moment(submitted_day, rng)
    report.first_submitted_at = report.submitted_at
    report.submitted_late = submitted_day > period.due_date
    events.append(_event(officer, "report.submit", report, report.submitted_at))
    if state in ("accepted", "returned"):
        reviewed_day = min(submitted_day + datetime.timedelta(days=rng.randint(0, 6)), today)
        report.reviewed_by, report.reviewed_at = focal, _moment(reviewed_day, rng)
        if report.reviewed_at < report.submitted_at:
            report.reviewed_at = report.submitted_at + datetime.timedelta(hours=1)
        if state == "returned":
            report.review_comment = rng.choice(RETURN_COMMENTS)
        events.append(
            _event(
                focal,
                f"report.{'accept' if state == 'accepted' else 'return'}",
                report,
                report.reviewed_at,
            )
        )


def _event(
    actor: User | None, action: str, report: TaskReport, at: datetime.datetime
) -> AuditEvent:
    return AuditEvent(
        actor=actor,
        actor_name=str(actor) if actor else "hệ thống",
        action=action,
        target_id=str(report.pk),
        target_repr=str(report)[:255],
        at=at,
    )


def fill_period(period: ReportingPeriod, today: datetime.date, focal: User) -> int:
    """Give every report of an untouched period a state and a story."""
    reports = list(period.task_reports.select_related("task", "unit", "period"))
    if any(r.review_state != ReviewState.DRAFT or r.result for r in reports):
        return 0
    closed = today > period.due_date
    officers = {u.org_unit_id: u for u in User.objects.filter(role=Role.UNIT_OFFICER)}
    events: list[AuditEvent] = []
    reports.sort(key=lambda r: (r.unit.code, r.task.position))
    finished = _finished_before(period)
    seen: dict[str, int] = {}
    for report in reports:
        if (report.task_id, report.unit_id) in finished:
            _carry_over(
                report, finished[report.task_id, report.unit_id], today, officers, focal, events
            )
            continue
        rng = random.Random(f"{report.task.path}|{report.unit.code}|{period.year}")
        state, progress = _pick(rng, CLOSED_MIX if closed else CURRENT_MIX)
        order = seen[report.unit.code] = seen.get(report.unit.code, -1) + 1
        showcase = SHOWCASE.get(report.unit.code, [])
        if not closed and order < len(showcase):
            state, progress = showcase[order]
        if state != "draft" and progress == "none":
            progress = "in_progress"
        _story(report, progress, rng, today, report.deadline())
        _review(report, state, rng, today, officers.get(report.unit_id), focal, events)
    TaskReport.objects.bulk_update(reports, FIELDS)
    _attach_targets(events)
    AuditEvent.objects.bulk_create(events)
    return len(reports)


def _finished_before(period: ReportingPeriod) -> dict[tuple[int, int], TaskReport]:
    """Reports accepted as done in earlier periods, for tasks with a deadline
    of their own: the unit reports them done again, it does not redo them."""
    earlier = (
        TaskReport.objects.filter(
            period__obligation=period.obligation_id,
            period__end__lt=period.start,
            completion=Completion.DONE,
            review_state=ReviewState.ACCEPTED,
        )
        .exclude(task__timing_kind__in=["continuous", "annual", "unspecified"])
        .select_related("period")
    )
    return {(r.task_id, r.unit_id): r for r in earlier}


def _carry_over(
    report: TaskReport,
    before: TaskReport,
    today: datetime.date,
    officers: dict[int | None, User],
    focal: User,
    events: list[AuditEvent],
) -> None:
    report.completion, report.completed_on = Completion.DONE, before.completed_on
    report.result = f"Đã hoàn thành trong kỳ {before.period.label}: {before.result}"
    report.figures = before.figures
    officer = officers.get(report.unit_id)
    day = max(report.period.start, min(today, report.period.due_date))
    report.review_state = ReviewState.SUBMITTED
    report.submitted_by, report.submitted_at = officer, _moment(day, random.Random(report.pk))
    report.first_submitted_at, report.submitted_late = report.submitted_at, False
    events.append(_event(officer, "report.submit", report, report.submitted_at))
    if report.pk % 3:  # most are accepted at once, some wait in the queue
        report.review_state = ReviewState.ACCEPTED
        report.reviewed_by = focal
        report.reviewed_at = report.submitted_at + datetime.timedelta(hours=2)
        events.append(_event(focal, "report.accept", report, report.reviewed_at))


FIELDS = [
    "completion",
    "completed_on",
    "result",
    "figures",
    "difficulties",
    "proposals",
    "review_state",
    "review_comment",
    "submitted_by",
    "submitted_at",
    "reviewed_by",
    "reviewed_at",
    "first_submitted_at",
    "submitted_late",
]


def _attach_targets(events: list[AuditEvent]) -> None:
    from django.contrib.contenttypes.models import ContentType

    kind = ContentType.objects.get_for_model(TaskReport)
    for event in events:
        event.target_type = kind


def summary_counts(periods: list[ReportingPeriod]) -> dict[str, Any]:
    reports = TaskReport.objects.filter(period__in=periods)
    return {str(state.label): reports.filter(review_state=state).count() for state in ReviewState}
