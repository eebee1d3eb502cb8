"""The parse result a document keeps is read back through the core's contract
(``Document.parsed``): the web apps see ``ParseResult``, never the JSON. A
result stored by an older version still reads; a damaged one is refused
naming the field, on the page, instead of a server error."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse

from tests.web.builders import Org, same_name_in_each_district
from tests.web.documents.results import parse_result
from theodoi.documents.actions import update_document
from theodoi.documents.cascade import placeholder_for
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document, StoredParseError
from theodoi.plans.actions import TaskError, remap_body
from theodoi.plans.models import Assignment
from theodoi.text.model import ParseResult

TODAY = datetime.date(2026, 3, 20)


def _imported(result: dict[str, Any], actor: Any) -> Document:
    return store_parse_result(ParseResult.from_json_dict(result), actor=actor, today=TODAY).document


def _as_stored_long_ago(stored: dict[str, Any]) -> dict[str, Any]:
    """The row as the first importer kept it: the result as given (no
    confidence, doubts, implied bodies, implementers, header notes) plus notes."""
    old = {key: value for key, value in stored.items() if key != "implementers"}
    old["document"] = {
        key: value
        for key, value in stored["document"].items()
        if key not in {"draft", "issuer_parent", "horizon"}
    }
    dropped = {"confidence", "confidence_parts", "doubts", "implied_implementing", "source"}
    old["tasks"] = [
        {key: value for key, value in task.items() if key not in dropped}
        for task in stored["tasks"]
    ]
    return old


def _damage(document: Document, change: Any) -> None:
    data = dict(document.parse_result)
    change(data)
    Document.objects.filter(pk=document.pk).update(parse_result=data)
    document.refresh_from_db()


def test_the_stored_parse_comes_back_as_the_cores_dataclasses(org: Org, focal_officer) -> None:
    result = parse_result()
    document = _imported(result, focal_officer)
    parsed = document.parsed()
    assert isinstance(parsed, ParseResult)
    assert parsed.to_json_dict() == ParseResult.from_json_dict(result).to_json_dict()
    assert document.parsed() is parsed  # read once per instance
    document.refresh_from_db()
    again = document.parsed()
    assert again is not parsed and again is not None
    assert again.to_json_dict() == parsed.to_json_dict()
    assert placeholder_for("9-NQ/TU").parsed() is None  # nothing parsed
    document.parse_result = {"import_notes": {"unresolved": []}}  # a draft made by hand
    assert document.parsed() is None


def test_a_document_imported_by_an_older_version_still_reviews(
    client_for, org: Org, focal_officer
) -> None:
    same_name_in_each_district(org, "Phòng Nội vụ", "phong-noi-vu")
    result = parse_result(number="47/KH-UBND")
    result["tasks"][0]["implementing"] = ["Phòng Nội vụ"]
    document = _imported(result, focal_officer)
    Document.objects.filter(pk=document.pk).update(
        parse_result=_as_stored_long_ago(document.parse_result)
    )
    document.refresh_from_db()
    assert "confidence" not in document.parse_result["tasks"][0]
    parsed = document.parsed()
    assert parsed is not None and [t.confidence for t in parsed.tasks] == [1.0] * 4
    page = client_for(focal_officer).get(reverse("documents:review", args=[document.pk]))
    assert page.status_code == 200
    assert 'id="can-kiem-tra"' not in page.text and "bị hỏng" not in page.text
    # the unresolved name is found where the parser saw it, through the typed tasks
    remap_body(focal_officer, document, "Phòng Nội vụ", [org.home_affairs])
    (assignment,) = Assignment.objects.filter(task__document=document, source_text="Phòng Nội vụ")
    assert (assignment.task.path, assignment.role) == ("II.1", "implementing")


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        (
            lambda data: data["tasks"][1].update(
                doubts=[{"code": "text_short", "confidence": "x"}]
            ),
            '"confidence" in doubt 1 of task 2 of the parse result is not a number',
        ),
        (
            lambda data: data["tasks"][0].update(lead="Sở Tư pháp"),
            '"lead" in task 1 of the parse result is not a list of strings',
        ),
        (lambda data: data.update(tasks={"II.1": {}}), 'the parse result has no "tasks" list'),
        (lambda data: data["document"].update(draft="có"), '"draft" in the "document" of'),
    ],
)
def test_a_damaged_stored_parse_is_named_on_the_review_page(
    client_for, org: Org, focal_officer, change: Any, fault: str
) -> None:
    document = _imported(parse_result(), focal_officer)
    _damage(document, change)
    with pytest.raises(StoredParseError, match="bị hỏng") as refused:
        document.parsed()
    assert fault in str(refused.value) and "45/KH-UBND" in str(refused.value)
    page = client_for(focal_officer).get(reverse("documents:review", args=[document.pk]))
    assert page.status_code == 200  # the stored tasks are still there to review
    assert fault.replace('"', "&quot;") in page.text
    assert "Rà soát các văn bản quy phạm pháp luật" in page.text


def test_actions_on_a_damaged_stored_parse_say_why_and_change_nothing(
    client_for, org: Org, focal_officer, caplog: pytest.LogCaptureFixture
) -> None:
    document = _imported(parse_result(), focal_officer)
    _damage(document, lambda data: data["tasks"][0].update(implied_implementing=[3]))
    fault = '"implied_implementing" in task 1 of the parse result is not a list of strings'
    with pytest.raises(TaskError, match=fault):
        remap_body(focal_officer, document, "Tên chưa gán", [org.home_affairs])
    client = client_for(focal_officer)
    page = client.post(
        reverse("documents:update", args=[document.pk]),
        {"kind": "ke_hoach", "number": "45/KH-UBND", "issuer": "Sở Nội vụ", "title": "Sửa"},
        follow=True,
    )
    assert page.status_code == 200
    assert fault.replace('"', "&quot;") in page.text
    document.refresh_from_db()
    assert document.issuer == "Ủy ban nhân dân tỉnh Hòa Lâm"  # the correction waits
    Document.objects.filter(pk=document.pk).update(level="")  # the graph asks the parse
    graph = client.get(reverse("documents:graph"))
    assert graph.status_code == 200  # one damaged document does not take the drawing down
    assert fault in caplog.text  # … and the log names it
    update_document(focal_officer, document, title="Sửa")  # needs no parse: saved
    document.refresh_from_db()
    assert document.title == "Sửa"
