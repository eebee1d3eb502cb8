from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.documents.models import Document
from theodoi.orgunits.models import OrgUnit
from theodoi.recognition.models import NomineeKind


class PracticeForm(forms.Form):
    document = forms.ModelChoiceField(
        label=_("Kế hoạch"), queryset=Document.objects.none(), required=False
    )
    title = forms.CharField(label=_("Tên mô hình, cách làm"), max_length=255)
    description = forms.CharField(label=_("Cách làm"), widget=forms.Textarea(attrs={"rows": 5}))
    results = forms.CharField(
        label=_("Kết quả, hiệu quả"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    evidence = forms.FileField(label=_("Tài liệu minh chứng"), required=False)

    def __init__(self, *args: Any, documents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if documents is None:
            del self.fields["document"]
        else:
            self.fields["document"].queryset = documents  # type: ignore[attr-defined]
            self.fields["document"].required = True


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[("recognise", _("Ghi nhận")), ("decline", _("Không ghi nhận"))],
        widget=forms.RadioSelect,
    )
    replicate = forms.BooleanField(label=_("Đề nghị nhân rộng"), required=False)
    comment = forms.CharField(
        label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class CommendationForm(forms.Form):
    nominee_kind = forms.ChoiceField(label=_("Đối tượng"), choices=NomineeKind.choices)
    nominee_name = forms.CharField(label=_("Tên tập thể, cá nhân"), max_length=255)
    award = forms.CharField(
        label=_("Hình thức khen thưởng"),
        max_length=255,
        initial=_("Bằng khen của Chủ tịch UBND tỉnh"),
    )
    reason = forms.CharField(label=_("Thành tích"), widget=forms.Textarea(attrs={"rows": 3}))
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=OrgUnit.objects.none())

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else OrgUnit.objects.all()  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[("granted", _("Đã khen thưởng")), ("not_granted", _("Không khen thưởng"))],
    )
    decision = forms.CharField(label=_("Số quyết định"), max_length=100, required=False)
