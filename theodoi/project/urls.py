"""Top-level URL map. Each app owns its own ``urls.py``; this file only mounts them."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from theodoi.project.favicon import favicon

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("theodoi.accounts.urls")),
    path("", include("theodoi.dashboards.home_urls")),
    path("", include("theodoi.notifications.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("don-vi/", include("theodoi.orgunits.urls")),
    path("van-ban/", include("theodoi.documents.urls")),
    path("nhiem-vu/", include("theodoi.plans.urls")),
    path("bao-cao/", include("theodoi.reporting.urls")),
    path("theo-doi/", include("theodoi.monitoring.urls")),
    path("nhat-ky/", include("theodoi.audit.urls")),
    path("bang-theo-doi/", include("theodoi.dashboards.urls")),
    path("cong-khai/", include("theodoi.public.urls")),
    path("mo-hinh/", include("theodoi.recognition.urls")),
    path("kiem-tra/", include("theodoi.inspections.urls")),
    path("lanh-dao/", include("theodoi.leadership.urls")),
    path("bao-cao-tong-hop/", include("theodoi.reports.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("theodoi.api.urls")),
    path("tim-kiem/", include("theodoi.search.urls")),
    path("favicon.ico", favicon, name="favicon"),
]
# Uploaded files are never served from /media/: only through views that check
# who may read them (reporting's attachment view).
