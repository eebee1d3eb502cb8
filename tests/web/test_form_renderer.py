"""theodoi's form renderer writes the plain widgets in Python: the same
bytes as Django's widget templates, for every shape of value and attribute."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from theodoi.project.form_renderer import WidgetRenderer
from theodoi.reporting.forms import MultipleFileInput, ReportForm, VietnameseDateInput

ODD_ATTRS: dict[str, Any] = {
    "class": 'a "quoted" <b> & c',
    "required": True,
    "disabled": False,
    "maxlength": 20,
    "data-safe": mark_safe("<i>"),
    "placeholder": gettext_lazy("Tìm kiếm"),
    "aria-describedby": "id_x-help",
}
VALUES: list[Any] = [None, "", "plain", '<script>"x" & y</script>', mark_safe("<b>"), 5, 2.5]

WIDGETS: list[forms.Widget] = [
    forms.TextInput(),
    forms.TextInput(attrs=ODD_ATTRS),
    forms.HiddenInput(),
    forms.NumberInput(attrs={"min": 0}),
    forms.EmailInput(),
    forms.PasswordInput(render_value=True),
    forms.DateInput(format="%d/%m/%Y"),
    VietnameseDateInput(),
    forms.Textarea(attrs={"rows": 3}),
    forms.Textarea(attrs=ODD_ATTRS),
    forms.FileInput(),
    forms.ClearableFileInput(),
    MultipleFileInput(attrs={"aria-describedby": "id_evidence-help"}),
]


def both(widget: forms.Widget, name: str, value: Any, attrs: dict[str, Any] | None = None):
    fast = widget.render(name, value, attrs, renderer=WidgetRenderer())
    django = widget.render(name, value, attrs, renderer=DjangoTemplates())
    return fast, django


def test_the_project_uses_it() -> None:
    assert settings.FORM_RENDERER == "theodoi.project.form_renderer.WidgetRenderer"
    assert isinstance(get_default_renderer(), WidgetRenderer)


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: type(w).__name__)
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_plain_widgets_as_the_templates(widget: forms.Widget, value: Any) -> None:
    fast, django = both(widget, 'x"<name>', value, {"id": "id_x"})
    assert fast == django


def test_dates_and_textarea_values() -> None:
    for widget in (forms.DateInput(), VietnameseDateInput(), forms.Textarea()):
        for value in (datetime.date(2025, 11, 5), "\nleading newline", "a\r\nb  "):
            fast, django = both(widget, "d", value)
            assert fast == django


def test_a_stored_file_is_left_to_the_template() -> None:
    class Stored:
        url = "/tep/1/"

        def __str__(self) -> str:
            return "bao-cao.pdf"

    fast, django = both(forms.ClearableFileInput(), "f", Stored())
    assert fast == django and "bao-cao.pdf" in fast


@pytest.mark.parametrize("widget_class", [forms.RadioSelect, forms.CheckboxSelectMultiple])
def test_options_as_the_templates(widget_class: type[forms.ChoiceWidget]) -> None:
    choices = [
        ("a", gettext_lazy("Hoàn thành")),
        ("b", 'x & "y" <z>'),
        ("c", mark_safe("<b>c</b>")),
        (3, 4),
    ]

    class Choose(forms.Form):
        pick = forms.ChoiceField(choices=choices, widget=widget_class)

    fast_form = Choose({"pick": "b"}, renderer=WidgetRenderer())
    django_form = Choose({"pick": "b"}, renderer=DjangoTemplates())
    fast = [option.tag() for option in fast_form["pick"]]
    django = [option.tag() for option in django_form["pick"]]
    assert fast == django and len(fast) == 4
    assert [str(o) for o in fast_form["pick"]] == [str(o) for o in django_form["pick"]]
    assert str(fast_form["pick"]) == str(django_form["pick"])


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_report_form_renders_the_same(language: str) -> None:
    fields = {
        "version": "3",
        "completion": "done",
        "completed_on": "31/02/2025",  # an error to show
        "result": 'Kết quả <b>đậm</b> & "trích"',
        "difficulties": "",
        "proposals": "\nĐề xuất",
    }
    data = QueryDict(mutable=True)
    data.update(fields)
    files = MultiValueDict({"evidence": [SimpleUploadedFile("a.txt", b"x")]})
    with override(language):
        pages = []
        for renderer in (WidgetRenderer(), DjangoTemplates()):
            bound = ReportForm(data, files, renderer=renderer)
            bound.is_valid()
            unbound = ReportForm(
                initial={"version": 0, "completion": "not_started"}, renderer=renderer
            )
            pages.append([str(form) for form in (bound, unbound)])
            pages[-1] += [str(field) for form in (bound, unbound) for field in form]
            pages[-1] += [radio.tag() for radio in bound["completion"]]
        assert pages[0] == pages[1]


def test_templates_are_compiled_once_per_process() -> None:
    """The cached loader is on (Django's default when no loaders are named;
    naming loaders in settings without it would parse every template on
    every request)."""
    from django.template import engines
    from django.template.loaders.cached import Loader

    engine = engines["django"].engine  # type: ignore[attr-defined]
    assert [type(loader) for loader in engine.template_loaders] == [Loader]
    renderer_engine = WidgetRenderer().engine.engine
    assert [type(loader) for loader in renderer_engine.template_loaders] == [Loader]
