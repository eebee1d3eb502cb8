"""Search across documents, tasks and reports: without diacritics, đ as d,
with a typo, ranked and highlighted, filtered, only what the user may see;
kept up to date on save; the command, the page and the API."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import call_command

from tests.web.builders import Org, Plan
from tests.web.documents.results import parse_result
from theodoi.cli import main as theodoi_main
from theodoi.documents.importing import store_parse_result
from theodoi.plans.models import Task
from theodoi.reporting.models import TaskReport
from theodoi.search.models import SearchEntry
from theodoi.search.query import Filters, search
from theodoi.text.model import ParseResult

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def minority_task(plan: Plan) -> Task:
    return Task.objects.create(
        document=plan.document,
        path="II.4",
        section="NHIỆM VỤ, GIẢI PHÁP",
        text="Chăm lo đời sống đồng bào dân tộc thiểu số ở vùng sâu, vùng xa",
        position=3,
    )


@pytest.fixture
def report(org: Org, plan: Plan) -> TaskReport:
    return TaskReport.objects.create(
        task=plan.tasks[1],
        unit=org.justice,
        period=plan.period,
        result="Đã rà soát 42 văn bản, đề nghị bãi bỏ 3 văn bản không còn phù hợp",
        difficulties="Thiếu biên chế làm công tác kiểm tra văn bản",
    )


def paths(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [result.entry.path for result in outcome.results]


def test_without_diacritics_finds_the_text_with_them(admin_user, minority_task: Task) -> None:
    outcome = search(admin_user, "dan toc thieu so")
    assert paths(outcome)[0] == "II.4"
    assert "<mark>dân</mark> <mark>tộc</mark> <mark>thiểu</mark> <mark>số</mark>" in (
        outcome.results[0].snippet
    )
    assert search(admin_user, "DÂN TỘC thiểu số").results[0].entry.object_id == minority_task.pk


def test_d_stands_for_dj(admin_user, minority_task: Task) -> None:
    outcome = search(admin_user, "dong bao")
    assert paths(outcome) == ["II.4"]
    assert "<mark>đồng</mark> <mark>bào</mark>" in outcome.results[0].snippet


def test_a_typo_is_read_as_the_closest_word(admin_user, plan: Plan) -> None:
    outcome = search(admin_user, "tuyen truyn")
    assert outcome.corrected == {"truyn": "truyen"}
    assert paths(outcome) == ["II.1"]
    assert search(admin_user, "xyzqw vwkj").results == []


def test_the_last_word_matches_as_a_prefix(admin_user, plan: Plan) -> None:
    assert paths(search(admin_user, "hoi nghi doi tho")) == ["II.3"]


def test_ranked_best_first(admin_user, plan: Plan, minority_task: Task) -> None:
    Task.objects.create(
        document=plan.document, path="II.5", text="Vùng sâu được quan tâm", position=4
    )
    outcome = search(admin_user, "vung sau vung xa")
    assert paths(outcome) == ["II.4"]  # every word needed
    outcome = search(admin_user, "vung sau")
    assert set(paths(outcome)) == {"II.4", "II.5"}
    assert outcome.results[0].score >= outcome.results[1].score


def test_documents_and_reports_are_found(admin_user, plan: Plan, report: TaskReport) -> None:
    documents = search(admin_user, "ke hoach thu nghiem suc manh doan ket")
    assert [(r.kind, r.entry.document_id) for r in documents.results] == [
        ("document", plan.document.pk)
    ]
    reports = search(admin_user, "bien che kiem tra")
    assert [(r.kind, r.entry.object_id) for r in reports.results] == [("report", report.pk)]


def test_filters(admin_user, org: Org, plan: Plan, report: TaskReport) -> None:
    query = "van ban"
    kinds = {r.kind for r in search(admin_user, query).results}
    assert {"task", "report"} <= kinds
    assert {r.kind for r in search(admin_user, query, Filters(kind="report")).results} == {"report"}
    assert search(admin_user, query, Filters(period=plan.period.pk)).results[0].kind == "report"
    other = store_parse_result(ParseResult.from_json_dict(parse_result()), today=TODAY).document
    assert search(admin_user, "dan chu o co so", Filters(document=plan.document.pk)).results == []
    assert search(admin_user, "dan chu o co so", Filters(document=other.pk)).results
    by_justice = search(admin_user, query, Filters(unit=org.justice.pk))
    assert {r.entry.path for r in by_justice.results} == {"II.2"}  # its task and its report
    assert search(admin_user, query, Filters(unit=org.district_a.pk)).results == []


def test_only_what_the_user_may_see(
    focal_officer, unit_officer_a, unit_officer_b, plan: Plan, report: TaskReport
) -> None:
    draft = store_parse_result(
        ParseResult.from_json_dict(parse_result()), actor=focal_officer, today=TODAY
    ).document
    phrase = draft.tasks.order_by("position").first().text  # type: ignore[union-attr]
    assert {r.entry.document_id for r in search(focal_officer, phrase).results} == {draft.pk}
    assert search(unit_officer_b, phrase).results == []
    # a report is seen by its unit (and the focal agency), not by another unit
    assert [r.kind for r in search(unit_officer_a, "bien che").results] == ["report"]
    assert search(unit_officer_b, "bien che").results == []


def test_index_follows_saves_and_deletes(admin_user, plan: Plan) -> None:
    task = plan.tasks[0]
    task.text = "Phổ biến pháp luật cho người khuyết tật"
    task.save()
    assert paths(search(admin_user, "khuyet tat")) == ["II.1"]
    assert search(admin_user, "pho bien ke hoach").results == []
    task.delete()
    assert search(admin_user, "khuyet tat").results == []
    assert not SearchEntry.objects.filter(kind="task", object_id=task.pk).exists()


def test_rebuild_restores_the_index(admin_user, plan: Plan, report: TaskReport) -> None:
    before = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    assert search(admin_user, "doi thoai").results == []
    call_command("rebuild_search_index", stdout=None)
    assert SearchEntry.objects.count() == before
    assert paths(search(admin_user, "doi thoai")) == ["II.3"]


def test_search_command_json(
    capsys: pytest.CaptureFixture[str], minority_task: Task, unit_officer_b
) -> None:
    capsys.readouterr()
    assert theodoi_main(["search", "dan toc thieu so", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    first = payload["results"][0]
    assert {"kind", "document", "path", "snippet"} <= set(first)
    assert (first["kind"], first["document"], first["path"]) == (
        "task",
        minority_task.document_id,
        "II.4",
    )
    assert theodoi_main(["search", "dan toc thieu so", "--json", "--user", "nobody"]) == 2


def test_page_and_api(
    client_for, admin_user, unit_officer_b, plan: Plan, minority_task: Task
) -> None:
    client = client_for(admin_user)
    page = client.get("/tim-kiem/", {"q": "dan toc thieu so"}).content.decode()
    assert "<mark>dân</mark>" in page and f"#nv-{minority_task.pk}" in page
    other_unit = plan.tasks[2].assignments.first().unit_id  # type: ignore[union-attr]
    filtered = client.get("/tim-kiem/", {"q": "dan toc thieu so", "don-vi": other_unit})
    assert f"#nv-{minority_task.pk}" not in filtered.content.decode()
    found = client.get("/api/search", {"q": "tuyen truyn"}).json()
    assert found["corrected"] == {"truyn": "truyen"}
    assert [r["path"] for r in found["results"]] == ["II.1"]
    tasks = client.get("/api/tasks", {"q": "dong bao"}).json()
    assert [t["id"] for t in tasks] == [minority_task.pk]
    documents = client.get("/api/documents", {"q": "ke hoach thu nghiem"}).json()
    assert [d["id"] for d in documents] == [plan.document.pk]
    assert client.get("/api/documents", {"q": "khong co gi ca zzz"}).json() == []
