"""``ParseResult.from_json_dict`` is the inverse of ``to_json_dict``, and it
refuses a result that does not follow the contract, naming where.

The importer works on the typed result only, so whatever a person or the
child process wrote comes through this one door.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from theodoi.text.model import (
    DocumentInfo,
    Doubt,
    Horizon,
    OutlineNode,
    ParseResult,
    Reporting,
    Task,
    Timing,
)
from theodoi.text.parse import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLANS = sorted(FIXTURES.rglob("*.txt"))


def _round_trip(result: ParseResult) -> None:
    data = result.to_json_dict()
    assert ParseResult.from_json_dict(copy.deepcopy(data)).to_json_dict() == data


def fictional_plan() -> ParseResult:
    """Kế hoạch 7/KH-UBND of the fictional town Lâm Giang, every field used."""
    section = OutlineNode("roman", "II", "NHIỆM VỤ TRỌNG TÂM", "II")
    first = OutlineNode("number", "1", "Chuyển đổi số", "II.1", parent=section)
    first.children = [OutlineNode("letter", "a", "", "II.1.a", parent=first)]
    section.children = [first, OutlineNode("bullet", "-", "Rà soát", "II.2", parent=section)]
    return ParseResult(
        source="ke-hoach-7-lam-giang.docx",
        restored=True,
        document=DocumentInfo(
            kind="ke_hoach",
            number="7/KH-UBND",
            issuer="Ủy ban nhân dân thành phố Lâm Giang",
            issuer_type="government",
            level="city",
            place="Lâm Giang",
            date="2026-01-15",
            title="Chuyển đổi số thành phố Lâm Giang giai đoạn 2026–2030",
            implements=["3-NQ/TU"],
            references=["3-NQ/TU", "15/KH-UBND"],
            issuer_parent="UBND tỉnh Hòa Lâm",
            draft=False,
            horizon=Horizon("giai đoạn 2026–2030", 2026, 2030),
        ),
        focal_agency="Phòng Văn hóa, Khoa học và Thông tin",
        reporting=[
            Reporting("Các phòng, ban thành phố", "UBND thành phố", None, "quarterly", "03-20"),
            Reporting("UBND các xã, phường", None, None, "once", None),
        ],
        outline=[OutlineNode("roman", "I", "MỤC ĐÍCH", "I"), section],
        tasks=[
            Task(
                path="II.1.a",
                section="NHIỆM VỤ TRỌNG TÂM",
                text="Xây dựng kho dữ liệu dùng chung của thành phố",
                lead=["Phòng Văn hóa, Khoa học và Thông tin"],
                coordinating=["Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND thành phố"],
                timing=Timing("Quý III/2026", "quarter", "2026-07-01", "2026-09-30"),
                result="Kho dữ liệu được đưa vào sử dụng",
                source="table",
                confidence=0.62,
                confidence_parts={"text": 1.0, "timing": 0.9, "bodies": {"lead": 0.62}},
                doubts=[Doubt("body_unknown", "lead", "Tên cơ quan lạ", "Phòng VH", 0.62)],
            ),
            Task(
                path="II.2",
                section="NHIỆM VỤ TRỌNG TÂM",
                text="Rà soát thủ tục hành chính trực tuyến",
                implied_implementing=["UBND các xã, phường"],
                timing=Timing("tháng 5", "month", None, None, 5),
            ),
            Task(path="II.3", section="", text="Tuyên truyền", timing=Timing("x", "other")),
        ],
        warnings=["không tìm thấy ngày ban hành"],
        implementers=["Các phòng, ban thành phố", "UBND các xã, phường"],
    )


def test_a_fictional_plan_with_every_field_comes_back_the_same() -> None:
    _round_trip(fictional_plan())


def test_the_typed_objects_come_back_too() -> None:
    back = ParseResult.from_json_dict(fictional_plan().to_json_dict())
    assert back.document.horizon == Horizon("giai đoạn 2026–2030", 2026, 2030)
    assert back.tasks[0].timing == Timing("Quý III/2026", "quarter", "2026-07-01", "2026-09-30")
    assert back.tasks[0].doubts[0].part == "lead"
    assert back.reporting[0].from_ == "Các phòng, ban thành phố"
    section = back.outline[1]
    assert [n.kind for n in (back.outline[0], section, *section.children)] == [
        "roman",
        "roman",
        "number",
        "bullet",
    ]
    assert section.children[0].parent is section
    assert section.children[0].children[0].kind == "letter"


def test_there_are_fixture_plans() -> None:
    assert len(PLANS) >= 10


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_every_fixture_plan_comes_back_the_same(path: Path) -> None:
    _round_trip(parse_file(path))


def test_a_hand_written_result_takes_the_defaults() -> None:
    result = ParseResult.from_json_dict(
        {"document": {"number": "2/KH-UBND"}, "tasks": [{"text": "Tổ chức hội nghị"}]}
    )
    assert result.document.kind == "other"
    assert result.document.implements == []
    assert result.reporting == [] and result.outline == []
    task = result.tasks[0]
    assert (task.path, task.lead, task.timing, task.source) == ("", [], None, "body")


def _as_the_first_version_wrote(result: ParseResult) -> dict[str, Any]:
    """The JSON of the first parser (commit 96363e9): no confidence, doubts,
    implied bodies or plan implementers; no draft, issuer_parent or horizon."""
    data = result.to_json_dict()
    del data["implementers"]
    for key in ("draft", "issuer_parent", "horizon"):
        del data["document"][key]
    for task in data["tasks"]:
        for key in ("confidence", "confidence_parts", "doubts", "implied_implementing"):
            task.pop(key, None)
    return data


def test_a_result_stored_by_the_first_version_reads_with_the_defaults() -> None:
    """Documents imported long ago keep the JSON of their day; the web apps
    read them through the same door, so the fields added since take defaults."""
    old = ParseResult.from_json_dict(_as_the_first_version_wrote(fictional_plan()))
    assert old.implementers == []
    assert (old.document.draft, old.document.issuer_parent, old.document.horizon) == (
        False,
        None,
        None,
    )
    first, second = old.tasks[0], old.tasks[1]
    assert (first.confidence, first.confidence_parts, first.doubts) == (1.0, {}, [])
    assert second.implied_implementing == []
    assert first.lead == ["Phòng Văn hóa, Khoa học và Thông tin"]
    assert first.timing == Timing("Quý III/2026", "quarter", "2026-07-01", "2026-09-30")
    assert old.document.number == "7/KH-UBND" and old.warnings == ["không tìm thấy ngày ban hành"]


def test_a_timing_written_without_its_reading_is_kept_as_other() -> None:
    task = Task.from_json_dict({"text": "Họp", "timing": "Quý II/2026"})
    assert task.timing == Timing("Quý II/2026", "other")
    assert Task.from_json_dict({"text": "Họp", "timing": " "}).timing is None


def test_keys_outside_the_contract_are_ignored() -> None:
    data = fictional_plan().to_json_dict()
    stored = {**data, "import_notes": {"unresolved": []}, "source_text": "…"}
    assert ParseResult.from_json_dict(stored).to_json_dict() == data


# --- generated results ----------------------------------------------------------

NAMES = st.lists(st.sampled_from(["Sở Nội vụ", "UBND các xã", "Công an tỉnh", "Sở Y tế"]))
DATES = st.dates().map(lambda d: d.isoformat())
TIMINGS = st.one_of(
    st.none(),
    st.builds(Timing, st.text(min_size=1), st.sampled_from(["date", "year"]), DATES, DATES),
    st.builds(
        Timing, st.text(min_size=1), st.just("month"), st.none(), st.none(), st.integers(1, 12)
    ),
)
TASKS = st.builds(
    Task,
    path=st.text(max_size=8),
    section=st.text(max_size=20),
    text=st.text(min_size=1).filter(str.strip),
    lead=NAMES,
    coordinating=NAMES,
    implementing=NAMES,
    timing=TIMINGS,
    result=st.one_of(st.none(), st.text(min_size=1)),
    source=st.sampled_from(["body", "table"]),
    implied_implementing=NAMES,
    confidence=st.floats(0, 1),
)
RESULTS = st.builds(
    ParseResult,
    source=st.text(max_size=20),
    restored=st.booleans(),
    document=st.builds(
        DocumentInfo,
        number=st.one_of(st.none(), st.text(max_size=12)),
        date=st.one_of(st.none(), DATES),
        implements=NAMES,
        draft=st.booleans(),
        horizon=st.one_of(
            st.none(),
            st.builds(
                Horizon,
                st.text(max_size=20),
                st.one_of(st.none(), st.integers(1900, 2100)),
                st.integers(1900, 2100),
            ),
        ),
    ),
    focal_agency=st.one_of(st.none(), st.text(max_size=12)),
    reporting=st.lists(
        st.builds(
            Reporting,
            st.none(),
            st.just("UBND tỉnh"),
            st.none(),
            st.sampled_from(["annual", "monthly"]),
            st.none(),
        ),
        max_size=2,
    ),
    outline=st.just([]),
    tasks=st.lists(TASKS, max_size=4),
    warnings=st.lists(st.text(max_size=10), max_size=2),
    implementers=NAMES,
)


@settings(max_examples=60, deadline=None)
@given(RESULTS)
def test_any_result_comes_back_the_same(result: ParseResult) -> None:
    _round_trip(result)


# --- bad input ------------------------------------------------------------------


def _valid() -> dict[str, Any]:
    return fictional_plan().to_json_dict()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "the parse result is not a JSON object"),
        ({"tasks": []}, 'the parse result has no "document" object'),
        ({"document": []}, 'the parse result has no "document" object'),
        ({"document": {}}, 'the parse result has no "tasks" list'),
        ({"document": {}, "tasks": [{"text": " "}]}, "task 1 of the parse result has no text"),
        ({"document": {}, "tasks": ["Họp"]}, "task 1 of the parse result has no text"),
        (
            {"document": {}, "tasks": [], "outline": {}},
            '"outline" in the parse result is not a list',
        ),
        ({"document": {"date": "10/3/2025"}, "tasks": []}, "document date '10/3/2025' is not an"),
        ({"document": {"draft": "no"}, "tasks": []}, '"draft" in the "document" of the parse'),
        (
            {"document": {"implements": "3-NQ/TU"}, "tasks": []},
            '"implements" in the "document" of the parse result is not a list of strings',
        ),
        (
            {"document": {"horizon": {"text": "giai đoạn 2026–2030", "end": "2030"}}, "tasks": []},
            '"end" in the "horizon" of the "document" of the parse result is not a whole number',
        ),
        ({"document": {"horizon": "2030"}, "tasks": []}, '"horizon" in the "document" of'),
        (
            {"document": {}, "tasks": [], "reporting": [{"to": 5}]},
            '"to" in reporting duty 1 of the parse result is not a string',
        ),
        (
            {"document": {}, "tasks": [], "outline": [{"children": [3]}]},
            "child 1 of outline item 1 of the parse result is not a JSON object",
        ),
    ],
)
def test_bad_results_are_refused_saying_where(data: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        ParseResult.from_json_dict(data)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("lead", "Sở Nội vụ", '"lead" in task {n} of the parse result is not a list of strings'),
        ("coordinating", [None], '"coordinating" in task {n} .* is not a list of strings'),
        ("implementing", [1], '"implementing" in task {n} .* is not a list of strings'),
        ("implied_implementing", {}, '"implied_implementing" in task {n} .* list of strings'),
        ("text", 12, '"text" in task {n} of the parse result is not a string'),
        ("path", 2, '"path" in task {n} of the parse result is not a string'),
        ("timing", 2026, '"timing" in task {n} of the parse result is not a string'),
        ("timing_normalized", "year", '"timing_normalized" in task {n} .* not a JSON object'),
        ("source", "sheet", "\"source\" in task {n} .* 'sheet' is not one of body, table"),
        ("confidence", "high", '"confidence" in task {n} of the parse result is not a number'),
        ("confidence", True, '"confidence" in task {n} of the parse result is not a number'),
        ("doubts", [[]], "doubt 1 of task {n} of the parse result is not a JSON object"),
    ],
)
def test_a_bad_task_field_is_named_with_the_task_number(
    field: str, value: Any, message: str
) -> None:
    for number in (1, 3):
        data = _valid()
        data["tasks"][number - 1][field] = value
        with pytest.raises(ValueError, match=message.format(n=number)):
            ParseResult.from_json_dict(data)


@pytest.mark.parametrize(
    ("normalized", "message"),
    [
        ({"kind": "date", "end": "30/6/2026"}, "\"end\" in the timing of task 2 .* '30/6/2026'"),
        ({"kind": "date", "start": 2026}, '"start" in the timing of task 2 .* not a string'),
        ({"kind": "month", "month": 13}, '"month" in the timing of task 2 .* 13 is not a month'),
        ({"kind": 4}, '"kind" in the timing of task 2 of the parse result is not a string'),
    ],
)
def test_a_bad_timing_is_named_with_its_task(normalized: dict[str, Any], message: str) -> None:
    data = _valid()
    data["tasks"][1]["timing_normalized"] = normalized
    with pytest.raises(ValueError, match=message):
        ParseResult.from_json_dict(data)


JUNK = st.one_of(
    st.integers(),
    st.floats(allow_nan=False),
    st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2),
    st.lists(st.integers(), min_size=1, max_size=3),
)


@settings(max_examples=80, deadline=None)
@given(
    number=st.integers(1, 3),
    field=st.sampled_from(["lead", "coordinating", "implementing", "implied_implementing"]),
    junk=JUNK,
)
def test_any_junk_in_a_list_of_names_is_refused_naming_field_and_task(
    number: int, field: str, junk: Any
) -> None:
    data = _valid()
    data["tasks"][number - 1][field] = junk
    with pytest.raises(ValueError) as refused:
        ParseResult.from_json_dict(data)
    assert f'"{field}" in task {number} of the parse result' in str(refused.value)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=12).filter(lambda s: not _is_iso(s) and s.strip()))
def test_any_date_that_is_not_iso_is_refused(date: str) -> None:
    data = _valid()
    data["document"]["date"] = date
    with pytest.raises(ValueError, match="is not an ISO date"):
        ParseResult.from_json_dict(data)


def _is_iso(text: str) -> bool:
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
