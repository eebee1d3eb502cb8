"""The review screen's body matching: one small form per name the resolver
left open (confirm the suggestion, pick another unit, create a new unit,
ignore). Kept apart from ``views.py`` so the rest of the review screen can
change without touching it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from theodoi.documents.access import get_document_for_user
from theodoi.documents.forms import mappable_units
from theodoi.orgunits.models import UnitKind
from theodoi.plans.actions import BODY_DECISIONS, TaskError, decide_body


class BodyDecisionForm(forms.Form):
    name = forms.CharField(max_length=255)
    decision = forms.ChoiceField(choices=[(d, d) for d in BODY_DECISIONS])
    units = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Đơn vị"), queryset=mappable_units(), required=False
    )
    kind = forms.ChoiceField(choices=UnitKind.choices, required=False)


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk, for_change=True)
    form = BodyDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn ít nhất một đơn vị."))
    else:
        data = form.cleaned_data
        try:
            units = decide_body(
                request.user,
                document,
                data["name"],
                data["decision"],
                units=data["units"],
                kind=data["kind"] or UnitKind.OTHER,
            )
        except TaskError as exc:
            messages.error(request, str(exc))
        else:
            if units:
                messages.success(
                    request,
                    _("“%(name)s” là: %(units)s.")
                    % {"name": data["name"], "units": "; ".join(u.name for u in units)},
                )
            else:
                messages.success(request, _("Đã bỏ qua “%(name)s”.") % {"name": data["name"]})
    return redirect(reverse("documents:review", args=[pk]) + "#co-quan")
