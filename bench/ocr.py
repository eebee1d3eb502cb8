"""OCR engines compared: character error rate and pages per CPU second.

    python bench/ocr.py [--quick] [--corpus DIR] [--vncv-path DIR]

Engines (all on CPU, one page image at 300 dpi grayscale, rendered with
pypdfium2):

- ``tesseract``: ``tesseract -l vie --psm 3``, text as read;
- ``tesseract+restore``: the production engine (theodoi.text.readers.ocr.Tesseract,
  TSV confidences handed to the diacritic restorer);
- ``vncv``: vncv's detector + the recogniser *shipped in its wheel*
  (``recognition.onnx``). The wheel's Vietnamese recogniser (VietOCR) is
  NOT in the wheel: ``vncv.ocr.get_recognition('vi')`` downloads
  ``vocab.zip`` from GitHub at run time, so it is not measured here (it is
  blocked: a page that would fetch it raises);
- ``vncv-det+tesseract``: vncv's text-line detector, the detected lines
  stacked one under the other in a clean image, read by ``tesseract -l vie
  --psm 6`` in one call (a combination that uses only shipped weights);
- ``tesseract-psm4`` / ``tesseract-psm6`` (only with ``--engines``): other
  Tesseract page segmentation modes.

Documents:

- the scan whose native Word original sits beside it in the development
  set (the draft plan attached to a Tờ trình): each page's OCR is aligned to
  its best window in the original's text and the CER is taken there; pages
  that do not align (the Tờ trình itself, which has no original) are skipped;
- the other scans of the development set: pages per second only (no
  ground truth);
- pages rendered from clean documents (.docx converted with LibreOffice,
  then rasterised): CER against the PDF's own text of that page.

CER = Levenshtein distance / length of the reference, on text normalised to
NFC with whitespace collapsed (case and punctuation kept); "CER base" is the
same without tone marks and case, so CER − CER base is what the diacritics
cost. The Word original is the *draft* of the signed scan: words the signed
version changed count as errors for every engine alike; so the scan also
gets a CER over only the OCR lines whose sentence the draft has too. Prints a table and
one JSON line. vncv is optional: without it (``--vncv-path`` or installed)
its rows are left out.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = Path("/work/shared/corpus/plans")
SCAN_WITH_ORIGINAL = (
    "vbai_CAT-LamDong_TTr-kem-duthao-KH-khongmatuy-2026_scan.pdf",
    "vbai_LamDong_KH-phongchongmatuy-xakhongmatuy-2026.doc",
)
OTHER_SCANS = (
    "vbai_TCTLNTW-C04_KH-996-kiemsoat-HDHP-matuy-2026_scan.pdf",
    "mekong_TTg_QD-222-KHHD-kinhtetuanhoan-2035_scan.pdf",
)
#: Clean documents rendered to page images (none of them held out).
CLEAN = ("vbai_LamDong_KH-kiemtra-CCHC-2026.docx", "vbai_LamDong_KH-CCHC-2026-2030.docx")
DPI = 300
MIN_ALIGNMENT = 60.0  # rapidfuzz partial ratio below which a page has no counterpart

Engine = Callable[[Path], str]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[|*#_`>]+", " ", text)  # table and markdown marks are not letters
    return re.sub(r"\s+", " ", text).strip()


def cer(hypothesis: str, reference: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(hypothesis, reference) / max(len(reference), 1)


def base_letters(text: str) -> str:
    """Without tone marks and case: what is left once diacritic errors are forgiven."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def aligned_cer(hypothesis: str, reference: str) -> tuple[float, float, float]:
    """(CER, CER on base letters, alignment score) against the best window
    of a longer reference."""
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(hypothesis, reference)
    if found is None:
        return 1.0, 1.0, 0.0
    window = reference[found.dest_start : found.dest_end]
    return cer(hypothesis, window), cer(base_letters(hypothesis), base_letters(window)), found.score


def _weighted(rates: list[tuple[float, int]]) -> float | None:
    chars = sum(n for _r, n in rates)
    return round(sum(r * n for r, n in rates) / chars, 4) if chars else None


def matched_lines_cer(text: str, reference: str) -> tuple[float | None, float]:
    """CER over the OCR lines whose sentence is in the reference too (partial
    ratio ≥ 85 for a line of 25+ characters), and the share of characters in
    such lines: the draft's edits drop out, the OCR's errors stay."""
    from rapidfuzz import fuzz

    lines = [normalise(line) for line in text.splitlines()]
    lines = [line for line in lines if len(line) >= 25]
    rates: list[tuple[float, int]] = []
    for line in lines:
        found = fuzz.partial_ratio_alignment(line, reference, score_cutoff=85)
        if found is not None:
            rates.append((cer(line, reference[found.dest_start : found.dest_end]), len(line)))
    total = sum(len(line) for line in lines)
    return _weighted(rates), (sum(n for _r, n in rates) / total if total else 0.0)


