"""Task status as two axes — completion × timeliness — and the five labels
the government uses, derived from them.

Everything takes ``today`` explicitly: status depends on the date, and tests
must be able to fix it without patching the clock.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Completion(models.TextChoices):
    """What the unit says about its work. Both ``not_started`` and
    ``in_progress`` are "not done" on the completion axis."""

    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


class StatusLabel(models.TextChoices):
    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")
    IN_PROGRESS_ON_TIME = "in_progress_on_time", _("Đang thực hiện trong hạn")
    IN_PROGRESS_OVERDUE = "in_progress_overdue", _("Đang thực hiện quá hạn")
    NOT_STARTED = "not_started", _("Chưa thực hiện")


@dataclass(frozen=True)
class TaskStatus:
    done: bool
    overdue: bool
    label: StatusLabel

    @property
    def text(self) -> str:
        return str(self.label.label)


def derive_status(
    completion: Completion,
    completed_on: datetime.date | None,
    deadline: datetime.date,
    today: datetime.date,
) -> TaskStatus:
    """Place a report on both axes and name the result.

    Done work is on time when finished on or before the deadline (a missing
    completion date counts as finished today). Unfinished work is overdue once
    ``today`` is past the deadline. Work not started keeps its timeliness on
    the axis but is labelled "Chưa thực hiện" either way, as official
    summaries do.
    """
    if completion == Completion.DONE:
        finished = completed_on or today
        overdue = finished > deadline
        label = StatusLabel.DONE_LATE if overdue else StatusLabel.DONE_ON_TIME
        return TaskStatus(done=True, overdue=overdue, label=label)
    overdue = today > deadline
    if completion == Completion.NOT_STARTED:
        return TaskStatus(done=False, overdue=overdue, label=StatusLabel.NOT_STARTED)
    label = StatusLabel.IN_PROGRESS_OVERDUE if overdue else StatusLabel.IN_PROGRESS_ON_TIME
    return TaskStatus(done=False, overdue=overdue, label=label)
