"""What a plan's public page shows, computed from the dashboard's numbers.

The page reuses ``dashboards.metrics.plan_status`` so the public figures are
the ones the focal agency sees, but it carries over only what may be public:
the plan's own words, per-theme task standing, completion figures, the
sub-plans issued. Never people, report texts, drafts, or difficulties (only
their counts, and only when the agency opts in).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from theodoi.dashboards.lookups import default_period
from theodoi.dashboards.metrics import plan_status, theme_path
from theodoi.documents.models import Document, DocumentState
from theodoi.plans.models import Assignment, AssignmentRole, Task
from theodoi.public.chart import ThemeBar, theme_completion_chart
from theodoi.public.models import PublicPage
from theodoi.reporting.models import ReportingPeriod
from theodoi.reporting.status import StatusLabel

DONE = frozenset({StatusLabel.DONE_ON_TIME, StatusLabel.DONE_LATE})


@dataclass(frozen=True)
class PublicTask:
    path: str
    text: str
    leads: list[str]
    label: StatusLabel | None

    @property
    def done(self) -> bool:
        return self.label in DONE

    @property
    def label_text(self) -> str:
        return str(self.label.label) if self.label else ""


@dataclass(frozen=True)
class PublicTheme:
    path: str
    title: str
    tasks: list[PublicTask]

    @property
    def done(self) -> int:
        return sum(task.done for task in self.tasks)

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / len(self.tasks)) if self.tasks else 0


@dataclass(frozen=True)
class PublicSummary:
    page: PublicPage
    document: Document
    period: ReportingPeriod | None
    themes: list[PublicTheme]
    tasks_total: int
    tasks_done: int
    units_expected: int
    units_reported: int
    difficulties_open: int | None
    sub_plans: list[Document]
    theme_chart: SafeString | None = None
    counts: dict[StatusLabel, int] = field(default_factory=dict)

    @property
    def percent_done(self) -> int:
        return round(100 * self.tasks_done / self.tasks_total) if self.tasks_total else 0


def _leads(document: Document) -> dict[int, list[str]]:
    leads: dict[int, list[str]] = {}
    assignments = (
        Assignment.objects.filter(task__document=document, role=AssignmentRole.LEAD)
        .select_related("unit")
        .order_by("task_id", "unit__tree_path")
    )
    for assignment in assignments:
        leads.setdefault(assignment.task_id, []).append(assignment.unit.display_name)
    return leads


def _theme_chart(themes: list[PublicTheme]) -> SafeString:
    bars = [
        ThemeBar(f"{t.path}. {t.title}" if t.title != t.path else t.path, t.done, len(t.tasks))
        for t in themes
    ]
    return theme_completion_chart(bars, _("Nhiệm vụ đã hoàn thành theo từng nội dung"))


def public_summary(page: PublicPage, today: datetime.date) -> PublicSummary:
    document = page.document
    tasks = list(Task.objects.filter(document=document).order_by("position", "pk"))
    leads = _leads(document)
    period = default_period(document, today)
    status = plan_status(document, period, today) if period is not None else None
    labels = {row.task_id: row.label for row in status.tasks} if status else {}
    titles = {theme.path: theme.title for theme in status.themes} if status else {}
    grouped: dict[str, list[PublicTask]] = {}
    for task in tasks:
        grouped.setdefault(theme_path(task.path), []).append(
            PublicTask(task.path, task.text, leads.get(task.pk, []), labels.get(task.pk))
        )
    themes = [PublicTheme(path, titles.get(path, path), items) for path, items in grouped.items()]
    sub_plans = [
        plan
        for plan in (status.sub_plans if status else [])
        if plan.state == DocumentState.PUBLISHED
    ]
    return PublicSummary(
        page=page,
        document=document,
        period=period,
        themes=themes,
        tasks_total=len(tasks),
        tasks_done=sum(theme.done for theme in themes),
        units_expected=status.units_expected if status else 0,
        units_reported=status.units_reported if status else 0,
        difficulties_open=(status.difficulties_open if status and page.show_difficulties else None),
        sub_plans=sub_plans,
        theme_chart=_theme_chart(themes) if status and themes else None,
        counts=dict(status.counts) if status else {},
    )
