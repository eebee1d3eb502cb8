"""The first day of a province, on the five seed plans (../shared/seeds, real
public documents, not copied here): the directory is imported, the restorer
learns its names, each plan is imported by an officer of its issuer (a local
plan by the template city's, since the seeds' own city is not in the fictional
directory), the officer settles every open name, and every plan publishes with
every task owned and one period per reporting year from its real start."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest

from tests.web.plans.test_seed_assignments import SEEDS, TEMPLATE, seed_files
from theodoi.accounts.models import User
from theodoi.documents.actions import publish_plan
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document, DocumentState
from theodoi.documents.publishing import unowned_paths, unresolved_names
from theodoi.orgunits.actions import import_directory
from theodoi.orgunits.directory import parse_rows
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.actions import decide_body
from theodoi.reporting.models import ReportingPeriod
from theodoi.reporting.timeline import plan_window
from theodoi.text.readers.sheet import read_sheet

TODAY = datetime.date(2025, 11, 20)


def _officer(code: str) -> User:
    unit = OrgUnit.objects.get(code=code)
    return User.objects.get_or_create(username=f"can-bo-{code}", defaults={"org_unit": unit})[0]


def _settle_open_names(document: Document) -> None:
    """What the officer does on the review screen: confirm a suggestion, create a
    body the directory lacks, ignore a vague phrase."""
    notes = document.parse_result["import_notes"]
    entries = {entry["name"]: entry for entry in notes["resolution"]}
    for name in unresolved_names(document):
        entry = entries.get(name, {})
        suggested = list(OrgUnit.objects.filter(pk__in=entry.get("suggestions") or []))
        if suggested:
            decide_body(None, document, name, "confirm", units=suggested[:1])
        elif entry.get("method") in {"unknown", "ambiguous"}:
            decide_body(None, document, name, "create", kind="other")
        else:
            decide_body(None, document, name, "ignore")


@pytest.mark.skipif(not seed_files(), reason=f"seed plans not found in {SEEDS}")
def test_every_seed_publishes_with_every_task_owned() -> None:
    from theodoi.documents.adaptation import rebuild
    from theodoi.documents.parsing import parse_path

    import_directory(None, parse_rows(read_sheet(TEMPLATE)))
    rebuild()  # as the directory import schedules it: the restorer learns the names
    for path in seed_files():
        result, text = parse_path(path)
        info = result.document
        local = info.level in ("city", "district")
        branch = "thanh-uy-lam-giang" if info.issuer_type == "party" else "ubnd-tp-lam-giang"
        actor = _officer(branch) if local else None
        document = store_parse_result(result, actor=actor, source_text=text, today=TODAY).document
        units = OrgUnit.objects.count()
        _settle_open_names(document)
        if local:  # the city's bodies are all in the directory: nothing to create
            assert OrgUnit.objects.count() == units, path.name
        assert unowned_paths(document) == [], path.name
        if document.focal_agency is not None:
            _officer(document.focal_agency.code)  # the focal agency has an officer
        publish_plan(None, document, confirm_warnings=True)
        document.refresh_from_db()
        assert document.state == DocumentState.PUBLISHED

        periods = list(ReportingPeriod.objects.filter(obligation__document=document))
        assert periods, path.name
        per_line = Counter((p.obligation_id, p.year) for p in periods)
        assert max(per_line.values()) == 1, path.name  # one period per year and line
        window = plan_window(
            date=document.date, title=document.title, source_text=text, today=TODAY, default_years=5
        )
        assert min(p.year for p in periods) == window.start.year, path.name
        assert all(p.due_date >= p.end for p in periods), path.name
