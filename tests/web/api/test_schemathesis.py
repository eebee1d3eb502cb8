"""Property-based run of the API against its own OpenAPI schema.

Schemathesis generates requests from /api/openapi.json (bounded: a fixed
number of examples per operation, derandomised so every run sends the same
requests) and checks that no response is a 5xx, that every status code and
content type is one the schema documents, and that every body matches its
schema. Requests carry an API token of the focal officer, over the data of
the shared test province. The upload endpoint is left out here (each
example would start the parser subprocess); test_uploads.py covers it with
real files.
"""

from __future__ import annotations

import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from theodoi.api.actions import create_token

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 10
SKIPPED = {("POST", "/api/documents")}


def test_api_conforms_to_its_schema(plan, focal_officer, unit_officer_a, now) -> None:  # type: ignore[no-untyped-def]
    from theodoi.project.wsgi import application

    headers = {"Authorization": f"Bearer {create_token(focal_officer, 'schemathesis')[1]}"}
    # As Django's test client does: a request must not close the test's own
    # database connection (PostgreSQL would lose the test transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _run(application, headers)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _run(application, headers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    tested = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(headers=headers, checks=CHECKS)

        run()
        tested.append(f"{operation.method.upper()} {operation.path}")
    assert len(tested) >= 19, tested
