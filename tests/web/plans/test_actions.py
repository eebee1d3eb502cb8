"""Task and assignment actions: each writes the audit trail, refuses what
would break the plan, and changes only what it names."""

from __future__ import annotations

import datetime

import pytest

from tests.web.builders import Org, Plan, same_name_in_each_district
from tests.web.documents.results import parse_result
from theodoi.audit.models import AuditEvent
from theodoi.documents.actions import ActionError, discard_draft, publish_plan, update_document
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document, DocumentState
from theodoi.plans.actions import (
    TaskError,
    add_task,
    delete_task,
    remap_body,
    set_task_assignments,
    update_task,
)
from theodoi.plans.models import Assignment
from theodoi.text.model import ParseResult


def audit(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


def test_update_task_reads_timing_and_records_changes(focal_officer, plan: Plan) -> None:
    task = plan.tasks[0]
    update_task(focal_officer, task, text="Nội dung mới", path="II.1a", timing_text="30/9/2025")
    task.refresh_from_db()
    assert (task.path, task.timing_kind, task.due_date) == (
        "II.1a",
        "due_date",
        datetime.date(2025, 9, 30),
    )
    (event,) = audit("task.update")
    assert event.actor == focal_officer
    assert event.changes["path"] == ["II.1", "II.1a"]


def test_update_task_refuses_a_taken_path_and_empty_text(focal_officer, plan: Plan) -> None:
    with pytest.raises(TaskError):
        update_task(focal_officer, plan.tasks[0], text="x", path="II.2", timing_text="")
    with pytest.raises(TaskError):
        update_task(focal_officer, plan.tasks[0], text="  ", path="II.1", timing_text="")
    assert not audit("task.update")


def test_add_task_goes_last(focal_officer, plan: Plan) -> None:
    task = add_task(focal_officer, plan.document, text="Việc mới", path="II.9")
    assert task.position > max(t.position for t in plan.tasks)
    assert task.timing_kind == "unspecified"
    assert audit("task.add")


def test_delete_task_only_in_a_draft(focal_officer, org: Org, plan: Plan) -> None:
    with pytest.raises(TaskError):
        delete_task(focal_officer, plan.tasks[0])
    draft = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer
    ).document
    task = draft.tasks.first()
    delete_task(focal_officer, task)
    assert not draft.tasks.filter(pk=task.pk).exists()
    assert audit("task.delete")[0].changes["path"] == task.path


def test_set_task_assignments_adds_and_removes(focal_officer, org: Org, plan: Plan) -> None:
    task = plan.tasks[0]  # lead: Sở TT&TT; coordinating: Sở Tư pháp
    set_task_assignments(focal_officer, task, "coordinating", [org.home_affairs, org.front])
    assert set(task.assignments.filter(role="coordinating").values_list("unit", flat=True)) == {
        org.home_affairs.pk,
        org.front.pk,
    }
    assert task.assignments.filter(role="lead", unit=org.information).exists()
    (event,) = audit("task.assignments")
    assert event.changes["removed"] == [org.justice.pk]
    with pytest.raises(TaskError):
        set_task_assignments(focal_officer, task, "boss", [org.front])


def test_remap_body_moves_every_assignment_of_a_name(focal_officer, org: Org) -> None:
    draft = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer
    ).document
    name = "UBND các huyện, thị xã, thành phố"
    remap_body(focal_officer, draft, name, [org.district_a])
    units = Assignment.objects.filter(task__document=draft, source_text=name)
    assert list(units.values_list("unit", flat=True)) == [org.district_a.pk]
    with pytest.raises(TaskError):
        remap_body(focal_officer, draft, "Không có tên này", [org.front])


def test_remap_an_unresolved_name_uses_where_the_parser_saw_it(focal_officer, org: Org) -> None:
    same_name_in_each_district(org, "Phòng Nội vụ", "phong-noi-vu")
    result = parse_result()
    result["tasks"][0]["implementing"] = ["Phòng Nội vụ"]
    draft = store_parse_result(ParseResult.from_json_dict(result), actor=focal_officer).document
    assert not Assignment.objects.filter(task__document=draft, source_text="Phòng Nội vụ").exists()
    remap_body(focal_officer, draft, "Phòng Nội vụ", [org.home_affairs])
    (assignment,) = Assignment.objects.filter(task__document=draft, source_text="Phòng Nội vụ")
    assert (assignment.task.path, assignment.role) == ("II.1", "implementing")


def test_publish_plan_once_and_only_with_tasks(focal_officer, org: Org) -> None:
    draft = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer
    ).document
    publish_plan(focal_officer, draft, confirm_warnings=True)
    draft.refresh_from_db()
    assert draft.state == DocumentState.PUBLISHED
    with pytest.raises(ActionError):
        publish_plan(focal_officer, draft, confirm_warnings=True)
    empty = store_parse_result(
        ParseResult.from_json_dict(parse_result(number="1/KH-X", tasks=[])), actor=focal_officer
    )
    with pytest.raises(ActionError):
        publish_plan(focal_officer, empty.document, confirm_warnings=True)
    assert len(audit("document.publish")) == 1


def test_update_document_and_discard_draft(focal_officer, org: Org) -> None:
    draft = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer
    ).document
    update_document(focal_officer, draft, title="Tên mới", place="Hòa Lâm")
    assert audit("document.update")[0].changes == {
        "title": [draft.parse_result["document"]["title"], "Tên mới"]
    }
    with pytest.raises(ActionError):
        update_document(focal_officer, draft, state="published")
    # a draft nothing links to is deleted; one that others implement becomes a placeholder
    discard_draft(focal_officer, draft)
    assert not Document.objects.filter(pk=draft.pk).exists()
    program = store_parse_result(
        ParseResult.from_json_dict(parse_result(number="12-CTr/TU", implements=[])),
        actor=focal_officer,
    )
    store_parse_result(
        ParseResult.from_json_dict(parse_result(number="46/KH-UBND")), actor=focal_officer
    )
    discard_draft(focal_officer, program.document)
    program.document.refresh_from_db()
    assert program.document.state == DocumentState.PLACEHOLDER
    assert not program.document.tasks.exists()
