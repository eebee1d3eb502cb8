from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.inspections.models import Assessment, InspectionKind
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Task

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _date_field(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class InspectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=InspectionKind.choices)
    title = forms.CharField(label=_("Nội dung kiểm tra"), max_length=255)
    inspecting_unit = forms.ModelChoiceField(
        label=_("Cơ quan kiểm tra"), queryset=OrgUnit.objects.none()
    )
    team = forms.CharField(
        label=_("Thành phần đoàn"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    starts_on = _date_field(_("Từ ngày"))
    ends_on = _date_field(_("Đến ngày"))
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị được kiểm tra"),
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    tasks = forms.ModelMultipleChoiceField(
        label=_("Nhiệm vụ kiểm tra"),
        queryset=Task.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, units: Any, tasks: Any, inspectors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        self.fields["tasks"].queryset = tasks  # type: ignore[attr-defined]
        self.fields["inspecting_unit"].queryset = inspectors  # type: ignore[attr-defined]
        self.fields["tasks"].label_from_instance = lambda task: f"{task.path}. {task.text[:120]}"  # type: ignore[attr-defined]


class FindingForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=OrgUnit.objects.none())
    task = forms.ModelChoiceField(label=_("Nhiệm vụ"), queryset=Task.objects.none(), required=False)
    assessment = forms.ChoiceField(label=_("Đánh giá"), choices=Assessment.choices)
    text = forms.CharField(label=_("Kết quả kiểm tra"), widget=forms.Textarea(attrs={"rows": 3}))
    recommendation = forms.CharField(
        label=_("Kiến nghị"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    deadline = _date_field(_("Hạn khắc phục"), required=False)

    def __init__(self, *args: Any, units: Any, tasks: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["task"].queryset = tasks  # type: ignore[attr-defined]
        self.fields["task"].label_from_instance = lambda task: f"{task.path}. {task.text[:80]}"  # type: ignore[attr-defined]
