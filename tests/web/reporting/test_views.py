"""Reporting pages through the test client: permissions, forms, query counts."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.web.builders import Org, Plan, person
from tests.web.reporting.clocks import at, freeze
from theodoi.accounts.models import Role
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData
from theodoi.reporting.models import ReviewState, TaskReport
from theodoi.reporting.status import Completion


def form_url(plan: Plan, index: int) -> str:
    return reverse("reporting:report_form", args=[plan.period.pk, plan.tasks[index].pk])


FORM = {
    "completion": Completion.DONE,
    "completed_on": "20/06/2025",
    "result": "Đã rà soát 42 văn bản.",
    "figures": "Văn bản rà soát | 42 | văn bản\nCuộc họp | 3",
    "difficulties": "Thiếu biên chế",
    "proposals": "",
}


def a_report(plan: Plan, user, now, index: int = 1, submit: bool = True) -> TaskReport:  # type: ignore[no-untyped-def]
    report = actions.save_draft(
        user, plan.period, plan.tasks[index], ReportData(result="Kết quả"), now=now
    )
    return actions.submit_report(user, report, now=now) if submit else report


def test_inbox_lists_the_units_tasks_grouped(plan, unit_officer_a, client_for, now):
    a_report(plan, unit_officer_a, now, index=0, submit=False)
    response = client_for(unit_officer_a).get(reverse("reporting:inbox"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tuyên truyền, phổ biến kế hoạch" in html and "Rà soát văn bản" in html
    assert "hội nghị đối thoại" not in html  # II.3 is the districts'
    assert "NHIỆM VỤ, GIẢI PHÁP" in html and "10/12/2025" in html
    assert "Đang soạn" in html and "Chưa lập" in html
    rows = response.context["rows"]
    assert [row["task"].path for row in rows] == ["II.1", "II.2"]
    assert rows[0]["roles"] == ["Phối hợp"]


def test_inbox_query_count_does_not_grow_with_tasks(
    plan, unit_officer_a, client_for, now, django_assert_max_num_queries
):
    from theodoi.plans.models import Assignment, Task

    client = client_for(unit_officer_a)
    for number in range(20):
        task = Task.objects.create(
            document=plan.document,
            path=f"III.{number}",
            text=f"Nhiệm vụ {number}",
            position=10 + number,
        )
        Assignment.objects.create(task=task, unit=unit_officer_a.org_unit, role="lead")
    a_report(plan, unit_officer_a, now, index=1, submit=False)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("reporting:inbox"))
    assert len(response.context["rows"]) == 22


def test_report_form_save_then_submit(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    page = client.get(form_url(plan, 1))
    assert page.status_code == 200 and 'for="id_result"' in page.content.decode()
    response = client.post(form_url(plan, 1), {**FORM, "action": "save"})
    assert response.status_code == 302
    report = TaskReport.objects.get()
    assert report.review_state == ReviewState.DRAFT
    assert report.completed_on == datetime.date(2025, 6, 20)
    assert report.figures == [
        {"label": "Văn bản rà soát", "value": 42, "unit": "văn bản"},
        {"label": "Cuộc họp", "value": 3},
    ]
    client.post(form_url(plan, 1), {**FORM, "action": "submit"})
    assert TaskReport.objects.get().review_state == ReviewState.SUBMITTED


def test_report_form_shows_errors(plan, unit_officer_a, client_for, now):
    bad = {**FORM, "completed_on": "", "figures": "chỉ một cột", "action": "save"}
    response = client_for(unit_officer_a).post(form_url(plan, 1), bad)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "completed_on" in errors and "__all__" in errors  # the old text's line refused
    assert not TaskReport.objects.exists()


def test_another_units_report_is_not_found(plan, unit_officer_a, unit_officer_b, client_for, now):
    report = a_report(plan, unit_officer_a, now)
    client = client_for(unit_officer_b)
    assert client.get(form_url(plan, 1)).status_code == 404
    assert client.post(form_url(plan, 1), {**FORM, "action": "save"}).status_code == 404
    assert client.get(reverse("reporting:review_detail", args=[report.pk])).status_code == 404
    assert TaskReport.objects.count() == 1


def test_a_district_sees_its_communes_reports_but_cannot_edit_them(
    org: Org, plan, unit_officer_b, client_for, now
):
    from theodoi.plans.models import Assignment

    Assignment.objects.create(task=plan.tasks[2], unit=org.commune_a, role="implementing")
    commune_officer = person("canbo_ba", "Cán Bộ Xã", Role.UNIT_OFFICER, org.commune_a)
    report = a_report(plan, commune_officer, now, index=2)
    client = client_for(unit_officer_b)
    assert client.get(reverse("reporting:review_detail", args=[report.pk])).status_code == 200
    assert (
        client.post(
            reverse("reporting:review", args=[report.pk]), {"decision": "accept"}
        ).status_code
        == 403
    )


def test_leader_reads_but_cannot_change(plan, unit_officer_a, leader, client_for, now):
    report = a_report(plan, unit_officer_a, now)
    client = client_for(leader)
    assert client.get(reverse("reporting:review_queue")).status_code == 200
    detail = client.get(reverse("reporting:review_detail", args=[report.pk]))
    assert detail.status_code == 200 and "Tiếp nhận</button>" not in detail.content.decode()
    review = client.post(
        reverse("reporting:review", args=[report.pk]), {"decision": "return", "comment": "x"}
    )
    assert review.status_code == 403
    assert client.post(form_url(plan, 1), {**FORM, "action": "save"}).status_code == 403
    assert client.get(reverse("reporting:ad_hoc")).status_code == 403
    assert TaskReport.objects.get().review_state == ReviewState.SUBMITTED


def test_focal_officer_of_another_agency_sees_nothing(
    org: Org, plan, unit_officer_a, client_for, now
):
    report = a_report(plan, unit_officer_a, now)
    other = person("daumoi_dv", "Cán Bộ Dân Vận", Role.FOCAL_OFFICER, org.mass_mobilisation)
    client = client_for(other)
    assert client.get(reverse("reporting:review_detail", args=[report.pk])).status_code == 404
    assert (
        client.post(
            reverse("reporting:review", args=[report.pk]), {"decision": "accept"}
        ).status_code
        == 404
    )
    assert client.get(reverse("reporting:review_queue")).context["page"].paginator.count == 0


def test_focal_officer_returns_and_unit_sees_the_comment(
    plan, unit_officer_a, focal_officer, client_for, now
):
    report = a_report(plan, unit_officer_a, now)
    focal = client_for(focal_officer)
    queue = focal.get(reverse("reporting:review_queue"))
    assert [r.pk for r in queue.context["page"]] == [report.pk]
    response = focal.post(
        reverse("reporting:review", args=[report.pk]),
        {"decision": "return", "comment": "Bổ sung số liệu quý IV"},
    )
    assert response.status_code == 302
    page = client_for(unit_officer_a).get(form_url(plan, 1)).content.decode()
    assert "Báo cáo bị trả lại" in page and "Bổ sung số liệu quý IV" in page
    assert "Gửi lại báo cáo" in page


def test_review_queue_query_count(
    org: Org,
    plan,
    unit_officer_a,
    unit_officer_b,
    focal_officer,
    client_for,
    now,
    django_assert_max_num_queries,
):
    a_report(plan, unit_officer_a, now, index=0)
    a_report(plan, unit_officer_a, now, index=1)
    a_report(plan, unit_officer_b, now, index=2)
    client = client_for(focal_officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("reporting:review_queue"))
    assert response.context["page"].paginator.count == 3


def test_locked_period_refuses_posts_with_a_message(plan, unit_officer_a, client_for, settings):
    settings.REPORTING_LOCK_DAYS = 0
    with freeze(at(plan.period.due_date + datetime.timedelta(days=1))):
        client = client_for(unit_officer_a)
        page = client.get(form_url(plan, 1)).content.decode()
        assert "đã khóa sổ" in page and 'name="action"' not in page
        response = client.post(form_url(plan, 1), {**FORM, "action": "save"})
    assert response.status_code == 403
    assert "khóa sổ" in response.content.decode()
    assert not TaskReport.objects.exists()


def test_head_approves_in_the_page(org: Org, plan, unit_officer_a, unit_head_a, client_for, now):
    org.justice.requires_head_approval = True
    org.justice.save()
    report = a_report(plan, unit_officer_a, now)
    page = client_for(unit_head_a).get(form_url(plan, 1)).content.decode()
    assert "Duyệt và gửi cơ quan đầu mối" in page
    officer = client_for(unit_officer_a)
    assert officer.post(reverse("reporting:approve", args=[report.pk])).status_code == 403
    client_for(unit_head_a).post(reverse("reporting:approve", args=[report.pk]))
    assert TaskReport.objects.get().review_state == ReviewState.SUBMITTED


def test_ad_hoc_request_page(org: Org, plan, focal_officer, unit_officer_b, client_for, now):
    client = client_for(focal_officer)
    page = client.get(reverse("reporting:ad_hoc") + f"?van-ban={plan.document.pk}")
    assert page.status_code == 200 and org.district_a.name in page.content.decode()
    response = client.post(
        reverse("reporting:ad_hoc"),
        {
            "document": plan.document.pk,
            "label": "Báo cáo nhanh",
            "due_date": "30/11/2025",
            "units": [org.district_a.pk],
            "tasks": [plan.tasks[2].pk],
            "note": "",
        },
    )
    assert response.status_code == 302
    inbox = client_for(unit_officer_b).get(reverse("reporting:inbox"))
    # the ad hoc period is due first, so it is the one shown
    assert inbox.context["period"].label == "Báo cáo nhanh"
    assert [row["task"].path for row in inbox.context["rows"]] == ["II.3"]


@pytest.mark.parametrize("name", ["reporting:inbox", "reporting:review_queue", "reporting:list"])
def test_pages_need_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def _xlsx() -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Chỉ tiêu", "Số liệu"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_evidence_upload_and_download_rights(
    plan, unit_officer_a, unit_officer_b, focal_officer, client_for, now, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client = client_for(unit_officer_a)
    files = [
        SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 a", content_type="application/pdf"),
        SimpleUploadedFile("so-lieu.xlsx", _xlsx()),  # a real workbook: typed by content
    ]
    client.post(form_url(plan, 1), {**FORM, "action": "save", "evidence": files})
    report = TaskReport.objects.get()
    names = sorted(a.original_name for a in report.attachments.all())
    assert names == ["bien-ban.pdf", "so-lieu.xlsx"]
    bad = SimpleUploadedFile("chay.exe", b"MZ")
    page = client.post(form_url(plan, 1), {**FORM, "action": "save", "evidence": [bad]})
    assert page.status_code == 200 and "chỉ nhận" in page.content.decode()
    assert report.attachments.count() == 2
    pdf = report.attachments.get(original_name="bien-ban.pdf")
    url = reverse("reporting:attachment", args=[pdf.pk])
    download = client_for(focal_officer).get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 a"
    assert client_for(unit_officer_b).get(url).status_code == 404
    delete = reverse("reporting:attachment_delete", args=[pdf.pk])
    assert client_for(focal_officer).post(delete).status_code == 403
    client.post(delete)
    assert report.attachments.count() == 1


def test_head_sees_how_many_reports_wait_for_approval(
    org: Org, plan, unit_officer_a, unit_head_a, client_for, now
):
    org.justice.requires_head_approval = True
    org.justice.save()
    a_report(plan, unit_officer_a, now, index=0)
    a_report(plan, unit_officer_a, now, index=1)
    page = client_for(unit_head_a).get(reverse("reporting:inbox"))
    assert page.context["counts"]["awaiting"] == 2
    assert "2 báo cáo chờ lãnh đạo đơn vị duyệt." in page.content.decode()


def test_inbox_in_english_once_chosen(plan, unit_officer_a, client_for, now):
    client = client_for(unit_officer_a)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(reverse("reporting:inbox")).content.decode()
    assert "Write report" in html and "Report due" in html and "Lập báo cáo" not in html


def test_report_form_is_labelled_for_screen_readers(plan, unit_officer_a, client_for, now):
    html = client_for(unit_officer_a).get(form_url(plan, 1)).content.decode()
    for name in ("completed_on", "result", "difficulties", "proposals", "evidence"):
        assert f'for="id_{name}"' in html, name
    assert '<label>Chỉ tiêu<input type="text" name="figure-label"' in html  # wrapped labels
    assert 'aria-describedby="id_completed_on-help"' in html
    assert 'id="id_completed_on-help"' in html
    assert "<legend>Tiến độ thực hiện</legend>" in html
