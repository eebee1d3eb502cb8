"""Session-wide real documents (built once: LibreOffice is slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.text.readers import builders


@pytest.fixture(scope="session")
def docs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reader-docs")


@pytest.fixture(scope="session")
def plan_docx(docs_dir: Path) -> Path:
    return builders.build_plan_docx(docs_dir / "plan.docx")


@pytest.fixture(scope="session")
def plan_pdf(docs_dir: Path) -> Path:
    if builders.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = builders.build_plan_docx(docs_dir / "plan-for-pdf.docx", legacy=False, long_body=3)
    return builders.libreoffice_convert(source, "pdf", docs_dir)


@pytest.fixture(scope="session")
def scan_png(plan_pdf: Path, docs_dir: Path) -> Path:
    return builders.rasterise_page(plan_pdf, docs_dir / "scan-page.png")


@pytest.fixture(scope="session")
def scan_pdf(scan_png: Path, docs_dir: Path) -> Path:
    return builders.image_to_pdf(scan_png, docs_dir / "scan.pdf")
