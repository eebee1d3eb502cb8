"""Tables people keep in spreadsheets (.csv, .xlsx): one dict per row.

Directories of units and lists of figures arrive as spreadsheets. Reading
them is plain data work, so it lives in the text core (no Django): the first
row names the columns, every later row becomes ``{column: text}``. Cells are
text stripped of surrounding space; numbers keep their shown form ("12", not
"12.0"); header names are kept as written (spaces tidied). Empty rows before
the header and after the last filled row are dropped; an empty row in
between stays (all cells "") so that record ``i`` is always spreadsheet row
``i + 2`` and errors can name the row a person sees. Anything unreadable
raises ``InputError`` with a sentence a person can act on.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from theodoi.text.source import InputError

#: Upper bound on rows read, so a stray huge sheet cannot exhaust memory.
MAX_ROWS = 100_000


def read_sheet(path: Path) -> list[dict[str, str]]:
    """Rows of a .csv (UTF-8, with or without BOM) or the first sheet of an .xlsx."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(f"{path.name}: no such file")
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise InputError(
            f"{path.name}: unsupported table format {suffix or '(none)'}; use .csv or .xlsx"
        )
    return _records(path.name, rows)


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path.name}: not UTF-8 text (byte {exc.start}); save the table as CSV UTF-8"
        ) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text, newline=""), dialect))[: MAX_ROWS + 1]
    except csv.Error as exc:
        raise InputError(f"{path.name}: malformed CSV: {exc}") from None


def _xlsx_rows(path: Path) -> list[list[str]]:
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise InputError("reading .xlsx needs the openpyxl package") from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(f"{path.name}: not a readable .xlsx workbook ({exc})") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InputError(f"{path.name}: the workbook has no sheet")
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(value) for value in values])
            if len(rows) > MAX_ROWS:
                break
        return rows
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _records(name: str, rows: list[list[str]]) -> list[dict[str, str]]:
    filled = [i for i, row in enumerate(rows) if any(cell.strip() for cell in row)]
    if not filled:
        raise InputError(f"{name}: the table is empty (no header row)")
    rows = rows[filled[0] : filled[-1] + 1]
    if len(rows) > MAX_ROWS:
        raise InputError(f"{name}: more than {MAX_ROWS} rows")
    header = [" ".join(cell.split()) for cell in rows[0]]
    while header and not header[-1]:
        header.pop()
    if "" in header:
        raise InputError(f"{name}: the header row has an empty column name")
    duplicates = sorted({column for column in header if header.count(column) > 1})
    if duplicates:
        raise InputError(f"{name}: the header repeats column {', '.join(duplicates)}")
    records = []
    for number, row in enumerate(rows[1:], 2):
        if any(cell.strip() for cell in row[len(header) :]):
            raise InputError(f"{name}: row {number} has more cells than the header has columns")
        cells = [cell.strip() for cell in row[: len(header)]]
        cells += [""] * (len(header) - len(cells))
        records.append(dict(zip(header, cells, strict=True)))
    return records
