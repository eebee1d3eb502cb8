"""The aggregated report through the API: request a version with edited
narrative parts, follow it to done (the real db_worker), download its files;
the same versions as the web workspace, the same access."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from docx import Document as open_docx
from openpyxl import load_workbook

from tests.web.builders import Plan
from theodoi.reports.models import ReportVersion


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")


def test_request_follow_and_download(
    plan: Plan,
    client_for: Callable[..., Client],
    focal_officer: Any,
    unit_officer_a: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    api = client_for(focal_officer)
    body = {
        "document_id": plan.document.pk,
        "period_id": plan.period.pk,
        "format": "docx",
        "narrative": {"assessment": "Đánh giá qua API của Sở.", "signer": "Lê Thị Mai"},
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/report-versions", body, "application/json", HTTP_IDEMPOTENCY_KEY="bc-1"
        )
    assert response.status_code == 202, response.content
    queued = response.json()
    assert (queued["number"], queued["state"], queued["files"]) == (1, "queued", {})
    assert queued["narrative"]["assessment"] == "Đánh giá qua API của Sở."
    assert not queued["with_pdf"]
    url = f"/api/report-versions/{queued['id']}"
    assert api.get(f"{url}/files/docx").status_code == 404  # not made yet
    again = api.post("/api/report-versions", body, "application/json", HTTP_IDEMPOTENCY_KEY="bc-1")
    assert again.json()["id"] == queued["id"] and ReportVersion.objects.count() == 1

    run_worker()
    done = api.get(url).json()
    assert (done["state"], done["progress"]) == ("done", 100), done["error"]
    assert set(done["files"]) == {"docx", "xlsx", "csv"}  # .pdf only when asked for
    docx = api.get(done["files"]["docx"])
    assert docx.status_code == 200
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    document = open_docx(io.BytesIO(b"".join(docx.streaming_content)))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for cell in table._cells)
    assert "Đánh giá qua API của Sở." in text and "Lê Thị Mai" in text
    annex = api.get(done["files"]["xlsx"])
    assert load_workbook(io.BytesIO(b"".join(annex.streaming_content))).sheetnames[0] == "Phụ lục"
    csv = b"".join(api.get(done["files"]["csv"]).streaming_content).decode("utf-8-sig")
    assert csv.count("\n") > 1
    assert api.get(f"{url}/files/pdf").status_code == 404
    assert api.get(f"{url}/files/exe").status_code == 400

    # The web workspace lists the same version; a unit officer gets 403 on both sides.
    workspace = reverse("reports:workspace", args=[plan.document.pk, plan.period.pk])
    assert 'data-version="1"' in api.get(workspace).content.decode()
    officer = client_for(unit_officer_a)
    assert officer.get(url).status_code == 403
    assert officer.get(workspace).status_code == 403
    assert officer.post("/api/report-versions", body, "application/json").status_code == 403


def test_asking_for_pdf_and_bad_requests(
    plan: Plan, client_for: Callable[..., Client], leader: Any
) -> None:
    api = client_for(leader)
    base = {"document_id": plan.document.pk, "period_id": plan.period.pk}
    pdf = api.post("/api/report-versions", {**base, "format": "pdf"}, "application/json")
    assert pdf.status_code == 202 and pdf.json()["with_pdf"]
    assert ReportVersion.objects.get().with_pdf
    bad = api.post("/api/report-versions", {**base, "format": "odt"}, "application/json")
    assert bad.status_code == 422 and "format" in str(bad.json()["error"]["fields"])
    other = {**base, "period_id": plan.period.pk + 999}
    assert api.post("/api/report-versions", other, "application/json").status_code == 404
    assert api.get("/api/report-versions/999999").status_code == 404
