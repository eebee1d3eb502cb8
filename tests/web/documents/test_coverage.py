"""Coverage matrix, its .xlsx export and the comparison page, through the
database: fictional Hòa Lâm plans parsed and imported for real."""

from __future__ import annotations

import datetime
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.web.builders import Org
from theodoi.documents.actions import publish_plan
from theodoi.documents.coverage import children_of, plan_themes
from theodoi.documents.importing import store_parse_result
from theodoi.documents.models import Document
from theodoi.text.model import ParseResult
from theodoi.text.parse import parse_text

TODAY = datetime.date(2025, 4, 10)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "coverage"


def _store(name: str, actor: object, parent: Document | None = None) -> Document:
    result = parse_text((FIXTURES / name).read_text(encoding="utf-8")).to_json_dict()
    return store_parse_result(
        ParseResult.from_json_dict(result), actor=actor, parent=parent, today=TODAY
    ).document


@pytest.fixture
def cascade(org: Org, focal_officer) -> tuple[Document, Document, Document]:
    """A programme, the UBND plan carrying it out, and an unrelated plan
    attached under the programme by mistake (the case the old score rated
    fully covered)."""
    programme = _store("ctr-tinh-uy.txt", focal_officer)
    child = _store("kh-ubnd.txt", focal_officer)  # its title names 12-CTr/TU
    unrelated = _store("kh-an-toan-giao-thong.txt", focal_officer, parent=programme)
    return programme, child, unrelated


def test_themes_from_the_database_match_the_parse(cascade, focal_officer) -> None:
    programme, child, _ = cascade
    themes = plan_themes(programme)
    assert [t.path for t in themes.themes] == ["II.1", "II.2", "II.3", "II.4", "II.5"]
    assert [t.path for t in themes.themes[1].tasks] == ["II.2.a", "II.2.b"]
    from theodoi.documents.access import documents_for_user

    found = children_of(programme, documents_for_user(focal_officer))
    assert {d.pk for d in found} == {child.pk, cascade[2].pk}


def test_matrix_page_shows_each_theme_for_each_child(client_for, focal_officer, cascade) -> None:
    programme, child, unrelated = cascade
    page = client_for(focal_officer).get(reverse("documents:coverage", args=[programme.pk]))
    assert page.status_code == 200
    matrix = page.context["matrix"]
    columns = {s.child.pk: i for i, s in enumerate(matrix.children)}
    by_theme = {path: cells for path, _, cells in matrix.rows()}
    assert [by_theme[p][columns[child.pk]].status for p in ("II.1", "II.2", "II.3")] == [
        "covered",
        "partly",
        "missing",
    ]
    assert by_theme["II.4"][columns[child.pk]].partner_path == "II.1"
    unrelated_cells = [cells[columns[unrelated.pk]].status for cells in by_theme.values()]
    assert unrelated_cells.count("missing") >= 4
    assert "Một phần" in page.text and "45/KH-UBND" in page.text and "77/KH-UBND" in page.text


def test_detail_page_no_longer_rates_an_unrelated_plan_covered(
    client_for, focal_officer, cascade
) -> None:
    programme, _, unrelated = cascade
    publish_plan(focal_officer, programme, confirm_warnings=True)  # coverage: published plans
    page = client_for(focal_officer).get(reverse("documents:detail", args=[programme.pk]))
    assert page.status_code == 200
    summaries = {s.child.pk: s for s in page.context["cascade"].coverage}
    assert summaries[unrelated.pk].covered == 0
    assert summaries[cascade[1].pk].covered == 2
    assert reverse("documents:coverage", args=[programme.pk]) in page.text


def test_matrix_exports_to_xlsx(client_for, focal_officer, cascade) -> None:
    programme, child, _ = cascade
    response = client_for(focal_officer).get(
        reverse("documents:coverage_xlsx", args=[programme.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == str(programme)
    header = rows[1]
    column = header.index(str(child))
    body = {row[0]: row for row in rows[2:]}
    assert set(body) == {"II.1", "II.2", "II.3", "II.4", "II.5"}
    assert body["II.1"][column] == "Đã cụ thể hóa (II.2)"
    assert body["II.2"][column] == "Một phần (II.3)"
    assert body["II.3"][column] == "Chưa có"


def test_compare_page_pairs_two_plans(client_for, focal_officer, cascade) -> None:
    programme, child, _ = cascade
    client = client_for(focal_officer)
    empty = client.get(reverse("documents:compare"))
    assert empty.status_code == 200 and "comparison" not in empty.context
    page = client.get(reverse("documents:compare"), {"a": programme.pk, "b": child.pk})
    assert page.status_code == 200
    comparison = page.context["comparison"]
    mapping = {p.a.path: p.b.path if p.b else None for p in comparison.pairs}
    assert mapping == {"II.1": "II.2", "II.2": "II.3", "II.3": None, "II.4": "II.1", "II.5": None}
    assert [t.path for t in comparison.uncovered_in_b] == ["II.4"]
    assert "phòng cháy" in page.text  # the child's own theme, listed apart


def test_pages_hide_documents_the_user_may_not_see(client_for, unit_officer_b, cascade) -> None:
    programme, child, _ = cascade  # drafts of the focal agency
    client = client_for(unit_officer_b)
    assert client.get(reverse("documents:coverage", args=[programme.pk])).status_code == 404
    assert client.get(reverse("documents:coverage_xlsx", args=[programme.pk])).status_code == 404
    page = client.get(reverse("documents:compare"), {"a": programme.pk, "b": child.pk})
    assert page.status_code == 404


def test_coverage_pages_in_english(client_for, focal_officer, cascade) -> None:
    from tests.web.test_english_pages import _data_values, _english, untranslated
    from theodoi.plans.models import OutlineNode

    programme, child, _ = cascade
    client = _english(client_for(focal_officer))
    values = {*_data_values(), *OutlineNode.objects.values_list("heading", flat=True)}
    # the pages cut long titles and headings (truncatechars): the cut forms are data too
    values |= {v[: n - 1] for v in list(values) for n in (60, 70, 90, 140, 160) if len(v) > n}
    data = sorted(values, key=len, reverse=True)
    urls = [
        reverse("documents:coverage", args=[programme.pk]),
        reverse("documents:compare") + f"?a={programme.pk}&b={child.pk}",
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert '<html lang="en">' in html
        assert untranslated(html, data) == [], url
