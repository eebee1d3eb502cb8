"""A scanned city plan whose header was lost: its bodies without a place stay
open until the officer corrects the issuer; then they are the city's, and the
officer's own decisions stay (fictional plan, real database)."""

from __future__ import annotations

from tests.web.documents.test_implied_owners import CITY_PLAN, TEMPLATE, owners
from theodoi.audit.models import AuditEvent
from theodoi.documents.actions import update_document
from theodoi.documents.importing import store_parse_result
from theodoi.orgunits.actions import import_directory
from theodoi.orgunits.directory import parse_rows
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.actions import decide_body
from theodoi.text.model import ParseResult
from theodoi.text.parse import parse_text
from theodoi.text.readers.sheet import read_sheet

#: The plan as a scan without its first lines: no issuer, number or date.
HEADLESS = "\n".join(CITY_PLAN.splitlines()[3:]).replace("T/M THÀNH ỦY", "")


def test_correcting_the_issuer_reads_the_bodies_again_in_its_locality() -> None:
    import_directory(None, parse_rows(read_sheet(TEMPLATE)))
    result = parse_text(HEADLESS, source_name="scan.txt").to_json_dict()
    document = store_parse_result(ParseResult.from_json_dict(result)).document
    assert document.issuer_unit is None
    assert owners(document, "III.4") == set()  # "Ban Tuyên giáo Thành ủy": whose?
    notes = document.parse_result["import_notes"]
    assert "Ban Tuyên giáo Thành ủy" in notes["unresolved"]
    other = OrgUnit.objects.get(code="ubnd-h-dong-son")
    decide_body(None, document, "Ủy ban nhân dân thành phố", "pick", units=[other])

    update_document(None, document, issuer="Thành ủy Lâm Giang")

    document.refresh_from_db()
    assert document.issuer_unit is not None and document.issuer_unit.code == "thanh-uy-lam-giang"
    assert owners(document, "III.4") == {"ban-tuyen-giao-thanh-uy-lam-giang"}
    found = owners(document, "II.1-2")
    assert {"ban-tuyen-giao-thanh-uy-lam-giang", "mttq-tp-lam-giang"} <= found
    assert "ubnd-h-dong-son" in found and "ubnd-tp-lam-giang" not in found  # the pick stays
    notes = document.parse_result["import_notes"]
    assert "Ban Tuyên giáo Thành ủy" not in notes["unresolved"]
    methods = {entry["name"]: entry["method"] for entry in notes["resolution"]}
    assert methods["Ủy ban nhân dân thành phố"] == "confirmed"
    assert methods["Ban Tuyên giáo Thành ủy"] == "level"
    event = AuditEvent.objects.filter(action="document.resolve_again").get()
    assert event.changes["made"] > 0


def test_other_corrections_leave_the_assignments_alone() -> None:
    import_directory(None, parse_rows(read_sheet(TEMPLATE)))
    result = parse_text(CITY_PLAN, source_name="lam-giang.txt").to_json_dict()
    document = store_parse_result(ParseResult.from_json_dict(result)).document
    before = owners(document, "II.1-2")
    update_document(None, document, title="Kế hoạch về văn hóa đọc (sửa)")
    assert owners(document, "II.1-2") == before
    assert not AuditEvent.objects.filter(action="document.resolve_again").exists()
