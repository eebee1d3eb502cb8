"""Notification moves to the ``notifications`` app.

Only Django's idea of the models changes here; the table and its rows stay
where they are until ``notifications.0001_initial`` renames the table.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0002_escalation_resolved_by_reminder_day_and_more"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Notification")],
            database_operations=[],
        ),
    ]
