"""Tables people keep in spreadsheets: a plan's task list, the unit directory.

One reader for every import that starts from a sheet, so header handling,
encodings and errors are the same everywhere. The first row is the header;
each following non-empty row becomes ``{header: cell text}``. Matching the
headers to meanings (Vietnamese or English names) is the caller's job: the
reader only guarantees clean strings.

- ``.csv``: UTF-8 with or without a byte-order mark (what Excel writes with
  "CSV UTF-8"); the delimiter is sniffed among ``, ; \\t``.
- ``.xlsx``: the first sheet, read with openpyxl in read-only mode (constant
  memory for big directories); numbers that are whole print without ".0",
  dates as dd/mm/yyyy, the way an official would have typed them.
"""

from __future__ import annotations

import csv
import datetime
import io
import unicodedata
import zipfile
from pathlib import Path

from theodoi.text.readers.limits import max_upload_bytes
from theodoi.text.source import InputError

SUFFIXES = (".csv", ".xlsx")


def read_sheet(path: Path) -> list[dict[str, str]]:
    """The rows of a .csv or .xlsx file as ``{header: text}``; raises
    :class:`InputError` naming what is wrong with the file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            f"{path.name}: unsupported spreadsheet type {suffix or '(none)'}; use .xlsx or .csv"
        )
    if not path.is_file():
        raise InputError(f"{path.name}: file not found")
    if path.stat().st_size > max_upload_bytes():
        raise InputError(f"{path.name}: file is too large")
    rows = _csv_rows(path) if suffix == ".csv" else _xlsx_rows(path)
    return _records(path.name, rows)


def _records(name: str, rows: list[list[str]]) -> list[dict[str, str]]:
    rows = [row for row in rows if any(cell for cell in row)]
    if not rows:
        raise InputError(f"{name}: the sheet is empty (the first row must name the columns)")
    header = rows[0]
    while header and not header[-1]:
        header = header[:-1]
    if not header:
        raise InputError(f"{name}: the first row has no column names")
    seen: set[str] = set()
    for number, title in enumerate(header, start=1):
        if not title:
            raise InputError(f"{name}: column {number} of the header row has no name")
        if title in seen:
            raise InputError(f"{name}: column name “{title}” appears twice in the header row")
        seen.add(title)
    records = []
    for line, row in enumerate(rows[1:], start=2):
        extra = [cell for cell in row[len(header) :] if cell]
        if extra:
            raise InputError(
                f"{name}: row {line} has more cells than the header has columns ({extra[0]!r})"
            )
        cells = row + [""] * (len(header) - len(row))
        records.append(dict(zip(header, cells, strict=False)))
    return records


def _clean(value: str) -> str:
    """NFC (Excel on macOS writes NFD), one space between words."""
    return unicodedata.normalize("NFC", " ".join(value.replace("\u00a0", " ").split()))


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path.name}: not UTF-8 text (byte {exc.start}); save it as “CSV UTF-8”"
        ) from None
    if "\x00" in text:
        raise InputError(f"{path.name}: not a text CSV file (binary content)")
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[_clean(cell) for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise InputError(f"{path.name}: malformed CSV ({exc})") from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean(str(value))


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook  # heavy: only when a workbook is read

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(f"{path.name}: not a readable .xlsx workbook ({exc})") from None
    try:
        if not workbook.worksheets:
            raise InputError(f"{path.name}: the workbook has no sheet")
        sheet = workbook.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
