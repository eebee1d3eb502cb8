"""A task list uploaded as .xlsx/.csv goes through the same import and review
screen as a parsed document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tests.web.builders import Org
from theodoi.documents.models import Document, DocumentState


def test_xlsx_task_list_upload_reaches_the_review_screen(
    client_for: Any, org: Org, focal_officer: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"])
    sheet.append(
        [
            "1",
            "Phổ biến kế hoạch đến cán bộ",
            "Sở TT&TT",
            "UBND các huyện, thị xã, thành phố",
            "30/6/2025",
        ]
    )
    sheet.append(["2", "Sơ kết việc thực hiện", "Sở Tư pháp", "", "Quý IV/2025"])
    path = tmp_path / "danh-muc-nhiem-vu.xlsx"
    book.save(path)
    client = client_for(focal_officer)
    response = client.post(
        reverse("documents:upload"), {"file": SimpleUploadedFile(path.name, path.read_bytes())}
    )
    assert response.status_code == 302, response.content[:2000]
    document = Document.objects.get(source_name="danh-muc-nhiem-vu.xlsx")
    assert document.state == DocumentState.DRAFT
    assert response.url == reverse("documents:review", args=[document.pk])
    first = document.tasks.get(path="1")
    assert first.assignments.get(role="lead").unit == org.information
    assert {a.unit for a in first.assignments.filter(role="coordinating")} == {
        org.district_a,
        org.district_b,
    }
    assert str(first.due_date) == "2025-06-30"
    review = client.get(response.url)
    assert review.status_code == 200
    assert "Sơ kết việc thực hiện" in review.content.decode()


def test_csv_without_tasks_is_refused_naming_the_problem(
    client_for: Any, focal_officer: Any, tmp_path: Path
) -> None:
    data = "Mã,Tên đơn vị\n1,Sở Nội vụ\n".encode()
    response = client_for(focal_officer).post(
        reverse("documents:upload"), {"file": SimpleUploadedFile("don-vi.csv", data)}
    )
    assert response.status_code == 400
    assert "no column names the tasks" in response.content.decode()
    assert not Document.objects.exists()
