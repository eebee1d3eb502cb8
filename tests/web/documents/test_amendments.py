"""A new version of a published plan: imported, compared, published over the
old one, with the reports on unchanged tasks kept; a re-import is never
silently a duplicate; a number belongs to its issuer."""

from __future__ import annotations

import datetime

import pytest

from tests.web.builders import Org
from tests.web.documents.results import parse_result
from theodoi.audit.models import AuditEvent
from theodoi.documents.actions import publish_plan
from theodoi.documents.amendments import amended_document, task_changes, versions
from theodoi.documents.importing import ImportInputError, SourceFile, store_parse_result
from theodoi.documents.models import Document, DocumentLink, DocumentState, LinkRelation
from theodoi.reporting.models import ReviewState, TaskReport
from theodoi.text.model import ParseResult

TODAY = datetime.date(2025, 11, 20)


def store(result, actor, **kwargs):
    return store_parse_result(
        ParseResult.from_json_dict(result), actor=actor, today=TODAY, **kwargs
    ).document


def published(actor, **changes) -> Document:
    document = store(parse_result(**changes), actor)
    return publish_plan(actor, document, confirm_warnings=True)


def revised() -> dict:
    """The 45/KH-UBND text revised: II.1 reworded, II.2 unchanged but
    renumbered II.4, II.3.b removed, a new task II.5 added."""
    result = parse_result()
    tasks = result["tasks"]
    tasks[0]["text"] = (
        "Đẩy mạnh tuyên truyền về công tác dân vận trên báo chí và mạng xã hội địa phương"
    )
    tasks[1]["path"] = "II.4"
    del tasks[3]
    tasks.append(
        dict(
            tasks[0],
            path="II.5",
            text="Số hóa hồ sơ công tác dân vận của các xã",
            lead=["Sở TT&TT"],
        )
    )
    return result


def by_kind(changes) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for change in changes:
        task = change.new or change.old
        out.setdefault(change.kind, set()).add(task.path)
    return out


def test_amendment_round_trip_keeps_reports_on_unchanged_tasks(
    org: Org, personas, focal_officer
) -> None:
    old = published(focal_officer)
    period = old.reporting_obligations.first().periods.get(year=2025)
    renumbered = old.tasks.get(path="II.2")
    reworded = old.tasks.get(path="II.1")
    kept = TaskReport.objects.create(
        task=renumbered, unit=org.justice, period=period, review_state=ReviewState.SUBMITTED
    )
    stays = TaskReport.objects.create(task=reworded, unit=org.information, period=period)

    new = store(revised(), focal_officer)  # same number, same issuer: a new version
    assert new.pk != old.pk and new.state == DocumentState.DRAFT
    assert amended_document(new) == old
    assert by_kind(task_changes(old, new)) == {
        "changed": {"II.1"},
        "unchanged": {"II.4", "II.3.a"},
        "added": {"II.5"},
        "removed": {"II.3.b"},
    }

    publish_plan(focal_officer, new, confirm_warnings=True)
    old.refresh_from_db()
    assert old.state == DocumentState.SUPERSEDED
    assert DocumentLink.objects.filter(
        source=new, target=old, relation=LinkRelation.SUPERSEDES
    ).exists()
    kept.refresh_from_db()
    assert kept.task.document == new and kept.task.path == "II.4"
    assert kept.period.obligation.document == new and kept.period.year == 2025
    assert kept.review_state == ReviewState.SUBMITTED
    stays.refresh_from_db()
    assert stays.task == reworded  # a changed task's report stays in the old version's history
    assert versions(new) == [new, old] == versions(old)
    event = AuditEvent.objects.filter(action="document.publish").latest("id")
    assert event.changes["supersedes"]["reports_moved"] == 1


def test_document_page_shows_the_versions(client_for, org: Org, personas, focal_officer) -> None:
    from django.urls import reverse

    old = published(focal_officer)
    new = publish_plan(focal_officer, store(revised(), focal_officer), confirm_warnings=True)
    page = client_for(focal_officer).get(reverse("documents:detail", args=[old.pk]))
    assert page.status_code == 200
    assert reverse("documents:detail", args=[new.pk]) in page.text
    assert "Đã được thay thế" in page.text


