"""The review screen shows the parser's doubts: a "Cần kiểm tra" list at the
top, lowest confidence first, linking to the marked tasks."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.urls import reverse

from tests.web.builders import Org
from tests.web.documents.results import parse_result
from theodoi.documents.doubts import mark_doubts
from theodoi.documents.importing import store_parse_result
from theodoi.plans.models import Task
from theodoi.text.model import ParseResult
from theodoi.text.parse import parse_file

TODAY = datetime.date(2026, 3, 20)
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "plans" / "confidence-doubts.txt"


def _section(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def test_doubtful_tasks_are_listed_first_and_marked(client_for, org: Org, focal_officer) -> None:
    result = parse_file(FIXTURE).to_json_dict()
    document = store_parse_result(
        ParseResult.from_json_dict(result), actor=focal_officer, today=TODAY
    ).document
    tasks = {t.path: t for t in Task.objects.filter(document=document)}
    page = client_for(focal_officer).get(reverse("documents:review", args=[document.pk]))
    assert page.status_code == 200
    html = page.text
    listing = _section(html, 'id="can-kiem-tra"', "</section>")
    assert "Cần kiểm tra (2)</h2>" in listing
    # the least sure first: the short task after a gap in the numbering, then the vague one
    short, vague = (
        listing.index(f'href="#nv-{tasks["II.4"].pk}"'),
        listing.index(f'href="#nv-{tasks["II.2"].pk}"'),
    )
    assert short < vague
    assert f'href="#nv-{tasks["II.1"].pk}"' not in listing
    assert "Đánh số bị nhảy trước mục này" in listing
    assert "Chỉ ghi chung chung, không nêu cơ quan cụ thể" in listing
    assert "các đơn vị có liên quan" in listing
    assert "Không đọc được thời gian thành ngày hoặc kỳ" in html
    # the list comes before the tree, and the tasks in the tree carry the marks
    assert html.index('id="can-kiem-tra"') < html.index('id="task-tree"')
    tree = html[html.index('id="task-tree"') :]
    assert f'class="task doubtful" id="nv-{tasks["II.4"].pk}"' in tree
    assert f'class="task" id="nv-{tasks["II.1"].pk}"' in tree


def test_result_without_confidence_shows_no_list(client_for, org: Org, focal_officer) -> None:
    document = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer, today=TODAY
    ).document
    page = client_for(focal_officer).get(reverse("documents:review", args=[document.pk]))
    assert page.status_code == 200
    assert 'id="can-kiem-tra"' not in page.text
    assert "doubtful" not in page.text


def test_task_renumbered_by_hand_loses_the_import_doubts(org: Org, focal_officer) -> None:
    result = parse_result()
    result["tasks"][1]["confidence"] = 0.5
    result["tasks"][1]["doubts"] = [
        {"code": "text_short", "field": "text", "subject": "", "message": "", "confidence": 0.5}
    ]
    document = store_parse_result(
        ParseResult.from_json_dict(result), actor=focal_officer, today=TODAY
    ).document
    tasks = list(Task.objects.filter(document=document).order_by("position"))
    assert [r.task.path for r in mark_doubts(document.parsed(), tasks)] == ["II.2"]
    tasks[1].path = "II.9"
    assert mark_doubts(document.parsed(), tasks) == []
    assert tasks[1].doubt_marks == []  # type: ignore[attr-defined]


def test_review_shows_what_the_header_said(client_for, org: Org, focal_officer) -> None:
    result = parse_result(number=None)
    result["document"].update(
        draft=True,
        issuer_parent="UBND tỉnh Hòa Lâm",
        horizon={"text": "giai đoạn 2026–2030", "start": 2026, "end": 2030},
    )
    document = store_parse_result(
        ParseResult.from_json_dict(result), actor=focal_officer, today=TODAY
    ).document
    html = client_for(focal_officer).get(reverse("documents:review", args=[document.pk])).text
    assert "Dự thảo: số văn bản còn để trống" in html
    assert "Cơ quan cấp trên: UBND tỉnh Hòa Lâm" in html
    assert "Thời kỳ: giai đoạn 2026–2030" in html
    plain = store_parse_result(
        ParseResult.from_json_dict(parse_result(number="46/KH-UBND")),
        actor=focal_officer,
        today=TODAY,
    )
    html = client_for(focal_officer).get(reverse("documents:review", args=[plain.document.pk])).text
    assert 'class="header-notes"' not in html


def test_task_saved_by_the_officer_leaves_the_list(client_for, org: Org, focal_officer) -> None:
    from theodoi.plans.actions import update_task

    result = parse_file(FIXTURE).to_json_dict()
    document = store_parse_result(
        ParseResult.from_json_dict(result), actor=focal_officer, today=TODAY
    ).document
    short = Task.objects.get(document=document, path="II.4")
    update_task(
        focal_officer, short, text="Kiểm tra việc cập nhật dữ liệu đê", path="II.4", timing_text=""
    )
    tasks = list(Task.objects.filter(document=document).order_by("position"))
    assert [r.task.path for r in mark_doubts(document.parsed(), tasks)] == ["II.2"]
    html = client_for(focal_officer).get(reverse("documents:review", args=[document.pk])).text
    assert "Cần kiểm tra (1)</h2>" in html
    assert f'class="task" id="nv-{short.pk}"' in html
