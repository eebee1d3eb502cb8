"""Forms of the plans app: correcting a task and who carries it out."""

from __future__ import annotations

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from theodoi.orgunits.models import OrgUnit


def _units_field(label: str | Promise) -> forms.ModelMultipleChoiceField[OrgUnit]:
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=OrgUnit.objects.filter(is_active=True),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Giữ Ctrl (hoặc Cmd) để chọn nhiều đơn vị."),
    )


class TaskForm(forms.Form):
    path = forms.CharField(
        label=_("Vị trí trong văn bản"), max_length=60, help_text=_("Ví dụ: III.2.a hoặc II.1-2")
    )
    text = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 5}))
    timing_text = forms.CharField(
        label=_("Thời gian thực hiện"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: thường xuyên; hằng năm; Quý II/2025; 30/6/2025"),
    )


class AssignmentsForm(forms.Form):
    lead = _units_field(_("Cơ quan chủ trì"))
    coordinating = _units_field(_("Cơ quan phối hợp"))
    implementing = _units_field(_("Cơ quan, đơn vị thực hiện"))
