"""``theodoi tasks DOCUMENT --json`` and the new keys of ``theodoi import``."""

from __future__ import annotations

import json

import pytest

from tests.web.builders import Org
from theodoi.cli import main as theodoi_main


def test_tasks_json_lists_roles_as_unit_codes(org: Org, plan, capsys) -> None:  # type: ignore[no-untyped-def]
    document = plan.document
    assert theodoi_main(["tasks", str(document.pk), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = out["tasks"]
    assert [row["path"] for row in rows] == list(
        document.tasks.order_by("position", "pk").values_list("path", flat=True)
    )
    for row, task in zip(rows, document.tasks.order_by("position", "pk"), strict=True):
        assert set(row) == {"path", "text", "lead", "coordinating", "implementing", "timing"}
        assert row["text"] == task.text
        for role in ("lead", "coordinating", "implementing"):
            expected = set(task.assignments.filter(role=role).values_list("unit__code", flat=True))
            assert set(row[role]) == expected
    assert any(row["lead"] for row in rows)
    # by number too, and a clear error for an unknown document
    if document.number:
        assert theodoi_main(["tasks", document.number, "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == out
    assert theodoi_main(["tasks", "999/KH-KHONG"]) == 2
    assert "999/KH-KHONG" in capsys.readouterr().err


def test_import_json_has_created_units_unassigned_tasks_and_periods(
    org: Org, tmp_path, settings, capsys
) -> None:
    from tests.web.documents.docx_plans import plan_88_docx
    from theodoi.documents.models import Document
    from theodoi.reporting.models import ReportingPeriod

    settings.MEDIA_ROOT = tmp_path / "media"
    assert theodoi_main(["import", str(plan_88_docx(tmp_path))]) == 0
    summary = json.loads(capsys.readouterr().out)
    document = Document.objects.get(pk=summary["document_id"])
    assert summary["created_units"] == []
    assert summary["unassigned_tasks"] == document.tasks.filter(assignments__isnull=True).count()
    years = ReportingPeriod.objects.filter(obligation__document=document).values_list(
        "year", flat=True
    )
    assert summary["periods"] == sorted(set(years)) != []


def test_units_command_usage_errors(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        theodoi_main(["units"])  # an action is required
    assert theodoi_main(["units", "export", "x.txt"]) == 2
    assert ".csv or .xlsx" in capsys.readouterr().err
