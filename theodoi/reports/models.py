"""Every generated version of a plan's aggregated report, kept.

A version is requested by a focal officer (with the narrative parts they
may have rewritten), made by a background task (``tasks.py``) that reports
its progress here, and keeps its files (.docx report, .xlsx annex, .csv
annex rows, and the .pdf printed by LibreOffice when asked for) and an HTML
preview. Nothing is overwritten: regenerating makes the next version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GenerationState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Đã tạo xong")
    FAILED = "failed", _("Lỗi")


#: The files a version may keep, by kind (the URL and API name them so).
FILE_KINDS = ("docx", "pdf", "xlsx", "csv")


class ReportVersion(models.Model):
    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="report_versions"
    )
    period = models.ForeignKey(
        "reporting.ReportingPeriod", on_delete=models.CASCADE, related_name="report_versions"
    )
    number = models.PositiveIntegerField(_("lần tạo"))
    state = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=GenerationState.choices,
        default=GenerationState.QUEUED,
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    step = models.CharField(_("bước"), max_length=120, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    as_of = models.DateField(_("số liệu đến ngày"))
    narrative = models.JSONField(_("phần tự viết"), default=dict, blank=True)
    docx = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    xlsx = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    csv = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    pdf = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    with_pdf = models.BooleanField(_("kèm bản PDF"), default=False)
    preview = models.TextField(_("bản xem trước"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("thời điểm yêu cầu"))
    finished_at = models.DateTimeField(_("thời điểm tạo xong"), null=True, blank=True)

    class Meta:
        ordering = ["document", "period", "-number"]
        verbose_name = _("phiên bản báo cáo tổng hợp")
        verbose_name_plural = _("phiên bản báo cáo tổng hợp")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "period", "number"], name="report_version_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} — {self.period} — lần {self.number}"

    def files(self) -> list[tuple[str, str]]:
        """(kind, download name) of each file this version has, in FILE_KINDS order."""
        return [(kind, self.download_name(kind)) for kind in FILE_KINDS if getattr(self, kind)]

    def download_name(self, kind: str) -> str:
        """The name a download gets: the plan, the year, the version (storage
        may have added a suffix to the stored name; the person never sees it)."""
        from theodoi.dashboards.report_docx import report_filename

        name = f"{report_filename(self.document, self.period, '')}-v{self.number}"
        annex = "-phu-luc" if kind in ("xlsx", "csv") else ""
        return f"{name}{annex}.{kind}"

    @property
    def working(self) -> bool:
        return self.state in (GenerationState.QUEUED, GenerationState.RUNNING)
