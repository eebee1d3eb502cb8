"""The dashboard's numbers for one plan and one reporting period.

One source of truth: the web dashboard, ``theodoi status`` and the
aggregated report draft all call :func:`plan_status`. Every figure is
aggregated in the database (``values().annotate(Count(..., filter=...))``)
in a fixed number of queries whatever the number of units or tasks; Python
only combines the per-task and per-unit aggregate rows.

Rules (kept in step with ``theodoi/reporting``):

- A report *counts* once the focal agency has it: submitted or accepted.
  Drafts, returned reports and reports waiting for the unit head count as
  not sent.
- A unit is expected when it has a ``must_report`` assignment on an active
  task of the plan (an ad hoc period narrows units and tasks to its own).
  It *has reported* once every task it owes is sent; *on time* when none of
  those reports was marked late (``submitted_late``).
- A task is judged per period, continuous tasks included: done when every
  expected unit reported it done (finished on the latest completion date),
  in progress when some unit started or finished, else not started. Its
  deadline is its own when that falls by the period's due date, else the
  period's due date; the five labels then come from
  :func:`theodoi.reporting.status.derive_status`.
  Nothing carries over between periods: every assigned unit reports every
  period (as the reporting flow expects), so a task finished last year is
  done this year only when reported done again.
- A difficulty is a sent report with a difficulty written or escalated; it
  stays open until its latest escalation is resolved (answered).
"""

from __future__ import annotations

import datetime
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from theodoi.documents.models import Document, DocumentState, LinkRelation
from theodoi.monitoring.models import Escalation, EscalationState
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Assignment, Task
from theodoi.plans.timing import task_deadline
from theodoi.reporting.models import ReportingPeriod, TaskReport
from theodoi.reporting.scope import SENT_STATES, Scope, is_ad_hoc, scope_of
from theodoi.reporting.scope import plan_assignments as expected_assignments
from theodoi.reporting.status import Completion, StatusLabel, derive_status

# Who owes what (``expected_assignments``, ``Scope``) and what counts as sent
# (``SENT_STATES``) come from ``reporting.scope``: every page counts from there.

#: The five official labels, in the order official summaries list them.
LABEL_ORDER = (
    StatusLabel.DONE_ON_TIME,
    StatusLabel.DONE_LATE,
    StatusLabel.IN_PROGRESS_ON_TIME,
    StatusLabel.IN_PROGRESS_OVERDUE,
    StatusLabel.NOT_STARTED,
)
UNFINISHED = (
    StatusLabel.IN_PROGRESS_ON_TIME,
    StatusLabel.IN_PROGRESS_OVERDUE,
    StatusLabel.NOT_STARTED,
)
#: Keys of ``theodoi status --json`` (the labels without diacritics).
JSON_KEYS = {
    StatusLabel.DONE_ON_TIME: "hoan_thanh_dung_han",
    StatusLabel.DONE_LATE: "hoan_thanh_qua_han",
    StatusLabel.IN_PROGRESS_ON_TIME: "dang_thuc_hien_trong_han",
    StatusLabel.IN_PROGRESS_OVERDUE: "dang_thuc_hien_qua_han",
    StatusLabel.NOT_STARTED: "chua_thuc_hien",
}
#: Periods shown in the year-over-year trend.
TREND_LENGTH = 6


@dataclass(frozen=True)
class TaskRow:
    """One task's standing in a period, from its units' reports."""

    task_id: int
    path: str
    summary: str
    theme: str
    deadline: datetime.date
    units_expected: int
    units_sent: int
    units_done: int
    label: StatusLabel
    overdue: bool

    @property
    def label_text(self) -> str:
        return str(self.label.label)


@dataclass(frozen=True)
class UnitRow:
    """One unit's reporting in a period."""

    unit_id: int
    name: str
    tasks_expected: int
    tasks_sent: int
    tasks_sent_late: int
    tasks_done: int

    @property
    def reported(self) -> bool:
        return self.tasks_sent >= self.tasks_expected

    @property
    def on_time(self) -> bool:
        return self.reported and self.tasks_sent_late == 0

    @property
    def percent_sent(self) -> int:
        return round(100 * self.tasks_sent / self.tasks_expected) if self.tasks_expected else 0


