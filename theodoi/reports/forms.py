from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class NarrativeForm(forms.Form):
    """The parts of the report a focal officer writes; empty = generated."""

    assessment = forms.CharField(
        label=_("Đánh giá chung"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Mỗi dòng một đoạn. Để trống: dùng đoạn do hệ thống tổng hợp."),
    )
    leadership_proposals = forms.CharField(
        label=_("Đề xuất, kiến nghị với lãnh đạo"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Mỗi dòng một đề xuất. Để trống: dùng đề xuất do hệ thống tổng hợp."),
    )
