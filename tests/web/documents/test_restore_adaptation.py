"""The installation's own documents and unit directory teach the restorer.

A clean district plan is imported, the background worker rebuilds the
adaptation file, then a copy of a sibling plan that lost its diacritics is
imported: the rare commune name "Khe Mạ" comes back right only with the
adaptation (the committed model says "Khe Mà"/"Khe Mã"). Real .docx files,
the real parser and restorer, the real task queue.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from tests.web.builders import Org, unit
from tests.web.documents.docx_plans import docx_bytes_from_text
from theodoi.documents.actions import import_document, update_document
from theodoi.documents.adaptation import adaptation_path
from theodoi.documents.importing import SourceFile
from theodoi.documents.models import Document
from theodoi.orgunits.models import Level, UnitKind
from theodoi.text.restore import load_counts, use_adaptation
from theodoi.text.vietnamese import strip_diacritics

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "restore"
CLEAN = FIXTURES / "ke-hoach-21-khe-ma.txt"  # Quế Đới district, Hòa Lâm province
SIBLING = FIXTURES / "ke-hoach-34-khe-ma.txt"  # the same district's next plan


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Each test is a fresh installation: its own adaptation file."""
    settings.DATA_DIR = tmp_path / "data"
    yield
    use_adaptation(None)


def upload(folder: Path, name: str, text: str, actor) -> Document:  # type: ignore[no-untyped-def]
    path = docx_bytes_from_text(text, folder / name)
    source = SourceFile(name, path.read_bytes(), "application/octet-stream")
    return import_document(actor, source).document


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")


def damaged_sibling(folder: Path, actor) -> str:  # type: ignore[no-untyped-def]
    """Import the sibling plan stripped of its diacritics; its restored task texts."""
    text = strip_diacritics(SIBLING.read_text(encoding="utf-8"))
    document = upload(folder, "ke-hoach-34.docx", text, actor)
    assert document.restored
    return "\n".join(document.tasks.values_list("text", flat=True))


def test_without_adaptation_the_rare_name_is_lost(
    org: Org, focal_officer, tmp_path: Path, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        tasks = damaged_sibling(tmp_path, focal_officer)
    assert "xã Khe M" in tasks
    assert "Khe Mạ" not in tasks


def test_a_clean_plan_imported_first_teaches_the_name(
    org: Org, focal_officer, tmp_path: Path, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        clean = upload(
            tmp_path, "ke-hoach-21.docx", CLEAN.read_text(encoding="utf-8"), focal_officer
        )
    assert not clean.restored
    assert not adaptation_path().exists()  # rebuilt in the background, not during the import
    run_worker()
    counts = load_counts(adaptation_path())
    assert counts[("xã", "khe", "mạ")] >= 5
    with django_capture_on_commit_callbacks(execute=True):
        tasks = damaged_sibling(tmp_path, focal_officer)
    assert tasks.count("xã Khe Mạ") >= 2
    assert "Khe Mà" not in tasks and "Khe Mã" not in tasks


def test_a_unit_directory_name_beats_the_language_model(
    org: Org, focal_officer, tmp_path: Path, django_capture_on_commit_callbacks
) -> None:
    unit("ubnd-khe-ma", "Ủy ban nhân dân xã Khe Mạ", UnitKind.GOVERNMENT, Level.COMMUNE)
    with django_capture_on_commit_callbacks(execute=True):
        damaged_sibling(tmp_path, focal_officer)  # importing queues a rebuild
    run_worker()
    counts = load_counts(adaptation_path())
    assert counts[("dân", "xã", "khe")] > 0 and counts[("xã", "khe", "mạ")] > 0
    Document.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        tasks = damaged_sibling(tmp_path, focal_officer)
    assert "Ủy ban nhân dân xã Khe Mạ" in tasks


def test_an_officers_correction_of_a_restored_title_is_learned(
    org: Org, focal_officer, tmp_path: Path, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        damaged_sibling(tmp_path, focal_officer)
    run_worker()
    document = Document.objects.get(restored=True)
    with django_capture_on_commit_callbacks(execute=True):
        update_document(
            focal_officer,
            document,
            title="Phát triển nông nghiệp hữu cơ tại xã Khe Mạ năm 2025",
        )
    run_worker()
    counts = load_counts(adaptation_path())
    assert counts[("xã", "khe", "mạ")] > 0
