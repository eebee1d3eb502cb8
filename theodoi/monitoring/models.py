"""Follow-up by the focal agency: reminders (đôn đốc) and
difficulties (vướng mắc) escalated for an answer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")
    MANUAL = "manual", _("Đôn đốc")


class Channel(models.TextChoices):
    IN_APP = "in_app", _("Trên hệ thống")
    EMAIL = "email", _("Thư điện tử")


class Reminder(models.Model):
    """One reminder sent to a unit about a period (and optionally one task).

    Kept as a log so the same reminder is not sent twice and the focal agency
    can show who was urged when.
    """

    period = models.ForeignKey(
        "reporting.ReportingPeriod", on_delete=models.CASCADE, related_name="reminders"
    )
    unit = models.ForeignKey("orgunits.OrgUnit", on_delete=models.CASCADE, related_name="reminders")
    task = models.ForeignKey(
        "plans.Task", on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=ReminderKind.choices)
    channel = models.CharField(
        _("kênh"), max_length=20, choices=Channel.choices, default=Channel.IN_APP
    )
    message = models.TextField(_("nội dung"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("thời điểm gửi"), db_index=True)
    day = models.DateField(_("ngày nhắc"), null=True, blank=True)
    recipients = models.TextField(_("người nhận"), blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("nhắc việc")
        verbose_name_plural = _("nhắc việc")
        indexes = [models.Index(fields=["period", "unit", "kind"])]
        constraints = [
            # The daily job never urges a unit twice on one day for one period.
            models.UniqueConstraint(
                fields=["period", "unit", "kind", "channel", "day"],
                condition=models.Q(kind__in=["upcoming", "overdue"]),
                name="automatic_reminder_once_a_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.unit} — {self.period}"


class EscalationState(models.TextChoices):
    OPEN = "open", _("Chờ xử lý")
    FORWARDED = "forwarded", _("Đã chuyển cấp trên")
    RESOLVED = "resolved", _("Đã trả lời")


class Escalation(models.Model):
    """A difficulty raised in a report, taken up by the focal agency."""

    report = models.ForeignKey(
        "reporting.TaskReport", on_delete=models.CASCADE, related_name="escalations"
    )
    summary = models.TextField(_("nội dung vướng mắc"))
    to_unit = models.ForeignKey(
        "orgunits.OrgUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gửi đến"),
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=EscalationState.choices,
        default=EscalationState.OPEN,
        db_index=True,
    )
    response = models.TextField(_("trả lời"), blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("vướng mắc")
        verbose_name_plural = _("vướng mắc")

    def __str__(self) -> str:
        return self.summary[:80]
