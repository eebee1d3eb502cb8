"""Every API endpoint as every role: the status each one gets.

The expected table is written from the access rules (docs/architecture.md),
not from what the code returns: a unit officer sees and writes only their
own unit's reports, only the focal agency reviews, leaders read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client

from tests.web.builders import Plan
from theodoi.monitoring.models import Escalation
from theodoi.reporting import actions
from theodoi.reporting.models import TaskReport
from theodoi.reports.models import GenerationState, ReportVersion

ROLES = ("anonymous", "admin", "focal", "officer_a", "officer_b", "head_a", "leader")


@dataclass
class World:
    plan: Plan
    report: TaskReport  # Sở Tư pháp's draft on task II.2
    submitted: TaskReport  # Sở Tư pháp's submitted report on task II.1
    escalation: Escalation  # a difficulty raised in the submitted report
    version: ReportVersion  # a generated version of the plan's aggregated report


def _world(plan: Plan, officer_a: Any, now: Any) -> World:
    data = actions.ReportData(completion="in_progress", result="Đang rà soát 12 văn bản.")
    report = actions.save_draft(officer_a, plan.period, plan.tasks[1], data, now=now)
    other = actions.save_draft(officer_a, plan.period, plan.tasks[0], data, now=now)
    officer_a.org_unit.requires_head_approval = False
    officer_a.org_unit.save()
    submitted = actions.submit_report(officer_a, other, now=now)
    escalation = Escalation.objects.create(report=submitted, summary="Thiếu kinh phí in tài liệu.")
    version = ReportVersion(
        document=plan.document,
        period=plan.period,
        number=1,
        as_of=plan.period.due_date,
        requested_at=now,
        state=GenerationState.DONE,
    )
    version.docx.save("bao-cao-v1.docx", ContentFile(b"PK fictional docx"), save=False)
    version.save()
    return World(plan, report, submitted, escalation, version)


Call = Callable[[Client, World], Any]
REPORT_BODY = {"completion": "in_progress", "result": "Đã rà soát 5 văn bản."}


def _create(client: Client, w: World) -> Any:
    body = {**REPORT_BODY, "period_id": w.plan.period.pk, "task_id": w.plan.tasks[1].pk}
    return client.post("/api/reports", body, content_type="application/json")


#: (name, request, expected status per role in ROLES order)
CASES: list[tuple[str, Call, tuple[int, ...]]] = [
    ("documents", lambda c, w: c.get("/api/documents"), (401, 200, 200, 200, 200, 200, 200)),
    (
        "document",
        lambda c, w: c.get(f"/api/documents/{w.plan.document.pk}"),
        (401, 200, 200, 200, 200, 200, 200),
    ),
    (
        "upload",
        lambda c, w: c.post("/api/documents", {"file": _empty_file()}),
        (401, 400, 400, 400, 400, 400, 403),  # units upload their sub-plans
    ),
    (
        "publish",
        lambda c, w: c.post(f"/api/documents/{w.plan.document.pk}/publish"),
        (401, 409, 409, 403, 403, 403, 403),  # seen (published) but not theirs to change
    ),
    (
        "document tasks",
        lambda c, w: c.get(f"/api/documents/{w.plan.document.pk}/tasks"),
        (401, 200, 200, 200, 200, 200, 200),
    ),
    ("tasks", lambda c, w: c.get("/api/tasks"), (401, 200, 200, 200, 200, 200, 200)),
    ("search", lambda c, w: c.get("/api/search?q=tuyen"), (401, 200, 200, 200, 200, 200, 200)),
    (
        "task",
        lambda c, w: c.get(f"/api/tasks/{w.plan.tasks[0].pk}"),
        (401, 200, 200, 200, 200, 200, 200),
    ),
    ("assignments", lambda c, w: c.get("/api/assignments"), (401, 200, 200, 200, 200, 200, 200)),
    ("orgunits", lambda c, w: c.get("/api/orgunits"), (401, 200, 200, 200, 200, 200, 200)),
    ("reports", lambda c, w: c.get("/api/reports"), (401, 200, 200, 200, 200, 200, 200)),
    (
        "report",
        lambda c, w: c.get(f"/api/reports/{w.report.pk}"),
        (401, 200, 200, 200, 404, 200, 200),
    ),
    ("create report", _create, (401, 403, 403, 200, 404, 200, 403)),
    (
        "update report",
        lambda c, w: c.put(f"/api/reports/{w.report.pk}", REPORT_BODY, "application/json"),
        (401, 403, 403, 200, 404, 200, 403),
    ),
    (
        "submit report",
        lambda c, w: c.post(f"/api/reports/{w.report.pk}/submit"),
        (401, 403, 403, 200, 404, 200, 403),
    ),
    (
        "review report",
        lambda c, w: c.post(
            f"/api/reports/{w.submitted.pk}/review",
            {"decision": "accept", "comment": "Tiếp nhận."},
            "application/json",
        ),
        (401, 200, 200, 403, 404, 403, 403),
    ),
    ("periods", lambda c, w: c.get("/api/periods"), (401, 200, 200, 200, 200, 200, 200)),
    (
        "period",
        lambda c, w: c.get(f"/api/periods/{w.plan.period.pk}"),
        (401, 200, 200, 200, 200, 200, 200),
    ),
    ("escalations", lambda c, w: c.get("/api/escalations"), (401, 200, 200, 200, 200, 200, 200)),
    (
        "escalation",
        lambda c, w: c.get(f"/api/escalations/{w.escalation.pk}"),
        (401, 200, 200, 200, 404, 200, 200),
    ),
    (
        "dashboard",
        lambda c, w: c.get(f"/api/dashboards/{w.plan.document.pk}"),
        (401, 200, 200, 403, 403, 403, 200),
    ),
    (
        "request report version",
        lambda c, w: c.post(
            "/api/report-versions",
            {"document_id": w.plan.document.pk, "period_id": w.plan.period.pk, "format": "pdf"},
            "application/json",
        ),
        (401, 202, 202, 403, 403, 403, 202),  # the aggregated report: focal agency, leaders
    ),
    (
        "report version",
        lambda c, w: c.get(f"/api/report-versions/{w.version.pk}"),
        (401, 200, 200, 403, 403, 403, 200),
    ),
    (
        "report version file",
        lambda c, w: c.get(f"/api/report-versions/{w.version.pk}/files/docx"),
        (401, 200, 200, 403, 403, 403, 200),
    ),
]


def _empty_file() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("trong.txt", b"")  # refused before any parsing


def _client(role: str, personas: Any) -> Client:
    users = {
        "admin": personas.admin,
        "focal": personas.focal_officer,
        "officer_a": personas.unit_officer_a,
        "officer_b": personas.unit_officer_b,
        "head_a": personas.unit_head_a,
        "leader": personas.leader,
    }
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_every_endpoint_as_every_role(role: str, personas, plan: Plan, now) -> None:
    """Each case runs on a fresh world inside a savepoint rolled back after it
    (the province and people are built once per role: the test stays fast)."""
    client = _client(role, personas)
    wrong = []
    for name, call, expected in CASES:
        with transaction.atomic():
            world = _world(plan, personas.unit_officer_a, now)
            response = call(client, world)
            want = expected[ROLES.index(role)]
            if response.status_code != want:
                wrong.append((name, want, response.status_code, response.content[:200]))
            elif want >= 400:
                error = response.json()["error"]
                if not (error["code"] and error["message"]):
                    wrong.append((name, "error shape", response.content[:200]))
            transaction.set_rollback(True)
    assert wrong == []


def test_the_table_covers_every_path_and_method(client_for, focal_officer) -> None:
    """A new endpoint must be added to CASES (this fails until it is)."""
    schema = client_for(focal_officer).get("/api/openapi.json").json()
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    covered = 24  # len(CASES); a new operation makes the counts differ
    assert len(CASES) == covered
    assert len(operations) == covered, sorted(operations)