@dataclass(frozen=True)
class Theme:
    path: str
    title: str
    counts: dict[StatusLabel, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class PeriodFigures:
    """What the trend needs of each period."""

    period: ReportingPeriod
    units_expected: int
    units_reported: int
    reported_on_time: int
    counts: dict[StatusLabel, int]


@dataclass
class PlanStatus:
    document: Document
    period: ReportingPeriod
    today: datetime.date
    units_expected: int
    units_reported: int
    reported_on_time: int
    counts: dict[StatusLabel, int]
    difficulties_open: int
    difficulties_total: int
    difficulty_states: dict[str, int]
    tasks: list[TaskRow]
    units: list[UnitRow]
    themes: list[Theme]
    sub_plans_units: int
    sub_plans: list[Document]
    trend: list[PeriodFigures] = field(default_factory=list)

    @property
    def units_late(self) -> int:
        return self.units_reported - self.reported_on_time

    @property
    def units_missing(self) -> int:
        return self.units_expected - self.units_reported

    @property
    def overdue_tasks(self) -> list[TaskRow]:
        return overdue_rows(self.tasks)

    @property
    def tasks_total(self) -> int:
        return sum(self.counts.values())

    def as_json(self) -> dict[str, object]:
        """Exactly the shape ``theodoi status --json`` promises."""
        return {
            "units_expected": self.units_expected,
            "units_reported": self.units_reported,
            "reported_on_time": self.reported_on_time,
            "tasks": {JSON_KEYS[label]: self.counts[label] for label in LABEL_ORDER},
            "difficulties_open": self.difficulties_open,
        }


# ---------------------------------------------------------------- helpers


def empty_counts() -> dict[StatusLabel, int]:
    return dict.fromkeys(LABEL_ORDER, 0)


def theme_path(path: str) -> str:
    """The theme a task belongs to: the numbered item under the section
    ("III.2.a" → "III.2"), or the section itself for a task that is the
    numbered item ("II.3" → "II")."""
    parts = path.split(".")
    return ".".join(parts[:2]) if len(parts) >= 3 else parts[0]


def period_deadline(own: datetime.date | None, period: ReportingPeriod) -> datetime.date:
    """Same rule as ``TaskReport.deadline``: the task's own deadline when it
    falls in time for the period, else the period's due date."""
    if own is not None and own <= period.due_date:
        return own
    return period.due_date


def task_label(
    expected: int,
    done: int,
    started: int,
    last_done: datetime.date | None,
    deadline: datetime.date,
    today: datetime.date,
) -> tuple[StatusLabel, bool]:
    """A task's label from its units' counts, through ``derive_status``."""
    if expected and done >= expected:
        completion = Completion.DONE
    elif started:
        completion = Completion.IN_PROGRESS
    else:
        completion = Completion.NOT_STARTED
    status = derive_status(completion, last_done, deadline, today)
    return status.label, status.overdue


def sent_reports(document: Document, periods: Sequence[ReportingPeriod], scope: Scope):  # type: ignore[no-untyped-def]
    """Reports the focal agency has in hand for active tasks of ``document``.

    Report slots exist only for owed (task, unit) pairs (the reporting flow
    checks ``must_report`` before creating one), so no per-row check of the
    assignment is needed here.
    """
    reports = TaskReport.objects.filter(
        period__in=[p.pk for p in periods],
        task__document=document,
        task__is_active=True,
        review_state__in=SENT_STATES,
    )
    reports = scope.units(reports, "unit_id")
    return scope.tasks(reports, "task__") if scope.task_ids else reports


def _reports_in_periods(periods: Sequence[ReportingPeriod], scope: Scope, inactive: Sequence[int]):  # type: ignore[no-untyped-def]
    """Every report of the periods, for the big aggregates, which count only
    sent ones (``SENT``) inside each ``Count``. Filtering on the period alone
    lets the database walk the period index (the review-state index would
    cover every plan's reports), and no join to tasks is needed: the periods
    already belong to the plan; the (usually no) inactive tasks are excluded
    by id."""
    reports = TaskReport.objects.filter(period__in=[p.pk for p in periods])
    if inactive:
        reports = reports.exclude(task_id__in=list(inactive))
    reports = scope.units(reports, "unit_id")
    return reports.filter(task_id__in=scope.task_ids) if scope.task_ids else reports


#: The report is in the focal agency's hands. The big aggregates keep only
#: such reports (``.filter(SENT)``) and count columns of the covering
#: (period, task|unit, state, …) indexes, never the id, so PostgreSQL can
#: answer them from the index alone; the filters inside each count are
#: then redundant but say what is counted.
SENT = Q(review_state__in=SENT_STATES)


# ---------------------------------------------------------------- queries


@dataclass(frozen=True)
class _TaskBase:
    task_id: int
    path: str
    summary: str
    heading: str
    section: str
    own_deadline: datetime.date | None
    units_expected: int
    theme_title: str = ""


def _node_title(theme: str, *levels: tuple[str | None, str | None]) -> str:
    """The heading of the outline node whose path is the theme, looking up
    from the task's node (parent, grandparent)."""
    return next((heading or "" for path, heading in levels if path == theme), "")


def _task_bases(document: Document, scope: Scope) -> tuple[list[_TaskBase], list[int]]:
    """Query 1: active tasks with their number of expected units, and the
    ids of inactive ones. The units are counted in a correlated subquery
    (one index lookup per task) rather than by grouping the tasks' wide
    columns (text, headings) over every assignment row."""
    owed = Assignment.objects.filter(task_id=OuterRef("pk"), must_report=True)
    if scope.unit_ids:
        owed = owed.filter(unit_id__in=scope.unit_ids)
    n_units = Subquery(
        owed.order_by()
        .values("task_id")
        .annotate(n=Count("unit_id", distinct=True))
        .values("n")[:1]
    )
    tasks = scope.tasks(Task.objects.filter(document=document))
    rows = (
        tasks.annotate(n_units=Coalesce(n_units, 0))
        .values_list(
            "pk",
            "path",
            "text",
            "heading",
            "section",
            "timing_kind",
            "due_date",
            "due_year",
            "due_quarter",
            "due_month",
            "n_units",
            "is_active",
            "node__parent__path",
            "node__parent__heading",
            "node__parent__parent__path",
            "node__parent__parent__heading",
        )
        .order_by("position", "pk")
    )
    bases, inactive = [], []
    for row in rows:
        pk, path, text, heading, section, kind, due, year, quarter, month, n_units, active = row[
            :12
        ]
        if not active:
            inactive.append(pk)
            continue
        first_line = text.strip().split("\n", 1)[0]
        summary = first_line if len(first_line) <= 160 else first_line[:159] + "…"
        own = task_deadline(kind, due, year, quarter, month)
        title = _node_title(theme_path(path), (row[12], row[13]), (row[14], row[15]))
        bases.append(_TaskBase(pk, path, summary, heading, section, own, n_units, title))
    return bases, inactive


def _task_report_counts(
    periods: Sequence[ReportingPeriod], scope: Scope, inactive: Sequence[int]
) -> dict[tuple[int, int], tuple[int, int, int, datetime.date | None]]:
    """Query 2: per (period, task): units sent, done, started, last completion."""
    done = SENT & Q(completion=Completion.DONE)
    started = SENT & Q(completion__in=(Completion.DONE, Completion.IN_PROGRESS))
    rows = (
        _reports_in_periods(periods, scope, inactive)
        .filter(SENT)
        .values_list("period_id", "task_id")
        .annotate(
            n_sent=Count("*"),
            n_done=Count("task_id", filter=done),
            n_started=Count("task_id", filter=started),
            last_done=Max("completed_on", filter=done),
        )
        .order_by()
    )
    return {(period, task): rest for period, task, *rest in rows}  # type: ignore[misc]


def _sql(queryset: QuerySet) -> tuple[str, tuple[object, ...]]:  # type: ignore[type-arg]
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def _fetch(sql: str, params: Sequence[Any]) -> list[tuple]:  # type: ignore[type-arg]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _unit_rows(
    document: Document, period: ReportingPeriod, scope: Scope, inactive: Sequence[int]
) -> list[UnitRow]:
    """Query 3: every expected unit with the number of tasks it owes and its
    reports of ``period`` (sent, sent late, reported done), in tree order.

    One statement: what each unit owes and what it sent are aggregated by
    unit id alone (narrow groups), then joined to the units for their name
    and place in the tree. Rows come back through a plain cursor: a thousand
    units through the ORM's per-value converters cost more than the query."""
    owed = (
        expected_assignments(document, scope)
        .values("unit_id")
        .annotate(n_owed=Count("task_id", distinct=True))
        .order_by()
    )
    sent = (
        _reports_in_periods([period], scope, inactive)
        .filter(SENT)
        .values("unit_id")
        .annotate(
            n_sent=Count("*"),
            n_late=Count("unit_id", filter=SENT & Q(submitted_late=True)),
            n_done=Count("unit_id", filter=SENT & Q(completion=Completion.DONE)),
        )
        .order_by()
    )
    owed_sql, owed_params = _sql(owed)
    sent_sql, sent_params = _sql(sent)
    q = connection.ops.quote_name
    unit, n_owed, n_sent, n_late, n_done = (
        q(name) for name in ("unit_id", "n_owed", "n_sent", "n_late", "n_done")
    )
    table = q(OrgUnit._meta.db_table)
    sql = (
        f"SELECT o.{unit}, u.{q('name')}, u.{q('short_name')}, u.{q('tree_path')}, o.{n_owed}, "
        f"COALESCE(s.{n_sent}, 0), COALESCE(s.{n_late}, 0), COALESCE(s.{n_done}, 0) "
        f"FROM ({owed_sql}) o INNER JOIN {table} u ON u.{q('id')} = o.{unit} "
        f"LEFT JOIN ({sent_sql}) s ON s.{unit} = o.{unit}"
    )
    rows = sorted(_fetch(sql, owed_params + sent_params), key=lambda row: row[3])
    return [
        UnitRow(unit_id, short or name, owes, min(sent, owes), late, min(done, owes))
        for unit_id, name, short, _path, owes, sent, late, done in rows
    ]


