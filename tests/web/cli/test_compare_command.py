"""`theodoi compare` with documents in the database (by number or id)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from theodoi.cli import main
from theodoi.documents.importing import store_parse_result
from theodoi.text.model import ParseResult
from theodoi.text.parse import parse_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "coverage"


@pytest.fixture
def stored(org, focal_officer):  # type: ignore[no-untyped-def]
    def store(name: str):  # type: ignore[no-untyped-def]
        result = parse_text((FIXTURES / name).read_text(encoding="utf-8")).to_json_dict()
        return store_parse_result(
            ParseResult.from_json_dict(result),
            actor=focal_officer,
            today=datetime.date(2025, 4, 10),
        ).document

    return store("ctr-tinh-uy.txt"), store("kh-ubnd.txt")


def test_compare_documents_by_number_and_id(stored, capsys) -> None:  # type: ignore[no-untyped-def]
    _, plan = stored
    assert main(["compare", "12-CTr/TU", str(plan.pk), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {p["a"]: p["b"] for p in data["pairs"]}["II.4"] == "II.1"
    assert data["uncovered_in_a"] == ["II.3", "II.5"]
    assert data["uncovered_in_b"] == ["II.4"]


def test_compare_unknown_document(stored, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["compare", "999/KH-UBND", "12-CTr/TU", "--json"]) == 2
    err = capsys.readouterr().err
    assert "999/KH-UBND" in err
