"""The report workspace of a plan and period: request a version (with the
narrative parts rewritten), follow its progress, preview it, download any
version. Access from ``access.py``; the change through ``actions.py``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from theodoi.dashboards.report_data import Narrative
from theodoi.dashboards.report_docx import generated_assessment, generated_proposals
from theodoi.reporting import clock

from . import access
from .actions import request_report
from .forms import NarrativeForm
from .models import GenerationState, ReportVersion

FILES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _initial(versions: list[ReportVersion]) -> dict[str, str]:
    """The last version's narrative: regenerating starts from one's own edits."""
    return dict(versions[0].narrative) if versions else {}


@login_required
@require_http_methods(["GET", "POST"])
def workspace(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    document, chosen = access.get_plan_period_for_user(request.user, plan, period)
    versions = list(access.versions_for(document, chosen).select_related("requested_by"))
    form = NarrativeForm(request.POST or None, initial=_initial(versions))
    if request.method == "POST" and form.is_valid():
        request_report(
            request.user,
            document,
            chosen,
            Narrative(**form.cleaned_data),
            today=clock.today(),
            now=clock.now(),
        )
        return redirect("reports:workspace", plan=document.pk, period=chosen.pk)
    generated = None
    if not versions:  # show what will be written when the officer leaves it empty
        from theodoi.dashboards.report_data import collect

        data = collect(document, chosen, clock.today())
        generated = {
            "assessment": generated_assessment(data),
            "leadership_proposals": generated_proposals(data),
        }
    context = {
        "document": document,
        "period": chosen,
        "versions": versions,
        "form": form,
        "generated": generated,
        "working": any(version.working for version in versions),
    }
    return render(request, "reports/workspace.html", context)


@login_required
@require_GET
def progress(request: HttpRequest, pk: int) -> JsonResponse:
    version = access.get_version_for_user(request.user, pk)
    return JsonResponse(
        {"state": version.state, "progress": version.progress, "step": version.step}
    )


@login_required
@require_GET
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    version = access.get_version_for_user(request.user, pk)
    if version.state != GenerationState.DONE:
        raise Http404("Báo cáo chưa tạo xong.")
    return render(request, "reports/preview.html", {"version": version})


@login_required
@require_GET
def download(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    version = access.get_version_for_user(request.user, pk)
    stored = getattr(version, kind, None) if kind in FILES else None
    if version.state != GenerationState.DONE or not stored:
        raise Http404("Không có tệp này.")
    name = stored.name.rsplit("/", 1)[-1]
    return FileResponse(
        stored.open("rb"), as_attachment=True, filename=name, content_type=FILES[kind]
    )
