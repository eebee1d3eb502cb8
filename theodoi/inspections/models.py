"""Inspections ("kiểm tra, giám sát") of how units carry out a plan.

Plans tell the focal agency to monitor, urge *and inspect*. An inspection
plan names the units, the dates, who inspects and which tasks; each visit
gives findings per unit (and task), a finding may carry a recommendation with
a deadline, and the unit answers it with a follow-up report that the focal
agency closes. Reports say what a unit claims; inspections check it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InspectionKind(models.TextChoices):
    INSPECTION = "inspection", _("Kiểm tra")
    SUPERVISION = "supervision", _("Giám sát")


class InspectionState(models.TextChoices):
    PLANNED = "planned", _("Theo kế hoạch")
    DONE = "done", _("Đã kiểm tra")
    CANCELLED = "cancelled", _("Hủy")


class Inspection(models.Model):
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.CASCADE,
        related_name="inspections",
        verbose_name=_("kế hoạch"),
    )
    kind = models.CharField(
        _("hình thức"),
        max_length=20,
        choices=InspectionKind.choices,
        default=InspectionKind.INSPECTION,
    )
    title = models.CharField(_("nội dung kiểm tra"), max_length=255)
    inspecting_unit = models.ForeignKey(
        "orgunits.OrgUnit",
        on_delete=models.PROTECT,
        related_name="inspections_led",
        verbose_name=_("cơ quan kiểm tra"),
    )
    team = models.TextField(_("thành phần đoàn"), blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    units = models.ManyToManyField(
        "orgunits.OrgUnit", related_name="inspections", verbose_name=_("đơn vị được kiểm tra")
    )
    tasks = models.ManyToManyField(
        "plans.Task", blank=True, related_name="inspections", verbose_name=_("nhiệm vụ")
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=InspectionState.choices,
        default=InspectionState.PLANNED,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("đợt kiểm tra, giám sát")
        verbose_name_plural = _("đợt kiểm tra, giám sát")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="inspection_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class Assessment(models.TextChoices):
    GOOD = "good", _("Thực hiện tốt")
    ADEQUATE = "adequate", _("Đạt yêu cầu")
    SHORTCOMING = "shortcoming", _("Còn hạn chế")


class FindingState(models.TextChoices):
    NO_ACTION = "no_action", _("Không có kiến nghị")
    OPEN = "open", _("Chờ đơn vị khắc phục")
    RESPONDED = "responded", _("Đơn vị đã báo cáo khắc phục")
    CLOSED = "closed", _("Đã hoàn thành")


class Finding(models.Model):
    """What the inspection found at one unit (optionally on one task)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    unit = models.ForeignKey(
        "orgunits.OrgUnit",
        on_delete=models.PROTECT,
        related_name="findings",
        verbose_name=_("đơn vị"),
    )
    task = models.ForeignKey(
        "plans.Task",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name=_("nhiệm vụ"),
    )
    assessment = models.CharField(_("đánh giá"), max_length=20, choices=Assessment.choices)
    text = models.TextField(_("kết quả kiểm tra"))
    recommendation = models.TextField(_("kiến nghị"), blank=True)
    deadline = models.DateField(_("hạn khắc phục"), null=True, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=FindingState.choices, db_index=True
    )
    response = models.TextField(_("báo cáo khắc phục"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(_("ngày báo cáo khắc phục"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ngày kết thúc"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ngày ghi nhận"))

    class Meta:
        ordering = ["inspection", "unit__tree_path", "pk"]
        verbose_name = _("kết quả kiểm tra")
        verbose_name_plural = _("kết quả kiểm tra")

    def __str__(self) -> str:
        return f"{self.inspection} — {self.unit}"

    def is_overdue(self, today: datetime.date) -> bool:
        return (
            self.state == FindingState.OPEN and self.deadline is not None and self.deadline < today
        )
