"""The review over several years (sơ kết, tổng kết) from the hand-computed
scenario: per task one label per year equal to the yearly dashboards', a
.docx LibreOffice prints in the NĐ 30 layout, an .xlsx read back, the CLI and
the download page with its permissions."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document as open_docx
from openpyxl import load_workbook

from tests.web.dashboards.pdfcheck import print_docx
from tests.web.dashboards.scenario import Scenario
from theodoi.cli import main as theodoi_main
from theodoi.dashboards.metrics import plan_status
from theodoi.dashboards.review_report import (
    ReviewError,
    build_review_docx,
    build_review_xlsx,
    collect_review,
)

TODAY = datetime.date(2025, 11, 20)


def test_each_task_has_the_yearly_dashboards_label(scenario: Scenario) -> None:
    data = collect_review(scenario.document, 2024, 2025, TODAY)
    assert data.years == [2024, 2025]
    for year_index, period in enumerate((scenario.period_2024, scenario.period_2025)):
        status = plan_status(scenario.document, period, TODAY, with_trend=False)
        expected = {row.task_id: row.label for row in status.tasks}
        got = {
            task.task_id: task.labels[year_index] for task in data.tasks if task.task_id in expected
        }
        assert got == expected
    done = {task.path for task in data.done}
    assert done == {"II.1.a", "II.1.b"}  # done in 2025, the last year


def test_a_missing_year_is_refused_with_the_years_that_exist(scenario: Scenario) -> None:
    with pytest.raises(ReviewError, match=r"2023.*2024, 2025"):
        collect_review(scenario.document, 2023, 2025, TODAY)


def test_docx_prints_in_libreoffice_with_the_years_and_the_layout(
    scenario: Scenario, tmp_path: Path
) -> None:
    data = collect_review(scenario.document, 2024, 2025, TODAY)
    path = tmp_path / "so-ket.docx"
    path.write_bytes(build_review_docx(data))
    text = "\n".join(p.text for p in open_docx(str(path)).paragraphs)
    assert "Sơ kết 2 năm thực hiện" in text and "giai đoạn 2024–2025" in text
    assert "I. TÌNH HÌNH TRIỂN KHAI VÀ CHẾ ĐỘ BÁO CÁO QUA CÁC NĂM" in text
    assert "năm 2024: đang thực hiện quá hạn; năm 2025: hoàn thành đúng hạn" in text
    printed = print_docx(path, tmp_path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in printed.text
    assert any("IV. ĐÁNH GIÁ CHUNG" in line for line in printed.lines)
    assert printed.size == pytest.approx((595.3, 841.9), abs=2)  # A4


def test_xlsx_has_one_row_per_task_and_one_column_per_year(scenario: Scenario) -> None:
    data = collect_review(scenario.document, 2024, 2025, TODAY, final_review=True)
    book = load_workbook(io.BytesIO(build_review_xlsx(data)))
    rows = list(book["Theo nhiệm vụ"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Mục", "Nhiệm vụ", "Năm 2024", "Năm 2025")
    by_path = {row[0]: row for row in rows[1:]}
    assert by_path["II.2"][2] == "Hoàn thành đúng hạn"
    assert by_path["II.2"][3] == "Đang thực hiện trong hạn"
    assert by_path["II.2"][4] == "Chưa hoàn thành"
    years = list(book["Theo năm"].iter_rows(values_only=True))
    assert [row[0] for row in years[1:]] == [2024, 2025]
    assert years[2][2] == 3  # 2025: 3 units reported in full


def test_cli_writes_the_review(scenario: Scenario, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "so-ket.xlsx"
    number = scenario.document.number
    assert (
        theodoi_main(["review", number, "--from", "2024", "--to", "2025", "-o", str(target)]) == 0
    )
    assert load_workbook(target)["Theo năm"].max_row == 3
    assert theodoi_main(["review", number, "--from", "2024", "--to", "2025", "-o", "x.pdf"]) == 2
    assert ".docx or .xlsx" in capsys.readouterr().err


def test_download_page_and_permissions(  # type: ignore[no-untyped-def]
    scenario: Scenario, focal_officer, leader, unit_officer_a, client_for
) -> None:
    url = reverse("dashboards:review_report", args=[scenario.document.pk, "docx"])
    response = client_for(leader).get(url, {"tu": "2024", "den": "2025"})
    assert response.status_code == 200
    assert "so-ket-" in response["Content-Disposition"]
    text = "\n".join(p.text for p in open_docx(io.BytesIO(response.content)).paragraphs)
    assert "Sơ kết" in text
    final = client_for(focal_officer).get(url, {"tu": "2024", "den": "2025", "tong-ket": "1"})
    assert "Tổng kết" in "\n".join(p.text for p in open_docx(io.BytesIO(final.content)).paragraphs)
    assert client_for(focal_officer).get(url, {"tu": "2024"}).status_code == 400
    assert client_for(unit_officer_a).get(url, {"tu": "2024", "den": "2025"}).status_code in (
        403,
        404,
    )
    trend = reverse(
        "dashboards:trend", kwargs={"plan": scenario.document.pk, "period": scenario.period_2025.pk}
    )
    assert url in client_for(focal_officer).get(trend).content.decode()


def test_docx_has_each_trend_chart_as_an_inline_image_libreoffice_prints(
    scenario: Scenario, tmp_path: Path
) -> None:
    from docx.oxml.ns import qn
    from PIL import Image

    data = collect_review(scenario.document, 2024, 2025, TODAY)
    path = tmp_path / "so-ket-bieu-do.docx"
    path.write_bytes(build_review_docx(data))
    document = open_docx(str(path))
    inline = document.inline_shapes
    assert len(inline) == 2  # units reporting per year, tasks per label per year
    captions = [p.text for p in document.paragraphs if p.text.startswith("Biểu đồ")]
    assert captions == [
        "Biểu đồ 1. Đơn vị báo cáo qua các năm",
        "Biểu đồ 2. Tiến độ nhiệm vụ qua các năm",
    ]
    for shape in inline:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        part = document.part.related_parts[blip.get(qn("r:embed"))]
        assert part.content_type == "image/png"
        image = Image.open(io.BytesIO(part.blob))
        assert image.width >= 600 and image.height >= 300
        # drawn, not blank: the status colours are in it
        colours = {colour for _n, colour in image.convert("RGB").getcolors(1 << 20) or []}
        assert (0x1A, 0x7F, 0x37) in colours or (0xB3, 0x59, 0x00) in colours
        assert shape.width.cm <= 15.01
    printed = print_docx(path, tmp_path)  # LibreOffice converts it, charts included
    assert any("Biểu đồ 2. Tiến độ nhiệm vụ qua các năm" in line for line in printed.lines)
    import pdfplumber

    with pdfplumber.open(printed.pdf) as pdf:
        assert sum(len(page.images) for page in pdf.pages) == 2


def test_xlsx_carries_both_trend_charts_over_the_year_rows(scenario: Scenario) -> None:
    import zipfile

    data = collect_review(scenario.document, 2024, 2025, TODAY, final_review=True)
    archive = zipfile.ZipFile(io.BytesIO(build_review_xlsx(data)))
    charts = sorted(name for name in archive.namelist() if name.startswith("xl/charts/chart"))
    assert len(charts) == 2
    texts = [archive.read(name).decode() for name in charts]
    assert "Đơn vị báo cáo qua các năm" in texts[0]
    assert "'Theo năm'!C1<" in texts[0] and "'Theo năm'!$A$2:$A$3" in texts[0]
    assert "Tiến độ nhiệm vụ qua các năm" in texts[1]
    assert '<grouping val="stacked"/>' in texts[1]
    assert "'Theo năm'!I1<" in texts[1]  # the fifth label's series
