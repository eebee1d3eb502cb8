from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from theodoi.dashboards.report_data import NARRATIVE_PARTS


def _text(label: Any, help_text: Any, rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


EACH_LINE = _("Mỗi dòng một đoạn. Để trống: dùng đoạn do hệ thống tổng hợp.")


class NarrativeForm(forms.Form):
    """Every free-text part of the report, in the report's order, pre-filled
    with the generated text (or the last version's edits); a part left
    empty is written by the system again."""

    addressee = _text(
        _("Kính gửi"),
        _("Mỗi dòng một nơi nhận báo cáo. Để trống: dùng nơi nhận ghi trong kế hoạch."),
        rows=2,
    )
    opening = _text(_("Đoạn mở đầu"), EACH_LINE, rows=3)
    situation = _text(_("Tình hình triển khai chung (mục I)"), EACH_LINE, rows=3)
    assessment = _text(_("Đánh giá chung"), EACH_LINE, rows=5)
    limitations = _text(_("Hạn chế và nguyên nhân"), EACH_LINE, rows=5)
    difficulties_summary = _text(_("Tóm tắt khó khăn, vướng mắc (mục III)"), EACH_LINE, rows=3)
    next_steps = _text(
        _("Phương hướng, nhiệm vụ thời gian tới"),
        _("Mỗi dòng một nhiệm vụ. Để trống: dùng nội dung do hệ thống tổng hợp."),
        rows=5,
    )
    leadership_proposals = _text(
        _("Đề xuất, kiến nghị với lãnh đạo"),
        _("Mỗi dòng một đề xuất. Để trống: dùng đề xuất do hệ thống tổng hợp."),
        rows=6,
    )
    closing = _text(_("Đoạn kết"), EACH_LINE, rows=2)
    recipients = _text(
        _("Nơi nhận"),
        _("Mỗi dòng một nơi nhận, ví dụ “- Như trên;”. Để trống: dùng danh sách mặc định."),
        rows=4,
    )
    signature = _text(
        _("Thẩm quyền, chức vụ người ký"),
        _("Mỗi dòng một dòng của khối chữ ký, ví dụ “KT. GIÁM ĐỐC” rồi “PHÓ GIÁM ĐỐC”."),
        rows=3,
    )
    signer = forms.CharField(
        label=_("Họ và tên người ký"),
        required=False,
        max_length=200,
        help_text=_("Để trống: để người ký tự ghi."),
    )
    with_pdf = forms.BooleanField(
        label=_("Kèm bản PDF (in qua LibreOffice, mất thêm ít phút)"),
        required=False,
    )

    def narrative_data(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in NARRATIVE_PARTS}
