"""Reports for the plans that break drafts: nobody has reported yet, a party
body's plan, an imported plan known only by names, and a province-sized plan."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from bench.dashboard_data import build_dataset
from tests.web.builders import Org
from tests.web.dashboards.pdfcheck import print_docx
from tests.web.dashboards.scenario import annual_periods
from tests.web.dashboards.test_report_docx import docx_text
from theodoi.dashboards.report_data import collect
from theodoi.dashboards.report_docx import build_docx, build_report
from theodoi.dashboards.report_xlsx import build_xlsx
from theodoi.documents.models import Document, DocumentKind, DocumentState, IssuerType
from theodoi.orgunits.models import Level
from theodoi.plans.models import Assignment, AssignmentRole, Task, TimingKind
from theodoi.reporting.models import TaskReport


def small_plan(org: Org, **fields: object) -> tuple[Document, object]:
    document = Document.objects.create(
        kind=DocumentKind.KE_HOACH,
        number=str(fields.pop("number", "15/KH-UBND")),
        level=Level.PROVINCE,
        place="Hòa Lâm",
        date=datetime.date(2025, 2, 1),
        state=DocumentState.PUBLISHED,
        title="Kế hoạch thực hiện công tác dân vận năm 2025",
        **fields,  # type: ignore[arg-type]
    )
    period = annual_periods(document, range(2025, 2026))[0]
    for position, (path, units) in enumerate(
        [("1", [org.justice, org.district_a]), ("2", [org.district_b])]
    ):
        task = Task.objects.create(
            document=document,
            path=path,
            section="NHIỆM VỤ",
            text=f"Nhiệm vụ {path} của kế hoạch dân vận",
            position=position,
            timing_kind=TimingKind.CONTINUOUS,
        )
        for unit in units:
            Assignment.objects.create(task=task, unit=unit, role=AssignmentRole.IMPLEMENTING)
    return document, period


def test_no_submissions_are_stated_not_hidden(
    org: Org, today: datetime.date, tmp_path: Path
) -> None:
    document, period = small_plan(
        org, issuer=org.province.name, issuer_unit=org.province, focal_agency=org.home_affairs
    )
    path = tmp_path / "r.docx"
    path.write_bytes(build_report(document, period, today))  # type: ignore[arg-type]
    text = docx_text(path)
    assert "0/3 cơ quan, đơn vị đã gửi đủ báo cáo" in text
    assert "Chưa gửi báo cáo (3): Sở Tư pháp, UBND huyện Đông Sơn, UBND huyện Tây Giang." in text
    assert "Đến ngày tổng hợp, chưa có cơ quan, đơn vị nào gửi báo cáo." in text
    assert text.count("Chưa có đơn vị nào gửi báo cáo về nhiệm vụ này.") == 2
    assert "không phản ánh khó khăn" in text
    data = collect(document, period, today)  # type: ignore[arg-type]
    sheet = load_workbook(io.BytesIO(build_xlsx(data)))["Phụ lục"]
    states = [row[6] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert states == ["Chưa gửi"] * 3


def test_imported_plan_gets_its_parent_from_the_issuer(
    org: Org, today: datetime.date, tmp_path: Path
) -> None:
    document, period = small_plan(
        org, issuer="UBND tỉnh Hòa Lâm", focal_agency_text="Sở Nội vụ", number="16/KH-UBND"
    )
    doc = open_docx(__import__("io").BytesIO(build_report(document, period, today)))  # type: ignore[arg-type]
    left = doc.tables[0].rows[0].cells[0].text
    assert left.splitlines()[:2] == ["UBND TỈNH HÒA LÂM", "SỞ NỘI VỤ"]


@pytest.mark.slow
def test_party_plan_uses_the_party_layout(org: Org, today: datetime.date, tmp_path: Path) -> None:
    document, period = small_plan(
        org,
        number="05-KH/BDVTU",
        issuer=org.mass_mobilisation.name,
        issuer_unit=org.mass_mobilisation,
        issuer_type=IssuerType.PARTY,
        focal_agency=org.mass_mobilisation,
    )
    TaskReport.objects.create(
        task=Task.objects.get(document=document, path="1"),
        unit=org.justice,
        period=period,  # type: ignore[misc]
        review_state="accepted",
        result="Đã phối hợp tổ chức đối thoại với Nhân dân.",
        submitted_at=datetime.datetime(2025, 11, 1, tzinfo=datetime.UTC),
    )
    path = tmp_path / "dang.docx"
    path.write_bytes(build_report(document, period, today))  # type: ignore[arg-type]
    text = docx_text(path)
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "TỈNH ỦY HÒA LÂM",
        "BAN DÂN VẬN\n*",  # the parent committee above, not repeated
        "-BC/BDVTU",
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Đã phối hợp tổ chức đối thoại với Nhân dân (Sở Tư pháp).",
        "Kính gửi: Ủy ban nhân dân tỉnh Hòa Lâm.",  # "UBND tỉnh" in the plan, completed
    ):
        assert expected in text, expected
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text
    assert "Số:" not in text  # party numbers read "Số 12-BC/…"
    printed = print_docx(path, tmp_path)
    assert any("ĐẢNG CỘNG SẢN VIỆT NAM" in line for line in printed.lines)
    assert any("TỈNH ỦY HÒA LÂM" in line for line in printed.lines)


def test_province_sized_plan(today: datetime.date) -> None:
    data = build_dataset(tag="r", tasks=20, years=range(2025, 2026))
    assert data.units == 1000
    period = data.periods[-1]
    report = collect(data.document, period, today)
    sent = TaskReport.objects.filter(
        period=period, review_state__in=("submitted", "accepted")
    ).count()
    assert sum(1 for row in report.annex if row.sent) == sent
    assert len(report.annex) == data.assignments
    doc = open_docx(io.BytesIO(build_docx(report)))
    text = "\n".join(p.text for p in doc.paragraphs)
    # 1,000 units writing the same words: said once per task, not pasted 1,000 times
    same = "Đơn vị đã triển khai, tổ chức các hoạt động theo kế hoạch"
    assert text.count(same) <= 20
    assert "đơn vị khác (chi tiết tại Phụ lục)" in text
    named = len(report.completeness.none) + len(report.completeness.partial)
    assert named == report.status.units_missing
    sheet = load_workbook(io.BytesIO(build_xlsx(report)), read_only=True)["Đơn vị"]
    assert sum(1 for _ in sheet.iter_rows(min_row=4)) == report.status.units_expected


LONG_TASK = (
    "Tăng cường công tác tuyên truyền, phổ biến sâu rộng các chủ trương của Đảng, chính sách, "
    "pháp luật của Nhà nước về công tác dân vận đến cán bộ, đảng viên và Nhân dân trên địa bàn "
    "tỉnh, gắn với việc thực hiện phong trào thi đua dân vận khéo ở các cơ quan, đơn vị và địa "
    "phương; định kỳ sơ kết, tổng kết, biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu "
    "trong thực hiện nhiệm vụ được giao."
)


def test_imported_plan_without_number_place_or_outside_addressee(
    org: Org, today: datetime.date, tmp_path: Path
) -> None:
    """What an imported plan often lacks: no number, no place, units told to
    report to the focal agency itself, paragraph-long tasks. The report goes
    up (never "Sở Nội vụ báo cáo Sở Nội vụ"), is signed where the agency is,
    names the plan by date and issuer, keeps the summary table short, and the
    closing stays with the signature."""
    document, period = small_plan(
        org, issuer=org.province.name, issuer_unit=org.province, focal_agency=org.home_affairs,
        number="",
    )  # fmt: skip
    document.place = ""
    document.save()
    document.reporting_obligations.update(to_text="Sở Nội vụ", to_unit=org.home_affairs)
    Task.objects.filter(document=document, path="1").update(text=LONG_TASK)
    doc = open_docx(io.BytesIO(build_report(document, period, today)))  # type: ignore[arg-type]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Kính gửi: {org.province.name}." in text
    assert "báo cáo Sở Nội vụ" not in text
    assert f"Thực hiện Kế hoạch ngày 01/02/2025 của {org.province.name}, Sở Nội vụ báo cáo" in text
    assert "Hòa Lâm, ngày" in doc.tables[0].rows[0].cells[1].text
    assert LONG_TASK in text  # section II: every word
    summary = doc.tables[1]
    cell = next(row.cells[1].text for row in summary.rows if row.cells[0].text == "1")
    assert cell.endswith(" …") and len(cell) <= 222 and LONG_TASK.startswith(cell[:-2])
    closing = next(p for p in doc.paragraphs if p.text.startswith("Trên đây là báo cáo"))
    assert closing.paragraph_format.keep_with_next