def _with_difficulty(reports: QuerySet[TaskReport]) -> QuerySet[TaskReport]:
    """Keep reports raising a difficulty (written down or escalated) and add
    the state of their latest escalation (None: not escalated yet)."""
    escalations = Escalation.objects.filter(report_id=OuterRef("pk"))
    latest = escalations.order_by("-created_at", "-pk")
    return (
        reports.annotate(has_escalation=Exists(escalations))
        .filter(Q(has_escalation=True) | ~Q(difficulties=""))
        .annotate(escalation_state=Subquery(latest.values("state")[:1]))
    )


def difficulty_reports(
    document: Document, period: ReportingPeriod, scope: Scope | None = None
) -> QuerySet[TaskReport]:
    """Sent reports of the period that raise a difficulty, with the state of
    their latest escalation."""
    return _with_difficulty(sent_reports(document, [period], scope or scope_of(period)))


def _difficulty_states(
    period: ReportingPeriod, scope: Scope, inactive: Sequence[int]
) -> dict[str, int]:
    """Query 5: difficulties of the period by the state of their latest
    escalation ("none" when not escalated)."""
    reports = _reports_in_periods([period], scope, inactive).filter(SENT)
    rows = (
        _with_difficulty(reports)
        .order_by()
        .values_list("escalation_state")  # type: ignore[misc]  # an annotation
        .annotate(n=Count("id"))
    )
    return {state or "none": n for state, n in rows}


