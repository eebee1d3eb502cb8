"""Leaders in charge ("phân công lãnh đạo trực tiếp chỉ đạo").

Plans assign a leader to direct each unit's work directly, sometimes one
task. The leader sees those units on a dashboard of their own, receives the
difficulties raised about them and answers in the application; the answer
goes back to the unit and the focal agency.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LeaderInCharge(models.Model):
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="units_in_charge",
        verbose_name=_("lãnh đạo phụ trách"),
    )
    unit = models.ForeignKey(
        "orgunits.OrgUnit",
        on_delete=models.CASCADE,
        related_name="leaders_in_charge",
        verbose_name=_("đơn vị"),
    )
    task = models.ForeignKey(
        "plans.Task",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="leaders_in_charge",
        verbose_name=_("nhiệm vụ"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit__tree_path", "task_id"]
        verbose_name = _("lãnh đạo phụ trách")
        verbose_name_plural = _("lãnh đạo phụ trách")
        constraints = [
            models.UniqueConstraint(
                fields=["unit"], condition=models.Q(task__isnull=True), name="one_leader_per_unit"
            ),
            models.UniqueConstraint(fields=["unit", "task"], name="one_leader_per_unit_task"),
        ]

    def __str__(self) -> str:
        return f"{self.leader} → {self.unit}"
