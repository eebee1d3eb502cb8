"""Scoring of parser output against hand-made gold annotations.

Kept apart from the benchmark script so tests can check the scoring itself on
small hand-made pairs: a benchmark whose arithmetic is wrong is worse than none.

The gold format (bench/gold/README.md) stores for each task only its path, the
first words of its text ("text_start", a locator: the documents themselves
must not be copied into the repository), its bodies and its timing. Predicted
tasks come from ``ParseResult.to_json_dict()`` (docs/extraction-spec.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from theodoi.text.vietnamese import normalize_text, strip_diacritics

ROLES = ("lead", "coordinating", "implementing")
METADATA_FIELDS = (
    "kind",
    "number",
    "issuer",
    "issuer_type",
    "level",
    "place",
    "date",
    "title",
    "implements",
    "focal_agency",
)
TEXT_START_WORDS = 4
# A task pair matched on its path must still look alike: otherwise a parser
# that shifts every bullet by one would get credit for the wrong tasks.
PATH_MATCH_MIN_SIMILARITY = 50.0
# Tasks whose paths differ are paired when their opening words are this close.
TEXT_MATCH_MIN_SIMILARITY = 80.0

_SPACE = re.compile(r"\s+")
_PUNCT_EDGES = " \t.,;:-–—()\"'“”‘’*•+"
_UBND = re.compile(r"\b(?:ủy|uỷ) ban nhân dân\b")


def _clean(text: str) -> str:
    # "Ð" (U+00D0, Icelandic eth) stands in for "Đ" in many Vietnamese files.
    text = unicodedata.normalize("NFC", text).replace("Ð", "Đ").replace("ð", "đ")
    return _SPACE.sub(" ", text).strip()


def first_words(text: str, count: int = TEXT_START_WORDS) -> str:
    """The first ``count`` whitespace-separated words of ``text``."""
    return " ".join(_clean(text).split(" ")[:count])


def text_key(text: str) -> str:
    """Compare opening words without case, diacritics or punctuation.

    Diacritics are dropped so that a restored OCR text that put one tone mark
    wrong still pairs with its gold task; the roles and paths decide the rest.
    """
    plain = strip_diacritics(_clean(text)).casefold()
    plain = re.sub(r"[^\w\s]", " ", plain)
    return _SPACE.sub(" ", plain).strip()


# A list label left at the start of a predicted text ("a)", "1.2.", "-") is not
# part of the task's words; dropping it keeps the pairing about the content.
_LEADING_LABEL = re.compile(r"^\s*(?:[-*+•]|\d+(?:\.\d+)*\.?|[a-zđ]\)|[IVXLC]+\.)\s+")


def text_similarity(gold_start: str, predicted_text: str) -> float:
    """0–100 similarity of a gold locator and a predicted task text's opening."""
    words = len(_clean(gold_start).split(" ")) or TEXT_START_WORDS
    predicted = _LEADING_LABEL.sub("", _clean(predicted_text), count=1)
    return fuzz.ratio(text_key(gold_start), text_key(first_words(predicted, words)))


def normalize_body(name: str) -> str:
    """Light normalisation of a body name, so only real differences count.

    Case, tone placement (hòa/hoà), spacing, surrounding punctuation, a
    leading "và" and "Ủy ban nhân dân" vs "UBND" are not real differences;
    anything else (a missing "tỉnh", a merged pair of bodies) is.
    """
    text = normalize_text(_clean(name)).casefold().strip(_PUNCT_EDGES)
    text = _UBND.sub("ubnd", text)
    text = re.sub(r"^(và|với)\s+", "", text)
    return _SPACE.sub(" ", text).strip(_PUNCT_EDGES)


def body_set(names: Iterable[str] | None) -> frozenset[str]:
    return frozenset(n for n in (normalize_body(x) for x in names or ()) if n)


def normalize_path(path: str | None) -> str:
    return _SPACE.sub("", path or "").strip(".").upper()