def _sub_plans(document: Document, unit_ids: Container[int]) -> list[Document]:
    """Query 6: plans issued by assigned units that carry out this one.

    Every plan carrying this one out is fetched (a handful) and kept when its
    issuer owes reports; passing a thousand unit ids to the database would
    cost more than the query."""
    plans = (
        Document.objects.filter(
            outgoing_links__target=document,
            outgoing_links__relation=LinkRelation.IMPLEMENTS,
            issuer_unit__isnull=False,
        )
        .exclude(state=DocumentState.PLACEHOLDER)
        .select_related("issuer_unit")
        .order_by("issuer_unit__tree_path", "date", "pk")
        .distinct()
    )
    return [plan for plan in plans if plan.issuer_unit_id in unit_ids]


def trend_periods(period: ReportingPeriod) -> list[ReportingPeriod]:
    """Query 8: the same period of earlier years (same duty, same place in the
    year), oldest first, ending with ``period``."""
    if is_ad_hoc(period):
        return [period]
    earlier = ReportingPeriod.objects.filter(
        obligation_id=period.obligation_id, index=period.index, end__lte=period.end
    ).order_by("-end")[:TREND_LENGTH]
    series = list(reversed(list(earlier)))
    return series if period in series else [*series, period]


# ---------------------------------------------------------------- assembly


