"""Forms of the reporting app: they parse and validate input, nothing more.

Dates are typed as dd/mm/yyyy (what Vietnamese officials write); figures are
rows of three inputs (indicator picked from the plan's, value, unit), kept as
``[{"label", "value", "unit"}]`` in ``TaskReport.figures``. The former
"chỉ tiêu | số liệu | đơn vị tính" text is still read (``figures.read_figures``
for stored data, ``parse_figures`` for a page posted in the old shape).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from theodoi.reporting.actions import ATTACHMENT_EXTENSIONS, ReportData
from theodoi.reporting.figures import read_figures
from theodoi.reporting.models import TaskReport
from theodoi.reporting.status import Completion

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class VietnameseDateInput(forms.DateInput):
    def __init__(self, **kwargs: Any) -> None:
        attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
        attrs.update(kwargs.pop("attrs", {}))
        super().__init__(format="%d/%m/%Y", attrs=attrs, **kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (evidence for a report)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _number_or_text(value: str) -> Any:
    cleaned = value.replace(".", "").replace(",", ".") if "," in value else value
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return value
    return int(number) if number == number.to_integral_value() else float(number)


def parse_figures(text: str) -> list[dict[str, Any]]:
    """Lines "chỉ tiêu | số liệu | đơn vị" → figures; raises on a malformed line."""
    figures = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or not parts[0] or not parts[1] or len(parts) > 3:
            raise forms.ValidationError(
                _("Dòng %(n)s: cần dạng “chỉ tiêu | số liệu | đơn vị tính”."), params={"n": number}
            )
        figure: dict[str, Any] = {"label": parts[0], "value": _number_or_text(parts[1])}
        if len(parts) == 3 and parts[2]:
            figure["unit"] = parts[2]
        figures.append(figure)
    return figures


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


def _as_rows(figures: Any) -> list[dict[str, str]]:
    rows = [
        {
            "label": str(item.get("label", "")),
            "value": str(item.get("value", "")),
            "unit": str(item.get("unit") or ""),
        }
        for item in read_figures(figures)
    ]
    return rows + [{"label": "", "value": "", "unit": ""}] * SPARE_FIGURE_ROWS


class FigureRows:
    """Figures as rows of indicator, value and unit (``<prefix>-figure-label``
    and so on, posted as parallel lists), for the task and the period forms."""

    _initial_figures: list[dict[str, Any]]

    def _posted(self, name: str) -> list[str]:
        data = cast(QueryDict, self.data)  # type: ignore[attr-defined]
        return [str(v) for v in data.getlist(self.add_prefix(name))]  # type: ignore[attr-defined]

    def figure_names(self) -> dict[str, str]:
        """The inputs' names for the template (``t12-figure-label`` or ``figure-label``)."""
        return {
            part: self.add_prefix(f"figure-{part}")  # type: ignore[attr-defined]
            for part in ("label", "value", "unit")
        }

    def figure_rows(self) -> list[dict[str, str]]:
        """The rows to show: what was posted (kept on an error), else stored."""
        if not self.is_bound:  # type: ignore[attr-defined]
            return _as_rows(self._initial_figures)
        labels, values = self._posted("figure-label"), self._posted("figure-value")
        units = self._posted("figure-unit")
        rows = [
            {"label": label, "value": value, "unit": unit}
            for label, value, unit in zip(labels, values, units, strict=False)
            if label or value or unit
        ]
        rows += _as_rows(self._posted_text())[:-SPARE_FIGURE_ROWS]
        return _as_rows(rows)

    def _posted_text(self) -> str:
        """A page opened before the change posts its figures as one text."""
        return "\n".join(self._posted("figures"))

    def clean_figure_rows(self, data: dict[str, Any]) -> None:
        try:
            data["figures"] = figures_from_rows(
                self._posted("figure-label"),
                self._posted("figure-value"),
                self._posted("figure-unit"),
            ) + parse_figures(self._posted_text())
        except forms.ValidationError as exc:
            self.add_error(None, exc)  # type: ignore[attr-defined]


class ReportForm(FigureRows, forms.Form):
    completion = forms.ChoiceField(
        label=_("Tiến độ thực hiện"),
        choices=Completion.choices,
        widget=forms.RadioSelect,
    )
    completed_on = forms.DateField(
        label=_("Ngày hoàn thành"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=VietnameseDateInput(),
        help_text=_("Bắt buộc khi đã hoàn thành; dạng ngày/tháng/năm, ví dụ 05/11/2025."),
    )
    result = forms.CharField(
        label=_("Kết quả thực hiện"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
    )
    difficulties = forms.CharField(
        label=_("Khó khăn, vướng mắc"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10000,
    )
    proposals = forms.CharField(
        label=_("Kiến nghị, đề xuất"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10000,
    )
    # The report's version when the form was shown (optimistic lock).
    version = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    evidence = MultipleFileField(
        label=_("Tài liệu kiểm chứng"),
        required=False,
        help_text=_("Có thể chọn nhiều tệp; nhận: %(types)s.")
        % {"types": ", ".join(sorted(ATTACHMENT_EXTENSIONS))},
    )

    def __init__(
        self, *args: Any, figures: list[dict[str, Any]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._initial_figures = read_figures(figures)
        for name, field in self.fields.items():
            if field.help_text:  # screen readers read the hint with the field
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    @classmethod
    def for_report(cls, report: TaskReport | None, **kwargs: Any) -> ReportForm:
        if report is None:
            return cls(initial={"completion": Completion.NOT_STARTED, "version": 0}, **kwargs)
        initial = {
            "version": report.version,
            "completion": report.completion,
            "completed_on": report.completed_on,
            "result": report.result,
            "difficulties": report.difficulties,
            "proposals": report.proposals,
        }
        return cls(initial=initial, figures=report.figures, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        done = data.get("completion") == Completion.DONE
        if done and not data.get("completed_on"):
            self.add_error("completed_on", _("Hãy nhập ngày hoàn thành."))
        self.clean_figure_rows(data)
        return data

    def report_data(self) -> ReportData:
        return ReportData.from_cleaned(self.cleaned_data)


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến của cơ quan đầu mối"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Bắt buộc khi trả lại báo cáo: ghi rõ nội dung cần bổ sung, sửa."),
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến của lãnh đạo đơn vị"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )


class AdHocRequestForm(forms.Form):
    """Ask chosen units for a report on chosen tasks of one plan."""

    label = forms.CharField(
        label=_("Tên đợt báo cáo"),
        max_length=100,
        initial=_("Báo cáo đột xuất"),
    )
    due_date = forms.DateField(
        label=_("Hạn báo cáo"), input_formats=DATE_FORMATS, widget=VietnameseDateInput()
    )
    note = forms.CharField(
        label=_("Nội dung yêu cầu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    units = forms.TypedMultipleChoiceField(
        label=_("Đơn vị phải báo cáo"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    tasks = forms.TypedMultipleChoiceField(
        label=_("Nhiệm vụ (để trống: mọi nhiệm vụ được giao)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        units: list[tuple[int, str]],
        tasks: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["units"]).choices = units
        cast(forms.ChoiceField, self.fields["tasks"]).choices = tasks
