"""A fictional three-part plan printed, scanned and OCR'd end to end.

The plan (tests/fixtures/plans/kh-noi-dung-ba-phan.txt) is drawn in a serif
face on A4 page images at 300 dpi, hard-wrapped as a printed page is, with a
page number on the second page, saved as an image-only PDF and read through
the project's own Tesseract path. Its duties sit under a bare "II. NỘI DUNG"
and mostly name nobody, as in many central plans; they must come out as
tasks whatever the OCR made of the words.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from theodoi.text.parse import parse_file
from theodoi.text.readers.ocr import OCR_LANGUAGE, _installed_languages

PLAN = Path(__file__).resolve().parents[2] / "fixtures" / "plans" / "kh-noi-dung-ba-phan.txt"
FONTS = Path("/usr/share/fonts/truetype")
SERIF = FONTS / "liberation2" / "LiberationSerif-Regular.ttf"
SERIF_BOLD = FONTS / "liberation2" / "LiberationSerif-Bold.ttf"
WIDTH, HEIGHT, MARGIN, LINE = 2480, 3508, 260, 78  # A4 at 300 dpi; 13 pt type


def _missing() -> str:
    if shutil.which("tesseract") is None:
        return "tesseract is not installed"
    if OCR_LANGUAGE not in _installed_languages("tesseract"):
        return "Tesseract's Vietnamese model (tesseract-ocr-vie) is not installed"
    if shutil.which("pdftoppm") is None:
        return "pdftoppm (poppler-utils) is not installed"
    if not SERIF.exists() or not SERIF_BOLD.exists():
        return "the Liberation Serif fonts are not installed"
    return ""


pytestmark = [pytest.mark.slow, pytest.mark.skipif(bool(_missing()), reason=_missing())]


def _printed_lines(text: str) -> list[tuple[str, bool]]:
    """(line, bold) as a printer wraps them: headings bold, long paragraphs wrapped."""
    out: list[tuple[str, bool]] = []
    for paragraph in text.splitlines():
        heading = paragraph.isupper() or paragraph[:3] in ("I. ", "II.", "III")
        for line in textwrap.wrap(paragraph, 68) or [""]:
            out.append((line, heading))
    return out


def _scan(folder: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    regular = ImageFont.truetype(str(SERIF), 54)
    bold = ImageFont.truetype(str(SERIF_BOLD), 54)
    lines = _printed_lines(PLAN.read_text(encoding="utf-8"))
    per_page = 20  # the plan runs onto a second page
    pages = []
    for number, start in enumerate(range(0, len(lines), per_page), start=1):
        image = Image.new("L", (WIDTH, HEIGHT), 255)
        draw = ImageDraw.Draw(image)
        if number > 1:
            draw.text((WIDTH // 2, 150), str(number), font=regular, fill=0)
        for row, (line, heavy) in enumerate(lines[start : start + per_page]):
            draw.text((MARGIN, 300 + LINE * row), line, font=bold if heavy else regular, fill=0)
        pages.append(image)
    path = folder / "ke-hoach-ba-phan-quet.pdf"
    pages[0].save(path, "PDF", resolution=300.0, save_all=True, append_images=pages[1:])
    return path


def test_a_scanned_plan_gives_its_duties_under_a_bare_noi_dung(tmp_path: Path) -> None:
    result = parse_file(_scan(tmp_path))
    assert result.document.kind == "ke_hoach"
    tasks = {task.path: task for task in result.tasks}
    assert {"II.1", "II.2", "II.3-1", "II.3-2", "II.4", "III.1"} <= set(tasks)
    assert not any(path.startswith("I.") for path in tasks)
    assert tasks["III.1"].lead == ["Sở Công Thương"]