def render_pages(pdf: Path, pages: list[int], folder: Path) -> list[Path]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for number in pages:
            page = document[number - 1]
            bitmap = page.render(scale=DPI / 72, grayscale=True)
            image = folder / f"{pdf.stem[:20]}-{number}.png"
            bitmap.to_pil().save(image)
            images.append(image)
            page.close()
    finally:
        document.close()
    return images


def pdf_page_texts(pdf: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def tesseract_plain(image: Path, psm: int = 3) -> str:
    done = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", "vie", "--psm", str(psm)],
        capture_output=True,
        timeout=600,
        check=True,
    )
    return done.stdout.decode("utf-8", "replace")


def tesseract_restored(image: Path) -> str:
    from theodoi.text.readers.ocr import Tesseract

    return Tesseract()(image, 600)


class Vncv:
    """vncv with the weights its wheel ships, and never a download."""

    def __init__(self) -> None:
        import vncv.ocr as module

        def refuse() -> None:
            raise RuntimeError("vncv wants to download weights at run time")

        module.download_weights = refuse  # the Vietnamese recogniser is not in the wheel
        self.module = module
        self.recogniser = module.EnglishRecognition(module._weight_path("recognition.onnx"))

    def lines(self, image: Path) -> tuple[Any, list[Any]]:
        import cv2

        m = self.module
        frame = cv2.imread(str(image), cv2.IMREAD_COLOR)
        cv2.cvtColor(frame, cv2.COLOR_BGR2RGB, frame)
        points = m.sort_polygon(list(m.detection(frame)))
        return frame, points

    def __call__(self, image: Path) -> str:
        frame, points = self.lines(image)
        crops = [self.module.crop_image(frame, p) for p in points]
        if not crops:
            return ""
        crops, _ = self.module.classification(crops)
        texts, _conf = self.recogniser(crops)
        return "\n".join(texts)

    def detector_then_tesseract(self, image: Path) -> str:
        """vncv's line boxes, restacked in a clean image, read by Tesseract in one call."""
        import cv2
        import numpy

        frame, points = self.lines(image)
        gray = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)
        boxes = [cv2.boundingRect(numpy.array(p, dtype=numpy.int32)) for p in points]
        if not boxes:
            return ""
        gap = 24
        width = max(w for _x, _y, w, _h in boxes) + 2 * gap
        height = sum(h + gap for *_xy, _w, h in boxes) + gap
        sheet = numpy.full((height, width), 255, dtype=numpy.uint8)
        top = gap
        for x, y, w, h in boxes:
            sheet[top : top + h, gap : gap + w] = gray[y : y + h, x : x + w]
            top += h + gap
        stacked = image.with_name(image.stem + "-stacked.png")
        cv2.imwrite(str(stacked), sheet)
        try:
            return tesseract_plain(stacked, psm=6)
        finally:
            stacked.unlink(missing_ok=True)


def cpu_time() -> float:
    import os

    times = os.times()  # the tesseract children count too
    return times.user + times.system + times.children_user + times.children_system


def run_engine(engine: Engine, images: list[Path]) -> tuple[list[str], float]:
    start = cpu_time()
    texts = [engine(image) for image in images]
    return texts, cpu_time() - start


def document_text(path: Path) -> str:
    from theodoi.text.parse import read_source

    return read_source(path).plain_text()


