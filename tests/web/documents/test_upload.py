"""Importing real files: a .docx made by python-docx through the upload page
and through ``theodoi import``; bad files; the seeds when present."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.web.builders import Org, Plan
from tests.web.documents.docx_plans import plan_88_docx
from theodoi.cli import main as theodoi_main
from theodoi.documents.models import Document, DocumentState, LinkRelation

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def upload(client, path: Path, **extra):
    data = {"file": SimpleUploadedFile(path.name, path.read_bytes()), **extra}
    return client.post(reverse("documents:upload"), data)


def test_upload_docx_then_review(client_for, org: Org, focal_officer, tmp_path, settings) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    response = upload(client_for(focal_officer), plan_88_docx(tmp_path))
    assert response.status_code == 302, response.content[:2000]
    document = Document.objects.get(number="88/KH-UBND")
    assert response.url == reverse("documents:review", args=[document.pk])
    assert document.state == DocumentState.DRAFT
    assert document.source_file and document.source_name == "ke-hoach-88.docx"
    assert document.source_file.read()[:2] == b"PK"
    paths = set(document.tasks.values_list("path", flat=True))
    assert {"II.1", "II.2", "II.3", "II.4"} <= paths
    lead = document.tasks.get(path="II.1").assignments.get(role="lead")
    assert lead.unit == org.information
    assert {a.unit for a in document.tasks.get(path="II.3").assignments.all()} == {
        org.district_a,
        org.district_b,
    }
    review = client_for(focal_officer).get(response.url)
    assert "Đẩy mạnh tuyên truyền" in review.context["source_text"]


def test_unit_officer_uploads_a_sub_plan_linked_to_its_parent(
    client_for, org: Org, unit_officer_a, plan: Plan, tmp_path, settings
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    text = (
        "SỞ TƯ PHÁP TỈNH HÒA LÂM\nSố: 21/KH-STP\nHòa Lâm, ngày 02 tháng 10 năm 2024\nKẾ HOẠCH\n"
        "Triển khai thực hiện kế hoạch của UBND tỉnh\nI. NHIỆM VỤ\n"
        "1. Rà soát văn bản quy phạm pháp luật của ngành.\n- Thời gian hoàn thành: 30/6/2025.\n"
    )
    from tests.web.documents.docx_plans import docx_bytes_from_text

    path = docx_bytes_from_text(text, tmp_path / "ke-hoach-stp.docx")
    client = client_for(unit_officer_a)
    response = upload(client, path, parent=plan.document.pk)
    assert response.status_code == 302
    sub = Document.objects.get(number="21/KH-STP")
    assert sub.implemented()[0] == plan.document
    assert sub.outgoing_links.filter(relation=LinkRelation.IMPLEMENTS, position=0).exists()
    # the unit reviews and publishes its own sub-plan …
    assert client.get(reverse("documents:review", args=[sub.pk])).status_code == 200
    assert client.post(reverse("documents:publish", args=[sub.pk])).status_code == 302
    # … but cannot change the province's plan
    assert client.get(reverse("documents:review", args=[plan.document.pk])).status_code == 403


def test_bad_upload_is_refused_and_stores_nothing(
    client_for, org: Org, focal_officer, tmp_path
) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a word document")
    response = upload(client_for(focal_officer), bad)
    assert response.status_code == 400
    assert "Không đọc được văn bản" in response.text
    assert Document.objects.count() == 0
    wrong_type = tmp_path / "bang.xlsx"
    wrong_type.write_bytes(b"x")
    assert upload(client_for(focal_officer), wrong_type).status_code == 400


def test_cli_import_prints_one_json_line(org: Org, personas, tmp_path, settings, capsys) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    path = str(plan_88_docx(tmp_path))
    assert theodoi_main(["import", path, "--publish", "--confirm-warnings"]) == 0
    line = capsys.readouterr().out.strip()
    summary = json.loads(line)
    document = Document.objects.get(pk=summary["document_id"])
    assert summary["number"] == "88/KH-UBND" == document.number
    assert summary["tasks"] == document.tasks.count() >= 4
    assert summary["units"] >= 4
    # the unknown centre is listed, not created
    assert summary["unresolved"] == ["Trung tâm Bồi dưỡng cộng đồng Hòa Lâm"]
    assert summary["created_units"] == []
    assert summary["unassigned_tasks"] == 1
    assert summary["periods"] and all(isinstance(year, int) for year in summary["periods"])
    assert document.state == DocumentState.PUBLISHED


def test_cli_import_bad_file_exits_2(org: Org, tmp_path, capsys) -> None:
    empty = tmp_path / "rong.txt"
    empty.write_text("")
    assert theodoi_main(["import", str(empty)]) == 2
    assert "theodoi import:" in capsys.readouterr().err
    assert theodoi_main(["import", str(tmp_path / "khong-co.docx")]) == 2
    assert Document.objects.count() == 0


@pytest.mark.seeds
@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["002", "004"])
def test_import_seed(org: Org, prefix: str, tmp_path, settings, capsys) -> None:
    found = sorted(SEEDS.glob(f"{prefix}_*")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    settings.MEDIA_ROOT = tmp_path / "media"
    assert theodoi_main(["import", str(found[0])]) == 0
    summary = json.loads(capsys.readouterr().out.strip())
    document = Document.objects.get(pk=summary["document_id"])
    assert summary["tasks"] == document.tasks.count() > 5
    assert document.title and document.kind != "other"
    assert summary["units"] > 3
    assert document.outgoing_links.filter(relation=LinkRelation.IMPLEMENTS).exists()


@pytest.mark.django_db(transaction=True)  # the worker needs autocommit (PostgreSQL)
def test_background_import_through_the_worker(
    client_for, org: Org, focal_officer, unit_officer_a, tmp_path, settings
) -> None:
    from django.core.management import call_command

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.THEODOI_IMPORT_BACKGROUND_KINDS = ["docx"]
    client = client_for(focal_officer)
    response = upload(client, plan_88_docx(tmp_path))
    assert response.status_code == 302 and "/dang-phan-tich/" in response.url
    waiting = client.get(response.url)
    assert waiting.status_code == 200
    assert "Đang phân tích văn bản" in waiting.text and 'http-equiv="refresh"' in waiting.text
    assert not Document.objects.filter(number="88/KH-UBND").exists()
    assert client_for(unit_officer_a).get(response.url).status_code == 404
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    done = client.get(response.url)
    document = Document.objects.get(number="88/KH-UBND")
    assert done.status_code == 302 and done.url == reverse("documents:review", args=[document.pk])
    assert document.created_by == focal_officer
    assert not list((tmp_path / "media" / "uploads" / "pending").iterdir())


@pytest.mark.django_db(transaction=True)  # the worker needs autocommit (PostgreSQL)
def test_background_import_reports_a_bad_file(
    client_for, org: Org, focal_officer, tmp_path, settings
) -> None:
    from django.core.management import call_command

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.THEODOI_IMPORT_BACKGROUND_KINDS = ["docx"]
    client = client_for(focal_officer)
    bad = tmp_path / "hong.docx"
    with zipfile.ZipFile(bad, "w") as archive:  # a .docx by its parts, with no real XML
        archive.writestr("word/document.xml", "this is not XML")
    response = upload(client, bad)
    assert response.status_code == 302
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Không phân tích được văn bản" in page.text and "hong.docx" in page.text
    assert Document.objects.count() == 0


def test_cli_import_with_parent(org: Org, plan: Plan, tmp_path, settings, capsys) -> None:
    from tests.web.documents.docx_plans import docx_bytes_from_text

    settings.MEDIA_ROOT = tmp_path / "media"
    text = (
        "UỶ BAN NHÂN DÂN HUYỆN ĐÔNG SƠN\nSố: 9/KH-UBND\nĐông Sơn, ngày 01 tháng 11 năm 2024\n"
        "KẾ HOẠCH\nThực hiện kế hoạch của tỉnh\nI. NHIỆM VỤ\n"
        "1. Tổ chức hội nghị đối thoại với Nhân dân trên địa bàn huyện.\n"
    )
    path = docx_bytes_from_text(text, tmp_path / "ke-hoach-huyen.docx")
    assert theodoi_main(["import", str(path), "--parent", "123/kh-ubnd"]) == 0
    summary = json.loads(capsys.readouterr().out.strip())
    child = Document.objects.get(pk=summary["document_id"])
    assert child.implemented()[0] == plan.document
    assert theodoi_main(["import", str(path), "--parent", "999/KH-XYZ"]) == 2
    assert "no document numbered 999/KH-XYZ" in capsys.readouterr().err
