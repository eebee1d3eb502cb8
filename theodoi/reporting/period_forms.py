"""Forms of the one-form period report: one small form per task (prefixed
by the task) and the unit's summary of the period.

Figures come as rows of three inputs (indicator, value, unit) posted as
parallel lists (``forms.FigureRows``, shared with the per-task form), kept
as ``[{"label", "value", "unit"}]``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.reporting.actions import ATTACHMENT_EXTENSIONS, ReportData, SummaryData
from theodoi.reporting.figures import read_figures
from theodoi.reporting.forms import (
    DATE_FORMATS,
    MAX_FIGURE_ROWS,
    SPARE_FIGURE_ROWS,
    FigureRows,
    MultipleFileField,
    VietnameseDateInput,
    figures_from_rows,
)
from theodoi.reporting.models import PeriodSummary, TaskReport
from theodoi.reporting.status import Completion

__all__ = [
    "MAX_FIGURE_ROWS",
    "SPARE_FIGURE_ROWS",
    "PeriodSummaryForm",
    "PeriodTaskForm",
    "figures_from_rows",
]


class PeriodTaskForm(FigureRows, forms.Form):
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
        self._initial_figures = read_figures(figures)

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

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("completion") == Completion.DONE and not data.get("completed_on"):
            self.add_error("completed_on", _("Hãy nhập ngày hoàn thành."))
        self.clean_figure_rows(data)
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
