"""Form widgets written out in Python, byte for byte as Django's templates.

Django renders every widget (and every radio button) through a template of
its own: an ``<input>`` costs a template render, an include and a dozen
variable lookups. The report form has about fifteen of them on every page an
officer opens in the deadline hour. This renderer writes the few plain
widgets directly (text, hidden, date, number, file inputs, text areas, radio
and checkbox options) with the same escaping as the templates, and hands
every other template (and any value it is not sure about) to Django's
renderer unchanged. ``tests/web/test_form_renderer.py`` holds both to the
same output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe

_WIDGETS = "django/forms/widgets/"
_INPUTS = {
    f"{_WIDGETS}{name}.html"
    for name in (
        "input",
        "text",
        "hidden",
        "date",
        "number",
        "email",
        "url",
        "password",
        "search",
        "tel",
        "time",
        "datetime",
        "file",
        "color",
    )
}
_OPTIONS = {f"{_WIDGETS}{name}.html" for name in ("radio_option", "checkbox_option")}


class _Unsure(Exception):
    """A value the templates would render in a way not written out here."""


def _text(value: Any) -> str:
    """``{{ value }}`` of a string (or lazy string): escaped unless safe."""
    if not isinstance(value, str | Promise):
        raise _Unsure
    return str(conditional_escape(str(value)))  # a SafeString stays itself


def _formatted(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``: str(), escaped unless it was safe."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html."""
    return "".join(
        f" {_text(name)}" + ("" if value is True else f'="{_formatted(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict[str, Any]) -> str:
    """django/forms/widgets/input.html (and the inputs that include it)."""
    value = widget["value"]
    shown = "" if value is None else f' value="{_formatted(value)}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _textarea(widget: dict[str, Any]) -> str:
    value = widget["value"]
    shown = _text(value) if value else ""
    return f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n{shown}</textarea>'


def _option(widget: dict[str, Any]) -> str:
    """django/forms/widgets/input_option.html (radio buttons, check boxes)."""
    tag = _input(widget)
    if not widget.get("wrap_label"):
        return tag
    for_id = widget["attrs"].get("id")
    label_for = f' for="{_text(for_id)}"' if for_id else ""
    # input.html ends with a line break, kept inside the label.
    return f"<label{label_for}>{tag}\n {_text(widget['label'])}</label>"


def _clearable_file(widget: dict[str, Any]) -> str:
    if widget.get("is_initial"):
        raise _Unsure  # a stored file with its clear box: the template says it
    return _input({**widget, "value": None})  # the template shows no value


_WRITERS: dict[str, Callable[[dict[str, Any]], str]] = {
    **{name: _input for name in _INPUTS},
    **{name: _option for name in _OPTIONS},
    f"{_WIDGETS}textarea.html": _textarea,
    f"{_WIDGETS}clearable_file_input.html": _clearable_file,
}


class WidgetRenderer(DjangoTemplates):
    """Django's template renderer, with the plain widgets written directly."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        writer = _WRITERS.get(template_name)
        widget = context.get("widget") if writer is not None else None
        if writer is not None and isinstance(widget, dict) and len(context) == 1:
            try:
                return mark_safe(writer(widget))
            except (_Unsure, KeyError):
                pass
        return super().render(template_name, context, request=request)
