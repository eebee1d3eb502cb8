"""The home page: the first dashboard each role sees (figures from ``home.py``)."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from theodoi.dashboards.home import home_context
from theodoi.reporting import clock


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today: datetime.date = clock.today()  # the reporting clock, which tests fix
    context = home_context(request.user, today)
    return render(request, "dashboards/home.html", context)