def _tasks_for_period(
    bases: Sequence[_TaskBase],
    counts: dict[tuple[int, int], tuple[int, int, int, datetime.date | None]],
    period: ReportingPeriod,
    today: datetime.date,
) -> list[TaskRow]:
    rows = []
    for base in bases:
        if not base.units_expected:
            continue  # nobody owes a report: not tracked
        sent, done, started, last_done = counts.get((period.pk, base.task_id), (0, 0, 0, None))
        deadline = period_deadline(base.own_deadline, period)
        label, overdue = task_label(base.units_expected, done, started, last_done, deadline, today)
        rows.append(
            TaskRow(
                base.task_id,
                base.path,
                base.summary,
                theme_path(base.path),
                deadline,
                base.units_expected,
                min(sent, base.units_expected),
                min(done, base.units_expected),
                label,
                overdue,
            )
        )
    return rows


def count_labels(labels: Iterable[StatusLabel]) -> dict[StatusLabel, int]:
    counts = empty_counts()
    for label in labels:
        counts[label] += 1
    return counts


def _trend_reporting(
    document: Document, periods: Sequence[ReportingPeriod], inactive: Sequence[int]
) -> tuple[dict[int, tuple[int, int]], int]:
    """Query 9: per period, units that sent every report they owe, and those
    of them with none late, counted in the database (per-unit sent counts
    joined to what each unit owes), so one row per period comes back instead
    of one per unit and period; plus one row (period NULL) with the number
    of units expected."""
    sent = (
        _reports_in_periods(periods, Scope(), inactive)
        .filter(SENT)
        .values("period_id", "unit_id")
        .annotate(
            n_sent=Count("*"),
            n_late=Count("unit_id", filter=SENT & Q(submitted_late=True)),
        )
        .order_by()
    )
    owed = (
        expected_assignments(document, Scope())
        .values("unit_id")
        .annotate(n_owed=Count("task_id", distinct=True))
        .order_by()
    )
    sent_sql, sent_params = sent.query.sql_with_params()
    owed_sql, owed_params = owed.query.sql_with_params()
    q = connection.ops.quote_name
    period, unit, n_sent, n_late, n_owed = (
        q(name) for name in ("period_id", "unit_id", "n_sent", "n_late", "n_owed")
    )
    sql = (
        f"WITH sent AS ({sent_sql}), owed AS ({owed_sql}) "
        f"SELECT s.{period}, SUM(CASE WHEN s.{n_sent} >= o.{n_owed} THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN s.{n_sent} >= o.{n_owed} AND s.{n_late} = 0 THEN 1 ELSE 0 END) "
        f"FROM sent s INNER JOIN owed o ON o.{unit} = s.{unit} GROUP BY s.{period} "
        f"UNION ALL SELECT NULL, COUNT(*), 0 FROM owed"
    )
    rows = _fetch(sql, (*sent_params, *owed_params))
    expected = next(int(row[1]) for row in rows if row[0] is None)
    reporting = {row[0]: (int(row[1] or 0), int(row[2] or 0)) for row in rows if row[0] is not None}
    return reporting, expected


def label_counts(rows: Iterable[TaskRow]) -> dict[StatusLabel, int]:
    return count_labels(row.label for row in rows)


def _themes(rows: Sequence[TaskRow], bases: Sequence[_TaskBase]) -> list[Theme]:
    """Tasks grouped by theme, titled by the theme's outline heading (or, for
    tasks not linked to the outline, their own heading or section)."""
    titles: dict[str, str] = {}
    fallback: dict[str, str] = {}
    for base in bases:
        theme = theme_path(base.path)
        if base.theme_title:
            titles.setdefault(theme, base.theme_title)
        fallback.setdefault(theme, base.heading or base.section)
    order: list[str] = []
    for row in rows:
        if row.theme not in order:
            order.append(row.theme)
    return [
        Theme(
            path,
            titles.get(path) or fallback.get(path) or path,
            label_counts(row for row in rows if row.theme == path),
        )
        for path in order
    ]