def to_pdf(document: Path, folder: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(document)],
        capture_output=True,
        timeout=300,
        check=True,
    )
    return folder / (document.stem + ".pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two pages per document")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--vncv-path", type=Path, help="a folder where vncv is installed")
    parser.add_argument("--pages", type=int, default=0, help="pages per document (0: all)")
    parser.add_argument("--engines", help="comma-separated engine names to run (default: all)")
    parser.add_argument("--no-other-scans", action="store_true", help="skip the speed-only scans")
    args = parser.parse_args()
    if args.vncv_path:
        sys.path.insert(0, str(args.vncv_path))
    limit = 2 if args.quick else args.pages

    engines: dict[str, Engine] = {"tesseract": tesseract_plain}
    engines["tesseract+restore"] = tesseract_restored
    try:
        vncv = Vncv()
        engines["vncv"] = vncv
        engines["vncv-det+tesseract"] = vncv.detector_then_tesseract
    except ImportError as exc:
        print(f"vncv not measured: {exc}", file=sys.stderr)
    engines["tesseract-psm4"] = lambda image: tesseract_plain(image, psm=4)
    engines["tesseract-psm6"] = lambda image: tesseract_plain(image, psm=6)
    if args.engines:
        wanted = args.engines.split(",")
        engines = {name: engine for name, engine in engines.items() if name in wanted}
    else:  # the layout variants only on request
        engines = {n: e for n, e in engines.items() if "-psm" not in n}

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        folder = Path(tmp)
        # 1. the scan with its native original
        scan, original = (args.corpus / name for name in SCAN_WITH_ORIGINAL)
        reference = normalise(document_text(original))
        count = len(pdf_page_texts(scan))
        pages = list(range(1, count + 1))
        if limit:
            pages = pages[count // 2 : count // 2 + limit]  # the attached draft, not the Tờ trình
        images = render_pages(scan, pages, folder)
        for name, engine in engines.items():
            texts, seconds = run_engine(engine, images)
            line_cer, line_share = matched_lines_cer("\n".join(texts), reference)
            scored = [aligned_cer(normalise(t), reference) for t in texts]
            kept = [
                (c, b, len(normalise(t)))
                for (c, b, score), t in zip(scored, texts, strict=True)
                if score >= MIN_ALIGNMENT
            ]
            rows.append(
                {
                    "document": scan.name[:40],
                    "kind": "scan vs Word original",
                    "engine": name,
                    "pages": len(images),
                    "pages_scored": len(kept),
                    "cer": _weighted([(c, n) for c, _b, n in kept]),
                    "cer_base": _weighted([(b, n) for _c, b, n in kept]),
                    "cer_matched_lines": line_cer,
                    "matched_share": round(line_share, 3),
                    "pages_per_cpu_s": round(len(images) / seconds, 3) if seconds else None,
                }
            )
        # 2. the other scans: speed only
        for name in () if args.no_other_scans else OTHER_SCANS:
            scan = args.corpus / name
            count = len(pdf_page_texts(scan))
            images = render_pages(scan, list(range(1, min(count, limit or count) + 1)), folder)
            for engine_name, engine in engines.items():
                texts, seconds = run_engine(engine, images)
                rows.append(
                    {
                        "document": name[:40],
                        "kind": "scan (no ground truth)",
                        "engine": engine_name,
                        "pages": len(images),
                        "pages_scored": 0,
                        "cer": None,
                        "cer_base": None,
                        "chars": sum(len(normalise(t)) for t in texts),
                        "pages_per_cpu_s": round(len(images) / seconds, 3) if seconds else None,
                    }
                )
        # 3. pages rendered from clean documents
        if shutil.which("soffice"):
            for name in CLEAN:
                pdf = to_pdf(args.corpus / name, folder)
                truths = [normalise(t) for t in pdf_page_texts(pdf)]
                pages = list(range(1, len(truths) + 1))[: limit or None]
                images = render_pages(pdf, pages, folder)
                for engine_name, engine in engines.items():
                    texts, seconds = run_engine(engine, images)
                    pairs = zip(texts, pages, strict=True)
                    pairs = list(pairs)
                    errors = [cer(normalise(t), truths[p - 1]) for t, p in pairs]
                    bases = [
                        cer(base_letters(normalise(t)), base_letters(truths[p - 1]))
                        for t, p in pairs
                    ]
                    sizes = [len(truths[p - 1]) for p in pages]
                    weighted = sum(e * s for e, s in zip(errors, sizes, strict=True))
                    weighted_base = sum(e * s for e, s in zip(bases, sizes, strict=True))
                    rows.append(
                        {
                            "document": name[:40],
                            "kind": "rendered clean page",
                            "engine": engine_name,
                            "pages": len(images),
                            "pages_scored": len(images),
                            "cer": round(weighted / sum(sizes), 4),
                            "cer_base": round(weighted_base / sum(sizes), 4),
                            "pages_per_cpu_s": round(len(images) / seconds, 3) if seconds else None,
                        }
                    )
    head = f"{'document':42} {'kind':24} {'engine':20} {'pages':>5} {'CER':>7} {'CER base':>8}"
    print(head + f" {'pages/CPU s':>11}")
    for row in rows:
        shown = "-" if row["cer"] is None else f"{row['cer']:.3f}"
        base = "-" if row["cer_base"] is None else f"{row['cer_base']:.3f}"
        lines = ""
        if row.get("cer_matched_lines") is not None:
            lines = f"  lines in both: CER {row['cer_matched_lines']:.3f}"
            lines += f" on {row['matched_share']:.0%} of the text"
        print(
            f"{row['document']:42} {row['kind']:24} {row['engine']:20} "
            f"{row['pages']:>5} {shown:>7} {base:>8} {row['pages_per_cpu_s'] or 0:>11.3f}{lines}"
        )
    print(json.dumps({"bench": "ocr", "dpi": DPI, "rows": rows}, ensure_ascii=False))


if __name__ == "__main__":
    main()
