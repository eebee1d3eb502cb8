"""Builders for test data: a small fictional province and its people.

Shared by every web test through the fixtures in ``conftest.py``; call the
functions directly when a test needs something slightly different.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from theodoi.accounts.models import Role, User
from theodoi.documents.models import Document, DocumentKind, DocumentState, IssuerType
from theodoi.orgunits.models import Alias, Level, OrgUnit, UnitGroup, UnitKind
from theodoi.plans.models import Assignment, AssignmentRole, Task, TimingKind
from theodoi.reporting.models import Recurrence, ReportingObligation, ReportingPeriod

PASSWORD = "mat-khau-thu-nghiem-1"


@dataclass
class Org:
    """A fictional province "Hòa Lâm" with a few bodies of each kind."""

    province: OrgUnit  # UBND tỉnh
    home_affairs: OrgUnit  # Sở Nội vụ — the focal agency
    justice: OrgUnit  # Sở Tư pháp
    information: OrgUnit  # Sở Thông tin và Truyền thông
    district_a: OrgUnit  # UBND huyện Đông Sơn
    district_b: OrgUnit  # UBND huyện Tây Giang
    commune_a: OrgUnit  # UBND xã Bình An (under district A)
    party: OrgUnit  # Tỉnh ủy
    mass_mobilisation: OrgUnit  # Ban Dân vận Tỉnh ủy
    front: OrgUnit  # Ủy ban MTTQ Việt Nam tỉnh
    departments: UnitGroup  # "Các sở, ban, ngành tỉnh"
    districts: UnitGroup  # "UBND các huyện, thị xã, thành phố"


def unit(
    code: str, name: str, kind: str, level: str, parent: OrgUnit | None = None, short_name: str = ""
) -> OrgUnit:
    return OrgUnit.objects.create(
        code=code, name=name, kind=kind, level=level, parent=parent, short_name=short_name
    )


def same_name_in_each_district(org: Org, name: str, code: str) -> list[OrgUnit]:
    """A district department that every district has under the same name
    ("Phòng Nội vụ"): the name alone cannot say which unit is meant."""
    return [
        unit(f"{code}-{district.pk}", name, UnitKind.DEPARTMENT, Level.DISTRICT, district)
        for district in (org.district_a, org.district_b)
    ]


def build_org() -> Org:
    province = unit(
        "ubnd-tinh",
        "Ủy ban nhân dân tỉnh Hòa Lâm",
        UnitKind.GOVERNMENT,
        Level.PROVINCE,
        short_name="UBND tỉnh",
    )
    home_affairs = unit("so-noi-vu", "Sở Nội vụ", UnitKind.DEPARTMENT, Level.PROVINCE, province)
    justice = unit("so-tu-phap", "Sở Tư pháp", UnitKind.DEPARTMENT, Level.PROVINCE, province)
    information = unit(
        "so-tt-tt",
        "Sở Thông tin và Truyền thông",
        UnitKind.DEPARTMENT,
        Level.PROVINCE,
        province,
        short_name="Sở TT&TT",
    )
    Alias.objects.create(unit=information, name="Sở TT&TT")
    district_a = unit(
        "ubnd-dong-son",
        "Ủy ban nhân dân huyện Đông Sơn",
        UnitKind.DISTRICT,
        Level.DISTRICT,
        province,
        short_name="UBND huyện Đông Sơn",
    )
    district_b = unit(
        "ubnd-tay-giang",
        "Ủy ban nhân dân huyện Tây Giang",
        UnitKind.DISTRICT,
        Level.DISTRICT,
        province,
        short_name="UBND huyện Tây Giang",
    )
    commune_a = unit(
        "ubnd-binh-an",
        "Ủy ban nhân dân xã Bình An",
        UnitKind.COMMUNE,
        Level.COMMUNE,
        district_a,
        short_name="UBND xã Bình An",
    )
    party = unit("tinh-uy", "Tỉnh ủy Hòa Lâm", UnitKind.PARTY, Level.PROVINCE)
    mass_mobilisation = unit(
        "ban-dan-van", "Ban Dân vận Tỉnh ủy", UnitKind.PARTY, Level.PROVINCE, party
    )
    front = unit(
        "mttq-tinh",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lâm",
        UnitKind.FRONT,
        Level.PROVINCE,
        short_name="Ủy ban MTTQ tỉnh",
    )
    departments = UnitGroup.objects.create(
        code="cac-so-nganh",
        name="Các sở, ban, ngành tỉnh",
        member_kinds=[UnitKind.DEPARTMENT],
        within=province,
    )
    districts = UnitGroup.objects.create(
        code="cac-huyen",
        name="UBND các huyện, thị xã, thành phố",
        member_kinds=[UnitKind.DISTRICT],
        within=province,
    )
    Alias.objects.create(group=districts, name="Ủy ban nhân dân các huyện, thị xã, thành phố")
    return Org(
        province,
        home_affairs,
        justice,
        information,
        district_a,
        district_b,
        commune_a,
        party,
        mass_mobilisation,
        front,
        departments,
        districts,
    )


def person(username: str, full_name: str, role: str, org_unit: OrgUnit | None) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, full_name=full_name, role=role, org_unit=org_unit
    )
    if role == Role.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    return user


@dataclass
class Personas:
    """The people every web test can act as."""

    admin: User
    focal_officer: User  # Sở Nội vụ, follows up every unit
    unit_officer_a: User  # Sở Tư pháp
    unit_officer_b: User  # UBND huyện Đông Sơn
    unit_head_a: User  # head of Sở Tư pháp
    leader: User  # provincial leader, reads dashboards


def build_personas(org: Org) -> Personas:
    return Personas(
        admin=person("quantri", "Quản Trị Viên", Role.ADMIN, org.province),
        focal_officer=person("daumoi", "Nguyễn Thị Đầu Mối", Role.FOCAL_OFFICER, org.home_affairs),
        unit_officer_a=person("canbo_tp", "Trần Văn Tư", Role.UNIT_OFFICER, org.justice),
        unit_officer_b=person("canbo_ds", "Lê Thị Đông", Role.UNIT_OFFICER, org.district_a),
        unit_head_a=person("lanhdao_tp", "Phạm Văn Pháp", Role.UNIT_HEAD, org.justice),
        leader=person("lanhdao_tinh", "Hoàng Văn Tỉnh", Role.LEADER, org.province),
    )


@dataclass
class Plan:
    """A published plan with three tasks, one annual obligation and its 2025 period."""

    document: Document
    tasks: list[Task]
    obligation: ReportingObligation
    period: ReportingPeriod


def build_plan(org: Org, *, state: str = DocumentState.PUBLISHED) -> Plan:
    document = Document.objects.create(
        kind=DocumentKind.KE_HOACH,
        number="123/KH-UBND",
        issuer=org.province.name,
        issuer_unit=org.province,
        issuer_type=IssuerType.GOVERNMENT,
        level=Level.PROVINCE,
        place="Hòa Lâm",
        date=datetime.date(2024, 9, 5),
        state=state,
        title="Kế hoạch thử nghiệm về phát huy sức mạnh đoàn kết",
        focal_agency=org.home_affairs,
        focal_agency_text="Sở Nội vụ",
    )
    specs = [
        (
            "II.1",
            "Tuyên truyền, phổ biến kế hoạch",
            TimingKind.CONTINUOUS,
            None,
            [(org.information, AssignmentRole.LEAD), (org.justice, AssignmentRole.COORDINATING)],
        ),
        (
            "II.2",
            "Rà soát văn bản quy phạm pháp luật",
            TimingKind.DUE_DATE,
            datetime.date(2025, 6, 30),
            [(org.justice, AssignmentRole.LEAD)],
        ),
        (
            "II.3",
            "Tổ chức hội nghị đối thoại với Nhân dân",
            TimingKind.ANNUAL,
            None,
            [
                (org.district_a, AssignmentRole.IMPLEMENTING),
                (org.district_b, AssignmentRole.IMPLEMENTING),
            ],
        ),
    ]
    tasks = []
    for position, (path, text, timing, due, assignees) in enumerate(specs):
        task = Task.objects.create(
            document=document,
            path=path,
            section="NHIỆM VỤ, GIẢI PHÁP",
            text=text,
            position=position,
            timing_kind=timing,
            due_date=due,
        )
        for assignee, role in assignees:
            Assignment.objects.create(
                task=task, unit=assignee, role=role, source_text=assignee.display_name
            )
        tasks.append(task)
    obligation = ReportingObligation.objects.create(
        document=document,
        from_text="Các sở, ban, ngành tỉnh; UBND các huyện",
        to_text="UBND tỉnh",
        via_text="Sở Nội vụ",
        to_unit=org.province,
        via_unit=org.home_affairs,
        recurrence=Recurrence.ANNUAL,
        due_month=12,
        due_day=10,
    )
    period = ReportingPeriod.objects.create(
        obligation=obligation,
        label="Năm 2025",
        year=2025,
        index=1,
        start=datetime.date(2024, 12, 15),
        end=datetime.date(2025, 12, 14),
        due_date=datetime.date(2025, 12, 10),
    )
    return Plan(document, tasks, obligation, period)
