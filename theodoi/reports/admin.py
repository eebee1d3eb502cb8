from django.contrib import admin

from theodoi.reports.models import ReportVersion

admin.site.register(
    ReportVersion, list_display=["document", "period", "number", "state", "requested_at"]
)
