"""Messages to one person: in the application, and by e-mail as they choose.

A bottom-layer app: it depends only on ``accounts``, so every other app may
call ``theodoi.notifications.delivery.notify`` without import cycles.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """A message shown to one person in the application."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    verb = models.CharField(max_length=50)
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    # A default, not auto_now_add: ``notify(now=...)`` stores the given time
    # with the insert itself (auto_now_add would ignore it and need an UPDATE).
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.title


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", _("Gửi ngay từng thông báo")
    DAILY = "daily", _("Gửi một thư tổng hợp mỗi ngày")
    NONE = "none", _("Không gửi thư")


class EmailPreference(models.Model):
    """How one person wants notifications by e-mail.

    A person without a row gets each notification by e-mail at once: the
    default keeps the behaviour units had before the choice existed.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    choice = models.CharField(
        _("thông báo qua thư điện tử"),
        max_length=20,
        choices=EmailChoice.choices,
        default=EmailChoice.IMMEDIATE,
    )
    #: End of the window the last digest covered; the next one starts there.
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lựa chọn thư thông báo")
        verbose_name_plural = _("lựa chọn thư thông báo")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_choice_display()}"
