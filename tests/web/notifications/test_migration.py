"""Moving Notification from monitoring to notifications keeps every row:
a database in the old state, with notifications, is migrated forward
(on whichever database the suite runs: SQLite or PostgreSQL)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from theodoi.notifications.models import Notification

BEFORE = [("monitoring", "0002_escalation_resolved_by_reminder_day_and_more")]


def migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)  # schema changes outside a test transaction
def test_existing_notifications_survive_the_move(focal_officer, unit_officer_a):  # type: ignore[no-untyped-def]
    content_type = ContentType.objects.get_for_model(Notification)
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    executor = migrate(BEFORE)
    try:
        tables = connection.introspection.table_names()
        assert "monitoring_notification" in tables and "notifications_notification" not in tables
        old = executor.loader.project_state(BEFORE).apps.get_model("monitoring", "Notification")
        read = timezone.make_aware(datetime.datetime(2025, 11, 20, 9))
        rows = [
            old.objects.create(
                recipient_id=focal_officer.pk, verb="report.submitted", title="Sở Tư pháp đã gửi"
            ),
            old.objects.create(
                recipient_id=unit_officer_a.pk,
                verb="report.returned",
                title="Báo cáo bị trả lại",
                body="Bổ sung số liệu",
                url="/bao-cao/",
                read_at=read,
            ),
        ]
    finally:
        migrate(latest)
    tables = connection.introspection.table_names()
    assert "notifications_notification" in tables and "monitoring_notification" not in tables
    kept = {
        note.pk: (note.recipient_id, note.verb, note.title, note.body, note.url, note.read_at)
        for note in Notification.objects.all()
    }
    assert kept == {
        rows[0].pk: (focal_officer.pk, "report.submitted", "Sở Tư pháp đã gửi", "", "", None),
        rows[1].pk: (
            unit_officer_a.pk,
            "report.returned",
            "Báo cáo bị trả lại",
            "Bổ sung số liệu",
            "/bao-cao/",
            read,
        ),
    }
    # New rows get fresh ids after the renamed table (sequence kept on PostgreSQL).
    new = Notification.objects.create(recipient=focal_officer, verb="x", title="Mới")
    assert new.pk > max(kept)
    assert ContentType.objects.get_for_model(Notification).pk == content_type.pk
    assert not ContentType.objects.filter(app_label="monitoring", model="notification").exists()
