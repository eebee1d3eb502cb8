"""Every API error in one shape, whatever raised it:

    {"error": {"code": "not_found", "message": "…", "fields": {"query.offset": "…"}}}

``fields`` appears only for input that failed validation. Status codes: 400
bad input (query or path parameters, a file we cannot read), 401 not signed
in, 403 not allowed, 404 not found or not visible, 409 the change conflicts
with the object's state, 413 body too large, 422 a body that does not fit
its schema. Clients branch on ``code``; ``message`` is for people.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from theodoi.documents.actions import ActionError
from theodoi.documents.importing import ImportInputError
from theodoi.reporting.actions import ReportingError
from theodoi.text.source import InputError

CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "too_large",
    422: "invalid",
}


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, str] | None = None


class ErrorOut(Schema):
    error: ErrorBody


def error_body(status: int, message: str, fields: dict[str, str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": CODES.get(status, "error"), "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


def error_json(status: int, message: str, fields: dict[str, str] | None = None) -> JsonResponse:
    """The same shape outside django-ninja (the upload-size middleware)."""
    return JsonResponse(error_body(status, message, fields), status=status)


ERRORS: dict[int, type[Schema]] = {code: ErrorOut for code in (400, 401, 403, 404, 409, 422)}


def _fields(errors: list[dict[str, Any]]) -> dict[str, str]:
    return {".".join(str(part) for part in e.get("loc", ())): str(e.get("msg", "")) for e in errors}


def install(api: NinjaAPI) -> None:
    """Register the handlers that give every error the shape above."""

    def reply(request: HttpRequest, status: int, message: str, fields: Any = None) -> HttpResponse:
        return api.create_response(request, error_body(status, message, fields), status=status)

    @api.exception_handler(ValidationError)
    def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        in_body = any(e.get("loc", ("",))[0] in ("body", "form", "file") for e in exc.errors)
        status = 422 if in_body else 400
        return reply(request, status, "the request's input is not valid", _fields(exc.errors))

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = "sign in, or send an API token as 'Authorization: Bearer <token>'"
        return reply(request, 401, message)

    @api.exception_handler(HttpError)
    def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return reply(request, exc.status_code, str(exc))

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return reply(request, 404, str(exc) or "not found")

    @api.exception_handler(PermissionDenied)
    def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return reply(request, 403, str(exc) or "forbidden")

    @api.exception_handler(InputError)
    def _bad_file(request: HttpRequest, exc: InputError) -> HttpResponse:
        return reply(request, 400, str(exc))

    @api.exception_handler(ImportInputError)
    def _bad_import(request: HttpRequest, exc: ImportInputError) -> HttpResponse:
        return reply(request, 400, str(exc))

    @api.exception_handler(ActionError)
    def _refused(request: HttpRequest, exc: ActionError) -> HttpResponse:
        return reply(request, 409, str(exc))

    @api.exception_handler(ReportingError)
    def _report_refused(request: HttpRequest, exc: ReportingError) -> HttpResponse:
        return reply(request, 409, str(exc))
