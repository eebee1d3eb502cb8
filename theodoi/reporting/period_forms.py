"""Forms of the one-form period report: one small form per task (prefixed
by the task) and the unit's summary of the period.

Figures come as rows of three inputs (indicator, value, unit) posted as
parallel lists, instead of the per-task form's "chỉ tiêu | số liệu | đơn vị"
lines; both end up as ``[{"label", "value", "unit"}]``."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from theodoi.reporting.actions import ATTACHMENT_EXTENSIONS, ReportData, SummaryData
from theodoi.reporting.forms import (
    DATE_FORMATS,
    MultipleFileField,
    VietnameseDateInput,
    _number_or_text,
)
from theodoi.reporting.models import PeriodSummary, TaskReport
from theodoi.reporting.status import Completion

#: Empty figure rows offered under the filled ones (more with "Thêm dòng").
SPARE_FIGURE_ROWS = 2
MAX_FIGURE_ROWS = 50


def figures_from_rows(
    labels: list[str], values: list[str], units: list[str]
) -> list[dict[str, Any]]:
    """Rows → figures; blank rows are skipped, a half-filled one is refused."""
    figures: list[dict[str, Any]] = []
    count = max(len(labels), len(values), len(units))
    if count > MAX_FIGURE_ROWS:
        raise forms.ValidationError(_("Tối đa %(n)s dòng số liệu."), params={"n": MAX_FIGURE_ROWS})
    for number in range(count):
        label = labels[number].strip() if number < len(labels) else ""
        value = values[number].strip() if number < len(values) else ""
        unit = units[number].strip() if number < len(units) else ""
        if not (label or value or unit):
            continue
        if not label or not value:
            raise forms.ValidationError(
                _("Dòng số liệu %(n)s: cần cả chỉ tiêu và số liệu."), params={"n": number + 1}
            )
        figure: dict[str, Any] = {"label": label[:255], "value": _number_or_text(value[:100])}
        if unit:
            figure["unit"] = unit[:50]
        figures.append(figure)
    return figures


def _as_rows(figures: list[dict[str, Any]]) -> list[dict[str, str]]:
    rows = [
        {
            "label": str(item.get("label", "")),
            "value": str(item.get("value", "")),
            "unit": str(item.get("unit") or ""),
        }
        for item in figures or []
        if isinstance(item, dict)
    ]
    return rows + [{"label": "", "value": "", "unit": ""}] * SPARE_FIGURE_ROWS


class PeriodTaskForm(forms.Form):
    """One task's part of the period report."""

    completion = forms.ChoiceField(
        label=_("Tiến độ thực hiện"), choices=Completion.choices, widget=forms.RadioSelect
    )
    completed_on = forms.DateField(
        label=_("Ngày hoàn thành"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=VietnameseDateInput(),
    )
    result = forms.CharField(
        label=_("Kết quả thực hiện"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
    )
    difficulties = forms.CharField(
        label=_("Khó khăn, vướng mắc"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=10000,
    )
    proposals = forms.CharField(
        label=_("Kiến nghị, đề xuất"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=10000,
    )
    version = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    evidence = MultipleFileField(
        label=_("Tài liệu kiểm chứng"),
        required=False,
        help_text=_("Có thể chọn nhiều tệp; nhận: %(types)s.")
        % {"types": ", ".join(sorted(ATTACHMENT_EXTENSIONS))},
    )

    def __init__(self, *args: Any, figures: list[dict[str, Any]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._initial_figures = figures or []

    @classmethod
    def for_report(cls, report: TaskReport | None, prefix: str) -> PeriodTaskForm:
        if report is None:
            initial = {"completion": Completion.NOT_STARTED, "version": 0}
            return cls(initial=initial, prefix=prefix)
        initial = {
            "version": report.version,
            "completion": report.completion,
            "completed_on": report.completed_on,
            "result": report.result,
            "difficulties": report.difficulties,
            "proposals": report.proposals,
        }
        return cls(initial=initial, prefix=prefix, figures=report.figures)

    def _posted(self, name: str) -> list[str]:
        data = cast(QueryDict, self.data)
        return [str(v) for v in data.getlist(self.add_prefix(name))]

    def figure_rows(self) -> list[dict[str, str]]:
        """The rows to show: what was posted (kept on an error), else stored."""
        if not self.is_bound:
            return _as_rows(self._initial_figures)
        labels, values = self._posted("figure-label"), self._posted("figure-value")
        units = self._posted("figure-unit")
        rows = [
            {"label": label, "value": value, "unit": unit}
            for label, value, unit in zip(labels, values, units, strict=False)
            if label or value or unit
        ]
        return _as_rows(rows)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("completion") == Completion.DONE and not data.get("completed_on"):
            self.add_error("completed_on", _("Hãy nhập ngày hoàn thành."))
        try:
            data["figures"] = figures_from_rows(
                self._posted("figure-label"),
                self._posted("figure-value"),
                self._posted("figure-unit"),
            )
        except forms.ValidationError as exc:
            self.add_error(None, exc)
        return data

    def report_data(self) -> ReportData:
        return ReportData.from_cleaned(self.cleaned_data)


class PeriodSummaryForm(forms.Form):
    """The unit's words on the whole period, shown above the tasks."""

    results = forms.CharField(
        label=_("Tóm tắt kết quả chung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
    )
    difficulties = forms.CharField(
        label=_("Khó khăn, vướng mắc chung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10000,
    )
    version = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)

    @classmethod
    def for_summary(cls, summary: PeriodSummary | None) -> PeriodSummaryForm:
        if summary is None:
            return cls(initial={"version": 0}, prefix="tong-hop")
        initial = {
            "version": summary.version,
            "results": summary.results,
            "difficulties": summary.difficulties,
        }
        return cls(initial=initial, prefix="tong-hop")

    def summary_data(self) -> SummaryData:
        data = self.cleaned_data
        return SummaryData(
            results=data.get("results", ""),
            difficulties=data.get("difficulties", ""),
            version=data.get("version"),
        )
