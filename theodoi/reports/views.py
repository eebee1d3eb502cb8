"""The report workspace of a plan and period: request a version (with the
narrative parts rewritten), follow its progress, preview it, download any
version. Access from ``access.py``; the change through ``actions.py``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from theodoi.dashboards.report_data import Narrative, collect
from theodoi.dashboards.report_docx import edits_only, generated_narrative
from theodoi.dashboards.report_formats import CONTENT_TYPES
from theodoi.documents.models import Document
from theodoi.reporting import clock
from theodoi.reporting.models import ReportingPeriod

from . import access
from .actions import request_report
from .forms import NarrativeForm
from .models import FILE_KINDS, GenerationState, ReportVersion

FILES = {kind: CONTENT_TYPES[f".{kind}"] for kind in FILE_KINDS}


def _initial(
    document: Document, period: ReportingPeriod, versions: list[ReportVersion]
) -> dict[str, object]:
    """Each part as the last version had it (regenerating starts from one's
    own edits), else as the system writes it from today's data."""
    written = Narrative.from_dict(versions[0].narrative if versions else {})
    data = collect(document, period, clock.today())
    generated = generated_narrative(data, written.addressee.strip() or None).as_dict()
    initial: dict[str, object] = {
        name: value.strip() or generated[name] for name, value in written.as_dict().items()
    }
    initial["with_pdf"] = bool(versions and versions[0].with_pdf)
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def workspace(request: HttpRequest, plan: int, period: int) -> HttpResponse:
    document, chosen = access.get_plan_period_for_user(request.user, plan, period)
    versions = list(access.versions_for(document, chosen).select_related("requested_by"))
    if request.method == "POST":
        form = NarrativeForm(request.POST)
        if form.is_valid():
            written = Narrative.from_dict(form.narrative_data())
            data = collect(document, chosen, clock.today())
            request_report(
                request.user,
                document,
                chosen,
                edits_only(data, written),
                today=clock.today(),
                now=clock.now(),
                with_pdf=form.cleaned_data["with_pdf"],
            )
            return redirect("reports:workspace", plan=document.pk, period=chosen.pk)
    else:
        form = NarrativeForm(initial=_initial(document, chosen, versions))
    context = {
        "document": document,
        "period": chosen,
        "versions": versions,
        "form": form,
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
    stored = getattr(version, kind) if kind in FILES else None
    if version.state != GenerationState.DONE or not stored:
        raise Http404("Không có tệp này.")
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=version.download_name(kind),
        content_type=FILES[kind],
    )
