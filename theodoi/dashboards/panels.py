"""Turning a ``PlanStatus`` into what the templates show: charts, their
table alternatives and the rows worth a first look. No queries here
(``difficulty_table_rows`` iterates the page it is given)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from theodoi.monitoring.models import EscalationState
from theodoi.reporting.models import TaskReport
from theodoi.reporting.status import StatusLabel

from . import charts
from .drilldown import OverdueRow, UnitTask
from .metrics import LABEL_ORDER, PlanStatus, TaskRow, Theme, TrendStatus, UnitRow

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: Units shown in the completeness chart of the overview (the least complete).
CHART_UNITS = 30


@dataclass(frozen=True)
class LabelCount:
    code: str
    label: str
    count: int
    percent: int


def label_rows(counts: dict[StatusLabel, int]) -> list[LabelCount]:
    total = sum(counts.values())
    return [
        LabelCount(
            label.value,
            str(label.label),
            counts[label],
            round(100 * counts[label] / total) if total else 0,
        )
        for label in LABEL_ORDER
    ]


def status_segments(counts: dict[StatusLabel, int]) -> list[charts.Segment]:
    return [charts.Segment(str(lb.label), counts[lb], charts.COLOURS[lb]) for lb in LABEL_ORDER]


def status_chart(counts: dict[StatusLabel, int], title: str) -> SafeString:
    return charts.stacked_bar(status_segments(counts), title)


def least_complete(units: Sequence[UnitRow], limit: int = CHART_UNITS) -> list[UnitRow]:
    """Units furthest from done first: they are the ones to urge."""
    ordered = sorted(units, key=lambda u: (u.percent_sent, u.tasks_sent - u.tasks_expected))
    return ordered[:limit]


def completeness_chart(units: Sequence[UnitRow], title: str) -> SafeString:
    rows = [charts.BarRow(u.name, u.tasks_sent, u.tasks_expected, u.tasks_sent_late) for u in units]
    return charts.completeness_bars(rows, title)


def reporting_chart(status: PlanStatus) -> SafeString:
    segments = [
        charts.Segment(_("Báo cáo đúng hạn"), status.reported_on_time, charts.ON_TIME),
        charts.Segment(_("Báo cáo muộn"), status.units_late, charts.LATE),
        charts.Segment(_("Chưa báo cáo đủ"), status.units_missing, "#8c959f"),
    ]
    return charts.stacked_bar(segments, _("Đơn vị đã báo cáo"), unit=_(" đơn vị"))


def trend_chart(status: PlanStatus | TrendStatus) -> SafeString:
    columns = [
        charts.TrendColumn(
            figures.period.label,
            status_segments(figures.counts),
            _("%(n)s/%(m)s đơn vị") % {"n": figures.units_reported, "m": figures.units_expected},
        )
        for figures in status.trend
    ]
    return charts.trend_columns(columns, _("Tiến độ nhiệm vụ qua các kỳ"))


DIFFICULTY_COLOURS = {
    "none": "#6e7781",
    EscalationState.OPEN: "#b35900",
    EscalationState.FORWARDED: "#0969da",
    EscalationState.RESOLVED: "#1a7f37",
}


def difficulty_segments(by_state: dict[str, int]) -> list[charts.Segment]:
    labels = {"none": _("Chưa xử lý (chưa kiến nghị lên)"), **dict(EscalationState.choices)}
    return [
        charts.Segment(str(labels[key]), by_state.get(key, 0), colour)
        for key, colour in DIFFICULTY_COLOURS.items()
    ]


def task_table_rows(tasks: Sequence[TaskRow]) -> SafeString:
    """The body rows of a task table. Built in Python (every text escaped)
    rather than a template loop: a plan has hundreds of tasks, and the
    template engine's per-variable cost made this table most of the page's
    time. Plain f-strings with ``html.escape`` (what Django's ``escape``
    does) and the five labels translated once keep it a fraction of that."""
    labels = {label: escape(str(label.label)) for label in LABEL_ORDER}
    # data-label heads each cell when the table becomes cards on a phone
    due, sent, done, state = (
        escape(_(text)) for text in ("Hạn", "Đơn vị đã gửi", "Đã hoàn thành", "Tình trạng")
    )
    return mark_safe(  # every interpolated text is escaped
        "".join(
            f'<tr><td><span class="path">{escape(row.path)}</span>{escape(row.summary)}</td>'
            f'<td data-label="{due}">{row.deadline:%d/%m/%Y}</td>'
            f'<td class="num" data-label="{sent}">{row.units_sent}/{row.units_expected}</td>'
            f'<td class="num" data-label="{done}">{row.units_done}/{row.units_expected}</td>'
            f'<td data-label="{state}"><span class="label label-{escape(row.label.value)}">'
            f"{labels[row.label]}</span></td></tr>"
            for row in tasks
        )
    )


def unit_table_rows(units: Sequence[UnitRow], unit_url: str) -> SafeString:
    """Body rows of the unit list (same reason as ``task_table_rows``).
    ``unit_url`` is a unit page's URL with ``0`` for the unit's id."""
    prefix = unit_url.removesuffix("0/")
    badges = {
        "on_time": ("badge-accepted", _("Đủ, đúng hạn")),
        "late": ("badge-returned", _("Đủ, muộn")),
        "missing": ("badge-danger", _("Chưa đủ")),
    }

    def badge(unit: UnitRow) -> tuple[str, str]:
        return badges["on_time" if unit.on_time else "late" if unit.reported else "missing"]

    return format_html_join(
        "",
        '<tr><th scope="row"><a href="{}{}/">{}</a></th><td class="num">{}</td>'
        '<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td>'
        '<td><span class="badge {}">{}</span></td></tr>',
        (
            (
                prefix,
                u.unit_id,
                u.name,
                u.tasks_expected,
                u.tasks_sent,
                u.tasks_sent_late,
                u.tasks_done,
                *badge(u),
            )
            for u in units
        ),
    )


def _date(value: datetime.date | None) -> str:
    """``|date:"d/m/Y"``: dd/mm/yyyy, aware datetimes in the current zone."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")


