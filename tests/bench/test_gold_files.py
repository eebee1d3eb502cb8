"""The gold annotations are well-formed and the benchmark's scoring is right.

A benchmark is only as good as its gold and its arithmetic: these checks run
without the shared documents or the parser, so they are always on.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from bench.metrics import (
    TEXT_START_WORDS,
    body_set,
    match_tasks,
    normalize_reference,
    normalize_timing,
    score_document,
)

GOLD_DIR = Path(__file__).resolve().parents[2] / "bench" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

KINDS = {
    "ke_hoach",
    "chuong_trinh",
    "nghi_quyet",
    "ket_luan",
    "chi_thi",
    "quyet_dinh",
    "bao_cao",
    "other",
}
ISSUER_TYPES = {"party", "government", "front", "other"}
LEVELS = {"central", "province", "city", "district", "commune"}
RECURRENCES = {
    "annual",
    "semiannual",
    "quarterly",
    "monthly",
    "biweekly",
    "weekly",
    "once",
    "on_request",
    "periodic",
}
# Spec "Outline paths": Roman section, numbers, letters, "-N" for bullets;
# "PL." / "PL2." marks a task table in an appendix (bench/gold/README.md).
_BULLETS = r"(?:-\d+)*"
# "Đ2" is a task stated inside article 2 (Điều 2) of a decision or resolution.
PATH = re.compile(
    rf"^(?:Đ\d+|(?:PL\d*\.)?(?:[IVXLC]+|\d+){_BULLETS}(?:\.(?:\d+|[a-zđ]){_BULLETS})*)$"
)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DUE = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_gold_files_exist() -> None:
    names = {load(p)["name"] for p in GOLD_FILES}
    assert {"seed-002", "seed-004"} <= names
    assert sum(1 for p in GOLD_FILES if load(p)["held_out"]) >= 2


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_valid(path: Path) -> None:
    gold = load(path)
    assert gold["name"] == path.stem
    assert isinstance(gold["held_out"], bool)
    assert gold["source"]["root"] in {"seeds", "corpus", "fixtures"}
    assert gold["source"]["path"] and not gold["source"]["path"].startswith("/")
    variants = gold.get("variants", [])
    assert set(variants) <= {"docx", "pdf"}
    assert not variants or gold["source"]["path"].endswith(".txt"), "copies are made from text"
    if gold["source"].get("generator"):  # a scan we make: its generator is in the repository
        assert gold["source"]["root"] == "fixtures"
        assert (GOLD_DIR.parents[1] / gold["source"]["generator"]).is_file()
        from bench.scanned_decision import DAMAGES

        assert gold["source"].get("damage", "default") in DAMAGES
    elif gold["source"]["root"] == "fixtures":  # our own documents live in the repository
        assert (GOLD_DIR / "fixtures" / gold["source"]["path"]).is_file()

    doc = gold["document"]
    assert doc["kind"] in KINDS
    assert doc["issuer_type"] in ISSUER_TYPES
    assert doc["level"] in LEVELS
    assert doc["date"] is None or DATE.match(doc["date"])
    assert isinstance(doc["issuer"], str) and doc["issuer"]
    assert doc["place"] is None or isinstance(doc["place"], str)
    title = doc["title_start"]  # null only when the title is not in the text at all
    assert title is None or 1 <= len(title.split()) <= TEXT_START_WORDS
    own = normalize_reference(doc["number"]) if doc["number"] else None
    refs = [normalize_reference(r) for r in doc["references"]]
    assert own not in refs, "references never include the document's own number"
    assert len(refs) == len(set(refs)), "each reference once"
    assert {normalize_reference(r) for r in doc["implements"]} <= set(refs)

    assert gold["focal_agency"] is None or isinstance(gold["focal_agency"], str)
    for entry in gold["reporting"]:
        assert entry["recurrence"] in RECURRENCES
        assert entry["due"] is None or DUE.match(entry["due"])
        assert entry["from"] and entry["to"]

    paths = [task["path"] for task in gold["tasks"]]
    assert paths, "a gold document has tasks"
    assert len(paths) == len(set(paths)), "duplicate paths"
    for task in gold["tasks"]:
        assert PATH.match(task["path"]), task["path"]
        words = task["text_start"].split()
        assert 1 <= len(words) <= TEXT_START_WORDS, task["path"]
        for role in ("lead", "coordinating", "implementing"):
            assert isinstance(task[role], list), (task["path"], role)
            assert all(isinstance(n, str) and n.strip() for n in task[role]), task["path"]
        assert task["timing"] is None or isinstance(task["timing"], str)
        also = task.get("timing_also", [])
        assert all(isinstance(x, str) and x for x in also) and task["timing"] not in also


def test_path_syntax_examples() -> None:
    for good in (
        "III.2.2.a",
        "III.2.a-2",
        "III.1-3",
        "IV.2",
        "PL.V.23-4",
        "PL2.I.1",
        "II.3.đ",
        "Đ2",
    ):
        assert PATH.match(good), good
    for bad in ("III..2", "iii.2", "III.2.", "III.2.aa", "III 2", "III.-2", "Đ2.a"):
        assert not PATH.match(bad), bad


# -- scoring -----------------------------------------------------------------


def predicted_from(gold: dict[str, Any]) -> dict[str, Any]:
    """A parser output that agrees with ``gold`` in everything scored."""
    doc = gold["document"]
    return {
        "document": {
            "kind": doc["kind"],
            "number": doc["number"],
            "issuer": doc["issuer"],
            "issuer_type": doc["issuer_type"],
            "level": doc["level"],
            "place": doc["place"],
            "date": doc["date"],
            "title": (doc["title_start"] or "") + " và các nội dung khác",
            "implements": list(doc["implements"]),
            "references": list(doc["references"]),
        },
        "focal_agency": gold["focal_agency"],
        "reporting": copy.deepcopy(gold["reporting"]),
        "tasks": [
            {
                "path": t["path"],
                "text": t["text_start"] + " nội dung tiếp theo của nhiệm vụ",
                "lead": list(t["lead"]),
                "coordinating": list(t["coordinating"]),
                "implementing": list(t["implementing"]),
                "timing": t["timing"],
            }
            for t in gold["tasks"]
        ],
    }


@pytest.fixture
def gold() -> dict[str, Any]:
    return load(GOLD_DIR / "seed-004.json")


def test_perfect_prediction_scores_one(gold: dict[str, Any]) -> None:
    counts = score_document(gold, predicted_from(gold))
    assert counts.matched == len(gold["tasks"])
    assert counts.task_f1 == 1.0
    assert counts.path_accuracy == 1.0
    assert counts.responsibility_accuracy == 1.0
    assert counts.timing_accuracy == 1.0
    assert counts.reference_f1 == 1.0
    assert counts.metadata_accuracy == 1.0
    assert counts.reporting_f1 == 1.0
    assert counts.task_errors == []


def test_missing_task_lowers_recall_only(gold: dict[str, Any]) -> None:
    predicted = predicted_from(gold)
    del predicted["tasks"][3]
    counts = score_document(gold, predicted)
    n = len(gold["tasks"])
    assert counts.task_recall == pytest.approx((n - 1) / n)
    assert counts.task_precision == 1.0
    assert counts.task_f1 < 1.0
    assert any(e.startswith("missing " + gold["tasks"][3]["path"]) for e in counts.task_errors)


def test_extra_task_lowers_precision(gold: dict[str, Any]) -> None:
    predicted = predicted_from(gold)
    predicted["tasks"].append(
        {"path": "V.9", "text": "Một đoạn không phải nhiệm vụ", "lead": [], "coordinating": []}
    )
    counts = score_document(gold, predicted)
    assert counts.task_recall == 1.0
    assert counts.task_precision < 1.0


def test_wrong_lead_lowers_responsibility(gold: dict[str, Any]) -> None:
    predicted = predicted_from(gold)
    index = next(i for i, t in enumerate(gold["tasks"]) if t["lead"])
    predicted["tasks"][index]["lead"] = ["Sở Tài chính"]
    counts = score_document(gold, predicted)
    n = len(gold["tasks"])
    assert counts.task_f1 == 1.0
    assert counts.responsibility_accuracy == pytest.approx((n - 1) / n)
    assert counts.role_accuracy("lead") == pytest.approx((n - 1) / n)
    assert counts.role_accuracy("coordinating") == 1.0


def test_wrong_path_is_matched_by_text_and_lowers_path_accuracy(gold: dict[str, Any]) -> None:
    predicted = predicted_from(gold)
    predicted["tasks"][0]["path"] = "III.9-9"
    counts = score_document(gold, predicted)
    assert counts.task_f1 == 1.0
    assert counts.path_accuracy == pytest.approx((len(gold["tasks"]) - 1) / len(gold["tasks"]))


def test_same_path_with_other_text_is_not_a_match() -> None:
    gold_tasks = [{"path": "I.1", "text_start": "Tăng cường tuyên truyền"}]
    predicted = [{"path": "I.1", "text": "Kiện toàn bộ máy tổ chức các cơ quan"}]
    assert match_tasks(gold_tasks, predicted) == []


def test_repeated_openings_pair_in_order() -> None:
    gold_tasks = [
        {"path": "III.3-1", "text_start": "Thực hiện hiệu quả Nghị"},
        {"path": "III.4-1", "text_start": "Thực hiện hiệu quả Nghị"},
    ]
    predicted = [
        {"path": "x1", "text": "Thực hiện hiệu quả Nghị quyết số 26"},
        {"path": "x2", "text": "Thực hiện hiệu quả Nghị quyết số 27"},
    ]
    assert match_tasks(gold_tasks, predicted) == [(0, 0), (1, 1)]


def test_references_and_metadata(gold: dict[str, Any]) -> None:
    predicted = predicted_from(gold)
    predicted["document"]["references"] = predicted["document"]["references"][1:]
    predicted["document"]["level"] = "district"
    counts = score_document(gold, predicted)
    g = len(gold["document"]["references"])
    recall = (g - 1) / g
    assert counts.reference_f1 == pytest.approx(2 * recall / (1 + recall))
    assert counts.metadata_equal == counts.metadata_fields - 1
    assert any(w.startswith("level") for w in counts.metadata_wrong)


def test_failed_parse_output_scores_zero(gold: dict[str, Any]) -> None:
    counts = score_document(gold, {"document": {}, "tasks": []})
    assert counts.task_f1 == 0.0
    assert counts.reference_f1 == 0.0


def test_light_normalisation() -> None:
    assert body_set(["Ủy ban nhân dân các huyện, thành phố."]) == body_set(
        ["UBND các huyện, thành phố"]
    )
    assert body_set(["Văn phòng UBND tỉnh"]) == body_set(["văn phòng Uỷ ban nhân dân tỉnh"])
    assert body_set(["Sở Nội vụ"]) != body_set(["Sở Nội vụ", "Sở Tư pháp"])
    assert body_set(["Sở Tài chính"]) != body_set(["Sở Nội vụ"])
    assert normalize_reference("05-NQ-TU") == normalize_reference("05-NQ/TU")
    assert normalize_reference("49-CT /TW") == normalize_reference("49-CT/TW")
    assert normalize_reference("217-QD/TW") == normalize_reference("217-QĐ/TW")
    assert normalize_reference("43-NQ/TW") != normalize_reference("45-NQ/TW")
    assert normalize_timing("Quý IV năm 2026") == normalize_timing("quý IV/2026")
    assert normalize_timing("Thực hiện thường xuyên, lồng ghép") == "thường xuyên"
    assert normalize_timing("Quý I/2027") != normalize_timing("Quý II/2027")
    assert normalize_timing(None) is None


def test_benchmark_helpers_on_real_files(tmp_path: Path) -> None:
    """The speed part's .docx maker and raw reader agree, and fixtures resolve."""
    from bench.extraction import load_gold, make_docx, read_docx_raw, source_path

    target = tmp_path / "plan.docx"
    make_docx("KẾ HOẠCH\n\n1. Rà soát tủ sách\n- Cơ quan chủ trì: Sở Văn hóa\n", target)
    assert read_docx_raw(target).splitlines() == [
        "KẾ HOẠCH",
        "1. Rà soát tủ sách",
        "- Cơ quan chủ trì: Sở Văn hóa",
    ]
    fixtures = [
        g
        for g in load_gold()
        if g["source"]["root"] == "fixtures" and not g["source"].get("generator")
    ]
    assert fixtures and all(source_path(g).is_file() for g in fixtures)


