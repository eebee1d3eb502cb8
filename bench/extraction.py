"""Extraction benchmark: parser output vs hand-made gold, and parse speed.

Run from the repository root:

    .venv/bin/python bench/extraction.py                 # accuracy + speed
    .venv/bin/python bench/extraction.py --no-speed -v   # accuracy, with every error
    .venv/bin/python bench/extraction.py --doc 002 --doc nq-100 --runs 5

Accuracy: each gold file (bench/gold/*.json, format in bench/gold/README.md)
names a real document under ../shared; the parser's JSON for it is scored
with bench/metrics.py. Documents the parser was tuned on are reported apart
from held-out ones, because only the latter say how it does on new plans.

Accuracy is also broken down per family of layout (inline assignments,
labelled lines, per-body headings, tables, party, commune, scans …) and per
format (txt, md, docx, doc, htm, pdf …), held-out and tuned-on apart, with
the issue-10 targets checked on the held-out documents (task F1 mean and
worst document, roles, metadata).

Speed: the full parse of text-layer .docx and .pdf files is timed against
just reading their raw text with python-docx / pypdfium2's text API in the
same run, so the ratio does not depend on the machine. The .docx files are made here from
seed text (one paragraph per line) and turned into PDF by LibreOffice; the
real gazette PDFs are timed as they are.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: make `bench` and `theodoi` importable
    sys.path.insert(0, str(REPO))

from bench.metrics import ROLES, Counts, score_document  # noqa: E402

GOLD_DIR = REPO / "bench" / "gold"
SHARED = REPO.parent / "shared"
SPEED_SEEDS = ("002", "004")


# -- gold ----------------------------------------------------------------


def load_gold(directory: Path = GOLD_DIR) -> list[dict[str, Any]]:
    """Every gold file, sorted by name."""
    return [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.json"))
    ]


def source_path(gold: dict[str, Any], shared: Path | None = None) -> Path:
    """Where the annotated document is: our own fixtures, or ../shared."""
    root = gold["source"]["root"]
    if root == "fixtures":
        return GOLD_DIR / "fixtures" / gold["source"]["path"]
    return (shared or SHARED) / root / gold["source"]["path"]


def ensure_source(gold: dict[str, Any]) -> Path:
    """The document's path, building a generated fixture first when it is absent.

    A scan we made ourselves (``source.generator``: bench/scanned_decision.py)
    is a few megabytes of page images, so the repository keeps its generator
    and not the file; it is rebuilt (fixed seed; ``source.damage``: one of the
    generator's named damages, e.g. "faint-rules") on first use."""
    path = source_path(gold)
    generator = gold["source"].get("generator")
    if generator and not path.exists():
        if Path(generator).stem != "scanned_decision":
            raise ValueError(f"unknown fixture generator {generator!r}")
        from bench.scanned_decision import DAMAGES, build_scan

        path.parent.mkdir(parents=True, exist_ok=True)
        build_scan(path, damage=DAMAGES[gold["source"].get("damage", "default")])
    return path


def select(golds: list[dict[str, Any]], patterns: list[str]) -> list[dict[str, Any]]:
    if not patterns:
        return golds
    return [g for g in golds if any(p.lower() in g["name"].lower() for p in patterns)]


# -- parser ----------------------------------------------------------------


def load_parser() -> tuple[Callable[[Path], Any] | None, str]:
    """The parser's parse_file, or None and the reason it cannot be used."""
    try:
        from theodoi.text.parse import parse_file
    except Exception as error:  # the parser may not exist yet, or fail to import
        return None, f"parser unavailable: {type(error).__name__}: {error}"
    return parse_file, ""


def run_parser(parse_file: Callable[[Path], Any], path: Path) -> dict[str, Any]:
    return parse_file(path).to_json_dict()


# -- accuracy ----------------------------------------------------------------


@dataclass
class DocResult:
    name: str
    held_out: bool
    counts: Counts | None
    status: str  # "ok", "failed: …", "skipped: …"
    seconds: float = 0.0
    variant: str = ""  # "" for the document itself, "docx"/"pdf" for a copy made here
    family: str = ""
    format: str = ""


_SOURCE_FORMATS = {".txt": "txt", ".md": "md", ".docx": "docx", ".doc": "doc", ".htm": "htm"}


def family_of(gold: dict[str, Any]) -> str:
    """The layout family: stated in the development-set gold, else from the name."""
    if gold.get("family"):
        return str(gold["family"])
    name = gold["name"]
    if name.startswith("gazette-"):
        return "table-pdf"
    if name in ("seed-000", "seed-001"):
        return "ocr-text"
    return "seed" if name.startswith("seed-") else "fixture"


def format_of(gold: dict[str, Any], variant: str = "") -> str:
    if variant:
        return variant
    if gold.get("format"):
        return str(gold["format"])
    return _SOURCE_FORMATS.get(Path(gold["source"]["path"]).suffix.lower(), "pdf")


class Converter:
    """Makes .docx (python-docx) and .pdf (LibreOffice) copies of text documents, once each.

    The same plan read from .docx or from a text-layer PDF must give the same
    tasks, so a text document's gold also scores the copies made from it.
    """

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self._made: dict[tuple[Path, str], Path] = {}

    def copy(self, source: Path, kind: str) -> Path:
        key = (source, kind)
        if key not in self._made:
            docx_path = self.workdir / f"{source.stem}.docx"
            if not docx_path.exists():
                make_docx(source.read_text(encoding="utf-8"), docx_path)
            if kind == "docx":
                self._made[key] = docx_path
            elif kind == "pdf":
                self._made[key] = docx_to_pdf(docx_path, self.workdir)
            else:
                raise ValueError(f"unknown variant {kind!r} (expected docx or pdf)")
        return self._made[key]


def evaluate(
    golds: list[dict[str, Any]], verbose: bool, converter: Converter | None = None
) -> list[DocResult]:
    """Parse and score every gold document, and its .docx/.pdf copies when asked."""
    parse_file, why = load_parser()
    results: list[DocResult] = []
    for gold in golds:
        try:
            path = ensure_source(gold)
        except (RuntimeError, ValueError, OSError, subprocess.SubprocessError):
            path = source_path(gold)  # reported as absent below
        held_out = bool(gold.get("held_out"))
        variants = [""] + (list(gold.get("variants", [])) if converter else [])
        for variant in variants:
            label = f"{gold['name']} [{variant}]" if variant else gold["name"]
            tags = {"family": family_of(gold), "format": format_of(gold, variant)}
            if not path.exists():
                status = f"skipped: {path} is absent"
                results.append(DocResult(label, held_out, None, status, variant=variant, **tags))
                continue
            if parse_file is None:
                results.append(
                    DocResult(label, held_out, None, f"failed: {why}", variant=variant, **tags)
                )
                continue
            try:
                target = converter.copy(path, variant) if variant and converter else path
            except (RuntimeError, ValueError, subprocess.SubprocessError) as error:
                status = f"skipped: no {variant} copy ({error})"
                results.append(DocResult(label, held_out, None, status, variant=variant, **tags))
                continue
            start = time.perf_counter()
            try:
                predicted = run_parser(parse_file, target)
            except Exception as error:
                if verbose:
                    traceback.print_exc()
                status = f"failed: {type(error).__name__}: {str(error)[:120]}"
                results.append(DocResult(label, held_out, None, status, variant=variant, **tags))
                continue
            seconds = time.perf_counter() - start
            try:
                counts = score_document(gold, predicted)
            except (KeyError, TypeError, AttributeError, ValueError) as error:
                # output not in the spec's shape: name the problem, keep going
                status = f"failed: output not scorable ({type(error).__name__}: {error!s:.100})"
                results.append(DocResult(label, held_out, None, status, variant=variant, **tags))
                continue
            results.append(DocResult(label, held_out, counts, "ok", seconds, variant, **tags))
    return results


HEADER = (
    f"{'document':<26}{'set':<9}{'gold':>5}{'pred':>5}{'P':>7}{'R':>7}{'F1':>7}"
    f"{'path':>7}{'resp':>7}{'lead':>7}{'coord':>7}{'impl':>7}{'time':>7}"
    f"{'refF1':>7}{'meta':>7}{'repF1':>7}"
)


def format_row(name: str, group: str, c: Counts) -> str:
    return (
        f"{name:<26}{group:<9}{c.gold_tasks:>5}{c.predicted_tasks:>5}"
        f"{c.task_precision:>7.3f}{c.task_recall:>7.3f}{c.task_f1:>7.3f}"
        f"{c.path_accuracy:>7.3f}{c.responsibility_accuracy:>7.3f}"
        + "".join(f"{c.role_accuracy(role):>7.3f}" for role in ROLES)
        + f"{c.timing_accuracy:>7.3f}{c.reference_f1:>7.3f}{c.metadata_accuracy:>7.3f}"
        f"{c.reporting_f1:>7.3f}"
    )


def print_accuracy(results: list[DocResult], verbose: bool) -> None:
    print("ACCURACY (task P/R/F1; on matched tasks: path, responsibility = lead+coord+impl")
    print("all equal, per role, timing; references F1; metadata fields; reporting F1)")
    print(HEADER)
    print("-" * len(HEADER))
    totals = {"held out": Counts(), "tuned on": Counts(), "all": Counts(), "copies": Counts()}
    for result in results:
        group = "held out" if result.held_out else "tuned on"
        if result.counts is None:
            print(f"{result.name:<26}{group:<9}  {result.status}")
            continue
        print(format_row(result.name, group, result.counts))
        if result.variant:  # a copy of a document already counted: kept apart
            totals["copies"].add(result.counts)
            continue
        totals[group].add(result.counts)
        totals["all"].add(result.counts)
    print("-" * len(HEADER))
    for group, counts in totals.items():
        if counts.gold_tasks or counts.metadata_fields:
            print(format_row(f"OVERALL {group}", "micro", counts))
    if totals["copies"].gold_tasks:
        print("('copies' = the .docx/.pdf made here from text documents; not in the other rows)")
    failed = [r for r in results if r.status.startswith("failed")]
    if failed:
        print(f"{len(failed)} document(s) failed; they count in no figure above.")
    print_groups(results)
    print_targets(results)
    if verbose:
        for result in results:
            if result.counts is None:
                continue
            errors = result.counts.metadata_wrong + result.counts.task_errors
            if errors:
                print(f"\n{result.name}: {len(errors)} difference(s)")
                for line in errors:
                    print(f"  {line}")


GROUP_HEADER = (
    f"{'':<24}{'docs':>5}{'tasks':>6}{'F1':>7}{'F1 mean':>8}{'F1 min':>7}{'path':>7}"
    f"{'roles':>7}{'time':>7}{'meta':>7}{'refF1':>7}"
)


def _group_row(label: str, rows: list[DocResult]) -> str:
    total = Counts()
    for row in rows:
        assert row.counts is not None
        total.add(row.counts)
    f1s = [r.counts.task_f1 for r in rows if r.counts is not None]
    return (
        f"{label:<24}{len(rows):>5}{total.gold_tasks:>6}{total.task_f1:>7.3f}"
        f"{statistics.mean(f1s):>8.3f}{min(f1s):>7.3f}{total.path_accuracy:>7.3f}"
        f"{total.responsibility_accuracy:>7.3f}{total.timing_accuracy:>7.3f}"
        f"{total.metadata_accuracy:>7.3f}{total.reference_f1:>7.3f}"
    )


def print_groups(results: list[DocResult]) -> None:
    """Per family and per format, held-out and tuned-on apart (copies excluded).

    F1 is the micro figure over the group's tasks; "F1 mean"/"F1 min" are over
    its documents, since one badly read document is what a user notices.
    """
    scored = [r for r in results if r.counts is not None and not r.variant]
    for group, held in (("HELD OUT", True), ("TUNED ON", False)):
        chosen = [r for r in scored if r.held_out == held]
        if not chosen:
            continue
        for key in ("family", "format"):
            print(f"\n{group} by {key}")
            print(GROUP_HEADER)
            values = sorted({getattr(r, key) for r in chosen})
            for value in values:
                print(_group_row(value, [r for r in chosen if getattr(r, key) == value]))
            print(_group_row("all", chosen))


TARGETS = {"task F1 mean": 0.95, "task F1 worst document": 0.85, "roles": 0.92, "metadata": 0.9}


def print_targets(results: list[DocResult]) -> None:
    """The issue-10 targets, on the held-out documents only."""
    held = [r for r in results if r.counts is not None and r.held_out and not r.variant]
    if not held:
        return
    total = Counts()
    for row in held:
        assert row.counts is not None
        total.add(row.counts)
    f1s = {r.name: r.counts.task_f1 for r in held if r.counts is not None}
    worst = min(f1s, key=lambda name: f1s[name])
    values = {
        "task F1 mean": statistics.mean(f1s.values()),
        "task F1 worst document": f1s[worst],
        "roles": total.responsibility_accuracy,
        "metadata": total.metadata_accuracy,
    }
    print("\ntargets on held-out documents:")
    for name, target in TARGETS.items():
        verdict = "met" if values[name] >= target else "NOT met"
        extra = f" ({worst})" if name == "task F1 worst document" else ""
        print(f"  {name:<24} {values[name]:.3f} ≥ {target}  {verdict}{extra}")


# -- speed -----------------------------------------------------------------


def read_docx_raw(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def read_pdf_raw(path: Path) -> str:
    """The baseline: pypdfium2's own text of every page, nothing else."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        pdf.close()


def read_pdf_raw_pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdf_pages(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def make_docx(text: str, target: Path) -> None:
    """A .docx with one paragraph per non-empty line of ``text``."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    document.save(str(target))


def docx_to_pdf(source: Path, outdir: Path) -> Path:
    """Convert with LibreOffice headless, in a private profile (no clash with
    others); raises ``InputError`` (a ``ValueError``) when it cannot."""
    from theodoi.text.readers.convert import convert_with_libreoffice

    return convert_with_libreoffice(source, "pdf", outdir, timeout=180)


@dataclass
class Timing:
    """Median wall-clock and CPU seconds of one action over several runs."""

    wall: float
    cpu: float


def time_interleaved(
    first: Callable[[], Any], second: Callable[[], Any], runs: int
) -> tuple[Timing, Timing]:
    """Time two actions alternately, so load from other processes hits both alike.

    CPU time (this process only) is what "pages per second on one core" means
    and is steadier than wall time on a shared machine; both are reported.
    """
    samples: list[list[tuple[float, float]]] = [[], []]
    for _ in range(runs):
        for index, action in enumerate((first, second)):
            wall, cpu = time.perf_counter(), time.process_time()
            action()
            samples[index].append((time.perf_counter() - wall, time.process_time() - cpu))
    return tuple(  # type: ignore[return-value]
        Timing(statistics.median(w for w, _ in s), statistics.median(c for _, c in s))
        for s in samples
    )


@dataclass
class SpeedFile:
    label: str
    path: Path
    pages: int
    raw_reader: Callable[[Path], str]


def speed_files(converter: Converter, only: list[str]) -> tuple[list[SpeedFile], list[str]]:
    """The files to time, and messages about those that could not be made."""
    files: list[SpeedFile] = []
    notes: list[str] = []
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        for number in SPEED_SEEDS:
            matches = sorted(seeds.glob(f"{number}_*.txt"))
            if not matches:
                notes.append(f"seed {number} absent")
                continue
            docx_path = converter.copy(matches[0], "docx")
            try:
                pdf_path = converter.copy(matches[0], "pdf")
            except (RuntimeError, ValueError, subprocess.SubprocessError) as error:
                notes.append(f"seed {number}: no PDF ({error})")
                continue
            pages = pdf_pages(pdf_path)
            files.append(SpeedFile(f"seed-{number}.docx", docx_path, pages, read_docx_raw))
            files.append(SpeedFile(f"seed-{number}.pdf", pdf_path, pages, read_pdf_raw))
    else:
        notes.append(f"{seeds} absent: no .docx/.pdf made from seeds")
    for text_path in sorted((GOLD_DIR / "fixtures").glob("*.txt")):  # ours: always there
        try:
            docx_path, pdf_path = (
                converter.copy(text_path, "docx"),
                converter.copy(text_path, "pdf"),
            )
        except (RuntimeError, ValueError, subprocess.SubprocessError) as error:
            notes.append(f"{text_path.name}: no PDF ({error})")
            continue
        pages = pdf_pages(pdf_path)
        files.append(SpeedFile(f"{text_path.stem}.docx", docx_path, pages, read_docx_raw))
        files.append(SpeedFile(f"{text_path.stem}.pdf", pdf_path, pages, read_pdf_raw))
    gazette = SHARED / "corpus" / "gazette" / "docs"
    if gazette.is_dir():
        for pdf_path in sorted(gazette.glob("*/*.pdf")):
            label = pdf_path.stem.replace("nghi-quyet-so-", "nq-").replace("quyet-dinh-so-", "qd-")
            files.append(SpeedFile(label[:28], pdf_path, pdf_pages(pdf_path), read_pdf_raw))
    else:
        notes.append(f"{gazette} absent: gazette PDFs not timed")
    if only:
        files = [f for f in files if any(p.lower() in f.label.lower() for p in only)]
    return files, notes


def run_speed(runs: int, only: list[str], converter: Converter) -> None:
    print(f"\nSPEED (median of {runs} interleaved runs; raw = python-docx paragraphs /")
    print("pypdfium2 text of every page; parse = parse_file(...).to_json_dict())")
    parse_file, why = load_parser()
    files, notes = speed_files(converter, only)
    for note in notes:
        print(f"  note: {note}")
    header = (
        f"{'file':<30}{'pages':>6}{'raw s':>8}{'parse s':>9}{'ratio':>7}"
        f"{'raw cpu':>9}{'parse cpu':>10}{'cpu ratio':>10}{'pages/cpu s':>12}"
    )
    print(header)
    print("-" * len(header))
    totals: dict[str, list[float]] = {}
    for item in files:
        if parse_file is None:
            print(f"{item.label:<30}{item.pages:>6}   {why}")
            continue
        try:
            raw, parsed = time_interleaved(
                functools.partial(item.raw_reader, item.path),
                functools.partial(run_parser, parse_file, item.path),
                runs,
            )
        except Exception as error:
            print(f"{item.label:<30}{item.pages:>6}   failed: {error!s:.80}")
            continue
        kind = item.path.suffix.lstrip(".")
        for key in (kind, "all"):
            sums = totals.setdefault(key, [0.0] * 5)
            for i, value in enumerate((item.pages, raw.wall, parsed.wall, raw.cpu, parsed.cpu)):
                sums[i] += value
        print(_speed_row(item.label, item.pages, raw, parsed))
    if totals:
        print("-" * len(header))
        ordered = sorted(totals.items(), key=lambda kv: (kv[0] == "all", kv[0]))
        for key, (pages, raw_wall, parse_wall, raw_cpu, parse_cpu) in ordered:
            print(
                _speed_row(
                    f"TOTAL {key}",
                    int(pages),
                    Timing(raw_wall, raw_cpu),
                    Timing(parse_wall, parse_cpu),
                )
            )
        print("targets: parse ≤ 1.5 × raw pypdfium2 read, ≥ 50 pages per CPU second (one core)")


def _speed_row(label: str, pages: int, raw: Timing, parsed: Timing) -> str:
    return (
        f"{label:<30}{pages:>6}{raw.wall:>8.3f}{parsed.wall:>9.3f}"
        f"{parsed.wall / raw.wall:>7.2f}{raw.cpu:>9.3f}{parsed.cpu:>10.3f}"
        f"{parsed.cpu / max(raw.cpu, 1e-9):>10.2f}{pages / max(parsed.cpu, 1e-9):>12.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    global SHARED  # --shared points the whole run at another copy of the material
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--doc", action="append", default=[], help="gold name substring")
    parser.add_argument("--held-out", action="store_true", help="only held-out documents")
    parser.add_argument("--tuned", action="store_true", help="only tuned-on documents")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed part")
    parser.add_argument("--speed-only", action="store_true", help="skip the accuracy part")
    parser.add_argument("--speed-file", action="append", default=[], help="file label substring")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per file (median)")
    parser.add_argument(
        "--no-copies", action="store_true", help="do not score .docx/.pdf copies of text documents"
    )
    parser.add_argument(
        "--shared", type=Path, default=None, help=f"shared material (default {SHARED})"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every difference")
    args = parser.parse_args(argv)

    if args.shared is not None:
        SHARED = args.shared.resolve()
    if not SHARED.is_dir():
        print(f"note: {SHARED} is absent: only the repository's own fixtures are scored.")
    with tempfile.TemporaryDirectory(prefix="theodoi-bench-") as tmp:
        converter = Converter(Path(tmp))
        if not args.speed_only:
            golds = select(load_gold(), args.doc)
            if args.held_out:
                golds = [g for g in golds if g.get("held_out")]
            if args.tuned:
                golds = [g for g in golds if not g.get("held_out")]
            results = evaluate(golds, args.verbose, None if args.no_copies else converter)
            print_accuracy(results, args.verbose)
        if not args.no_speed:
            run_speed(max(1, args.runs), args.speed_file, converter)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