def overdue_table_rows(rows: Sequence[OverdueRow], unit_url: str) -> SafeString:
    """Body rows of the overdue list (same reason as ``task_table_rows``)."""
    prefix = unit_url.removesuffix("0/")
    missing = format_html('<span class="badge badge-danger">{}</span>', _("Chưa có"))

    def report(row: OverdueRow) -> SafeString:
        if not row.report:
            return missing
        return format_html(
            '<span class="badge badge-{}">{}</span>', row.report.review_state, row.review_label
        )

    return format_html_join(
        "",
        "<tr>\n"
        '    <th scope="row"><a href="{}{}/">{}</a></th>\n'
        '    <td><span class="path">{}</span>{}</td>\n'
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "  </tr>",
        (
            (
                prefix,
                row.unit.pk,
                row.unit.display_name,
                row.task.path,
                row.task.summary,
                _date(row.task.deadline),
                report(row),
                row.completion_label,
            )
            for row in rows
        ),
    )


def difficulty_table_rows(
    reports: Iterable[TaskReport], unit_url: str, labels: Mapping[str, StrOrPromise]
) -> SafeString:
    """Body rows of the difficulties register (same reason as
    ``task_table_rows``). ``labels``: escalation state → its label."""
    prefix = unit_url.removesuffix("0/")
    not_escalated = format_html(
        '<span class="badge badge-draft">{}</span>', _("Chưa kiến nghị lên")
    )

    def state(report: Any) -> SafeString:
        if not report.escalation_state:
            return not_escalated
        if report.escalation_state not in labels:
            return mark_safe("")
        return format_html(
            '<span class="badge badge-esc-{}">{}</span>',
            report.escalation_state,
            labels[report.escalation_state],
        )

    return format_html_join(
        "",
        "<tr>\n"
        '    <th scope="row"><a href="{}{}/">{}</a></th>\n'
        '    <td><span class="path">{}</span>{}</td>\n'
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "  </tr>",
        (
            (
                prefix,
                report.unit_id,
                report.unit.display_name,
                report.task.path,
                Truncator(report.task.summary).chars(120),
                report.difficulties or report.escalation_summary,  # type: ignore[attr-defined]
                report.proposals,
                state(report),
                report.escalation_response or "—",  # type: ignore[attr-defined]
            )
            for report in reports
        ),
    )


def unit_task_rows(rows: Sequence[UnitTask]) -> SafeString:
    """Body rows of one unit's tasks (same reason as ``task_table_rows``)."""
    missing = format_html('<span class="badge badge-draft">{}</span>', _("Chưa có"))
    late = _("muộn")
    difficulty = _("Khó khăn")

    def report_cell(report: TaskReport | None) -> SafeString:
        if report is None:
            return missing
        badge = format_html(
            '<span class="badge badge-{}">{}</span>',
            report.review_state,
            report.get_review_state_display(),  # type: ignore[attr-defined]
        )
        if not report.submitted_at:
            return badge
        return format_html(
            '{}<br><span class="muted">{}{}</span>',
            badge,
            _date(report.submitted_at),
            f" · {late}" if report.submitted_late else "",
        )

    def result_cell(row: UnitTask) -> SafeString:
        if not row.sent or row.report is None:
            return mark_safe("")
        result = Truncator(row.report.result).chars(240)
        if not row.report.difficulties:
            return format_html("{}", result)
        return format_html(
            "{}<br><strong>{}:</strong> {}",
            result,
            difficulty,
            Truncator(row.report.difficulties).chars(200),
        )

    return format_html_join(
        "",
        "<tr>\n"
        '    <td><span class="path">{}</span>{}</td>\n'
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        "    <td>{}</td>\n"
        '    <td><span class="label label-{}">{}</span></td>\n'
        "    <td>{}</td>\n"
        "  </tr>",
        (
            (
                row.assignment.task.path,
                row.assignment.task.summary,
                row.assignment.get_role_display(),  # type: ignore[attr-defined]
                _date(row.deadline),
                report_cell(row.report),
                row.label.value,
                row.label_text,
                result_cell(row),
            )
            for row in rows
        ),
    )


def urgent_unit_rows(units: Sequence[UnitRow], unit_url: str) -> SafeString:
    """Body rows of the overview's least-complete units (same reason as
    ``task_table_rows``)."""
    prefix = unit_url.removesuffix("0/")
    return format_html_join(
        "",
        '<tr><th scope="row"><a href="{}{}/">{}</a></th><td class="num">{}/{}</td>'
        '<td class="num">{}</td></tr>',
        (
            (prefix, u.unit_id, u.name, u.tasks_sent, u.tasks_expected, u.tasks_sent_late)
            for u in units
        ),
    )


def theme_table_rows(themes: Sequence[Theme], theme_url: Callable[[str], str]) -> SafeString:
    """Body rows of the overview's themes table, one count per label (same
    reason as ``task_table_rows``). ``theme_url`` gives a theme page's URL."""
    return format_html_join(
        "",
        '<tr><th scope="row"><span class="path">{}</span><a href="{}">{}</a></th>{}</tr>',
        (
            (
                theme.path,
                theme_url(theme.path),
                Truncator(theme.title).chars(90),
                format_html_join(
                    "", '<td class="num">{}</td>', ((theme.counts[lb],) for lb in LABEL_ORDER)
                ),
            )
            for theme in themes
        ),
    )