def plan_status(
    document: Document, period: ReportingPeriod, today: datetime.date, *, with_trend: bool = True
) -> PlanStatus:
    """Every number of the plan's dashboard for ``period`` as of ``today``."""
    if period.obligation.document_id != document.pk:
        raise ValueError(f"Period {period.pk} does not belong to document {document.pk}.")
    scope = scope_of(period)
    series = trend_periods(period) if with_trend else [period]
    bases, inactive = _task_bases(document, scope)
    task_counts = _task_report_counts(series, scope, inactive)
    units = _unit_rows(document, period, scope, inactive)
    expected = {unit.unit_id for unit in units}
    reported, on_time = reporting_totals(units)
    reporting = {period.pk: (reported, on_time)}
    if len(series) > 1:  # ad hoc periods have no series: their scope differs
        reporting = _trend_reporting(document, series, inactive)[0] | reporting
    tasks = _tasks_for_period(bases, task_counts, period, today)
    trend = [
        PeriodFigures(
            item,
            len(expected),
            *reporting.get(item.pk, (0, 0)),
            label_counts(
                tasks
                if item.pk == period.pk
                else _tasks_for_period(bases, task_counts, item, today)
            ),
        )
        for item in series
    ]
    difficulty_states = _difficulty_states(period, scope, inactive)
    total = sum(difficulty_states.values())
    sub_plans = _sub_plans(document, expected)
    return PlanStatus(
        document=document,
        period=period,
        today=today,
        units_expected=len(units),
        units_reported=reported,
        reported_on_time=on_time,
        counts=label_counts(tasks),
        difficulties_open=total - difficulty_states.get(EscalationState.RESOLVED, 0),
        difficulties_total=total,
        difficulty_states=difficulty_states,
        tasks=tasks,
        units=units,
        themes=_themes(tasks, bases),
        sub_plans_units=len({plan.issuer_unit_id for plan in sub_plans}),
        sub_plans=sub_plans,
        trend=trend if with_trend else [],
    )


@dataclass(frozen=True)
class TrendStatus:
    """What the trend page shows: the period's task counts and the series."""

    counts: dict[StatusLabel, int]
    trend: list[PeriodFigures]


def trend_status(document: Document, period: ReportingPeriod, today: datetime.date) -> TrendStatus:
    """The trend of ``plan_status`` without what the trend page does not show
    (per-unit rows, difficulties, sub-plans): three queries. The period's own
    reporting comes from the same per-period count as the earlier ones
    (same rule as ``reporting_totals``)."""
    series = trend_periods(period)
    if len(series) < 2:  # ad hoc, or no earlier period: the full computation
        status = plan_status(document, period, today, with_trend=True)
        return TrendStatus(status.counts, status.trend)
    bases, inactive = _task_bases(document, Scope())
    task_counts = _task_report_counts(series, Scope(), inactive)
    reporting, expected = _trend_reporting(document, series, inactive)
    trend = [
        PeriodFigures(
            item,
            expected,
            *reporting.get(item.pk, (0, 0)),
            label_counts(_tasks_for_period(bases, task_counts, item, today)),
        )
        for item in series
    ]
    current = next(figures for figures in trend if figures.period.pk == period.pk)
    return TrendStatus(current.counts, trend)


def task_status(
    document: Document, period: ReportingPeriod, today: datetime.date
) -> tuple[list[TaskRow], list[Theme]]:
    """Only the tasks' standing and their themes (two queries): what the
    task list, theme and overdue pages need, judged as in ``plan_status``."""
    scope = scope_of(period)
    bases, inactive = _task_bases(document, scope)
    counts = _task_report_counts([period], scope, inactive)
    tasks = _tasks_for_period(bases, counts, period, today)
    return tasks, _themes(tasks, bases)


def overdue_rows(tasks: Iterable[TaskRow]) -> list[TaskRow]:
    """Unfinished tasks past their deadline (the urging list)."""
    return [row for row in tasks if row.overdue and row.label in UNFINISHED]


def reporting_totals(units: Iterable[UnitRow]) -> tuple[int, int]:
    """Units that sent every report they owe, and those of them on time."""
    reported = [unit for unit in units if unit.reported]
    return len(reported), sum(unit.tasks_sent_late == 0 for unit in reported)


def unit_status(document: Document, period: ReportingPeriod) -> list[UnitRow]:
    """Only the units' reporting (three queries): the unit list page."""
    scope = scope_of(period)
    inactive = list(
        scope.tasks(Task.objects.filter(document=document, is_active=False)).values_list(
            "pk", flat=True
        )
    )
    return _unit_rows(document, period, scope, inactive)
