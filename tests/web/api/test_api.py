"""The read API: OpenAPI schema, sign-in required, same visibility as the pages."""

from django.test import Client

from theodoi.documents.models import DocumentState


def test_openapi_schema_lists_document_and_task_endpoints() -> None:
    schema = Client().get("/api/openapi.json").json()
    assert {
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/tasks",
        "/api/tasks/{task_id}",
    } <= set(schema["paths"])


def test_anonymous_callers_are_refused(plan) -> None:  # type: ignore[no-untyped-def]
    assert Client().get("/api/documents").status_code == 401


def test_documents_and_tasks_with_assignments(plan, client_for, unit_officer_a) -> None:  # type: ignore[no-untyped-def]
    client = client_for(unit_officer_a)
    documents = client.get("/api/documents").json()
    assert [d["number"] for d in documents] == ["123/KH-UBND"]
    tasks = client.get(f"/api/tasks?document={plan.document.pk}").json()
    assert [t["path"] for t in tasks] == ["II.1", "II.2", "II.3"]
    lead = {(a["unit"], a["role"]) for a in tasks[0]["assignments"]}
    assert ("Sở Thông tin và Truyền thông", "lead") in lead
    one = client.get(f"/api/tasks/{plan.tasks[1].pk}").json()
    assert one["due_date"] == "2025-06-30"


def test_drafts_are_hidden_from_unit_officers(
    plan, client_for, unit_officer_a, focal_officer
) -> None:  # type: ignore[no-untyped-def]
    plan.document.state = DocumentState.DRAFT
    plan.document.save()
    url = f"/api/documents/{plan.document.pk}"
    assert client_for(unit_officer_a).get(url).status_code == 404
    assert client_for(unit_officer_a).get(f"/api/tasks/{plan.tasks[0].pk}").status_code == 404
    assert client_for(focal_officer).get(url).json()["state"] == "draft"
