"""A scanned plan imported through the web: the worker keeps pages done /
total on the import's progress row and the status page shows them."""

from __future__ import annotations

import shutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.text.readers.scans import scanned_plan_pdf
from tests.web.builders import Org
from theodoi.documents.models import Document, ImportProgress

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]


@pytest.mark.django_db(transaction=True)  # the worker needs autocommit (PostgreSQL)
def test_scan_import_shows_pages_done_out_of_total(
    client_for, org: Org, focal_officer, unit_officer_a, tmp_path, settings, monkeypatch
) -> None:
    from django.core.management import call_command

    from theodoi.documents import tasks

    settings.MEDIA_ROOT = tmp_path / "media"
    client = client_for(focal_officer)
    pdf = scanned_plan_pdf(tmp_path)
    response = client.post(
        reverse("documents:upload"), {"file": SimpleUploadedFile(pdf.name, pdf.read_bytes())}
    )
    assert response.status_code == 302 and "/dang-phan-tich/" in response.url
    result_id = response.url.rstrip("/").rsplit("/", 1)[-1]
    poll = reverse("documents:import_progress", args=[result_id])
    first = client.get(poll).json()
    assert first == {"status": "READY", "finished": False, "done": 0, "total": 0}
    assert client_for(unit_officer_a).get(poll).status_code == 404

    seen: list[tuple[int, int, str]] = []  # what the poll and the page say, page by page
    original = tasks._progress_of

    def watched(stored_name: str):  # type: ignore[no-untyped-def]
        note = original(stored_name)

        def both(done: int, total: int) -> None:
            note(done, total)
            state = client.get(poll).json()
            page = client.get(response.url).text
            shown = f"{done}/{total} trang" if f'value="{done}" max="{total}"' in page else ""
            seen.append((state["done"], state["total"], shown))

        return both

    monkeypatch.setattr(tasks, "_progress_of", watched)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert seen == [
        (0, 3, "0/3 trang"),
        (1, 3, "1/3 trang"),
        (2, 3, "2/3 trang"),
        (3, 3, "3/3 trang"),
    ]
    done = client.get(poll).json()
    assert done["finished"] and done["status"] == "SUCCESSFUL"
    document = Document.objects.get(number="17/KH-UBND")
    finished = client.get(response.url)
    assert finished.status_code == 302
    assert finished.url == reverse("documents:review", args=[document.pk])
    assert not ImportProgress.objects.exists()  # the row goes with the import


def test_waiting_page_polls_with_the_local_script(
    client_for, org: Org, focal_officer, tmp_path, settings
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    pdf = scanned_plan_pdf(tmp_path)
    client = client_for(focal_officer)
    response = client.post(
        reverse("documents:upload"), {"file": SimpleUploadedFile(pdf.name, pdf.read_bytes())}
    )
    page = client.get(response.url).text
    assert "documents/import_status.js" in page and "/tien-do/" in page
    assert "<noscript>" in page  # without the script the page refreshes itself
