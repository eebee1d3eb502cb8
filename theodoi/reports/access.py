"""Who may generate, see and download report versions: the people who may
download the aggregated report of the plan (``dashboards.access``), and only
for plans they may see. A version of a plan one may not see is a 404."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from theodoi.dashboards import access as dashboard_access
from theodoi.documents.models import Document
from theodoi.reporting.models import ReportingPeriod

from .models import ReportVersion


def get_plan_period_for_user(user: Any, plan: int, period: int) -> tuple[Document, ReportingPeriod]:
    document = dashboard_access.get_plan_for_user(user, plan)  # 404 first
    if not dashboard_access.can_download_report(user):
        raise PermissionDenied("Chỉ cơ quan đầu mối và lãnh đạo tạo được báo cáo tổng hợp.")
    return document, dashboard_access.get_period_for_plan(document, period)


def versions_for(document: Document, period: ReportingPeriod) -> QuerySet[ReportVersion]:
    return ReportVersion.objects.filter(document=document, period=period).order_by("-number")


def get_version_for_user(user: Any, pk: int) -> ReportVersion:
    if not dashboard_access.can_download_report(user):
        raise Http404("Không tìm thấy báo cáo.")
    visible = dashboard_access.plans_for_user(user).values("pk")
    try:
        return ReportVersion.objects.select_related("document", "period").get(
            pk=pk, document__in=visible
        )
    except ReportVersion.DoesNotExist:
        raise Http404("Không tìm thấy báo cáo.") from None
