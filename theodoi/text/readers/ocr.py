"""OCR for scanned PDFs and images, with Tesseract's Vietnamese model only.

The English model reads Vietnamese as diacritic-free garbage that the
restorer then has to guess back; the ``vie`` model keeps most marks. The
engine is a plain callable so tests or deployments can pass another one; the
default shells out to the ``tesseract`` CLI with a timeout, and pages are
rasterised by ``pdftoppm`` (poppler-utils) at 300 dpi one at a time so the
deadline is checked between pages.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Protocol

from theodoi.text.progress import report
from theodoi.text.readers.clean import clean_text
from theodoi.text.readers.limits import Deadline, ocr_time_seconds
from theodoi.text.readers.lines import paragraphs_from_lines
from theodoi.text.source import Block, InputError, Paragraph, SourceText, Table

OCR_LANGUAGE = "vie"
DPI = 300


class OcrEngine(Protocol):
    def __call__(self, image: Path, timeout: float) -> str:
        """Text of one page image; raise InputError on failure."""
        ...


@cache
def _installed_languages(binary: str) -> frozenset[str]:
    try:
        result = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(line.strip() for line in result.stdout.splitlines()[1:])


class Tesseract:
    """The ``tesseract`` CLI with ``-l vie`` (never ``eng``).

    With ``confidences`` (the default) it asks for TSV output and hands the
    words with their confidences to the restorer: low-confidence words get
    the restorer's candidates, high-confidence words are kept as read
    (theodoi/text/restore/confidence.py). Without the restorer the words are
    joined as read.
    """

    def __init__(self, binary: str = "tesseract", psm: int = 3, confidences: bool = True) -> None:
        self.binary = binary
        self.psm = psm
        self.confidences = confidences

    def __call__(self, image: Path, timeout: float) -> str:
        if shutil.which(self.binary) is None:
            raise InputError("cannot OCR this scan: Tesseract is not installed (tesseract-ocr)")
        if OCR_LANGUAGE not in _installed_languages(self.binary):
            raise InputError(
                "cannot OCR this scan: Tesseract's Vietnamese model "
                "is not installed (tesseract-ocr-vie)"
            )
        try:
            result = subprocess.run(
                [self.binary, str(image), "stdout", "-l", OCR_LANGUAGE, "--psm", str(self.psm)]
                + (["tsv"] if self.confidences else []),
                capture_output=True,
                timeout=max(timeout, 1.0),
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise InputError(
                f"OCR gave up: a page took longer than the {timeout:.0f} s left for the document "
                "(set THEODOI_OCR_PAGE_SECONDS to give each page more)"
            ) from exc
        if result.returncode != 0:
            message = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise InputError(f"OCR failed on the image: {message[0]}")
        text = result.stdout.decode("utf-8", "replace")
        return _from_tsv(text) if self.confidences else text


def _from_tsv(tsv: str) -> str:
    try:
        from theodoi.text.restore.confidence import restore_tsv

        return restore_tsv(tsv)
    except (ImportError, OSError, ValueError):  # no restorer or no usable model: as read
        return _words_as_read(tsv)


def _words_as_read(tsv: str) -> str:
    lines: list[str] = []
    current: tuple[str, ...] | None = None
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        key = tuple(cells[1:5])
        if key != current:
            if current is not None and key[:3] != current[:3]:
                lines.append("")
            lines.append(cells[11].strip())
            current = key
        else:
            lines[-1] += " " + cells[11].strip()
    return "\n".join(lines) + "\n"


def ocr_page_text(text: str, page: int | None) -> list[Paragraph]:
    """The page's OCR lines as paragraphs; on the first page the letterhead's
    lines stay apart (extract/scanheader.py)."""
    from theodoi.text.extract.scanheader import letterhead_apart

    lines = text.splitlines()
    if page in (1, None):
        lines = letterhead_apart(lines)
    paragraphs = []
    for para in paragraphs_from_lines(lines):
        cleaned = clean_text(para)
        if cleaned:
            paragraphs.append(Paragraph(cleaned, page=page))
    return paragraphs


def read_image_bytes(data: bytes, deadline: Deadline, ocr: OcrEngine | None) -> SourceText:
    engine = ocr or Tesseract()
    with tempfile.TemporaryDirectory(prefix="theodoi-ocr-") as tmp:
        image = Path(tmp) / "page.img"
        image.write_bytes(data)
        report(0, 1)
        text = engine(image, deadline.remaining())
        report(1, 1)
    blocks = ocr_page_text(text, 1)
    if not blocks:
        raise InputError("OCR found no text in the image")
    return SourceText(blocks=list(blocks), input_kind="image", ocr=True)


def _page_blocks(image: Path, number: int, engine: OcrEngine, deadline: Deadline) -> list[Block]:
    """One page image: its ruled tables as ``Table`` blocks when the default
    Tesseract engine reads it (readers/ocr_tables.py), else paragraphs only."""
    if isinstance(engine, Tesseract):
        from theodoi.text.readers import ocr_tables

        if ocr_tables.enabled():
            blocks = ocr_tables.ocr_page_blocks(
                image,
                number,
                engine,
                ocr_page_text,
                deadline,
                ocr_tables.tesseract_tsv(engine.binary),
                DPI / 25.4,
            )
            if blocks is not None:
                return blocks
    return list(ocr_page_text(engine(image, deadline.remaining()), number))


def ocr_pdf_pages(
    data: bytes, pages: list[int], deadline: Deadline, ocr: OcrEngine | None
) -> dict[int, list[Block]]:
    """Rasterise the given pages (1-based) with pdftoppm and OCR each,
    reporting pages done out of ``len(pages)`` (theodoi.text.progress)."""
    if shutil.which("pdftoppm") is None:
        raise InputError("cannot OCR this scanned PDF: pdftoppm (poppler-utils) is not installed")
    engine = ocr or Tesseract()
    found: dict[int, list[Block]] = {}
    deadline.allow_at_least(ocr_time_seconds(len(pages)))
    report(0, len(pages))
    with tempfile.TemporaryDirectory(prefix="theodoi-ocr-") as tmp:
        pdf = Path(tmp) / "scan.pdf"
        pdf.write_bytes(data)
        for done, number in enumerate(pages, start=1):
            deadline.check("OCR of the scanned PDF")
            prefix = Path(tmp) / f"p{number}"
            command = ["pdftoppm", "-r", str(DPI), "-gray", "-png"]
            command += ["-f", str(number), "-l", str(number), "-singlefile", str(pdf), str(prefix)]
            try:
                subprocess.run(
                    command,
                    capture_output=True,
                    timeout=max(deadline.remaining(), 1.0),
                    check=True,
                )
            except subprocess.TimeoutExpired as exc:
                raise deadline.error("rasterising the scanned PDF") from exc
            except subprocess.CalledProcessError as exc:
                raise InputError(f"cannot rasterise page {number} of the scanned PDF") from exc
            image = prefix.with_suffix(".png")
            found[number] = _page_blocks(image, number, engine, deadline)
            image.unlink(missing_ok=True)
            report(done, len(pages))
    return found


def ocr_pdf(data: bytes, pages: int, deadline: Deadline, ocr: OcrEngine | None) -> SourceText:
    """A PDF that is only page images: OCR every page."""
    found = ocr_pdf_pages(data, list(range(1, pages + 1)), deadline, ocr)
    blocks: list[Block] = [block for number in sorted(found) for block in found[number]]
    if any(isinstance(block, Table) for block in blocks):
        from theodoi.text.readers.ocr_tables import join_tables

        blocks = join_tables(blocks)
    if not blocks:
        raise InputError("the PDF has no text layer and OCR found no text in it")
    return SourceText(blocks=blocks, input_kind="pdf-scan", ocr=True)
