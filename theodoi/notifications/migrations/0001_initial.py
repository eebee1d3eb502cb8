"""Notification taken over from ``monitoring`` with its rows, and the e-mail choice.

The model is first declared on the existing table (no data moves), then
the table is renamed; its content type follows, so admin history and
permissions stay attached.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):  # type: ignore[no-untyped-def]
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not content_type.objects.using(db).filter(
        app_label="notifications", model="notification"
    ).exists():
        content_type.objects.using(db).filter(
            app_label="monitoring", model="notification"
        ).update(app_label="notifications")


def move_content_type_back(apps, schema_editor):  # type: ignore[no-untyped-def]
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not content_type.objects.using(db).filter(
        app_label="monitoring", model="notification"
    ).exists():
        content_type.objects.using(db).filter(
            app_label="notifications", model="notification"
        ).update(app_label="monitoring")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("monitoring", "0003_notify_move_notification"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("verb", models.CharField(max_length=50)),
                        ("title", models.CharField(max_length=255, verbose_name="tiêu đề")),
                        ("body", models.TextField(blank=True, verbose_name="nội dung")),
                        ("url", models.CharField(blank=True, max_length=500)),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "recipient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "thông báo",
                        "verbose_name_plural": "thông báo",
                        "ordering": ["-created_at"],
                        "db_table": "monitoring_notification",
                        "indexes": [
                            models.Index(
                                fields=["recipient", "read_at"],
                                name="monitoring__recipie_d0749b_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="notification", table=None),
        migrations.RenameIndex(
            model_name="notification",
            new_name="notificatio_recipie_564b1f_idx",
            old_name="monitoring__recipie_d0749b_idx",
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
        migrations.CreateModel(
            name="EmailPreference",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "choice",
                    models.CharField(
                        choices=[
                            ("immediate", "Gửi ngay từng thông báo"),
                            ("daily", "Gửi một thư tổng hợp mỗi ngày"),
                            ("none", "Không gửi thư"),
                        ],
                        default="immediate",
                        max_length=20,
                        verbose_name="thông báo qua thư điện tử",
                    ),
                ),
                ("last_digest_at", models.DateTimeField(blank=True, null=True)),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="email_preference",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "lựa chọn thư thông báo",
                "verbose_name_plural": "lựa chọn thư thông báo",
            },
        ),
    ]
