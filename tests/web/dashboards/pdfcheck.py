"""Reading a generated report back the way a person sees it: LibreOffice
prints the .docx to PDF, then poppler's pdftotext/pdffonts and pdfplumber
say what is on the page, in which font, where."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from theodoi.text.readers.convert import convert_with_libreoffice, soffice_binary

MM = 72 / 25.4


@dataclass
class Printed:
    pdf: Path
    lines: list[str]
    fonts: str
    pages: int
    size: tuple[float, float]
    left: float
    right: float
    top: float

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def require_tools() -> None:
    if soffice_binary() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    for tool in ("pdftotext", "pdffonts"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} (poppler-utils) is not installed")


def with_font(docx: Path, font: str, target: Path) -> Path:
    """A copy of ``docx`` asking for ``font`` instead of Times New Roman (what a
    machine without Times or Liberation would render)."""
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith(".xml"):
                data = data.replace(b"Times New Roman", font.encode())
            copy.writestr(item, data)
    return target


def print_docx(docx: Path, out_dir: Path) -> Printed:
    require_tools()
    pdf = convert_with_libreoffice(docx, "pdf", out_dir, timeout=180)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        size = (float(page.width), float(page.height))
        chars = [c for p in document.pages for c in p.chars if c["text"].strip()]
        left = min(float(c["x0"]) for c in chars)
        right = max(float(c["x1"]) for c in chars)
        top = min(float(c["top"]) for c in page.chars)
        pages = len(document.pages)
    lines = [unicodedata.normalize("NFC", " ".join(line.split())) for line in text.splitlines()]
    return Printed(pdf, lines, fonts, pages, size, left, right, top)
