"""The home page: the first dashboard each role sees (figures from ``home.py``)."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from theodoi.dashboards.home import home_context, home_tables
from theodoi.dashboards.report_tables import xlsx_response
from theodoi.reporting import clock


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today: datetime.date = clock.today()  # the reporting clock, which tests fix
    context = home_context(request.user, today)
    return render(request, "dashboards/home.html", context)


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """The home page's table (late units, or the unit's to-do list) as .xlsx."""
    today: datetime.date = clock.today()
    tables = home_tables(request.user, today)
    if not tables:
        raise Http404(_("Không có bảng này."))
    return xlsx_response(f"trang-chu-{today:%Y%m%d}.xlsx", *tables)
