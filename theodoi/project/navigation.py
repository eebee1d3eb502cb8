"""The main menu: one line per entry, shown to the roles that may use it.

Apps add their pages here (label, URL name, who sees it). An entry whose URL
name does not exist yet is skipped, so the menu never offers a broken link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from theodoi.accounts import roles


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str
    allowed: Any = roles.is_signed_in


ENTRIES: list[NavEntry] = [
    NavEntry(_("Trang chủ"), "home"),
    NavEntry(_("Bảng theo dõi"), "dashboards:index"),
    NavEntry(_("Văn bản"), "documents:list"),
    NavEntry(_("Nhiệm vụ"), "plans:list"),
    NavEntry(_("Báo cáo"), "reporting:list"),
    NavEntry(_("Tìm kiếm"), "search:search"),
    NavEntry(
        pgettext_lazy("navigation", "Đôn đốc"), "monitoring:reminders", roles.can_review_reports
    ),
    NavEntry(_("Vướng mắc"), "monitoring:escalations", roles.sees_everything),
    NavEntry(_("Mô hình hay"), "recognition:list"),
    NavEntry(_("Kiểm tra"), "inspections:list"),
    NavEntry(_("Đơn vị phụ trách"), "leadership:dashboard", roles.is_leader),
    NavEntry(_("Phân công lãnh đạo"), "leadership:assignments", roles.can_manage_documents),
    NavEntry(_("Nhật ký"), "audit:list", roles.is_admin),
    NavEntry(_("Đơn vị"), "orgunits:directory", roles.is_admin),
    NavEntry(_("Quản trị"), "admin:index", roles.is_admin),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: ``nav_entries`` = [(label, url, is_current)]."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_entries": []}
    current = request.path
    entries = []
    for entry in ENTRIES:
        if not entry.allowed(user):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        is_current = current == url if url == "/" else current.startswith(url)
        entries.append((entry.label, url, is_current))
    return {"nav_entries": entries}
