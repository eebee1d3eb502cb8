"""Views of the notifications app: the list, opening one, and the page
where each person chooses how notifications reach them by e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from theodoi.notifications import access, actions
from theodoi.notifications.models import EmailChoice
from theodoi.reporting import clock


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = access.notifications_for_user(request.user).order_by("-created_at", "-id")
    page = Paginator(items, 30).get_page(request.GET.get("trang"))
    return render(request, "notifications/notifications.html", {"page": page})


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go where it points."""
    notification = access.get_notification_for_user(request.user, pk)
    actions.mark_notifications_read(request.user, [notification.pk], now=clock.now())
    safe = url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()})
    return redirect(
        notification.url if notification.url and safe else "notifications:notifications"
    )


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    actions.mark_notifications_read(request.user, now=clock.now())
    messages.success(request, _("Đã đánh dấu tất cả là đã đọc."))
    return redirect("notifications:notifications")


@login_required
def email_preferences(request: HttpRequest) -> HttpResponse:
    """ "Thông báo qua thư điện tử": at once, a daily digest, or none."""
    status = 200
    if request.method == "POST":
        try:
            actions.set_email_choice(request.user, request.POST.get("choice", ""), now=clock.now())
        except actions.NotificationError as exc:
            messages.error(request, str(exc))
            status = 400
        else:
            messages.success(request, _("Đã lưu cách nhận thông báo qua thư điện tử."))
            return redirect("notifications:email_preferences")
    context = {
        "choices": EmailChoice.choices,
        "current": access.email_choice_of(request.user),
        "has_email": bool(getattr(request.user, "email", "")),
    }
    return render(request, "notifications/email_preferences.html", context, status=status)