def normalize_reference(number: str) -> str:
    """Key of a document number: case, spaces, dash kinds, "/" vs "-", Đ vs D ignored.

    "05-NQ-TU" as printed and "05-NQ/TU" as a parser may tidy it are the same
    document, as are OCR's "217-QD/TW" and "217-QĐ/TW"; no two real numbers
    differ only in these.
    """
    text = _clean(number).upper().replace("Đ", "D")
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[‐‑‒–—−/]", "-", text)
    return text.strip(".,;:")


def normalize_timing(value: str | None) -> str | None:
    """Timing as written, minus differences of form that do not change its meaning.

    "Quý IV năm 2026" = "quý IV/2026", "hàng năm" = "hằng năm", "2026 – 2030" =
    "2026-2030", "A; B" = "A, B" = "A B"; a leading "Thực hiện" and parenthesised
    conditions are dropped; "Thực hiện thường xuyên, lồng ghép …" = "thường xuyên".
    """
    if value is None:
        return None
    text = normalize_text(_clean(str(value))).casefold()
    text = re.sub(r"\s*\([^)]*\)", "", text).strip(_PUNCT_EDGES)  # "(hoặc theo yêu cầu …)"
    text = text.replace("hàng năm", "hằng năm")
    text = re.sub(r"^(thực hiện|hoàn thành)\s+", "", text)
    text = re.sub(r"^(trước|trong)\s+", "", text)
    text = re.sub(r"^năm\s+(?=\d)", "", text)
    if text.startswith("thường xuyên"):
        text = "thường xuyên"
    text = re.sub(r"\b(quý|tháng)\s+([ivx]+|\d{1,2})\s*(?:năm\s+|/\s*)(\d{4})", r"\1 \2/\3", text)
    text = re.sub(r"\s*[‐‑‒–—−-]\s*", "-", text)
    text = _SPACE.sub(" ", re.sub(r"\s*[;,]\s*", " ", text))  # "A; B" = "A, B" = "A B"
    return text.strip(_PUNCT_EDGES) or None