def test_plan_amending_a_cited_plan_is_a_new_version(org: Org, personas, focal_officer) -> None:
    old = published(focal_officer)
    result = revised()
    result["document"].update(
        number="60/KH-UBND",
        title="Sửa đổi, bổ sung Kế hoạch số 45/KH-UBND về công tác dân vận",
        references=["45/KH-UBND"],
        implements=["12-CTr/TU"],
    )
    new = store(result, focal_officer)
    assert amended_document(new) == old


def test_undated_unnumbered_re_import_is_never_a_silent_duplicate(
    org: Org, personas, focal_officer
) -> None:
    result = parse_result(number=None, date=None)
    source = SourceFile("ke-hoach.txt", b"noi dung ke hoach")
    store(result, focal_officer, source=source)
    with pytest.raises(ImportInputError, match="đã được nhập"):
        store(parse_result(number=None, date=None), focal_officer, source=source)
    with pytest.raises(ImportInputError, match="đã có trong hệ thống"):  # same text, other file
        store(parse_result(number=None, date=None), focal_officer)
    assert Document.objects.exclude(state=DocumentState.PLACEHOLDER).count() == 1


def test_undated_re_import_of_a_published_plan_takes_the_amendment_path(
    org: Org, personas, focal_officer
) -> None:
    old = published(focal_officer, number=None, date=None)
    new = store(parse_result(number=None, date=None), focal_officer)
    assert amended_document(new) == old


def test_unit_cannot_claim_another_issuers_number_or_placeholder(
    org: Org, personas, focal_officer, unit_officer_a
) -> None:
    store(parse_result(number="70/KH-UBND", implements=["88/KH-UBND"]), focal_officer)
    placeholder = Document.objects.get(number="88/KH-UBND")
    assert placeholder.state == DocumentState.PLACEHOLDER
    claim = parse_result(number="88/KH-UBND", implements=[], references=[])
    with pytest.raises(ImportInputError, match="chính đơn vị ban hành"):
        store(claim, unit_officer_a)
    placeholder.refresh_from_db()
    assert placeholder.state == DocumentState.PLACEHOLDER


def test_a_number_held_by_another_units_draft_is_refused_without_revealing_it(
    org: Org, personas, unit_officer_a, unit_officer_b
) -> None:
    own = parse_result(number="9/KH-STP", issuer="Sở Tư pháp", implements=[], references=[])
    draft = store(own, unit_officer_a)
    other = parse_result(
        number="9/KH-STP", issuer=org.district_a.name, implements=[], references=[]
    )
    with pytest.raises(ImportInputError) as refused:
        store(other, unit_officer_b)
    message = str(refused.value)
    assert str(draft.pk) not in message and "rà soát" not in message
    assert "9/KH-STP" in message
    with pytest.raises(ImportInputError, match=f"mã {draft.pk}"):  # its owner is told which
        store(own, unit_officer_a)


def test_superseded_version_keeps_its_dashboard_as_history(
    client_for, org: Org, personas, focal_officer
) -> None:
    from django.urls import reverse

    old = published(focal_officer)
    new = publish_plan(focal_officer, store(revised(), focal_officer), confirm_warnings=True)
    client = client_for(focal_officer)
    detail = client.get(reverse("documents:detail", args=[new.pk]))
    assert reverse("dashboards:entry", args=[old.pk]) in detail.text

    entry = client.get(reverse("dashboards:entry", args=[old.pk]))
    assert entry.status_code == 302
    page = client.get(entry["Location"])
    assert page.status_code == 200
    assert 'id="superseded-notice"' in page.text
    assert reverse("dashboards:entry", args=[new.pk]) in page.text

    listing = client.get(reverse("dashboards:index"))
    assert reverse("dashboards:entry", args=[new.pk]) in listing.text
    assert reverse("dashboards:entry", args=[old.pk]) not in listing.text
