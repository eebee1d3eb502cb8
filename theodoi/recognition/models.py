"""Good models and commendations ("tôn vinh, khen thưởng … nhân rộng mô hình hay").

Plans ask the focal agency to find good models and creative practices in what
units do, replicate them, and propose commendation. A unit proposes a practice
(usually from one of its reports); the focal agency recognises or declines it,
marks it for replication, and proposes commendations of organisations or
people. The recognised ones feed the aggregated report's recognition section.
"""

from __future__ import annotations

import secrets
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def evidence_path(_instance: object, filename: str) -> str:
    """A random stored name: the original name is kept apart and never
    used to find the file, so nobody can guess another unit's evidence."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"recognition/{secrets.token_hex(16)}{suffix}"


class PracticeState(models.TextChoices):
    PROPOSED = "proposed", _("Đề xuất")
    RECOGNISED = "recognised", _("Được ghi nhận")
    DECLINED = "declined", _("Không ghi nhận")


class GoodPractice(models.Model):
    """A good model or creative practice (mô hình hay, cách làm sáng tạo)."""

    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.CASCADE,
        related_name="good_practices",
        verbose_name=_("kế hoạch"),
    )
    period = models.ForeignKey(
        "reporting.ReportingPeriod",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="good_practices",
        verbose_name=_("kỳ báo cáo"),
    )
    unit = models.ForeignKey(
        "orgunits.OrgUnit",
        on_delete=models.PROTECT,
        related_name="good_practices",
        verbose_name=_("đơn vị"),
    )
    task = models.ForeignKey(
        "plans.Task",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="good_practices",
        verbose_name=_("nhiệm vụ"),
    )
    report = models.ForeignKey(
        "reporting.TaskReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="good_practices",
    )
    title = models.CharField(_("tên mô hình, cách làm"), max_length=255)
    description = models.TextField(_("cách làm"))
    results = models.TextField(_("kết quả, hiệu quả"), blank=True)
    evidence = models.FileField(_("tài liệu minh chứng"), upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=PracticeState.choices,
        default=PracticeState.PROPOSED,
        db_index=True,
    )
    replicate = models.BooleanField(_("nhân rộng"), default=False)
    review_comment = models.TextField(_("ý kiến của cơ quan đầu mối"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(_("ngày đề xuất"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("ngày xem xét"), null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("mô hình hay, cách làm sáng tạo")
        verbose_name_plural = _("mô hình hay, cách làm sáng tạo")

    def __str__(self) -> str:
        return f"{self.title} ({self.unit})"


class NomineeKind(models.TextChoices):
    ORGANISATION = "organisation", _("Tập thể")
    PERSON = "person", _("Cá nhân")


class CommendationState(models.TextChoices):
    PROPOSED = "proposed", _("Đã đề nghị")
    GRANTED = "granted", _("Đã khen thưởng")
    NOT_GRANTED = "not_granted", _("Không khen thưởng")


class Commendation(models.Model):
    """A proposal to commend an organisation or a person, and its outcome."""

    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.CASCADE,
        related_name="commendations",
        verbose_name=_("kế hoạch"),
    )
    period = models.ForeignKey(
        "reporting.ReportingPeriod",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("kỳ báo cáo"),
    )
    practice = models.ForeignKey(
        GoodPractice,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("mô hình hay"),
    )
    unit = models.ForeignKey(
        "orgunits.OrgUnit",
        on_delete=models.PROTECT,
        related_name="commendations",
        verbose_name=_("đơn vị"),
    )
    nominee_kind = models.CharField(
        _("đối tượng"), max_length=20, choices=NomineeKind.choices, default=NomineeKind.ORGANISATION
    )
    nominee_name = models.CharField(_("tên tập thể, cá nhân"), max_length=255)
    award = models.CharField(_("hình thức khen thưởng"), max_length=255)
    reason = models.TextField(_("thành tích"))
    state = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=CommendationState.choices,
        default=CommendationState.PROPOSED,
        db_index=True,
    )
    decision = models.CharField(_("số quyết định khen thưởng"), max_length=100, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(_("ngày đề nghị"))
    decided_at = models.DateTimeField(_("ngày quyết định"), null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")

    def __str__(self) -> str:
        return f"{self.award}: {self.nominee_name}"
