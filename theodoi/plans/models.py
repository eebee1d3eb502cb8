"""The outline of a plan document, its tasks, and who carries each task out."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutlineNode(models.Model):
    """One heading or item of a document's outline ("III.2.a")."""

    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="outline_nodes"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    path = models.CharField(_("vị trí"), max_length=60)
    label = models.CharField(_("số thứ tự"), max_length=20, blank=True)
    heading = models.TextField(_("tiêu đề"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("mục")
        verbose_name_plural = _("mục")
        constraints = [
            models.UniqueConstraint(fields=["document", "path"], name="outline_path_once"),
        ]

    def __str__(self) -> str:
        return f"{self.path} {self.heading[:60]}".strip()


class TimingKind(models.TextChoices):
    CONTINUOUS = "continuous", _("Thường xuyên")
    ANNUAL = "annual", _("Hằng năm")
    DUE_DATE = "due_date", _("Có thời hạn")
    QUARTER = "quarter", _("Theo quý")
    MONTH = "month", _("Theo tháng")
    UNSPECIFIED = "unspecified", _("Không nêu")


class Task(models.Model):
    """A task (nhiệm vụ, giải pháp): a leaf of the outline that someone must do.

    ``timing_text`` keeps what the document says; the other timing fields are
    its reading, from which ``deadline`` is derived.
    """

    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="tasks"
    )
    node = models.ForeignKey(
        OutlineNode, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    path = models.CharField(_("vị trí"), max_length=60)
    section = models.CharField(_("phần"), max_length=255, blank=True)
    heading = models.TextField(_("tiêu đề mục"), blank=True)
    text = models.TextField(_("nội dung"))
    position = models.PositiveIntegerField(default=0)
    timing_kind = models.CharField(
        _("thời gian thực hiện"),
        max_length=20,
        choices=TimingKind.choices,
        default=TimingKind.UNSPECIFIED,
    )
    timing_text = models.CharField(_("thời gian (như văn bản ghi)"), max_length=255, blank=True)
    due_date = models.DateField(_("thời hạn"), null=True, blank=True)
    due_year = models.PositiveSmallIntegerField(null=True, blank=True)
    due_quarter = models.PositiveSmallIntegerField(null=True, blank=True)
    due_month = models.PositiveSmallIntegerField(null=True, blank=True)
    is_active = models.BooleanField(_("đang theo dõi"), default=True)

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        constraints = [
            models.UniqueConstraint(fields=["document", "path"], name="task_path_once"),
            models.CheckConstraint(
                condition=models.Q(due_quarter__isnull=True) | models.Q(due_quarter__range=(1, 4)),
                name="task_quarter_1_to_4",
            ),
            models.CheckConstraint(
                condition=models.Q(due_month__isnull=True) | models.Q(due_month__range=(1, 12)),
                name="task_month_1_to_12",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.path}: {self.summary}"

    @property
    def summary(self) -> str:
        first_line = self.text.strip().split("\n", 1)[0]
        return first_line if len(first_line) <= 120 else first_line[:119] + "…"

    @property
    def is_continuous(self) -> bool:
        return self.timing_kind in (TimingKind.CONTINUOUS, TimingKind.ANNUAL)

    @property
    def deadline(self) -> datetime.date | None:
        """The task's own deadline, if it has one (a date, a quarter's or month's end)."""
        from theodoi.plans.timing import task_deadline

        return task_deadline(
            self.timing_kind, self.due_date, self.due_year, self.due_quarter, self.due_month
        )


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    COORDINATING = "coordinating", _("Phối hợp")
    IMPLEMENTING = "implementing", _("Thực hiện")


class Assignment(models.Model):
    """A unit's part in a task. ``source_text`` is the name as the document
    wrote it; ``via_group`` says which group name it was expanded from."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "orgunits.OrgUnit", on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=AssignmentRole.choices)
    source_text = models.CharField(_("tên như văn bản ghi"), max_length=255, blank=True)
    via_group = models.ForeignKey(
        "orgunits.UnitGroup", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    must_report = models.BooleanField(_("phải báo cáo"), default=True)
    # A unit's sub-plan giving a task to another unit: it waits for the focal
    # agency's approval (documents/delegation.py) and owes nothing until then.
    awaiting_approval = models.BooleanField(_("chờ cơ quan đầu mối duyệt"), default=False)

    class Meta:
        ordering = ["task", "role", "unit__tree_path"]
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "role"], name="assignment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.get_role_display()} — {self.task.path}"
