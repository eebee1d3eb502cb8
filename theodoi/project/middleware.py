"""Project middleware: the language choice, security headers, request size.

Language choice: Vietnamese unless the person picked another language.

Django's LocaleMiddleware also follows the browser's Accept-Language, which
would show English to every official whose browser happens to be set up in
English. Here only the language switch (its cookie) changes the language.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        available = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


#: What every page may load: our own files only. Inline <script> and <style>
#: elements are refused (the pages have none); style="" attributes stay
#: allowed because the dashboards' SVG charts size themselves with them.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Content-Security-Policy on every response, and a ``Server`` header that
    names the product only (the development server would name the CPython
    version; the WSGI server only adds its own when none is set)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers["Server"] = "theodoi"
        return response


def upload_limit_bytes() -> int:
    """The largest request body accepted: the upload limit plus room for the
    multipart envelope and the form's other fields."""
    return (int(settings.MAX_UPLOAD_MB) + 1) * 1024 * 1024


class RequestSizeLimitMiddleware:
    """Refuse a body larger than the upload limit with 413 from its declared
    Content-Length, before anything reads it (CSRF reads request.POST, which
    would otherwise spool the whole body to memory or disk first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = upload_limit_bytes()
        if length > limit:
            return self._too_large(request, length, limit)
        return self.get_response(request)

    @staticmethod
    def _too_large(request: HttpRequest, length: int, limit: int) -> HttpResponse:
        message = _("Tệp quá lớn: %(size)s MB, giới hạn là %(limit)s MB.") % {
            "size": f"{length / 1048576:.0f}",
            "limit": settings.MAX_UPLOAD_MB,
        }
        if request.path.startswith("/api/"):
            from theodoi.api.errors import error_json

            response: HttpResponse = error_json(413, message)
        else:
            response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        # The body was not read: the connection cannot be reused for another request.
        response["Connection"] = "close"
        return response


#: The largest id a 64-bit integer column holds (PostgreSQL bigint).
MAX_ID = 2**63 - 1


class BoundedIdMiddleware:
    """A number in a URL (``<int:pk>``) too large for any id is a 404, not a
    database error: PostgreSQL refuses the lookup itself ("bigint out of
    range"), which would otherwise end as a 500 on every detail page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view: object,
        args: tuple[object, ...],
        kwargs: dict[str, object],
    ) -> None:
        values = [*args, *kwargs.values()]
        if any(isinstance(value, int) and not -MAX_ID <= value <= MAX_ID for value in values):
            raise Http404(_("Không tìm thấy trang."))
