"""Storing a parse result: document, outline, tasks, unit resolution,
links and placeholders, reporting periods — and nothing on failure."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError

from tests.web.builders import Org, same_name_in_each_district
from tests.web.documents.results import parse_result
from theodoi.audit.models import AuditEvent
from theodoi.documents.importing import (
    ImportInputError,
    SourceFile,
    read_parse_result,
    store_parse_result,
)
from theodoi.documents.models import Document, DocumentState, LinkRelation
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Assignment, OutlineNode, Task
from theodoi.reporting.models import ReportingObligation, ReportingPeriod

TODAY = datetime.date(2025, 11, 20)


def store(result, **kwargs):
    """Import the JSON a test holds, read at the boundary as the callers do."""
    return store_parse_result(read_parse_result(result), today=TODAY, **kwargs)


def roles_of(task: Task) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for assignment in task.assignments.select_related("unit"):
        out.setdefault(assignment.role, set()).add(assignment.unit.code)
    return out


def test_stores_document_outline_and_tasks(org: Org, focal_officer) -> None:
    outcome = store(parse_result(), actor=focal_officer)
    document = outcome.document
    assert document.state == DocumentState.DRAFT
    assert document.number == "45/KH-UBND"
    assert document.date == datetime.date(2025, 3, 10)
    assert document.issuer_unit == org.province
    assert document.focal_agency == org.home_affairs
    assert document.created_by == focal_officer
    assert OutlineNode.objects.filter(document=document).count() == 7
    node = OutlineNode.objects.get(document=document, path="II.3.a")
    assert node.parent is not None and node.parent.path == "II.3"
    tasks = list(document.tasks.order_by("position"))
    assert [t.path for t in tasks] == ["II.1", "II.2", "II.3.a", "II.3.b"]
    assert tasks[2].heading == "Đối thoại với Nhân dân"
    assert outcome.tasks == 4
    assert AuditEvent.objects.filter(action="document.import", target_id=str(document.pk)).exists()


def test_timing_is_read_into_task_fields(org: Org) -> None:
    document = store(parse_result()).document
    by_path = {t.path: t for t in document.tasks.all()}
    assert by_path["II.1"].timing_kind == "continuous"
    assert (by_path["II.2"].timing_kind, by_path["II.2"].due_quarter) == ("quarter", 2)
    assert by_path["II.2"].deadline == datetime.date(2025, 6, 30)
    assert by_path["II.3.a"].timing_kind == "annual"
    assert by_path["II.3.b"].due_date == datetime.date(2025, 6, 30)


def test_units_resolved_exact_alias_group_and_suggestions_are_not_assigned(org: Org) -> None:
    units_before = OrgUnit.objects.count()
    outcome = store(parse_result())
    tasks = {t.path: t for t in outcome.document.tasks.all()}
    # alias "Sở TT&TT" and exact "Sở Tư pháp"
    assert roles_of(tasks["II.1"]) == {"lead": {"so-tt-tt"}, "coordinating": {"so-tu-phap"}}
    # head title stripped; an OCR-damaged name is only suggested, not assigned
    assert roles_of(tasks["II.2"]) == {"lead": {"so-tu-phap"}}
    # a group expands to its members, remembered on the assignment
    group_assignments = Assignment.objects.filter(task=tasks["II.3.a"])
    assert {a.unit.code for a in group_assignments} == {"ubnd-dong-son", "ubnd-tay-giang"}
    assert {a.via_group_id for a in group_assignments} == {org.districts.pk}
    # an unknown body is listed for the officer; no unit is created by importing
    assert OrgUnit.objects.count() == units_before
    assert outcome.new_units == []
    assert roles_of(tasks["II.3.b"]) == {}
    notes = outcome.document.parse_result["import_notes"]
    methods = {r["name"]: r["method"] for r in notes["resolution"]}
    assert methods["Sở TT&TT"] in {"alias", "exact"}
    assert methods["Sở Thông tin và Truyền thônq"] == "fuzzy"
    suggested = {r["name"]: r["suggestions"] for r in notes["resolution"]}
    assert suggested["Sở Thông tin và Truyền thônq"] == [org.information.pk]
    assert methods["UBND các huyện, thị xã, thành phố"] == "group"
    assert methods["Trung tâm Phát triển cộng đồng Hòa Lâm"] == "unknown"
    assert outcome.unresolved == [
        "Sở Thông tin và Truyền thônq",
        "Trung tâm Phát triển cộng đồng Hòa Lâm",
    ]
    assert outcome.units == 4  # TT&TT, Tư pháp, two districts
    summary = outcome.summary()
    assert summary["created_units"] == [] and summary["unassigned_tasks"] == 1


def test_ambiguous_name_is_reported_unresolved(org: Org) -> None:
    same_name_in_each_district(org, "Phòng Nội vụ", "phong-noi-vu")
    result = parse_result()
    result["tasks"][0]["implementing"] = ["Phòng Nội vụ"]
    outcome = store(result)
    assert "Phòng Nội vụ" in outcome.unresolved
    assert "Phòng Nội vụ" in outcome.summary()["unresolved"]
    methods = {
        r["name"]: r["method"] for r in outcome.document.parse_result["import_notes"]["resolution"]
    }
    assert methods["Phòng Nội vụ"] == "ambiguous"


def test_links_and_placeholders(org: Org) -> None:
    document = store(parse_result()).document
    # The plan implements its direct parent only; the programme placeholder
    # carries the rest of the chain (it implements the resolution).
    assert [d.number for d in document.implemented()] == ["12-CTr/TU"]
    program = Document.objects.get(number="12-CTr/TU")
    assert program.state == DocumentState.PLACEHOLDER
    assert program.kind == "chuong_trinh"
    assert [d.number for d in program.implemented()] == ["43-NQ/TW"]
    assert Document.objects.get(number="43-NQ/TW").kind == "nghi_quyet"
    cited = document.outgoing_links.filter(relation=LinkRelation.REFERENCES)
    assert {link.target.number for link in cited} == {"43-NQ/TW", "09/2019/NĐ-CP"}


def test_real_document_takes_the_placeholders_place(org: Org) -> None:
    plan = store(parse_result()).document
    placeholder = Document.objects.get(number="12-CTr/TU")
    program = parse_result(
        kind="chuong_trinh",
        number="12-CTr/TU",
        issuer="Tỉnh ủy Hòa Lâm",
        issuer_type="party",
        implements=["43-NQ/TW"],
        references=["43-NQ/TW"],
    )
    outcome = store(program)
    assert outcome.replaced_placeholder
    assert outcome.document.pk == placeholder.pk
    assert outcome.document.state == DocumentState.DRAFT
    assert Document.objects.filter(number_key="12-CTR/TU").count() == 1
    assert plan.implemented()[0].pk == placeholder.pk
    assert outcome.document.tasks.count() == 4
    # the programme's own text now decides its parent: no duplicate link
    assert [d.number for d in outcome.document.implemented()] == ["43-NQ/TW"]


def test_importing_the_same_number_twice_is_refused(org: Org) -> None:
    store(parse_result())
    with pytest.raises(ImportInputError, match="đã có trong hệ thống"):
        store(parse_result())


def test_reporting_obligation_and_periods(org: Org) -> None:
    document = store(parse_result()).document
    obligation = ReportingObligation.objects.get(document=document)
    assert (obligation.due_month, obligation.due_day) == (12, 10)
    assert obligation.via_unit == org.home_affairs
    assert obligation.to_unit == org.province
    assert set(obligation.from_groups.all()) == {org.departments, org.districts}
    periods = list(ReportingPeriod.objects.filter(obligation=obligation))
    assert [p.year for p in periods] == [2025, 2026, 2027, 2028, 2029]
    assert periods[0].due_date == datetime.date(2025, 12, 10)


def test_failing_import_leaves_nothing(org: Org, settings, tmp_path, monkeypatch) -> None:
    """A row the database refuses late in the import (a quarter 7 breaks the
    task_quarter_1_to_4 check) rolls back everything before it, file included."""
    settings.MEDIA_ROOT = tmp_path
    before = (Document.objects.count(), OrgUnit.objects.count(), AuditEvent.objects.count())
    from theodoi.plans import timing_read

    def quarter_seven(timing):
        if timing is not None and timing.text == "hằng năm":
            return timing_read.TimingFields("quarter", timing.text, due_year=2025, due_quarter=7)
        return timing_read.read_timing(timing)

    monkeypatch.setattr("theodoi.documents.importing.read_timing", quarter_seven)
    with pytest.raises(IntegrityError):
        store(parse_result(), source=SourceFile("ke-hoach.docx", b"PK not really a docx"))
    after = (Document.objects.count(), OrgUnit.objects.count(), AuditEvent.objects.count())
    assert after == before
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("result", "message"),
    [
        ([], "not a JSON object"),
        ({"tasks": []}, 'no "document"'),
        ({"document": {}, "tasks": [{"path": "1", "text": " "}]}, "task 1"),
        ({"document": {"date": "10/3/2025"}, "tasks": []}, "not an ISO date"),
        (
            {"document": {}, "tasks": [{"text": "Họp"}, {"text": "Báo cáo", "lead": "Sở Y tế"}]},
            '"lead" in task 2 of the parse result is not a list of strings',
        ),
        ({"document": {}, "tasks": [], "reporting": [None]}, "reporting duty 1 .* not a JSON"),
    ],
)
def test_bad_results_are_refused(org: Org, result, message) -> None:
    with pytest.raises(ImportInputError, match=message):
        store(result)
    assert Document.objects.count() == 0


def test_the_document_keeps_the_json_form_with_the_import_notes(org: Org) -> None:
    result = read_parse_result(parse_result())
    stored = store_parse_result(result, source_text="Kế hoạch…", today=TODAY).document.parse_result
    assert stored.pop("source_text") == "Kế hoạch…"
    assert set(stored.pop("import_notes")) >= {"unresolved", "resolution", "implied"}
    assert stored == result.to_json_dict()


def test_collective_names_match_groups_or_kinds_and_vague_ones_stay_listed(org: Org) -> None:
    from theodoi.orgunits.models import UnitGroup

    result = parse_result()
    result["tasks"][0]["implementing"] = [
        "Các sở, ban, ngành, đơn vị thuộc tỉnh",
        "Ủy ban nhân dân cấp huyện",
        "Các cơ quan, đơn vị có liên quan",
    ]
    units_before, groups_before = OrgUnit.objects.count(), UnitGroup.objects.count()
    outcome = store(result)
    task = outcome.document.tasks.get(path="II.1")
    implementing = {a.unit for a in task.assignments.filter(role="implementing")}
    # the three departments and the two districts, through their groups
    assert implementing == {
        org.home_affairs,
        org.justice,
        org.information,
        org.district_a,
        org.district_b,
    }
    assert "Các cơ quan, đơn vị có liên quan" in outcome.unresolved
    # nothing invented: no unit, no group
    assert (OrgUnit.objects.count(), UnitGroup.objects.count()) == (units_before, groups_before)
