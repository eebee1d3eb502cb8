"""The document graph: each document linked to its direct parent, placeholders
filled when the document arrives, ``theodoi graph --json``, the cascade page
and the document list's placeholder filter."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from tests.web.builders import Org, Plan
from tests.web.documents.results import parse_result
from theodoi.cli import main as theodoi_main
from theodoi.documents.actions import import_document
from theodoi.documents.importing import SourceFile, store_parse_result
from theodoi.documents.models import Document, DocumentLink, DocumentState, LinkRelation
from theodoi.text.model import ParseResult

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
TODAY = datetime.date(2025, 11, 20)


def store(result: dict[str, Any], **kwargs: Any) -> Document:
    return store_parse_result(ParseResult.from_json_dict(result), today=TODAY, **kwargs).document


def parent_numbers(document: Document) -> list[str]:
    return [d.number for d in document.implemented()]


def graph_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    capsys.readouterr()
    assert theodoi_main(["graph", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def hoa_lam_cascade(org: Org) -> dict[str, Document]:
    """Province plan 45/KH-UBND → programme 12-CTr/TU → resolution 43-NQ/TW,
    a district plan carrying out the province plan, and a department's plan."""
    province = store(parse_result())
    district = store(
        parse_result(
            number="88/KH-UBND",
            issuer="Ủy ban nhân dân huyện Đông Sơn",
            level="district",
            title="Thực hiện Kế hoạch số 45/KH-UBND của UBND tỉnh",
            implements=["45/KH-UBND", "12-CTr/TU", "43-NQ/TW"],
            references=["45/KH-UBND", "12-CTr/TU", "43-NQ/TW"],
        )
    )
    department = store(
        parse_result(number="15/KH-STP", issuer="Sở Tư pháp", level="", implements=[]),
        parent=province,
    )
    return {
        "province": province,
        "district": district,
        "department": department,
        "programme": Document.objects.get(number="12-CTr/TU"),
        "resolution": Document.objects.get(number="43-NQ/TW"),
    }


def test_each_document_links_to_its_direct_parent(org: Org) -> None:
    docs = hoa_lam_cascade(org)
    assert parent_numbers(docs["district"]) == ["45/KH-UBND"]
    assert parent_numbers(docs["department"]) == ["45/KH-UBND"]
    assert parent_numbers(docs["province"]) == ["12-CTr/TU"]
    assert parent_numbers(docs["programme"]) == ["43-NQ/TW"]
    assert parent_numbers(docs["resolution"]) == []
    # the grandparents stay cited, not implemented
    cited = docs["district"].outgoing_links.filter(relation=LinkRelation.REFERENCES)
    assert {link.target.number for link in cited} == {"12-CTr/TU", "43-NQ/TW"}


def test_placeholder_is_filled_and_keeps_its_children(org: Org) -> None:
    docs = hoa_lam_cascade(org)
    programme = store(
        parse_result(
            kind="chuong_trinh",
            number="12-CTr/TU",
            issuer="Tỉnh ủy Hòa Lâm",
            issuer_type="party",
            title="Chương trình hành động thực hiện Nghị quyết số 43-NQ/TW",
            implements=["43-NQ/TW"],
            references=["43-NQ/TW", "09/2019/NĐ-CP"],
        )
    )
    assert programme.pk == docs["programme"].pk and not programme.is_placeholder
    assert parent_numbers(programme) == ["43-NQ/TW"]
    assert parent_numbers(Document.objects.get(pk=docs["province"].pk)) == ["12-CTr/TU"]
    assert DocumentLink.objects.filter(source=programme).count() == 2


def test_graph_json_whole_and_cascade(org: Org, capsys: pytest.CaptureFixture[str]) -> None:
    docs = hoa_lam_cascade(org)
    other = store(parse_result(number="9/KH-UBND", implements=["77-CTr/TU"], references=[]))
    whole = graph_json(capsys)
    nodes = {node["id"]: node for node in whole["nodes"]}
    assert set(nodes) >= {d.pk for d in docs.values()} | {other.pk}
    assert set(nodes[docs["province"].pk]) >= {
        "id",
        "number",
        "kind",
        "issuer",
        "title",
        "placeholder",
    }
    assert nodes[docs["programme"].pk]["placeholder"] is True
    assert nodes[docs["province"].pk]["placeholder"] is False
    implements = {(e["from"], e["to"]) for e in whole["edges"] if e["kind"] == "implements"}
    assert (docs["district"].pk, docs["province"].pk) in implements
    assert (docs["district"].pk, docs["resolution"].pk) not in implements
    assert (docs["programme"].pk, docs["resolution"].pk) in implements
    assert any(e["kind"] == "references" for e in whole["edges"])

    cascade = graph_json(capsys, "45/KH-UBND")
    ids = {node["id"] for node in cascade["nodes"]}
    assert ids == {d.pk for d in docs.values()}  # up to the resolution, down to the units
    assert other.pk not in ids
    levels = {node["id"]: node["level"] for node in cascade["nodes"]}
    assert levels[docs["resolution"].pk] == "central"
    assert levels[docs["district"].pk] == "district"
    assert levels[docs["department"].pk] == "unit"


