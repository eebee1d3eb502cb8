"""A small plan with two yearly periods whose dashboard numbers are worked
out by hand below (see ``EXPECTED_2025`` / ``EXPECTED_2024``).

Today is 20/11/2025 (tests/web/conftest.py): inside the 2025 period, before
its 10/12/2025 due date; the 2024 period (due 10/12/2024) is closed.

Tasks and who owes reports:
  II.1.a  continuous            Sở Tư pháp (lead), Sở TT&TT (coordinating)
  II.1.b  due 30/06/2025        Sở Tư pháp
  II.2    annual                UBND Đông Sơn, UBND Tây Giang
  II.3.a  due 31/03/2025        Sở TT&TT
  II.3.b  continuous            UBND Tây Giang
  III.1   continuous            MTTQ tỉnh, must_report=False → not tracked

2025 (deadline = own deadline when by 10/12/2025, else 10/12/2025):
  II.1.a  both done (01/10, 01/11)         → Hoàn thành đúng hạn
  II.1.b  done 15/08 > 30/06               → Hoàn thành quá hạn
  II.2    Đông Sơn in progress, Tây Giang draft only → Đang thực hiện trong hạn
  II.3.a  in progress, 31/03 < today       → Đang thực hiện quá hạn
  II.3.b  Tây Giang "done" but returned    → Chưa thực hiện
  Units: Tư pháp 2/2 on time; TT&TT 2/2, one late; Đông Sơn 1/1 on time;
  Tây Giang 0/2 sent → expected 4, reported 3, on time 2.
  Difficulties: Đông Sơn (text, not escalated) open; TT&TT (text, escalation
  resolved) closed; Tư pháp (no text, escalation open) open; Tây Giang's
  draft does not count → 2 open of 3.
2024 (continuous tasks judged again; own deadlines after 10/12/2024 fall
back to it):
  II.1.a  Tư pháp done, TT&TT in progress  → Đang thực hiện quá hạn
  II.1.b  in progress                      → Đang thực hiện quá hạn
  II.2    both done 01/10/2024             → Hoàn thành đúng hạn
  II.3.a  no report                        → Chưa thực hiện
  II.3.b  done 20/12/2024                  → Hoàn thành quá hạn
  Units: Tư pháp 2/2; TT&TT 1/2; Đông Sơn 1/1; Tây Giang 2/2 (one late)
  → reported 3, on time 2.
Sub-plans: Đông Sơn has a published plan carrying this one out (counts);
TT&TT only a placeholder; MTTQ (no report owed) a plan → 1 unit.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from tests.web.builders import Org
from theodoi.documents.models import (
    Document,
    DocumentKind,
    DocumentLink,
    DocumentState,
    IssuerType,
    LinkRelation,
)
from theodoi.monitoring.models import Escalation, EscalationState
from theodoi.orgunits.models import Level
from theodoi.plans.models import Assignment, AssignmentRole, Task, TimingKind
from theodoi.reporting.models import (
    Recurrence,
    ReportingObligation,
    ReportingPeriod,
    ReviewState,
    TaskReport,
)
from theodoi.reporting.status import Completion

D = datetime.date

EXPECTED_2025 = {
    "units_expected": 4,
    "units_reported": 3,
    "reported_on_time": 2,
    "tasks": {
        "hoan_thanh_dung_han": 1,
        "hoan_thanh_qua_han": 1,
        "dang_thuc_hien_trong_han": 1,
        "dang_thuc_hien_qua_han": 1,
        "chua_thuc_hien": 1,
    },
    "difficulties_open": 2,
}
EXPECTED_2024 = {
    "units_expected": 4,
    "units_reported": 3,
    "reported_on_time": 2,
    "tasks": {
        "hoan_thanh_dung_han": 1,
        "hoan_thanh_qua_han": 1,
        "dang_thuc_hien_trong_han": 0,
        "dang_thuc_hien_qua_han": 2,
        "chua_thuc_hien": 1,
    },
    "difficulties_open": 0,
}


@dataclass
class Scenario:
    document: Document
    period_2024: ReportingPeriod
    period_2025: ReportingPeriod
    tasks: dict[str, Task]


def moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def plan_document(org: Org, number: str, focal: object, title: str) -> Document:
    return Document.objects.create(
        kind=DocumentKind.KE_HOACH,
        number=number,
        issuer=org.province.name,
        issuer_unit=org.province,
        issuer_type=IssuerType.GOVERNMENT,
        level=Level.PROVINCE,
        place="Hòa Lâm",
        date=D(2024, 3, 1),
        state=DocumentState.PUBLISHED,
        title=title,
        focal_agency=focal,  # type: ignore[misc]
        focal_agency_text="Sở Nội vụ",
    )


def annual_periods(document: Document, years: range) -> list[ReportingPeriod]:
    obligation = ReportingObligation.objects.create(
        document=document,
        from_text="Các sở, ban, ngành tỉnh; UBND các huyện",
        to_text="UBND tỉnh",
        via_text="Sở Nội vụ",
        recurrence=Recurrence.ANNUAL,
        due_month=12,
        due_day=10,
    )
    return [
        ReportingPeriod.objects.create(
            obligation=obligation,
            label=f"Năm {year}",
            year=year,
            index=1,
            start=D(year - 1, 12, 15),
            end=D(year, 12, 14),
            due_date=D(year, 12, 10),
        )
        for year in years
    ]


def report(
    task: Task,
    unit: object,
    period: ReportingPeriod,
    completion: str,
    *,
    state: str = ReviewState.ACCEPTED,
    completed_on: datetime.date | None = None,
    sent_on: datetime.date | None = None,
    late: bool = False,
    difficulties: str = "",
    result: str = "",
) -> TaskReport:
    sent = state != ReviewState.DRAFT
    return TaskReport.objects.create(
        task=task,
        unit=unit,  # type: ignore[misc]
        period=period,
        completion=completion,
        completed_on=completed_on,
        review_state=state,
        submitted_at=moment(sent_on or period.due_date - datetime.timedelta(days=5))
        if sent
        else None,
        submitted_late=late,
        difficulties=difficulties,
        result=result or f"Đơn vị đã triển khai nhiệm vụ {task.path}.",
    )


def build_scenario(org: Org) -> Scenario:
    document = plan_document(
        org, "77/KH-UBND", org.home_affairs, "Kế hoạch thử nghiệm bảng theo dõi"
    )
    p2024, p2025 = annual_periods(document, range(2024, 2026))
    specs = [
        (
            "II.1.a",
            TimingKind.CONTINUOUS,
            None,
            [(org.justice, AssignmentRole.LEAD), (org.information, AssignmentRole.COORDINATING)],
        ),
        ("II.1.b", TimingKind.DUE_DATE, D(2025, 6, 30), [(org.justice, AssignmentRole.LEAD)]),
        (
            "II.2",
            TimingKind.ANNUAL,
            None,
            [
                (org.district_a, AssignmentRole.IMPLEMENTING),
                (org.district_b, AssignmentRole.IMPLEMENTING),
            ],
        ),
        ("II.3.a", TimingKind.DUE_DATE, D(2025, 3, 31), [(org.information, AssignmentRole.LEAD)]),
        ("II.3.b", TimingKind.CONTINUOUS, None, [(org.district_b, AssignmentRole.IMPLEMENTING)]),
        ("III.1", TimingKind.CONTINUOUS, None, [(org.front, AssignmentRole.COORDINATING)]),
    ]
    tasks = {}
    for position, (path, timing, due, assignees) in enumerate(specs):
        task = Task.objects.create(
            document=document,
            path=path,
            section="NHIỆM VỤ, GIẢI PHÁP",
            text=f"Nhiệm vụ thử nghiệm {path}",
            position=position,
            timing_kind=timing,
            due_date=due,
        )
        for unit, role in assignees:
            Assignment.objects.create(task=task, unit=unit, role=role, must_report=path != "III.1")
        tasks[path] = task
    t = tasks
    done, progress = Completion.DONE, Completion.IN_PROGRESS

    # 2025
    report(t["II.1.a"], org.justice, p2025, done, completed_on=D(2025, 10, 1))
    esc_open = report(t["II.1.a"], org.information, p2025, done, completed_on=D(2025, 11, 1))
    report(t["II.1.b"], org.justice, p2025, done, completed_on=D(2025, 8, 15))
    report(
        t["II.2"],
        org.district_a,
        p2025,
        progress,
        state=ReviewState.SUBMITTED,
        difficulties="Thiếu kinh phí tổ chức hội nghị.",
    )
    report(
        t["II.2"],
        org.district_b,
        p2025,
        progress,
        state=ReviewState.DRAFT,
        difficulties="Chưa có hướng dẫn.",
    )
    resolved = report(
        t["II.3.a"],
        org.information,
        p2025,
        progress,
        late=True,
        difficulties="Phần mềm chưa kết nối.",
    )
    report(
        t["II.3.b"],
        org.district_b,
        p2025,
        done,
        state=ReviewState.RETURNED,
        completed_on=D(2025, 9, 1),
    )
    Escalation.objects.create(
        report=resolved,
        summary="Phần mềm chưa kết nối.",
        state=EscalationState.RESOLVED,
        response="Đã chỉ đạo kết nối.",
    )
    Escalation.objects.create(report=esc_open, summary="Cần thống nhất biểu mẫu.")

    # 2024
    report(t["II.1.a"], org.justice, p2024, done, completed_on=D(2024, 6, 1))
    report(t["II.1.a"], org.information, p2024, progress)
    report(t["II.1.b"], org.justice, p2024, progress)
    report(t["II.2"], org.district_a, p2024, done, completed_on=D(2024, 10, 1))
    report(t["II.2"], org.district_b, p2024, done, completed_on=D(2024, 10, 1))
    report(
        t["II.3.b"],
        org.district_b,
        p2024,
        done,
        completed_on=D(2024, 12, 20),
        sent_on=D(2024, 12, 22),
        late=True,
    )

    # Sub-plans carrying this plan out.
    def sub_plan(unit: object, number: str, state: str) -> None:
        sub = Document.objects.create(
            kind=DocumentKind.KE_HOACH, number=number, issuer_unit=unit, state=state
        )
        DocumentLink.objects.create(source=sub, target=document, relation=LinkRelation.IMPLEMENTS)

    sub_plan(org.district_a, "12/KH-UBND", DocumentState.PUBLISHED)
    sub_plan(org.information, "5/KH-STTTT", DocumentState.PLACEHOLDER)
    sub_plan(org.front, "3/KH-MTTQ", DocumentState.PUBLISHED)
    return Scenario(document, p2024, p2025, tasks)
