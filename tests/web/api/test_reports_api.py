"""The API's reporting cycle, tokens, pagination, errors and idempotency."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.web.builders import Plan
from theodoi.api.models import ApiToken
from theodoi.audit.models import AuditEvent
from theodoi.reporting.models import ReviewState, TaskReport

LISTS = [
    "/api/documents",
    "/api/tasks",
    "/api/assignments",
    "/api/orgunits",
    "/api/reports",
    "/api/periods",
    "/api/escalations",
]


def _post(client: Client, url: str, body: dict, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(
    "query", ["offset=9223372036854775808", "offset=-1", "limit=0", "limit=501", "offset=abc"]
)
def test_out_of_range_pagination_is_a_400_in_the_error_shape(
    client_for, focal_officer, url: str, query: str
) -> None:
    response = client_for(focal_officer).get(f"{url}?{query}")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "bad_request"
    assert any(key.endswith(query.split("=")[0]) for key in error["fields"]), error


def test_huge_ids_in_paths_and_filters_are_a_400(client_for, focal_officer) -> None:
    client = client_for(focal_officer)
    assert client.get("/api/reports/9223372036854775808").status_code == 400
    assert client.get("/api/tasks?document=9223372036854775808").status_code == 400
    assert client.get("/api/reports/9223372036854775807").status_code == 404


def test_a_unit_writes_submits_and_the_focal_agency_returns_then_accepts(
    client_for, plan: Plan, unit_officer_a, focal_officer, now
) -> None:
    officer, focal = client_for(unit_officer_a), client_for(focal_officer)
    unit_officer_a.org_unit.requires_head_approval = False
    unit_officer_a.org_unit.save()
    body = {"period_id": plan.period.pk, "task_id": plan.tasks[1].pk, "completion": "done"}
    refused = _post(officer, "/api/reports", body)
    assert refused.status_code == 409 and "ngày hoàn thành" in refused.json()["error"]["message"]
    body |= {"completed_on": "2025-06-20", "result": "Đã rà soát 14 văn bản."}
    body["figures"] = [{"label": "Văn bản rà soát", "value": "14", "unit": "văn bản"}]
    created = _post(officer, "/api/reports", body)
    assert created.status_code == 201, created.content
    report = created.json()
    assert report["review_state"] == "draft" and report["figures"][0]["value"] == "14"
    changed = officer.put(
        f"/api/reports/{report['id']}",
        {"completion": "done", "completed_on": "2025-06-25", "result": "Đã rà soát 15 văn bản."},
        "application/json",
    )
    assert changed.status_code == 200 and changed.json()["result"] == "Đã rà soát 15 văn bản."
    sent = officer.post(f"/api/reports/{report['id']}/submit")
    assert sent.status_code == 200 and sent.json()["review_state"] == "submitted"
    again = officer.put(f"/api/reports/{report['id']}", {"result": "x"}, "application/json")
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
    no_reason = _post(focal, f"/api/reports/{report['id']}/review", {"decision": "return"})
    assert no_reason.status_code == 409
    returned = _post(
        focal, f"/api/reports/{report['id']}/review", {"decision": "return", "comment": "Bổ sung."}
    )
    assert returned.json()["review_state"] == ReviewState.RETURNED
    assert officer.post(f"/api/reports/{report['id']}/submit").status_code == 200
    accepted = _post(focal, f"/api/reports/{report['id']}/review", {"decision": "accept"})
    assert accepted.status_code == 200 and accepted.json()["review_state"] == "accepted"
    verbs = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"report.create", "report.submit", "report.return", "report.accept"} <= verbs


def test_bad_bodies_are_a_422_naming_the_field(client_for, plan: Plan, unit_officer_a) -> None:
    response = _post(client_for(unit_officer_a), "/api/reports", {"period_id": plan.period.pk})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid" and any("task_id" in key for key in error["fields"])


def test_idempotency_key_makes_a_retry_act_once(
    client_for, plan: Plan, unit_officer_a, now
) -> None:
    client = client_for(unit_officer_a)
    unit_officer_a.org_unit.requires_head_approval = False
    unit_officer_a.org_unit.save()
    body = {"period_id": plan.period.pk, "task_id": plan.tasks[1].pk, "result": "Lần 1"}
    first = _post(client, "/api/reports", body, **{"Idempotency-Key": "k-1"})
    retry = _post(client, "/api/reports", body | {"result": "Lần 2"}, **{"Idempotency-Key": "k-1"})
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    report = TaskReport.objects.get()
    assert report.result == "Lần 1"  # the retry did not act
    url = f"/api/reports/{report.pk}/submit"
    sent = client.post(url, headers={"Idempotency-Key": "s-1"})
    resent = client.post(url, headers={"Idempotency-Key": "s-1"})
    assert sent.status_code == resent.status_code == 200 and resent.json() == sent.json()
    assert AuditEvent.objects.filter(action="report.submit").count() == 1
    other = _post(client, "/api/reports", body, **{"Idempotency-Key": "s-1"})
    assert other.status_code == 409 and "already used" in other.json()["error"]["message"]


def test_tokens_are_shown_once_stored_hashed_and_revocable(
    client_for, plan: Plan, unit_officer_a, now
) -> None:
    browser = client_for(unit_officer_a)
    browser.post("/tai-khoan/khoa-api/", {"name": "Hệ thống một cửa"})
    page = browser.get("/tai-khoan/").content.decode()
    token = ApiToken.objects.get(user=unit_officer_a)
    secret = page.split("<p><code>")[1].split("</code>")[0]
    assert secret.startswith("td_") and secret not in json.dumps(
        list(ApiToken.objects.values()), default=str
    )
    assert token.digest != secret and len(token.digest) == 64
    assert secret not in browser.get("/tai-khoan/").content.decode()  # shown once
    system = Client()
    auth = {"Authorization": f"Bearer {secret}"}
    listed = system.get("/api/reports", headers=auth)
    assert listed.status_code == 200
    created = system.post(
        "/api/reports",
        json.dumps({"period_id": plan.period.pk, "task_id": plan.tasks[1].pk, "result": "Qua API"}),
        content_type="application/json",
        headers=auth,
    )
    assert created.status_code == 201, created.content  # no CSRF needed with a token
    assert (
        system.get("/api/reports", headers={"Authorization": "Bearer td_wrong"}).status_code == 401
    )
    browser.post(f"/tai-khoan/khoa-api/{token.pk}/thu-hoi/")
    refused = system.get("/api/reports", headers=auth)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthenticated"


def test_nobody_revokes_another_persons_token(client_for, unit_officer_a, unit_officer_b) -> None:
    client_for(unit_officer_a).post("/tai-khoan/khoa-api/", {"name": "A"})
    token = ApiToken.objects.get()
    assert (
        client_for(unit_officer_b).post(f"/tai-khoan/khoa-api/{token.pk}/thu-hoi/").status_code
        == 404
    )
    token.refresh_from_db()
    assert token.is_active


def test_docs_page_uses_local_assets_only(client_for, focal_officer) -> None:
    html = client_for(focal_officer).get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html and "http://" not in html
    assert "/static/ninja/swagger-ui-bundle.js" in html
