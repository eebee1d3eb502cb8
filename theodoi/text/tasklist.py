"""A plan's task list kept in a spreadsheet (.xlsx, .csv), read into the same
parse result as a parsed document, so it is stored and reviewed the same way.

Columns are found by their header's meaning, in Vietnamese or English and
with or without diacritics: the task's number (path), the task itself, the
lead body, the coordinating bodies and the timing. Only the task column is
required. Bodies are split on ";" and line breaks — not on commas, which
belong to names such as "UBND các huyện, thị xã, thành phố".
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from theodoi.text.extract.timing import parse_timing
from theodoi.text.model import DocumentInfo, ParseResult, Task, Timing
from theodoi.text.readers.sheet import read_sheet
from theodoi.text.source import InputError
from theodoi.text.vietnamese import strip_diacritics

#: Field → folded header names that mean it (exact), then words a header may contain.
HEADERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "path": (
        ("stt", "tt", "so tt", "so thu tu", "muc", "ma", "vi tri", "path", "no", "number", "#",
         "id", "item", "ma nhiem vu", "nhiem vu so", "so nhiem vu"),
        ("so thu tu",),
    ),
    "text": (
        ("nhiem vu", "noi dung", "task", "tasks", "description", "cong viec", "ten nhiem vu"),
        ("nhiem vu", "noi dung", "task", "cong viec", "description"),
    ),
    "lead": (
        ("chu tri", "lead", "owner", "responsible"),
        ("chu tri", "lead", "responsible", "owner"),
    ),
    "coordinating": (
        ("phoi hop", "coordinating", "coordination", "support", "partners"),
        ("phoi hop", "coordinat", "support", "partner"),
    ),
    "timing": (
        ("thoi gian", "thoi han", "tien do", "timing", "deadline", "due", "timeline"),
        ("thoi gian", "thoi han", "tien do", "timing", "deadline", "due date", "hoan thanh"),
    ),
}  # fmt: skip
SPLIT = re.compile(r"\s*(?:;|\n)\s*")


def _fold(text: str) -> str:
    folded = strip_diacritics(text).lower().replace("đ", "d")
    return " ".join(re.sub(r"[^\w#]+", " ", folded).split())


def match_headers(headers: list[str]) -> dict[str, str]:
    """Field → the header naming it. Exact meanings first, then headers that
    contain a telling word ("Cơ quan chủ trì" → lead); a header serves once."""
    found: dict[str, str] = {}
    folded = {header: _fold(header) for header in headers}
    for exact_pass in (True, False):
        for field_name, (exact, words) in HEADERS.items():
            if field_name in found:
                continue
            for header, key in folded.items():
                if header in found.values():
                    continue
                hit = key in exact if exact_pass else any(word in key for word in words)
                if hit:
                    found[field_name] = header
                    break
    return found


def _clean(value: str) -> str:
    """NFC (Excel on macOS writes NFD), one space between words, line breaks kept."""
    lines = unicodedata.normalize("NFC", value).replace("\u00a0", " ").splitlines()
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def _names(value: str) -> list[str]:
    names: list[str] = []
    for part in SPLIT.split(value or ""):
        part = part.strip(" .-–+•")
        if part and part not in names:
            names.append(part)
    return names


def _timing(value: str) -> Timing | None:
    value = value.strip()
    if not value:
        return None
    return parse_timing(value) or Timing(value, "other")


def read_task_sheet(path: Path) -> ParseResult:
    """The tasks of a spreadsheet as a parse result (raises ``InputError``)."""
    rows = read_sheet(path)
    headers = list(rows[0]) if rows else []
    columns = match_headers(headers)
    if "text" not in columns:
        raise InputError(
            f"{path.name}: no column names the tasks (expected a header such as “Nhiệm vụ”, "
            f"“Nội dung” or “Task”; found: {', '.join(headers) or 'none'})"
        )
    tasks: list[Task] = []
    warnings: list[str] = []
    for line, row in enumerate(rows, start=2):  # record i is spreadsheet row i + 2
        row = {key: _clean(value) for key, value in row.items()}
        text = row[columns["text"]]
        path_value = row.get(columns.get("path", ""), "").rstrip(".")
        if not text:
            if any(row.values()):
                warnings.append(f"row {line}: no task text, row skipped")
            continue
        tasks.append(
            Task(
                path=path_value or str(len(tasks) + 1),
                section="",
                text=text,
                lead=_names(row.get(columns.get("lead", ""), "")),
                coordinating=_names(row.get(columns.get("coordinating", ""), "")),
                timing=_timing(row.get(columns.get("timing", ""), "")),
                source="table",
            )
        )
    if not tasks:
        raise InputError(f"{path.name}: the sheet has a task column but no task in it")
    for field_name in ("lead", "timing"):
        if field_name not in columns:
            warnings.append(f"no {field_name} column found")
    title = path.stem.replace("_", " ").replace("-", " ").strip()
    return ParseResult(
        source=path.name,
        restored=False,
        document=DocumentInfo(kind="ke_hoach", title=title or None),
        focal_agency=None,
        reporting=[],
        outline=[],
        tasks=tasks,
        warnings=warnings,
    )
