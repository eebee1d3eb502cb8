"""Hostile uploads through the web and the API, and how stored files are
kept and served: random names, permission-checked downloads, no /media/."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from tests.text.readers import bombs
from tests.web.builders import Plan
from theodoi.documents.models import Document
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportingError
from theodoi.reporting.models import Attachment

EIGHTY_MB = 80 * 1024 * 1024


class CountingBody(io.RawIOBase):
    """An 80 MB request body made on demand, counting what the server reads."""

    def __init__(self, size: int) -> None:
        self.size, self.read_so_far = size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.size - self.read_so_far)
        buffer[:n] = b"a" * n
        self.read_so_far += n
        return n


def _wsgi_post(path: str, body: CountingBody, cookie: str = "") -> tuple[str, bytes]:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "CONTENT_TYPE": "multipart/form-data; boundary=xyz",
        "CONTENT_LENGTH": str(body.size),
        "HTTP_COOKIE": cookie,
        "wsgi.input": body,
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    seen: list[str] = []
    # As Django's test client does: keep the test's database connection open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = WSGIHandler()(environ, lambda status, headers: seen.append(status))
        return seen[0], b"".join(chunks)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.parametrize(
    "path", ["/api/documents", "/van-ban/tai-len/", "/bao-cao/ky/1/nhiem-vu/1/"]
)
def test_an_80_mb_upload_is_refused_with_413_before_the_body_is_read(
    client_for, focal_officer, path: str
) -> None:
    session = client_for(focal_officer).cookies["sessionid"].value
    body = CountingBody(EIGHTY_MB)
    status, content = _wsgi_post(path, body, cookie=f"sessionid={session}")
    assert status.startswith("413"), (status, content[:200])
    assert body.read_so_far == 0
    if path.startswith("/api/"):
        assert json.loads(content)["error"]["code"] == "too_large"
    else:
        assert "50 MB" in content.decode()


def test_bombs_and_web_page_plans_are_refused_by_the_api_and_the_form(
    client_for, org, focal_officer
) -> None:
    client = client_for(focal_officer)
    bomb = SimpleUploadedFile("ke-hoach.docx", bombs.zip_bomb_docx())
    response = client.post("/api/documents", {"file": bomb})
    assert response.status_code == 400 and "zip bomb" in response.json()["error"]["message"]
    pdf = SimpleUploadedFile("ke-hoach.pdf", bombs.pdf_bomb())
    response = client.post("/api/documents", {"file": pdf})
    assert (
        response.status_code == 400 and "decompression bomb" in response.json()["error"]["message"]
    )
    page = SimpleUploadedFile("ke-hoach.pdf", bombs.html_page())
    response = client.post("/api/documents", {"file": page})
    assert response.status_code == 400 and "web page" in response.json()["error"]["message"]
    page = SimpleUploadedFile("ke-hoach.pdf", bombs.html_page())
    form = client.post("/van-ban/tai-len/", {"file": page})
    assert form.status_code == 400 and "web page" in form.content.decode()
    assert Document.objects.count() == 0


def test_evidence_is_typed_by_content(plan: Plan, unit_officer_a, now, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    report = actions.save_draft(
        unit_officer_a, plan.period, plan.tasks[1], actions.ReportData(), now=now
    )
    page = SimpleUploadedFile("bien-ban.pdf", bombs.html_page())
    with pytest.raises(ReportingError, match="một trang web"):
        actions.add_attachments(unit_officer_a, report, [page], now=now)
    text = SimpleUploadedFile("so-lieu.xlsx", "Chỉ tiêu;Số liệu\n".encode())
    with pytest.raises(ReportingError, match="không đúng định dạng"):
        actions.add_attachments(unit_officer_a, report, [text], now=now)
    bomb = SimpleUploadedFile("so-lieu.docx", bombs.zip_bomb_docx(64 * 1024 * 1024))
    with pytest.raises(ReportingError, match="zip bomb"):
        actions.add_attachments(unit_officer_a, report, [bomb], now=now)
    csv = SimpleUploadedFile("so-lieu.csv", "Chỉ tiêu;Số liệu\nHội nghị;4\n".encode())
    [kept] = actions.add_attachments(unit_officer_a, report, [csv], now=now)
    assert kept.original_name == "so-lieu.csv"
    assert Attachment.objects.count() == 1


def test_stored_files_have_random_names_and_only_the_permitted_may_download(
    client_for, plan: Plan, unit_officer_a, unit_officer_b, focal_officer, now, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    report = actions.save_draft(
        unit_officer_a, plan.period, plan.tasks[1], actions.ReportData(), now=now
    )
    pdf = SimpleUploadedFile("bien-ban-so-tu-phap.pdf", b"%PDF-1.4\n% Hoa Lam\n")
    [attachment] = actions.add_attachments(unit_officer_a, report, [pdf], now=now)
    stored = attachment.file.name
    assert (
        "bien-ban" not in stored and stored.endswith(".pdf") and len(stored.rsplit("/", 1)[1]) == 36
    )
    url = f"/bao-cao/tep/{attachment.pk}/"
    own = client_for(unit_officer_a).get(url)
    assert own.status_code == 200 and b"".join(own.streaming_content).startswith(b"%PDF")
    assert "bien-ban-so-tu-phap.pdf" in own["Content-Disposition"]
    assert client_for(focal_officer).get(url).status_code == 200
    assert client_for(unit_officer_b).get(url).status_code == 404  # another unit's evidence
    assert client_for(unit_officer_a).get(f"/media/{stored}").status_code == 404


def test_no_media_route_even_with_debug(settings) -> None:
    from django.urls import resolve
    from django.urls.exceptions import Resolver404

    settings.DEBUG = True
    with pytest.raises(Resolver404):
        resolve("/media/attachments/2025/11/x.pdf")
