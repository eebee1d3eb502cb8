"""Every free-text part of the report is pre-filled with the generated text,
editable, and used by the .docx and the .pdf (printed by LibreOffice) on
regenerating; the .csv and .pdf are kept and downloadable like the others."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document as open_docx

from tests.web.dashboards.pdfcheck import require_tools
from tests.web.dashboards.scenario import Scenario
from tests.web.reports.test_versions import run_worker, workspace_url
from theodoi.dashboards.report_data import NARRATIVE_PARTS, Narrative
from theodoi.reports.forms import NarrativeForm
from theodoi.reports.models import GenerationState, ReportVersion

#: One fictional rewrite per part, each easy to find in the printed text.
EDITS = {
    "addressee": "Thường trực Ủy ban nhân dân tỉnh Hòa Lâm",
    "opening": "Thực hiện chỉ đạo của tỉnh, Sở Nội vụ báo cáo như sau:",
    "situation": "Các đơn vị đã quán triệt kế hoạch tới toàn thể cán bộ",
    "assessment": "Kết quả năm nay vượt kế hoạch đề ra ở nhiều lĩnh vực.",
    "limitations": "Một số đơn vị còn lúng túng trong việc cập nhật số liệu.",
    "difficulties_summary": "Các khó khăn chủ yếu liên quan đến kinh phí hội nghị.",
    "next_steps": "Tổ chức sơ kết giữa kỳ vào quý II",
    "leadership_proposals": "Giao Sở Tài chính bổ sung kinh phí",
    "closing": "Sở Nội vụ kính trình Thường trực tỉnh xem xét./.",
    "recipients": "- Như trên;\n- Giám đốc Sở (để b/c);\n- Lưu: VT, phòng CCHC.",
    "signature": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC THƯỜNG TRỰC",
    "signer": "Trần Văn Hòa Bình",
}


@pytest.fixture
def focal(client_for: Callable[..., Client], focal_officer: Any) -> Client:
    return client_for(focal_officer)


def test_the_form_covers_every_part_and_is_pre_filled(scenario: Scenario, focal: Client) -> None:
    assert set(EDITS) == set(NARRATIVE_PARTS)
    assert set(NARRATIVE_PARTS) <= set(NarrativeForm.base_fields)
    page = focal.get(workspace_url(scenario)).content.decode()
    for name in NARRATIVE_PARTS:
        assert f'name="{name}"' in page, name
    for generated in (
        "Ủy ban nhân dân tỉnh Hòa Lâm</textarea>",  # Kính gửi, from the plan
        "Thực hiện Kế hoạch số 77/KH-UBND",  # the opening
        "Tiếp tục chỉ đạo các cơ quan, đơn vị triển khai",  # next period
        "- Như trên;",  # Nơi nhận
        "KT. GIÁM ĐỐC",  # signature
        "Còn 1 nhiệm vụ chậm so với thời hạn",  # limitations, from the data
    ):
        assert generated in page, generated
    assert 'name="with_pdf"' in page


def test_every_part_reaches_the_docx_pdf_and_preview(
    scenario: Scenario, focal: Client, django_capture_on_commit_callbacks: Any, tmp_path: Path
) -> None:
    require_tools()
    with django_capture_on_commit_callbacks(execute=True):
        response = focal.post(workspace_url(scenario), {**EDITS, "with_pdf": "on"})
    assert response.status_code == 302
    run_worker()
    version = ReportVersion.objects.get()
    assert version.state == GenerationState.DONE, version.error
    assert Narrative.from_dict(version.narrative) == Narrative(**EDITS)
    assert [kind for kind, _ in version.files()] == ["docx", "pdf", "xlsx", "csv"]

    def download(kind: str) -> bytes:
        response = focal.get(reverse("reports:download", args=[version.pk, kind]))
        assert response.status_code == 200, kind
        return b"".join(response.streaming_content)

    doc = open_docx(io.BytesIO(download("docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n" + "\n".join(cell.text for table in doc.tables for cell in table._cells)
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(download("pdf"))
    assert pdf.read_bytes().startswith(b"%PDF")
    printed = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-layout", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    printed = " ".join(printed.split())
    for name, edit in EDITS.items():
        for line in edit.splitlines():
            core = line.strip().lstrip("- ").rstrip(".;:/")
            assert core in text, (name, core)
            assert " ".join(core.split()) in printed, (name, core)
    assert "Kính gửi: Thường trực Ủy ban nhân dân tỉnh Hòa Lâm." in text
    assert "1. Tổ chức sơ kết giữa kỳ vào quý II." in text
    assert "Thực hiện Kế hoạch số 77/KH-UBND" not in text  # the opening was rewritten
    assert "PHÓ GIÁM ĐỐC\n" not in text.replace("PHÓ GIÁM ĐỐC THƯỜNG TRỰC", "")
    rows = list(csv.reader(io.StringIO(download("csv").decode("utf-8-sig"))))
    assert len(rows) > 1 and rows[0][0]
    preview = focal.get(reverse("reports:preview", args=[version.pk])).content.decode()
    for name in NARRATIVE_PARTS:
        assert f'data-part="{name}"' in preview, name
    assert "Trần Văn Hòa Bình" in preview and "(.pdf)" in preview
    assert "Kính gửi: Thường trực Ủy ban nhân dân tỉnh Hòa Lâm.</p>" in preview


def test_several_addressees_are_listed_and_empty_parts_come_back_generated(
    scenario: Scenario, focal: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        focal.post(
            workspace_url(scenario),
            {"addressee": "Ủy ban nhân dân tỉnh Hòa Lâm\nBộ Nội vụ", "opening": ""},
        )
    run_worker()
    version = ReportVersion.objects.get()
    assert version.state == GenerationState.DONE, version.error
    assert not version.pdf and not version.with_pdf  # no PDF unless asked for
    lines = [p.text for p in open_docx(version.docx.open("rb")).paragraphs]
    at = lines.index("Kính gửi:")
    assert lines[at + 1 : at + 3] == ["- Ủy ban nhân dân tỉnh Hòa Lâm;", "- Bộ Nội vụ."]
    assert any(line.startswith("Thực hiện Kế hoạch số 77/KH-UBND") for line in lines)
    workspace = focal.get(workspace_url(scenario)).content.decode()
    assert 'data-kind="pdf"' not in workspace and 'data-kind="csv"' in workspace


def test_parts_left_as_generated_are_not_frozen_into_the_version(
    scenario: Scenario, focal: Client, django_capture_on_commit_callbacks: Any
) -> None:
    """Sending the pre-filled form back unchanged keeps no text: the next
    version writes those parts again from its own data; only the part the
    officer rewrote is kept (and offered again)."""
    import lxml.html

    page = lxml.html.fromstring(focal.get(workspace_url(scenario)).content.decode())
    posted = {
        name: page.xpath(f'//textarea[@name="{name}"]')[0].text_content().replace("\n", "\r\n")
        for name in NARRATIVE_PARTS
        if name != "signer"
    }
    posted["assessment"] = "Đánh giá do Sở viết lại."
    with django_capture_on_commit_callbacks(execute=True):
        focal.post(workspace_url(scenario), posted)
    stored = ReportVersion.objects.get().narrative
    assert stored["assessment"] == "Đánh giá do Sở viết lại."
    assert {name for name, text in stored.items() if text} == {"assessment"}
    again = focal.get(workspace_url(scenario)).content.decode()
    assert "Đánh giá do Sở viết lại." in again and "Thực hiện Kế hoạch số 77/KH-UBND" in again
