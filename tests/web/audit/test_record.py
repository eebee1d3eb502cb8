"""The audit trail names who did what to which object, and when."""

import datetime

from django.utils import timezone

from theodoi.audit.actions import changed_fields, record
from theodoi.audit.models import AuditEvent


def test_record_keeps_actor_target_and_changes(plan, focal_officer) -> None:  # type: ignore[no-untyped-def]
    at = timezone.make_aware(datetime.datetime(2025, 11, 20, 9, 30))
    event = record(
        focal_officer, "document.publish", plan.document, {"state": ["draft", "published"]}, now=at
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor == focal_officer and stored.actor_name == "Nguyễn Thị Đầu Mối"
    assert stored.target_type.model == "document" and stored.target_id == str(plan.document.pk)
    assert stored.target_repr == "Kế hoạch số 123/KH-UBND"
    assert stored.changes == {"state": ["draft", "published"]} and stored.at == at


def test_system_actions_have_no_actor() -> None:
    event = record(None, "reminders.send")
    assert event.actor is None and event.actor_name == "hệ thống" and event.target_id == ""


def test_changed_fields_lists_only_differences_as_json() -> None:
    before = {"due_date": datetime.date(2025, 6, 30), "text": "A", "path": "II.1"}
    after = {"due_date": datetime.date(2025, 9, 30), "text": "A", "path": "II.2"}
    assert changed_fields(before, after) == {
        "due_date": ["2025-06-30", "2025-09-30"],
        "path": ["II.1", "II.2"],
    }
