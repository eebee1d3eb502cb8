"""``theodoi backup`` / ``theodoi restore-backup``: a round trip on the test
run's kind of database (SQLite, or PostgreSQL with pg_dump/pg_restore)."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pytest
from django.db import connection

from tests.web.cli.tools import SMALL_DATA, own_database, python, theodoi

pytestmark = pytest.mark.slow

READ_BACK = """
from theodoi.reporting.models import Attachment, TaskReport
for report in TaskReport.objects.order_by("pk"):
    print("report", report.pk, report.result)
for attachment in Attachment.objects.order_by("pk"):
    print("file", attachment.original_name, attachment.file.read().decode())
"""


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    if connection.vendor == "postgresql" and not shutil.which("pg_dump"):
        pytest.skip("pg_dump missing: install the Debian package postgresql-client")
    with own_database("backup") as env:
        assert theodoi(env, "migrate").returncode == 0
        original = python(env, SMALL_DATA + READ_BACK)
        assert "Đã rà soát 42 văn bản." in original and "%PDF-1.4 bien ban hop" in original
        archive = tmp_path / "sao-luu.tar"
        made = theodoi(env, "backup", str(archive))
        assert made.returncode == 0, made.stderr
        with tarfile.open(archive) as tar:
            names = tar.getnames()
        assert "manifest.json" in names and any(n.startswith("media/attachments/") for n in names)
        again = theodoi(env, "backup", str(archive))
        assert again.returncode != 0 and "already exists" in again.stderr

        # Everything changes after the backup: the text, the files.
        assert (
            python(
                env,
                "from theodoi.reporting.models import Attachment, TaskReport\n"
                "for a in Attachment.objects.all(): a.file.delete(); a.delete()\n"
                "TaskReport.objects.update(result='Nội dung sau khi sao lưu')\n" + READ_BACK,
            )
            != original
        )

        refused = theodoi(env, "restore-backup", str(archive))
        assert refused.returncode != 0 and "--yes" in refused.stderr
        restored = theodoi(env, "restore-backup", str(archive), "--yes")
        assert restored.returncode == 0, restored.stderr
        assert python(env, READ_BACK) == original


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    with own_database("badbackup") as env:
        bogus = tmp_path / "khong-phai.tar"
        with tarfile.open(bogus, "w") as tar:
            tar.add(__file__, arcname="database.sqlite3")
        result = theodoi(env, "restore-backup", str(bogus), "--yes")
        assert result.returncode != 0 and "manifest.json" in result.stderr
