"""Which scan damages break the grid of a scanned task table, and how much.

The fictional appendix of bench/scanned_decision.py (the appendix alone, all
its rows, over several landscape pages) is scanned once per damage variant
(``VARIANTS``: broken, thick, skewed, bowed rules, JPEG noise and specks, a
shadow, and all of them together). For each page the grids found by
readers/ocr_tables.py are compared with the grids found on the undamaged
render (same layout, 300 dpi, no damage): the same shapes and merged cells
mean the rows and columns are assigned as on a clean page. (Thick rules change
the layout a little: a row may move to the next page.) ``--parse`` also
parses each scan and counts the table's tasks against the generator's rows
(23 tasks), with their lead bodies and deadlines.

    PYTHONPATH=$PWD python bench/scan_damage.py [--variant NAME ...] [--parse]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.scanned_decision import (  # noqa: E402
    DAMAGES,
    ROWS,
    VARIANTS,
    build_docx,
    build_scan,
)

DPI = 300


def _pages(pdf: Path, folder: Path, last: int) -> list[Path]:
    """The PDF's first pages as grey PNGs at 300 dpi, as the OCR reader rasterises them."""
    prefix = folder / pdf.stem
    command = ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-l", str(last)]
    subprocess.run([*command, str(pdf), str(prefix)], check=True)
    return sorted(folder.glob(f"{pdf.stem}-*.png"))


def grids_of(png: Path) -> list[tuple[tuple[int, int], int]]:
    """(shape, merged regions) of each grid found on a page."""
    import numpy as np
    from PIL import Image

    from theodoi.text.readers.ocr_tables import deskewed, find_tables, flattened

    px_per_mm = DPI / 25.4
    with Image.open(png) as image:  # as readers/ocr_tables.ocr_page_blocks does
        gray = deskewed(flattened(np.asarray(image.convert("L")), px_per_mm), px_per_mm)
    return [(g.shape, len(g.regions)) for g in find_tables(gray, px_per_mm)]


def reference(folder: Path, last: int) -> list[list[tuple[tuple[int, int], int]]]:
    """Grids of the undamaged appendix, page by page."""
    from theodoi.text.readers.convert import convert_with_libreoffice

    source = build_docx(folder / "clean.docx", body=False)
    pdf = convert_with_libreoffice(source, "pdf", folder, timeout=180)
    return [grids_of(page) for page in _pages(pdf, folder, last)]


def _table_tasks(scan: Path) -> dict[str, object]:
    """Tasks read from the table: how many, how many rows they match by number,
    how many with the row's lead body and deadline."""
    from theodoi.text.parse import parse_file

    tasks = [t.to_json_dict() for t in parse_file(scan).tasks]
    table = [t for t in tasks if t["source"] == "table"]
    expected = {r.number: r for r in ROWS if not r.is_group and r.lead}
    found = {t["path"].split(".", 2)[-1].split(".", 1)[-1]: t for t in table}
    numbers = set(expected) & set(found)
    lead = sum(list(expected[n].lead) == found[n].get("lead") for n in numbers)
    timing = sum(bool(found[n].get("timing")) for n in numbers)
    return {
        "tasks": len(tasks),
        "table": len(table),
        "rows": f"{len(numbers)}/{len(expected)}",
        "lead": lead,
        "timing": timing,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variant", action="append", default=[], choices=sorted(DAMAGES))
    parser.add_argument("--parse", action="store_true", help="parse each scan too (OCR)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the scans in this folder")
    parser.add_argument("--pages", type=int, default=99, help="check the first pages only")
    args = parser.parse_args(argv)
    names = args.variant or ["default", "faint-rules", *VARIANTS]
    with tempfile.TemporaryDirectory(prefix="scan-damage-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        expected = reference(folder, args.pages)
        print("clean:", expected)
        for name in names:
            scan = folder / f"{name}.pdf"
            if not scan.exists():
                build_scan(scan, ROWS, seed=args.seed, damage=DAMAGES[name], body=False)
            pages = _pages(scan, folder, args.pages)
            found = [grids_of(page) for page in pages]
            same = sum(a == b for a, b in zip(found, expected, strict=False))
            line = f"{name:14} grids {same}/{len(expected)} pages as clean: {found}"
            if args.parse:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                own = time.process_time()
                counts = _table_tasks(scan)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                cpu += time.process_time() - own
                line += f"\n{'':14} {counts} cpu {cpu / len(pages):.1f} s/page"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
