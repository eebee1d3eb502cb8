"""Forms of the documents app: upload, metadata correction, unit mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from theodoi.documents.models import Document, DocumentKind, DocumentState
from theodoi.orgunits.models import OrgUnit

ACCEPTED_SUFFIXES = (
    ".docx", ".doc", ".pdf", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".xlsx", ".csv",
)  # fmt: skip


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp văn bản"),
        help_text=_("Word (.docx, .doc), PDF (kể cả bản quét), ảnh chụp hoặc văn bản .txt."),
    )
    parent = forms.ModelChoiceField(
        label=_("Thực hiện kế hoạch cấp trên"),
        queryset=Document.objects.none(),
        required=False,
        empty_label=_("— Không chọn (hệ thống tự tìm theo số văn bản) —"),
        help_text=_("Với kế hoạch của đơn vị: chọn kế hoạch cấp trên mà đơn vị thực hiện."),
    )

    def __init__(self, *args: Any, parents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parents is not None:
            # Declared above as a ModelChoiceField; ``fields`` only knows it is a Field.
            parent = cast("forms.ModelChoiceField[Document]", self.fields["parent"])
            parent.queryset = parents.exclude(state=DocumentState.PLACEHOLDER).order_by(
                "-date", "-id"
            )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError(
                _("Định dạng tệp không được hỗ trợ. Hãy tải lên: %(list)s.")
                % {"list": ", ".join(ACCEPTED_SUFFIXES)}
            )
        limit = int(settings.MAX_UPLOAD_MB) * 1024 * 1024
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": settings.MAX_UPLOAD_MB}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("Tệp tải lên rỗng."))
        return upload


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=DocumentKind.choices)
    number = forms.CharField(label=_("Số và ký hiệu"), max_length=100, required=False)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255, required=False)
    place = forms.CharField(label=_("Địa danh"), max_length=100, required=False)
    date = forms.DateField(
        label=_("Ngày ban hành"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text=_("dd/mm/yyyy"),
        widget=forms.DateInput(format="%d/%m/%Y"),
    )
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    focal_agency = forms.ModelChoiceField(
        label=_("Cơ quan đầu mối"), queryset=OrgUnit.objects.filter(is_active=True), required=False
    )


def mappable_units() -> QuerySet[OrgUnit]:
    """The units a body name may be mapped to: the remap form's choices, also
    listed by the review page, which builds the picker itself."""
    return OrgUnit.objects.filter(is_active=True)


class RemapForm(forms.Form):
    name = forms.CharField(widget=forms.HiddenInput)
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị"),
        queryset=mappable_units(),
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
