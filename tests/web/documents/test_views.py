"""Document pages through the real URL map: list, upload, detail, review,
corrections, publish — and who may see or change what."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.web.builders import Org, Plan
from tests.web.documents.results import parse_result
from theodoi.documents.actions import publish_plan
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document, DocumentState
from theodoi.plans.models import Assignment
from theodoi.text.model import ParseResult

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def draft(org: Org, focal_officer):
    result = parse_result()
    result["source_text"] = "KẾ HOẠCH\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Đẩy mạnh tuyên truyền"
    return store_parse_result(
        ParseResult.from_json_dict(result),
        actor=focal_officer,
        source_text=result["source_text"],
        today=TODAY,
    ).document


def test_list_shows_what_the_user_may_see(
    client_for, focal_officer, unit_officer_a, plan: Plan, draft: Document
) -> None:
    page = client_for(focal_officer).get(reverse("documents:list"))
    assert page.status_code == 200
    assert "45/KH-UBND" in page.text and "123/KH-UBND" in page.text
    unit_page = client_for(unit_officer_a).get(reverse("documents:list"))
    assert "123/KH-UBND" in unit_page.text  # published, assigns Sở Tư pháp a task
    assert "45/KH-UBND" not in unit_page.text  # a draft of the focal agency


def test_review_page_shows_source_tree_and_bodies(
    client_for, focal_officer, draft: Document
) -> None:
    page = client_for(focal_officer).get(reverse("documents:review", args=[draft.pk]))
    assert page.status_code == 200
    assert "Đẩy mạnh tuyên truyền" in page.text
    assert 'data-path="II.3.b"' in page.text
    assert "Trung tâm Phát triển cộng đồng Hòa Lâm" in page.text
    assert "không có trong danh mục" in page.text  # listed for a decision, not created
    # a group's members are summed up under the group's name
    assert "<strong>Thực hiện:</strong> UBND các huyện, thị xã, thành phố (2)" in page.text


def test_other_agency_and_units_cannot_open_a_draft(
    client_for, org: Org, unit_officer_a, leader, draft: Document
) -> None:
    from tests.web.builders import person

    other_focal = person("daumoi2", "Cán Bộ Dân Vận", "focal_officer", org.mass_mobilisation)
    for user in (unit_officer_a, leader, other_focal):
        client = client_for(user)
        assert client.get(reverse("documents:detail", args=[draft.pk])).status_code == 404
        assert client.get(reverse("documents:review", args=[draft.pk])).status_code == 404
        assert client.post(reverse("documents:publish", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.state == DocumentState.DRAFT


def test_leader_reads_but_cannot_change(client_for, leader, plan: Plan) -> None:
    client = client_for(leader)
    assert client.get(reverse("documents:detail", args=[plan.document.pk])).status_code == 200
    assert client.get(reverse("documents:review", args=[plan.document.pk])).status_code == 403
    task = plan.tasks[0]
    assert client.post(reverse("plans:remove_task", args=[task.pk])).status_code == 403
    assert client.get(reverse("documents:upload")).status_code == 403


def test_publish_through_the_view(client_for, focal_officer, draft: Document) -> None:
    url = reverse("documents:publish", args=[draft.pk])
    response = client_for(focal_officer).post(url, {"xac-nhan": "1"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == DocumentState.PUBLISHED and draft.published_at is not None


def test_edit_task_and_its_units(client_for, org: Org, focal_officer, draft: Document) -> None:
    task = draft.tasks.get(path="II.1")
    client = client_for(focal_officer)
    assert client.get(reverse("plans:edit_task", args=[task.pk])).status_code == 200
    response = client.post(
        reverse("plans:edit_task", args=[task.pk]),
        {
            "path": "II.1-a",
            "text": "Đẩy mạnh tuyên truyền, sửa lại",
            "timing_text": "Quý III/2025",
            "lead": [org.information.pk],
            "coordinating": [org.justice.pk, org.home_affairs.pk],
            "implementing": [],
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.path, task.timing_kind, task.due_quarter) == ("II.1-a", "quarter", 3)
    coordinating = set(
        task.assignments.filter(role="coordinating").values_list("unit__code", flat=True)
    )
    assert coordinating == {"so-tu-phap", "so-noi-vu"}


def test_add_and_delete_task(client_for, focal_officer, draft: Document) -> None:
    client = client_for(focal_officer)
    client.post(
        reverse("plans:new_task", args=[draft.pk]),
        {"new-path": "II.4", "new-text": "Nhiệm vụ bị bỏ sót", "new-timing_text": "thường xuyên"},
    )
    added = draft.tasks.get(path="II.4")
    assert added.timing_kind == "continuous"
    # a second task at the same position is refused
    client.post(reverse("plans:new_task", args=[draft.pk]), {"new-path": "II.4", "new-text": "x"})
    assert draft.tasks.filter(path="II.4").count() == 1
    client.post(reverse("plans:remove_task", args=[added.pk]))
    assert not draft.tasks.filter(path="II.4").exists()


def test_remap_a_body_name(client_for, org: Org, focal_officer, draft: Document) -> None:
    name = "Trung tâm Phát triển cộng đồng Hòa Lâm"
    response = client_for(focal_officer).post(
        reverse("documents:remap", args=[draft.pk]), {"name": name, "units": [org.front.pk]}
    )
    assert response.status_code == 302
    units = Assignment.objects.filter(task__document=draft, source_text=name).values_list(
        "unit", flat=True
    )
    assert list(units) == [org.front.pk]


def test_update_document_metadata(client_for, org: Org, focal_officer, draft: Document) -> None:
    client_for(focal_officer).post(
        reverse("documents:update", args=[draft.pk]),
        {
            "kind": "ke_hoach",
            "number": "46/KH-UBND",
            "issuer": "UBND tỉnh Hòa Lâm",
            "place": "Hòa Lâm",
            "date": "12/03/2025",
            "title": "Tiêu đề đã sửa",
            "focal_agency": org.home_affairs.pk,
        },
    )
    draft.refresh_from_db()
    assert (draft.number, draft.date, draft.title) == (
        "46/KH-UBND",
        datetime.date(2025, 3, 12),
        "Tiêu đề đã sửa",
    )


def test_detail_shows_sub_plans_and_coverage(
    client_for, org: Org, focal_officer, unit_officer_a, plan: Plan
) -> None:
    sub = parse_result(
        number="7/KH-STP",
        issuer="Sở Tư pháp",
        implements=["123/KH-UBND"],
        references=[],
        focal_agency=None,  # the unit follows its own plan
    )
    sub["tasks"] = [
        dict(sub["tasks"][0], path="1", text="Rà soát văn bản quy phạm pháp luật của ngành tư pháp")
    ]
    sub["outline"] = []
    sub["reporting"] = []
    child = store_parse_result(
        ParseResult.from_json_dict(sub), actor=unit_officer_a, today=TODAY
    ).document
    assert child.focal_agency == org.justice
    client = client_for(focal_officer)
    page = client.get(reverse("documents:detail", args=[plan.document.pk]))
    assert "0/4 đơn vị đã ban hành" in page.text  # a draft is not issued yet
    publish_plan(unit_officer_a, child, confirm_warnings=True)  # no period: a warning
    page = client.get(reverse("documents:detail", args=[plan.document.pk]))
    # assigned: Sở TT&TT, Sở Tư pháp, two districts; only Sở Tư pháp issued its plan
    assert "1/4 đơn vị đã ban hành" in page.text
    cov = page.context["cascade"].coverage[0]
    status = {pair.a.path: pair.status() for pair in cov.comparison.pairs}
    assert status == {"II.1": "missing", "II.2": "covered", "II.3": "missing"}


def test_document_list_query_count_does_not_grow(client_for, org: Org, focal_officer) -> None:
    client = client_for(focal_officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("documents:list")).status_code == 200
        return len(queries)

    store_parse_result(ParseResult.from_json_dict(parse_result()), actor=focal_officer, today=TODAY)
    few = count()
    for n in range(5):
        store_parse_result(
            ParseResult.from_json_dict(
                parse_result(number=f"{50 + n}/KH-UBND", implements=[], references=[])
            ),
            actor=focal_officer,
            today=TODAY,
        )
    assert count() == few


def test_review_query_count_does_not_grow_with_tasks(client_for, org: Org, focal_officer) -> None:
    client = client_for(focal_officer)
    small = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer, today=TODAY
    ).document
    big_result = parse_result(number="60/KH-UBND")
    big_result["tasks"] = [
        dict(t, path=f"{t['path']}.{i}") for i in range(6) for t in big_result["tasks"]
    ]
    big = store_parse_result(
        ParseResult.from_json_dict(big_result), actor=focal_officer, today=TODAY
    ).document

    def count(document: Document) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("documents:review", args=[document.pk])).status_code == 200
        return len(queries)

    assert count(big) == count(small)


def test_detail_query_count_does_not_grow_with_children(
    client_for, org: Org, focal_officer, unit_officer_a, unit_officer_b, plan: Plan
) -> None:
    client = client_for(focal_officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("documents:detail", args=[plan.document.pk]))
            assert page.status_code == 200
        return len(queries)

    def child(user, number: str) -> None:
        # each unit uploads its own plan: the issuer is the unit itself
        result = parse_result(
            number=number, issuer=user.org_unit.name, implements=["123/KH-UBND"], references=[]
        )
        document = store_parse_result(
            ParseResult.from_json_dict(result), actor=user, today=TODAY
        ).document
        publish_plan(user, document, confirm_warnings=True)

    child(unit_officer_a, "1/KH-STP")
    one = count()
    child(unit_officer_b, "2/KH-UBND-DS")
    child(focal_officer, "3/KH-SNV")
    assert count() == one