def normalize_scalar(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return normalize_body(value) or None
    return value


@dataclass
class Counts:
    """Raw counts, so several documents add up to a micro-average."""

    gold_tasks: int = 0
    predicted_tasks: int = 0
    matched: int = 0
    path_equal: int = 0
    responsibility_equal: int = 0
    role_equal: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    timing_equal: int = 0
    gold_refs: int = 0
    predicted_refs: int = 0
    matched_refs: int = 0
    metadata_fields: int = 0
    metadata_equal: int = 0
    gold_reporting: int = 0
    predicted_reporting: int = 0
    matched_reporting: int = 0
    metadata_wrong: list[str] = field(default_factory=list)
    task_errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in (
            "gold_tasks",
            "predicted_tasks",
            "matched",
            "path_equal",
            "responsibility_equal",
            "timing_equal",
            "gold_refs",
            "predicted_refs",
            "matched_refs",
            "metadata_fields",
            "metadata_equal",
            "gold_reporting",
            "predicted_reporting",
            "matched_reporting",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for role in ROLES:
            self.role_equal[role] += other.role_equal[role]

    # -- derived figures -------------------------------------------------
    @property
    def task_precision(self) -> float:
        return _ratio(self.matched, self.predicted_tasks)

    @property
    def task_recall(self) -> float:
        return _ratio(self.matched, self.gold_tasks)

    @property
    def task_f1(self) -> float:
        return _f1(self.matched, self.predicted_tasks, self.gold_tasks)

    @property
    def path_accuracy(self) -> float:
        return _ratio(self.path_equal, self.matched)

    @property
    def responsibility_accuracy(self) -> float:
        return _ratio(self.responsibility_equal, self.matched)

    def role_accuracy(self, role: str) -> float:
        return _ratio(self.role_equal[role], self.matched)

    @property
    def timing_accuracy(self) -> float:
        return _ratio(self.timing_equal, self.matched)

    @property
    def reference_f1(self) -> float:
        return _f1(self.matched_refs, self.predicted_refs, self.gold_refs)

    @property
    def metadata_accuracy(self) -> float:
        return _ratio(self.metadata_equal, self.metadata_fields)

    @property
    def reporting_f1(self) -> float:
        return _f1(self.matched_reporting, self.predicted_reporting, self.gold_reporting)


def _ratio(part: int, whole: int) -> float:
    """part/whole; an empty whole scores 1.0 (nothing to get wrong)."""
    return part / whole if whole else 1.0


def _f1(matched: int, predicted: int, gold: int) -> float:
    if predicted == 0 and gold == 0:
        return 1.0
    if matched == 0:
        return 0.0
    precision, recall = matched / predicted, matched / gold
    return 2 * precision * recall / (precision + recall)


def _shared_path_tail(gold_path: str, predicted_path: str | None) -> int:
    """How many trailing path segments agree ("PL1.III.2.1" vs "PL.III.2.1" → 3).

    Breaks ties between tasks with the same opening words ("Theo dõi, tổng
    hợp …" in rows 2.1 and 2.2) when a parser names the appendix differently.
    """
    gold_parts = re.split(r"[.-]", normalize_path(gold_path))
    pred_parts = re.split(r"[.-]", normalize_path(predicted_path))
    count = 0
    for a, b in zip(reversed(gold_parts), reversed(pred_parts), strict=False):
        if a != b:
            break
        count += 1
    return count


def match_tasks(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> list[tuple[int, int]]:
    """Pair gold and predicted tasks one-to-one: same path first, then by text.

    A same-path pair must pass PATH_MATCH_MIN_SIMILARITY on its opening words.
    Left-over tasks are paired greedily, best text similarity first, when at
    least TEXT_MATCH_MIN_SIMILARITY; ties go to the candidate whose path ends
    alike, then to the nearest position in the document, which keeps repeated
    openings ("Thực hiện hiệu quả …") in order.
    """
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    by_path: dict[str, list[int]] = {}
    for j, task in enumerate(predicted):
        by_path.setdefault(normalize_path(task.get("path")), []).append(j)
    for i, task in enumerate(gold):
        for j in by_path.get(normalize_path(task["path"]), []):
            if j in used_pred:
                continue
            similarity = text_similarity(task["text_start"], predicted[j].get("text") or "")
            if similarity >= PATH_MATCH_MIN_SIMILARITY:
                pairs.append((i, j))
                used_gold.add(i)
                used_pred.add(j)
                break
    candidates: list[tuple[float, int, int, int]] = []
    for i, task in enumerate(gold):
        if i in used_gold:
            continue
        for j, pred in enumerate(predicted):
            if j in used_pred:
                continue
            similarity = text_similarity(task["text_start"], pred.get("text") or "")
            if similarity >= TEXT_MATCH_MIN_SIMILARITY:
                shared = _shared_path_tail(task["path"], pred.get("path"))
                position_gap = abs(i / max(len(gold), 1) - j / max(len(predicted), 1))
                candidates.append((-similarity, -shared, int(position_gap * 1000), i, j))
    for _, _, _, i, j in sorted(candidates):
        if i in used_gold or j in used_pred:
            continue
        pairs.append((i, j))
        used_gold.add(i)
        used_pred.add(j)
    return sorted(pairs)


def _metadata_value(field_name: str, value: Any) -> Any:
    if field_name == "implements":
        return tuple(normalize_reference(x) for x in value or ())
    if field_name == "number":
        return normalize_reference(value) if value else None
    if field_name == "title":
        return text_key(first_words(value or "")) or None
    if field_name in ("kind", "issuer_type", "level", "date"):
        return value or None
    return normalize_scalar(value)


def gold_metadata(gold: dict[str, Any]) -> dict[str, Any]:
    doc = gold["document"]
    values = {name: doc.get(name) for name in METADATA_FIELDS if name in doc}
    values["title"] = doc.get("title_start")
    values["focal_agency"] = gold.get("focal_agency")
    return values


def predicted_metadata(predicted: dict[str, Any]) -> dict[str, Any]:
    doc = predicted.get("document") or {}
    values = {name: doc.get(name) for name in METADATA_FIELDS}
    values["title"] = first_words(doc.get("title") or "", TEXT_START_WORDS) or None
    values["focal_agency"] = predicted.get("focal_agency")
    return values


def reporting_key(entry: dict[str, Any]) -> tuple[str, str | None, str]:
    """A reporting duty is identified by how often, by when and to whom."""
    return (entry.get("recurrence") or "", entry.get("due"), normalize_body(entry.get("to") or ""))


def score_document(gold: dict[str, Any], predicted: dict[str, Any]) -> Counts:
    """Counts for one document; ``predicted`` is the parser's JSON dict."""
    counts = Counts()
    gold_tasks = gold["tasks"]
    pred_tasks = predicted.get("tasks") or []
    counts.gold_tasks, counts.predicted_tasks = len(gold_tasks), len(pred_tasks)
    pairs = match_tasks(gold_tasks, pred_tasks)
    counts.matched = len(pairs)
    matched_gold = {i for i, _ in pairs}
    for i, j in pairs:
        g, p = gold_tasks[i], pred_tasks[j]
        if normalize_path(g["path"]) == normalize_path(p.get("path")):
            counts.path_equal += 1
        else:
            counts.task_errors.append(f"path {g['path']} ≠ {p.get('path')}")
        all_equal = True
        for role in ROLES:
            if body_set(g[role]) == body_set(p.get(role)):
                counts.role_equal[role] += 1
            else:
                all_equal = False
                counts.task_errors.append(f"{g['path']} {role}: {g[role]} ≠ {p.get(role)}")
        counts.responsibility_equal += all_equal
        accepted = {normalize_timing(g.get("timing"))}
        accepted |= {normalize_timing(x) for x in g.get("timing_also", [])}
        if normalize_timing(p.get("timing")) in accepted:
            counts.timing_equal += 1
        else:
            counts.task_errors.append(f"{g['path']} timing: {g.get('timing')} ≠ {p.get('timing')}")
    counts.task_errors.extend(
        f"missing {t['path']} “{t['text_start']}”"
        for i, t in enumerate(gold_tasks)
        if i not in matched_gold
    )
    matched_pred = {j for _, j in pairs}
    counts.task_errors.extend(
        f"extra {t.get('path')} “{first_words(t.get('text') or '')}”"
        for j, t in enumerate(pred_tasks)
        if j not in matched_pred
    )

    gold_refs = {normalize_reference(x) for x in gold["document"].get("references", [])}
    pred_doc = predicted.get("document") or {}
    pred_refs = {normalize_reference(x) for x in pred_doc.get("references") or []}
    counts.gold_refs, counts.predicted_refs = len(gold_refs), len(pred_refs)
    counts.matched_refs = len(gold_refs & pred_refs)

    g_meta, p_meta = gold_metadata(gold), predicted_metadata(predicted)
    for name, value in g_meta.items():
        counts.metadata_fields += 1
        if _metadata_value(name, value) == _metadata_value(name, p_meta.get(name)):
            counts.metadata_equal += 1
        else:
            counts.metadata_wrong.append(f"{name}: {value!r} ≠ {p_meta.get(name)!r}")

    gold_rep = [reporting_key(e) for e in gold.get("reporting", [])]
    pred_rep = [reporting_key(e) for e in predicted.get("reporting") or []]
    counts.gold_reporting, counts.predicted_reporting = len(gold_rep), len(pred_rep)
    remaining = list(pred_rep)
    for key in gold_rep:
        if key in remaining:
            remaining.remove(key)
            counts.matched_reporting += 1
        else:
            counts.metadata_wrong.append(f"reporting missing {key}")
    counts.metadata_wrong.extend(f"reporting extra {key}" for key in remaining)
    return counts
