"""Forms of the orgunits app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

#: Largest directory table accepted from the web (a province has a few thousand units).
MAX_TABLE_BYTES = 5 * 1024 * 1024


class DirectoryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh mục đơn vị"),
        help_text=_("Tệp .csv (UTF-8) hoặc .xlsx với các cột code, name, kind, parent, aliases."),
    )

    def clean_file(self) -> object:
        file = self.cleaned_data["file"]
        if not str(file.name).lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Chỉ nhận tệp .csv hoặc .xlsx."))
        if file.size > MAX_TABLE_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 5 MB)."))
        return file
