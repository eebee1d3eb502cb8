"""Views of the orgunits app: the directory upload (preview, then confirm) and export.

The preview keeps the checked table in the session, so the confirm step
imports exactly what the administrator saw, not a second upload.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.accounts import roles
from theodoi.orgunits.actions import import_directory
from theodoi.orgunits.directory import COLUMNS, DirectoryError, export_rows, parse_rows, preview
from theodoi.orgunits.forms import DirectoryUploadForm
from theodoi.text.readers.sheet import read_sheet
from theodoi.text.source import InputError

SESSION_KEY = "orgunits.directory_rows"


def _admin_only(request: HttpRequest) -> None:
    if not roles.is_admin(request.user):
        raise PermissionDenied


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    form = DirectoryUploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            records = _read_upload(upload.name, upload.read())
            changes = preview(parse_rows(records))
        except (InputError, DirectoryError) as exc:
            form.add_error("file", str(exc))
        else:
            request.session[SESSION_KEY] = records
            context.update(
                changes=[c for c in changes if c.action != "same"],
                unchanged=sum(1 for c in changes if c.action == "same"),
                added=sum(1 for c in changes if c.action == "add"),
                file_name=upload.name,
            )
    status = 400 if form.errors else 200
    return render(request, "orgunits/directory.html", context, status=status)


def _read_upload(name: str, data: bytes) -> list[dict[str, str]]:
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"danh-muc{suffix}"
        path.write_bytes(data)
        records = read_sheet(path)
    return records


@login_required
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    records = request.session.pop(SESSION_KEY, None)
    if not records:
        messages.error(request, _("Không còn bảng chờ xác nhận. Hãy tải tệp lên lại."))
        return redirect("orgunits:directory")
    try:
        result = import_directory(request.user, parse_rows(records))
    except DirectoryError as exc:
        messages.error(request, str(exc))
        return redirect("orgunits:directory")
    messages.success(
        request,
        _("Đã cập nhật danh mục: thêm %(added)d, sửa %(changed)d, giữ nguyên %(unchanged)d đơn vị.")
        % result.summary(),
    )
    return redirect("orgunits:directory")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS))
    writer.writeheader()
    writer.writerows(export_rows())
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="danh-muc-don-vi.csv"'
    return response
