"""The REST API: schema, permissions, and the import endpoint on a real .docx."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.web.builders import Org, Plan
from tests.web.documents.docx_plans import plan_88_docx
from tests.web.documents.results import parse_result
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document, DocumentState
from theodoi.text.model import ParseResult


def test_openapi_schema_is_valid_and_lists_the_endpoints(client_for, focal_officer) -> None:
    from openapi_spec_validator import validate

    response = client_for(focal_officer).get("/api/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate(schema)
    for path in (
        "/api/documents",
        "/api/documents/{document_id}/tasks",
        "/api/assignments",
        "/api/orgunits",
        "/api/documents/{document_id}/publish",
    ):
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/api/documents"]


def test_anonymous_requests_are_refused(plan: Plan) -> None:
    client = Client()
    assert client.get("/api/documents").status_code == 401
    assert client.get(f"/api/documents/{plan.document.pk}/tasks").status_code == 401


def test_documents_follow_the_access_rules(
    client_for, org: Org, focal_officer, unit_officer_a, unit_officer_b, leader, plan: Plan
) -> None:
    draft = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer
    ).document
    numbers = lambda user: {d["number"] for d in client_for(user).get("/api/documents").json()}  # noqa: E731
    assert {"45/KH-UBND", "123/KH-UBND"} <= numbers(focal_officer)
    assert "123/KH-UBND" in numbers(unit_officer_a) and "45/KH-UBND" not in numbers(unit_officer_a)
    assert "45/KH-UBND" not in numbers(leader)
    assert client_for(unit_officer_a).get(f"/api/documents/{draft.pk}").status_code == 404
    assert client_for(unit_officer_b).get(f"/api/documents/{draft.pk}/tasks").status_code == 404
    detail = client_for(focal_officer).get(f"/api/documents/{draft.pk}").json()
    assert detail["task_count"] == 4 and detail["implements"] == ["12-CTr/TU"]  # direct parent only


def test_tasks_and_assignments(client_for, org: Org, unit_officer_a, plan: Plan) -> None:
    client = client_for(unit_officer_a)
    tasks = client.get(f"/api/documents/{plan.document.pk}/tasks").json()
    assert [t["path"] for t in tasks] == ["II.1", "II.2", "II.3"]
    rows = client.get(f"/api/assignments?document={plan.document.pk}&unit={org.justice.pk}").json()
    assert {(r["role"], r["task_id"]) for r in rows} == {
        ("coordinating", plan.tasks[0].pk),
        ("lead", plan.tasks[1].pk),
    }
    units = client.get("/api/orgunits?q=Tư pháp").json()
    assert [u["code"] for u in units] == ["so-tu-phap"]


def test_upload_import_and_publish(
    client_for, org: Org, focal_officer, leader, tmp_path, settings
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    path = plan_88_docx(tmp_path)
    upload = {"file": SimpleUploadedFile(path.name, path.read_bytes())}
    assert client_for(leader).post("/api/documents", upload).status_code == 403
    upload = {"file": SimpleUploadedFile(path.name, path.read_bytes())}
    response = client_for(focal_officer).post("/api/documents", upload)
    assert response.status_code == 201, response.content
    summary = response.json()
    assert summary["number"] == "88/KH-UBND" and summary["tasks"] >= 4
    document_id = summary["document_id"]
    assert client_for(leader).post(f"/api/documents/{document_id}/publish").status_code == 404
    refused = client_for(focal_officer).post(f"/api/documents/{document_id}/publish")
    assert refused.status_code == 400  # warnings (unresolved bodies) need a yes
    assert refused.json()["error"]["code"]
    published = client_for(focal_officer).post(
        f"/api/documents/{document_id}/publish?confirm_warnings=true"
    )
    assert published.status_code == 200 and published.json()["state"] == "published"
    assert Document.objects.get(pk=document_id).state == DocumentState.PUBLISHED
    again = client_for(focal_officer).post(
        f"/api/documents/{document_id}/publish?confirm_warnings=true"
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"


def test_bad_upload_is_a_400_with_the_reason(client_for, org: Org, focal_officer) -> None:
    bad = {"file": SimpleUploadedFile("hong.docx", b"PK\x03\x04 broken")}
    response = client_for(focal_officer).post("/api/documents", bad)
    assert response.status_code == 400
    assert "hong.docx" in response.json()["error"]["message"]
    assert Document.objects.count() == 0


def test_upload_over_the_size_limit_is_refused(
    client_for, org: Org, focal_officer, settings
) -> None:
    settings.MAX_UPLOAD_MB = 1
    big = {"file": SimpleUploadedFile("lon.txt", b"a" * (1024 * 1024 + 1))}
    response = client_for(focal_officer).post("/api/documents", big)
    assert response.status_code == 400 and "too large" in response.json()["error"]["message"]
    assert Document.objects.count() == 0
