"""The unit directory through the real database: import (.csv, .xlsx), bad rows,
re-import, export round trip — through the ``theodoi units`` command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from theodoi.audit.models import AuditEvent
from theodoi.cli import main as theodoi_main
from theodoi.orgunits.models import Alias, Level, OrgUnit, UnitKind
from theodoi.text.readers.sheet import read_sheet
from theodoi.text.source import InputError

HEADER = ["code", "name", "kind", "parent", "aliases"]
ROWS = [
    ["ubnd-tinh-hl", "Ủy ban nhân dân tỉnh Hòa Lâm", "other", "", "UBND tỉnh"],
    ["so-noi-vu-hl", "Sở Nội vụ", "department", "ubnd-tinh-hl", "SNV"],
    ["so-kh-cn-hl", "Sở Khoa học và Công nghệ", "department", "ubnd-tinh-hl", "Sở KH&CN; Sở KHCN"],
    ["ubnd-xa-an-phu", "Ủy ban nhân dân xã An Phú", "commune", "ubnd-tinh-hl", "UBND xã An Phú"],
    ["tinh-uy-hl", "Tỉnh ủy Hòa Lâm", "party", "", ""],
    ["ban-dan-toc-hl", "Ban Dân tộc tỉnh", "department", "ubnd-tinh-hl", ""],
]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    """A UTF-8 CSV with BOM, as spreadsheet programs save it."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def units_import(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, str]:
    code = theodoi_main(["units", "import", str(path)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else {}), err


def snapshot() -> list[tuple]:
    units = OrgUnit.objects.order_by("code")
    return [
        (
            u.code,
            u.name,
            u.kind,
            u.level,
            u.parent.code if u.parent else "",
            sorted(Alias.objects.filter(unit=u).values_list("name", flat=True)),
        )
        for u in units
    ]


@pytest.mark.parametrize("writer", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_import_creates_the_tree_and_reimport_changes_nothing(
    writer, tmp_path: Path, capsys
) -> None:
    path = writer(tmp_path / f"don-vi{'.csv' if writer is write_csv else '.xlsx'}", ROWS)
    code, summary, err = units_import(path, capsys)
    assert code == 0, err
    assert summary == {"added": 6, "changed": 0, "unchanged": 0}
    commune = OrgUnit.objects.get(code="ubnd-xa-an-phu")
    assert (commune.kind, commune.level) == (UnitKind.COMMUNE, Level.COMMUNE)
    assert commune.parent == OrgUnit.objects.get(code="ubnd-tinh-hl")
    science = OrgUnit.objects.get(code="so-kh-cn-hl")
    assert sorted(a.name for a in science.aliases.all()) == ["Sở KH&CN", "Sở KHCN"]
    assert science.level == Level.PROVINCE
    before = snapshot()
    code, summary, _ = units_import(path, capsys)
    assert code == 0 and summary == {"added": 0, "changed": 0, "unchanged": 6}
    assert snapshot() == before
    assert AuditEvent.objects.filter(action="orgunit.import_directory").count() == 2


def test_reimport_updates_names_parents_and_aliases(tmp_path: Path, capsys) -> None:
    units_import(write_csv(tmp_path / "a.csv", ROWS), capsys)
    changed = [list(row) for row in ROWS]
    changed[1] = ["so-noi-vu-hl", "Sở Nội vụ tỉnh Hòa Lâm", "department", "ubnd-tinh-hl", "SNV HL"]
    changed[3] = ["ubnd-xa-an-phu", "Ủy ban nhân dân xã An Phú", "commune", "tinh-uy-hl", ""]
    code, summary, err = units_import(write_csv(tmp_path / "b.csv", changed), capsys)
    assert code == 0, err
    assert summary == {"added": 0, "changed": 2, "unchanged": 4}
    home = OrgUnit.objects.get(code="so-noi-vu-hl")
    assert home.name == "Sở Nội vụ tỉnh Hòa Lâm"
    # aliases are added, never dropped (officers' confirmed aliases survive)
    assert sorted(a.name for a in home.aliases.all()) == ["SNV", "SNV HL"]
    commune = OrgUnit.objects.get(code="ubnd-xa-an-phu")
    assert commune.parent and commune.parent.code == "tinh-uy-hl"
    assert commune.tree_path.startswith(commune.parent.tree_path)
    assert OrgUnit.objects.count() == 6
    event = AuditEvent.objects.get(action="orgunit.update", target_id=str(home.pk))
    assert event.changes["name"] == ["Sở Nội vụ", "Sở Nội vụ tỉnh Hòa Lâm"]


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (["", "Sở Y tế", "department", "", ""], "Dòng 8: thiếu mã"),
        (["so-y-te", "", "department", "", ""], "Dòng 8: thiếu tên"),
        (["so-y-te", "Sở Y tế", "ministry", "", ""], "Dòng 8: loại “ministry” không hợp lệ"),
        (
            ["so-y-te", "Sở Y tế", "department", "khong-co", ""],
            "Dòng 8: đơn vị cấp trên “khong-co”",
        ),
        (["so noi vu", "Sở Y tế", "department", "", ""], "Dòng 8: mã “so noi vu”"),
        (
            ["so-noi-vu-hl", "Sở Y tế", "department", "", ""],
            "Dòng 8: mã “so-noi-vu-hl” đã dùng ở dòng 3",
        ),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_stored(
    tmp_path: Path, capsys, bad_row: list[str], message: str
) -> None:
    path = write_csv(tmp_path / "bad.csv", [*ROWS, bad_row])
    code, _, err = units_import(path, capsys)
    assert code == 2
    assert message in err
    assert OrgUnit.objects.count() == 0
    assert not AuditEvent.objects.exists()


def test_header_case_does_not_matter(tmp_path: Path, capsys) -> None:
    path = write_csv(tmp_path / "caps.csv", ROWS[:2], header=[h.title() for h in HEADER])
    code, summary, err = units_import(path, capsys)
    assert code == 0, err
    assert summary["added"] == 2


def test_a_parent_cycle_is_refused(tmp_path: Path, capsys) -> None:
    rows = [["a-1", "Đơn vị A", "other", "b-1", ""], ["b-1", "Đơn vị B", "other", "a-1", ""]]
    code, _, err = units_import(write_csv(tmp_path / "cycle.csv", rows), capsys)
    assert code == 2 and "vòng lặp" in err
    assert OrgUnit.objects.count() == 0


def test_a_missing_column_and_an_unreadable_file_are_named(tmp_path: Path, capsys) -> None:
    path = write_csv(tmp_path / "cols.csv", [["x", "Tên"]], header=["code", "name"])
    code, _, err = units_import(path, capsys)
    assert code == 2 and "thiếu cột: kind" in err
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    code, _, err = units_import(broken, capsys)
    assert code == 2 and "not a readable .xlsx" in err
    latin = tmp_path / "latin.csv"
    latin.write_bytes("code,name,kind\nx,Tòa án,other\n".encode("latin-1"))
    code, _, err = units_import(latin, capsys)
    assert code == 2 and "not UTF-8" in err


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_round_trips(tmp_path: Path, capsys, suffix: str) -> None:
    units_import(write_csv(tmp_path / "in.csv", ROWS), capsys)
    before = snapshot()
    out = tmp_path / f"out{suffix}"
    assert theodoi_main(["units", "export", str(out)]) == 0
    capsys.readouterr()
    exported = read_sheet(out)
    assert list(exported[0]) == HEADER
    assert {row["code"] for row in exported} == {row[0] for row in ROWS}
    by_code = {row["code"]: row for row in exported}
    assert by_code["so-kh-cn-hl"]["aliases"] == "Sở KH&CN; Sở KHCN"
    assert by_code["ubnd-tinh-hl"]["kind"] == "other"
    # into an empty database and back: the same directory
    OrgUnit.objects.update(parent=None)
    Alias.objects.all().delete()
    OrgUnit.objects.all().delete()
    code, summary, err = units_import(out, capsys)
    assert code == 0, err
    assert summary["added"] == 6
    assert snapshot() == before


def test_read_sheet_keeps_row_numbers_and_refuses_bad_tables(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Code,Name\n a , Sở Nội vụ \n,\nb,Sở Tư pháp\n\n", encoding="utf-8")
    assert read_sheet(path) == [
        {"Code": "a", "Name": "Sở Nội vụ"},
        {"Code": "", "Name": ""},
        {"Code": "b", "Name": "Sở Tư pháp"},
    ]
    for text, problem in [
        ("", "empty"),
        ("code,code\n1,2\n", "repeats column code"),
        ("code,,name\n1,2,3\n", "empty column name"),
        ("code\n1,2\n", "row 2 has more cells"),
    ]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=problem):
            read_sheet(path)
    (tmp_path / "t.ods").write_text("x")
    with pytest.raises(InputError, match=r"unsupported table format \.ods"):
        read_sheet(tmp_path / "t.ods")