def test_label_left_in_predicted_text_still_pairs() -> None:
    gold_tasks = [{"path": "III.2.2.a", "text_start": "Tiếp tục hoàn thiện và"}]
    predicted = [{"path": "III.2.2", "text": "a) Tiếp tục hoàn thiện và cụ thể hóa"}]
    assert match_tasks(gold_tasks, predicted) == [(0, 0)]


def test_alternative_timing_is_accepted() -> None:
    gold = load(GOLD_DIR / "gazette-nq-97.json")
    task = next(t for t in gold["tasks"] if t.get("timing_also"))
    predicted = predicted_from(gold)
    index = gold["tasks"].index(task)
    predicted["tasks"][index]["timing"] = task["timing_also"][0]
    assert score_document(gold, predicted).timing_accuracy == 1.0
    predicted["tasks"][index]["timing"] = "Quý I/2031"
    assert score_document(gold, predicted).timing_accuracy < 1.0


def test_readme_lists_every_gold_file_with_its_task_count() -> None:
    """The README's table is how people find the gold; it must not drift."""
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    for path in GOLD_FILES:
        gold = load(path)
        row = next((line for line in readme.splitlines() if f"`{path.name}`" in line), None)
        assert row is not None, f"{path.name} missing from README"
        held = "yes" if gold["held_out"] else "no"
        assert row.rstrip(" |").endswith(f"| {held} | {len(gold['tasks'])}"), row


def test_equal_openings_pair_by_path_tail_when_prefixes_differ() -> None:
    gold_tasks = [
        {"path": "PL1.III.2.1", "text_start": "Theo dõi, tổng hợp"},
        {"path": "PL1.III.2.2", "text_start": "Theo dõi, tổng hợp"},
    ]
    predicted = [
        {"path": "PL.III.2", "text": "Sắp xếp các đơn vị"},
        {"path": "PL.III.2.2", "text": "Theo dõi, tổng hợp kết quả"},
        {"path": "PL.III.2.1", "text": "Theo dõi, tổng hợp việc"},
    ]
    assert match_tasks(gold_tasks, predicted) == [(0, 2), (1, 1)]
