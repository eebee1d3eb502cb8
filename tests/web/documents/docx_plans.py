"""Fictional plans (written for these tests) as real .docx files made by python-docx."""

from __future__ import annotations

from pathlib import Path

import docx

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
PLAN_88 = FIXTURES / "ke-hoach-88.txt"


def docx_bytes_from_text(text: str, path: Path) -> Path:
    """Write ``text`` as a Word document, one paragraph per line."""
    document = docx.Document()
    for line in text.splitlines():
        paragraph = document.add_paragraph(line)
        if line.isupper():
            for run in paragraph.runs:
                run.bold = True
    document.save(str(path))
    return path


def plan_88_docx(folder: Path) -> Path:
    """Kế hoạch 88/KH-UBND of the fictional province Hòa Lâm."""
    return docx_bytes_from_text(PLAN_88.read_text(encoding="utf-8"), folder / "ke-hoach-88.docx")
