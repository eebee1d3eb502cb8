"""Good models and commendations through the real database: units propose,
the focal agency recognises, replicates and proposes commendations; every
step checked, audited and notified; the report summary sees the result."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from theodoi.audit.models import AuditEvent
from theodoi.notifications.models import Notification
from theodoi.recognition import actions
from theodoi.recognition.access import practices_for_user
from theodoi.recognition.actions import CommendationData, PracticeData, RecognitionError
from theodoi.recognition.models import CommendationState, GoodPractice, PracticeState
from theodoi.recognition.summary import recognition_summary
from theodoi.reporting import actions as reporting
from theodoi.reporting.actions import ReportData
from theodoi.reporting.status import Completion

PRACTICE = PracticeData(
    title="Tổ tự quản tuyên truyền pháp luật ở khu dân cư",
    description="Mỗi khu dân cư có một tổ tự quản, họp hằng tháng.",
    results="120 buổi sinh hoạt, 3.000 lượt người dự.",
)


@pytest.fixture
def report_a(plan, unit_officer_a, now):  # type: ignore[no-untyped-def]
    data = ReportData(
        completion=Completion.DONE, completed_on=datetime.date(2025, 6, 20), result="Đã làm"
    )
    report = reporting.save_draft(unit_officer_a, plan.period, plan.tasks[1], data, now=now)
    return reporting.submit_report(unit_officer_a, report, now=now)


def test_unit_proposes_from_its_report_and_the_focal_agency_is_told(
    report_a, unit_officer_a, focal_officer, now
):
    practice = actions.propose_practice(unit_officer_a, PRACTICE, report=report_a, now=now)
    assert practice.state == PracticeState.PROPOSED
    assert (practice.unit, practice.task, practice.period) == (
        report_a.unit,
        report_a.task,
        report_a.period,
    )
    assert AuditEvent.objects.filter(action="practice.propose", target_id=str(practice.pk)).exists()
    assert Notification.objects.filter(recipient=focal_officer, verb="practice.proposed").exists()


def test_a_unit_cannot_propose_from_another_units_report(report_a, unit_officer_b, now):
    with pytest.raises(PermissionDenied):
        actions.propose_practice(unit_officer_b, PRACTICE, report=report_a, now=now)
    assert not GoodPractice.objects.exists()


def test_evidence_of_a_wrong_kind_is_refused_and_nothing_stored(plan, unit_officer_a, now):
    bad = SimpleUploadedFile("chay-toi.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    with pytest.raises(RecognitionError, match=r"chay-toi\.exe"):
        actions.propose_practice(
            unit_officer_a, PRACTICE, document=plan.document, evidence=bad, now=now
        )
    assert not GoodPractice.objects.exists()


def test_recognised_practice_is_shared_with_other_units_of_the_plan(
    report_a, unit_officer_a, unit_officer_b, focal_officer, now
):
    practice = actions.propose_practice(unit_officer_a, PRACTICE, report=report_a, now=now)
    assert not practices_for_user(unit_officer_b).filter(pk=practice.pk).exists()
    actions.review_practice(focal_officer, practice, recognise=True, replicate=True, now=now)
    practice.refresh_from_db()
    assert practice.state == PracticeState.RECOGNISED and practice.replicate
    assert practices_for_user(unit_officer_b).filter(pk=practice.pk).exists()
    assert Notification.objects.filter(recipient=unit_officer_a, verb="practice.reviewed").exists()


def test_review_rules(report_a, unit_officer_a, focal_officer, leader, now):
    practice = actions.propose_practice(unit_officer_a, PRACTICE, report=report_a, now=now)
    with pytest.raises(PermissionDenied):
        actions.review_practice(leader, practice, recognise=True, now=now)
    with pytest.raises(RecognitionError, match="lý do"):
        actions.review_practice(focal_officer, practice, recognise=False, now=now)
    with pytest.raises(RecognitionError, match="nhân rộng"):
        actions.review_practice(
            focal_officer, practice, recognise=False, replicate=True, comment="x", now=now
        )
    practice.refresh_from_db()
    assert practice.state == PracticeState.PROPOSED


def test_commendation_round_trip_feeds_the_report_summary(
    report_a, unit_officer_a, focal_officer, plan, now
):
    practice = actions.propose_practice(unit_officer_a, PRACTICE, report=report_a, now=now)
    actions.review_practice(focal_officer, practice, recognise=True, replicate=True, now=now)
    data = CommendationData(
        "organisation", "Sở Tư pháp", "Bằng khen của Chủ tịch UBND tỉnh", "Có mô hình hay"
    )
    commendation = actions.propose_commendation(
        focal_officer, plan.document, practice.unit, data, practice=practice, now=now
    )
    assert commendation.period == plan.period
    with pytest.raises(RecognitionError, match="số quyết định"):
        actions.decide_commendation(focal_officer, commendation, granted=True, now=now)
    actions.decide_commendation(
        focal_officer, commendation, granted=True, decision="15/QĐ-UBND", now=now
    )
    summary = recognition_summary(plan.document, plan.period)
    assert [p.pk for p in summary.to_replicate] == [practice.pk]
    assert [c.pk for c in summary.granted] == [commendation.pk]
    assert commendation.state == CommendationState.GRANTED


def test_pages_propose_review_and_list(plan, unit_officer_a, focal_officer, client_for, now):
    unit = client_for(unit_officer_a)
    form = unit.get(reverse("recognition:propose"))
    assert form.status_code == 200 and plan.document.number in form.content.decode()
    response = unit.post(
        reverse("recognition:propose"),
        {
            "document": plan.document.pk,
            "title": PRACTICE.title,
            "description": PRACTICE.description,
            "results": "",
            "evidence": SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 test"),
        },
    )
    practice = GoodPractice.objects.get()
    assert response.status_code == 302 and practice.evidence_name == "minh-chung.pdf"
    assert unit.get(reverse("recognition:evidence", args=[practice.pk])).status_code == 200

    focal = client_for(focal_officer)
    detail = focal.get(reverse("recognition:detail", args=[practice.pk])).content.decode()
    assert reverse("recognition:review", args=[practice.pk]) in detail
    focal.post(
        reverse("recognition:review", args=[practice.pk]),
        {"decision": "recognise", "replicate": "on", "comment": ""},
    )
    practice.refresh_from_db()
    assert practice.state == PracticeState.RECOGNISED and practice.replicate
    listed = focal.get(reverse("recognition:list") + "?nhan-rong=1").content.decode()
    assert PRACTICE.title in listed
    declined = focal.get(reverse("recognition:list") + "?trang-thai=khong-ghi-nhan")
    assert PRACTICE.title not in declined.content.decode()


def test_other_units_evidence_is_not_reachable(
    plan, unit_officer_a, unit_officer_b, client_for, now
):
    practice = actions.propose_practice(
        unit_officer_a,
        PRACTICE,
        document=plan.document,
        evidence=SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 test"),
        now=now,
    )
    other = client_for(unit_officer_b)
    assert other.get(reverse("recognition:evidence", args=[practice.pk])).status_code == 404
    assert other.get(reverse("recognition:detail", args=[practice.pk])).status_code == 404


def test_aggregated_report_names_recognised_models_and_inspection_findings(
    report_a, unit_officer_a, focal_officer, plan, org, now
):
    import io

    from docx import Document as open_docx

    from theodoi.dashboards.report_docx import build_report
    from theodoi.inspections import actions as inspections
    from theodoi.inspections.actions import FindingData, InspectionPlan

    practice = actions.propose_practice(unit_officer_a, PRACTICE, report=report_a, now=now)
    actions.review_practice(focal_officer, practice, recognise=True, replicate=True, now=now)
    inspection = inspections.plan_inspection(
        focal_officer,
        plan.document,
        InspectionPlan(
            title="Kiểm tra giữa kỳ",
            inspecting_unit=org.home_affairs,
            starts_on=datetime.date(2025, 10, 6),
            ends_on=datetime.date(2025, 10, 7),
            units=[org.justice],
        ),
    )
    inspections.record_finding(
        focal_officer,
        inspection,
        org.justice,
        FindingData("shortcoming", "Chậm", "Bổ sung sổ theo dõi", datetime.date(2025, 12, 1)),
        now=now,
    )
    data = build_report(plan.document, plan.period, datetime.date(2025, 11, 20))
    text = "\n".join(p.text for p in open_docx(io.BytesIO(data)).paragraphs)
    assert f"{PRACTICE.title} ({org.justice.name}; đề nghị nhân rộng)" in text
    assert "Tổ chức 1 đợt kiểm tra, giám sát tại 1 cơ quan, đơn vị" in text
    assert "Bổ sung sổ theo dõi" in text
