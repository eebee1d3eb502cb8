"""Pages of coverage and comparison: the matrix of a plan's themes against
the plans carrying it out (.xlsx too), and the comparison of any two plans.

Both documents are fetched through ``access.py``; the work is in
``coverage.py``.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from theodoi.documents.access import documents_for_user, get_document_for_user
from theodoi.documents.coverage import (
    children_of,
    compare_documents,
    coverage_matrix,
    matrix_xlsx,
)
from theodoi.documents.models import DocumentState
from theodoi.project.params import id_param

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def matrix(request: HttpRequest, pk: int) -> HttpResponse:
    parent = get_document_for_user(request.user, pk)
    children = children_of(parent, documents_for_user(request.user))
    context = {"document": parent, "matrix": coverage_matrix(parent, children)}
    return render(request, "documents/coverage_matrix.html", context)


@login_required
def matrix_export(request: HttpRequest, pk: int) -> HttpResponse:
    parent = get_document_for_user(request.user, pk)
    children = children_of(parent, documents_for_user(request.user))
    response = HttpResponse(matrix_xlsx(coverage_matrix(parent, children)), content_type=XLSX)
    name = slugify(parent.number or f"van-ban-{parent.pk}") or f"van-ban-{parent.pk}"
    response["Content-Disposition"] = f'attachment; filename="do-bao-phu-{name}.xlsx"'
    return response


def _document_id(value: str | None) -> int | None:
    return id_param(value)


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    visible = documents_for_user(request.user).exclude(state=DocumentState.PLACEHOLDER)
    a_id, b_id = _document_id(request.GET.get("a")), _document_id(request.GET.get("b"))
    context: dict[str, object] = {
        "choices": visible.order_by("-date", "-pk").only("pk", "kind", "number", "title")[:500],
        "a_id": a_id,
        "b_id": b_id,
    }
    if a_id is not None and b_id is not None:
        a = get_document_for_user(request.user, a_id)
        b = get_document_for_user(request.user, b_id)
        comparison = compare_documents(a, b)
        context.update({"a": a, "b": b, "comparison": comparison})
    return render(request, "documents/compare.html", context)
