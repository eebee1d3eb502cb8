"""Hostile-file benchmark: what refusing each bomb costs, against reading an
ordinary plan in the same run.

    .venv/bin/python bench/hostile_files.py

The files are built first and written to a temporary folder; each case then
runs in a fresh Python process that loads the readers, reads the file's
bytes and hands them to ``read_bytes`` (the readers' entry point, as the web
process runs it), so its peak memory (ru_maxrss, interpreter included) is
the read's alone. Cases: an
ordinary .docx plan (the baseline), a 1 MB .docx whose ``mimetype`` inflates
to 1 GiB, a zip part inflating past its declared size, a 1 MB PDF whose
content stream inflates to 1 GiB, and a web page named .pdf. Prints, per
case, the outcome, seconds, the process's peak MB and that peak as a
ratio of the baseline's.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CASES = ["ordinary-docx", "zip-bomb-docx", "lying-zip", "pdf-bomb", "html-named-pdf"]


def _build(case: str) -> tuple[str, bytes]:
    from tests.text.readers import bombs

    if case == "ordinary-docx":
        import tempfile

        from tests.text.readers.builders import build_plan_docx

        with tempfile.TemporaryDirectory() as folder:
            return "ke-hoach.docx", build_plan_docx(Path(folder) / "plan.docx").read_bytes()
    if case == "zip-bomb-docx":
        return "ke-hoach.docx", bombs.zip_bomb_docx()
    if case == "lying-zip":
        return "ke-hoach.docx", bombs.lying_zip()
    if case == "pdf-bomb":
        return "ke-hoach.pdf", bombs.pdf_bomb()
    return "ke-hoach.pdf", bombs.html_page()


def _one(case: str, path: Path) -> dict[str, object]:
    from theodoi.text.readers import read_bytes
    from theodoi.text.source import InputError

    data = path.read_bytes()
    started = time.perf_counter()
    try:
        source = read_bytes(data, name=path.name)
        outcome = f"read ({len(source.blocks)} blocks)"
    except InputError as exc:
        outcome = f"refused: {str(exc)[:70]}"
    seconds = time.perf_counter() - started
    return {
        "case": case,
        "size_mb": round(len(data) / 1048576, 2),
        "outcome": outcome,
        "seconds": round(seconds, 3),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(_one(sys.argv[2], Path(sys.argv[3])), ensure_ascii=False))
        return 0
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory(prefix="theodoi-bench-") as folder:
        for case in CASES:
            name, data = _build(case)
            path = Path(folder) / case / name
            path.parent.mkdir()
            path.write_bytes(data)
            command = [sys.executable, __file__, "--one", case, str(path)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    baseline = float(rows[0]["peak_mb"])
    print(f"{'case':16} {'MB':>6} {'s':>7} {'peak MB':>8} {'x base':>7}  outcome")
    for row in rows:
        ratio = float(row["peak_mb"]) / baseline
        print(
            f"{row['case']:16} {row['size_mb']:>6} {row['seconds']:>7} "
            f"{row['peak_mb']:>8} {ratio:>7.2f}  {row['outcome']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
