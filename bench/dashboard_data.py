"""A province-sized tracking dataset built with ``bulk_create``.

Used by ``bench/dashboard.py`` (1,000 units, 150 tasks, 5 yearly periods)
and, much smaller, by the dashboard query-count tests, which build it at two
sizes and check the number of queries does not change.

Shape: a fictional province with departments (sở), districts (huyện) and
communes (xã) under them. Most tasks go to a lead department and two
coordinating ones, some to every district, a few to every commune, so every
unit owes reports. Reports cover every state: missing, draft, submitted,
returned, accepted; done on time or late, in progress, not started; sent
on time or late; with difficulties, some escalated (open, forwarded,
resolved). Deterministic for a given seed.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from theodoi.accounts.models import Role, User
from theodoi.documents.models import Document, DocumentKind, DocumentState, IssuerType
from theodoi.monitoring.models import Escalation, EscalationState
from theodoi.orgunits.models import Level, OrgUnit, UnitKind
from theodoi.orgunits.names import name_key
from theodoi.plans.models import Assignment, AssignmentRole, Task, TimingKind
from theodoi.reporting.models import (
    Recurrence,
    ReportingObligation,
    ReportingPeriod,
    ReviewState,
    TaskReport,
)
from theodoi.reporting.status import Completion

T = TypeVar("T")
PASSWORD = "bench-mat-khau-1"
BATCH = 2000
TODAY = datetime.date(2025, 11, 20)


@dataclass
class Dataset:
    document: Document
    periods: list[ReportingPeriod]
    focal_officer: User
    leader: User
    unit_officer: User  # of a district: several tasks
    form_task: Task  # a task the unit officer's district owes
    units: int
    tasks: int
    assignments: int
    reports: int


def _units(tag: str, departments: int, districts: int, communes: int) -> dict[str, list[OrgUnit]]:
    root = OrgUnit.objects.create(
        code=f"{tag}-ubnd-tinh",
        name=f"Ủy ban nhân dân tỉnh Bình Nguyên {tag}",
        short_name="UBND tỉnh",
        kind=UnitKind.GOVERNMENT,
        level=Level.PROVINCE,
    )

    def make(code: str, name: str, kind: str, level: str) -> OrgUnit:
        return OrgUnit(
            code=f"{tag}-{code}",
            name=name,
            kind=kind,
            level=level,
            name_key=name_key(name),
            tree_path="",
        )

    deps = [
        make(f"so-{i}", f"Sở thử nghiệm số {i}", UnitKind.DEPARTMENT, Level.PROVINCE)
        for i in range(departments)
    ]
    dists = [
        make(f"huyen-{i}", f"UBND huyện thử nghiệm {i}", UnitKind.DISTRICT, Level.DISTRICT)
        for i in range(districts)
    ]
    for unit in deps + dists:
        unit.parent = root
    created = OrgUnit.objects.bulk_create(deps + dists, batch_size=BATCH)
    for unit in created:
        unit.tree_path = f"{root.tree_path}{unit.pk:0{OrgUnit.PATH_STEP}d}/"
    OrgUnit.objects.bulk_update(created, ["tree_path"], batch_size=BATCH)
    deps, dists = created[:departments], created[departments:]
    comms = []
    for i in range(communes):
        unit = make(f"xa-{i}", f"UBND xã thử nghiệm {i}", UnitKind.COMMUNE, Level.COMMUNE)
        unit.parent = dists[i % len(dists)]
        comms.append(unit)
    comms = OrgUnit.objects.bulk_create(comms, batch_size=BATCH)
    parents = {d.pk: d for d in dists}
    for unit in comms:
        parent = parents[unit.parent_id or 0]
        unit.tree_path = f"{parent.tree_path}{unit.pk:0{OrgUnit.PATH_STEP}d}/"
    OrgUnit.objects.bulk_update(comms, ["tree_path"], batch_size=BATCH)
    return {"root": [root], "departments": deps, "districts": dists, "communes": comms}


def _tasks(document: Document, count: int, rng: random.Random) -> list[Task]:
    themes = max(count // 15, 1)
    tasks = []
    for i in range(count):
        theme, item = i % themes + 1, i // themes + 1
        kind = (TimingKind.CONTINUOUS, TimingKind.ANNUAL, TimingKind.DUE_DATE)[i % 3]
        due = datetime.date(2021 + rng.randrange(5), rng.choice((3, 6, 9, 12)), 28)
        tasks.append(
            Task(
                document=document,
                path=f"II.{theme}.{item}",
                section="NHIỆM VỤ, GIẢI PHÁP",
                heading=f"Nhóm nhiệm vụ thử nghiệm {theme}",
                text=f"Nhiệm vụ thử nghiệm số {i + 1} về tăng cường khối đại đoàn kết.",
                position=i,
                timing_kind=kind,
                due_date=due if kind == TimingKind.DUE_DATE else None,
            )
        )
    return Task.objects.bulk_create(tasks, batch_size=BATCH)


def _assignments(tasks: list[Task], units: dict[str, list[OrgUnit]]) -> list[Assignment]:
    deps, dists, comms = units["departments"], units["districts"], units["communes"]
    rows = []
    for i, task in enumerate(tasks):
        if i % 15 == 1:  # "UBND các huyện, thị xã, thành phố"
            rows += [Assignment(task=task, unit=u, role=AssignmentRole.IMPLEMENTING) for u in dists]
        elif i % 50 == 7 and comms:  # "UBND các xã, phường, thị trấn"
            rows += [Assignment(task=task, unit=u, role=AssignmentRole.IMPLEMENTING) for u in comms]
        else:
            lead = deps[i % len(deps)]
            rows.append(Assignment(task=task, unit=lead, role=AssignmentRole.LEAD))
            for k in (1, 2):
                other = deps[(i + 7 * k) % len(deps)]
                if other.pk != lead.pk:
                    rows.append(Assignment(task=task, unit=other, role=AssignmentRole.COORDINATING))
    if comms and not any(a.unit_id == comms[0].pk for a in rows):
        rows += [Assignment(task=tasks[0], unit=u, role=AssignmentRole.IMPLEMENTING) for u in comms]
    return Assignment.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


def _periods(document: Document, years: range) -> list[ReportingPeriod]:
    obligation = ReportingObligation.objects.create(
        document=document,
        from_text="Các sở, ban, ngành; UBND các huyện, xã",
        to_text="UBND tỉnh",
        via_text="Sở Nội vụ",
        recurrence=Recurrence.ANNUAL,
        due_month=12,
        due_day=10,
    )
    return ReportingPeriod.objects.bulk_create(
        [
            ReportingPeriod(
                obligation=obligation,
                label=f"Năm {y}",
                year=y,
                index=1,
                start=datetime.date(y - 1, 12, 15),
                end=datetime.date(y, 12, 14),
                due_date=datetime.date(y, 12, 10),
            )
            for y in years
        ]
    )


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))


STATES_CLOSED = [
    (8, None),
    (5, ReviewState.DRAFT),
    (12, ReviewState.SUBMITTED),
    (7, ReviewState.RETURNED),
    (68, ReviewState.ACCEPTED),
]
STATES_CURRENT = [
    (25, None),
    (25, ReviewState.DRAFT),
    (25, ReviewState.SUBMITTED),
    (5, ReviewState.RETURNED),
    (20, ReviewState.ACCEPTED),
]
COMPLETIONS = [(50, Completion.DONE), (35, Completion.IN_PROGRESS), (15, Completion.NOT_STARTED)]


def _pick(rng: random.Random, mix: Sequence[tuple[int, T]]) -> T:
    return rng.choices([v for _, v in mix], weights=[w for w, _ in mix])[0]


def _report(
    assignment: Assignment, period: ReportingPeriod, state: str, rng: random.Random
) -> TaskReport:
    completion = _pick(rng, COMPLETIONS)
    report = TaskReport(
        task_id=assignment.task_id,
        unit_id=assignment.unit_id,
        period=period,
        completion=completion,
        review_state=state,
        result="Đơn vị đã triển khai, tổ chức các hoạt động theo kế hoạch.",
    )
    if completion == Completion.DONE:
        offset = rng.randint(-200, 40)
        report.completed_on = min(period.due_date + datetime.timedelta(days=offset), TODAY)
    if state != ReviewState.DRAFT:
        late = rng.random() < 0.2
        day = period.due_date + datetime.timedelta(days=rng.randint(1, 20) if late else -5)
        report.submitted_at = report.first_submitted_at = _moment(min(day, TODAY))
        report.submitted_late = min(day, TODAY) > period.due_date
    if rng.random() < 0.15:
        report.difficulties = "Kinh phí còn hạn chế; cán bộ kiêm nhiệm nhiều việc."
        report.proposals = "Đề nghị bổ sung kinh phí và tập huấn nghiệp vụ."
    return report


def _reports(
    assignments: list[Assignment], periods: list[ReportingPeriod], rng: random.Random
) -> int:
    pairs = sorted({(a.task_id, a.unit_id): a for a in assignments}.items())
    total = 0
    for period in periods:
        mix = STATES_CURRENT if period.due_date >= TODAY else STATES_CLOSED
        batch = []
        for _, assignment in pairs:
            state = _pick(rng, mix)
            if state is not None:
                batch.append(_report(assignment, period, state, rng))
        created = TaskReport.objects.bulk_create(batch, batch_size=BATCH)
        total += len(created)
        raised = [r for r in created if r.difficulties and r.review_state != ReviewState.DRAFT]
        states = [EscalationState.OPEN, EscalationState.FORWARDED, EscalationState.RESOLVED]
        Escalation.objects.bulk_create(
            [
                Escalation(
                    report=r,
                    summary=r.difficulties,
                    state=states[i % 3],
                    response="Đã hướng dẫn đơn vị." if i % 3 == 2 else "",
                )
                for i, r in enumerate(raised[::3])
            ],
            batch_size=BATCH,
        )
    return total


@transaction.atomic
def build_dataset(
    *,
    tag: str = "bench",
    departments: int = 40,
    districts: int = 10,
    communes: int = 949,
    tasks: int = 150,
    years: range = range(2021, 2026),
    seed: int = 1,
) -> Dataset:
    rng = random.Random(seed)
    units = _units(tag, departments, districts, communes)
    focal_unit = units["departments"][0]
    document = Document.objects.create(
        kind=DocumentKind.KE_HOACH,
        number=f"900/KH-UBND-{tag}",
        issuer=units["root"][0].name,
        issuer_unit=units["root"][0],
        issuer_type=IssuerType.GOVERNMENT,
        level=Level.PROVINCE,
        place="Bình Nguyên",
        date=datetime.date(2020, 9, 1),
        state=DocumentState.PUBLISHED,
        title="Kế hoạch thử nghiệm hiệu năng bảng theo dõi",
        focal_agency=focal_unit,
    )
    task_rows = _tasks(document, tasks, rng)
    assignments = _assignments(task_rows, units)
    assignments = list(Assignment.objects.filter(task__document=document))
    periods = _periods(document, years)
    reports = _reports(assignments, periods, rng)
    district = units["districts"][0]
    form_task = next(a.task for a in assignments if a.unit_id == district.pk)

    def user(name: str, role: str, unit: OrgUnit) -> User:
        return User.objects.create_user(
            username=f"{tag}-{name}", password=PASSWORD, role=role, org_unit=unit
        )

    return Dataset(
        document=document,
        periods=periods,
        focal_officer=user("daumoi", Role.FOCAL_OFFICER, focal_unit),
        leader=user("lanhdao", Role.LEADER, units["root"][0]),
        unit_officer=user("canbo", Role.UNIT_OFFICER, district),
        form_task=form_task,
        units=sum(len(v) for v in units.values()),
        tasks=len(task_rows),
        assignments=len(assignments),
        reports=reports,
    )