def test_graph_command_refuses_an_unknown_document(
    org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    assert theodoi_main(["graph", "999/KH-XYZ", "--json"]) == 2
    assert "999/KH-XYZ" in capsys.readouterr().err


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed documents are not at {SEEDS}")
def test_the_five_seeds_form_the_cascade(org: Org, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(SEEDS.glob("*.txt"))
    if len(files) < 5:
        pytest.skip(f"five seed documents expected in {SEEDS}, found {len(files)}")
    seeds = [
        import_document(None, SourceFile(path.name, path.read_bytes())).document
        for path in files[:5]
    ]
    kien_giang, city, tay_ninh, hau_giang, kon_tum = seeds
    assert parent_numbers(kien_giang) == ["51-CTr/TU"]
    assert parent_numbers(city) == ["51-CTr/TU"]  # the city committee carries out the programme
    assert parent_numbers(tay_ninh) == ["233-CTr/TU"]
    assert parent_numbers(hau_giang) == ["43-NQ/TW"]  # itself the province's programme
    assert parent_numbers(kon_tum) == ["80-CTr/TU"]
    for number in ("51-CTr/TU", "233-CTr/TU", "80-CTr/TU"):
        programme = Document.objects.get(number=number)
        assert programme.is_placeholder and programme.kind == "chuong_trinh"
        assert parent_numbers(programme) == ["43-NQ/TW"], number
    resolution = Document.objects.get(number="43-NQ/TW")
    cascade = graph_json(capsys, str(resolution.pk))
    ids = {node["id"] for node in cascade["nodes"]}
    assert {d.pk for d in seeds} <= ids
    levels = {node["id"]: node["level"] for node in cascade["nodes"]}
    assert levels[resolution.pk] == "central" and levels[city.pk] == "district"
    assert levels[kien_giang.pk] == "province"


def test_cascade_page_draws_levels_and_progress(
    client_for, org: Org, focal_officer, plan: Plan, now: datetime.datetime
) -> None:
    parent = Document.objects.create(number="12-CTr/TU", kind="chuong_trinh", state="placeholder")
    DocumentLink.objects.create(
        source=plan.document, target=parent, relation=LinkRelation.IMPLEMENTS
    )
    root = Document.objects.create(number="43-NQ/TW", kind="nghi_quyet", state="placeholder")
    DocumentLink.objects.create(source=parent, target=root, relation=LinkRelation.IMPLEMENTS)
    page = client_for(focal_officer).get(f"/van-ban/{plan.document.pk}/so-do/")
    assert page.status_code == 200
    html = page.content.decode()
    for document in (plan.document, parent, root):
        assert f'data-id="{document.pk}"' in html
        assert f'href="/van-ban/{document.pk}/"' in html
    assert 'data-tier="central"' in html and "Trung ương" in html
    assert "0/3 nhiệm vụ hoàn thành (0%)" in html
    assert "graph-placeholder" in html


def test_cascade_page_hides_drafts_of_other_agencies(
    client_for, org: Org, focal_officer, unit_officer_b, plan: Plan
) -> None:
    draft = store(parse_result(), actor=focal_officer)
    assert draft.state == DocumentState.DRAFT
    mine = client_for(focal_officer).get("/van-ban/so-do/").content.decode()
    theirs = client_for(unit_officer_b).get("/van-ban/so-do/").content.decode()
    assert f'data-id="{draft.pk}"' in mine
    assert f'data-id="{draft.pk}"' not in theirs
    assert client_for(unit_officer_b).get(f"/van-ban/{draft.pk}/so-do/").status_code == 404


def test_document_list_puts_placeholders_apart(
    client_for, org: Org, admin_user, plan: Plan
) -> None:
    plan_45 = store(parse_result())  # cites 12-CTr/TU, 43-NQ/TW, 09/2019/NĐ-CP
    cited = Document.objects.get(number="12-CTr/TU")
    client = client_for(admin_user)
    html = client.get("/van-ban/").content.decode()
    real = html.index(f'href="/van-ban/{plan_45.pk}/"')
    heading = html.index("Văn bản được dẫn chiếu, chưa tải lên")
    assert real < heading < html.index(f'href="/van-ban/{cited.pk}/"')
    only_real = client.get("/van-ban/?hien-thi=that").content.decode()
    assert "45/KH-UBND" in only_real and "123/KH-UBND" in only_real
    assert f'href="/van-ban/{cited.pk}/"' not in only_real
    placeholders = client.get("/van-ban/?hien-thi=chua-co").content.decode()
    assert f'href="/van-ban/{cited.pk}/"' in placeholders
    assert f'href="/van-ban/{plan_45.pk}/"' not in placeholders
