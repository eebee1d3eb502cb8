"""With English chosen, the main pages carry no Vietnamese in their chrome.

Headings, navigation, buttons, labels, placeholders and tooltips must all come
from the English catalogue; only data values (unit names, plan titles, task
texts, period labels, people's names) may stay Vietnamese. The test removes
every data value the fixtures put in the database from the page text, so any
Vietnamese letter left over is an untranslated UI string.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.builders import Personas, Plan
from tests.web.conftest import TODAY
from tests.web.reporting.clocks import at, freeze
from theodoi.accounts.models import User
from theodoi.documents.models import Document
from theodoi.notifications.models import Notification
from theodoi.orgunits.models import Alias, OrgUnit, UnitGroup
from theodoi.plans.models import Assignment, Task
from theodoi.public.actions import publish_page
from theodoi.reporting import actions
from theodoi.reporting.actions import ReportData
from theodoi.reporting.models import (
    PeriodSummary,
    PlanIndicator,
    ReportingObligation,
    ReportingPeriod,
    TaskReport,
)
from theodoi.reporting.status import Completion

#: Letters only Vietnamese uses among the site's two languages.
VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]",
    re.IGNORECASE,
)

#: The language picker names each language in itself, so a Vietnamese reader
#: stuck on the English site can find the way back.
ENDONYMS = ["Tiếng Việt"]

#: Attributes a reader sees or hears (screen readers read aria-label and title).
VISIBLE_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}


class _VisibleText(HTMLParser):
    """Collects text nodes and human-facing attributes, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        for name, value in attrs:
            if value and (name in VISIBLE_ATTRIBUTES or (tag == "input" and name == "value")):
                self.pieces.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.pieces.append(data)


def _data_values() -> list[str]:
    """Every Vietnamese value the fixtures stored: these may show in any language."""
    values: list[str] = []

    def add(strings: Iterable[str | None]) -> None:
        values.extend(s for s in strings if s)

    for unit in OrgUnit.objects.all():
        add([unit.name, unit.short_name, unit.display_name])
    add(Alias.objects.values_list("name", flat=True))
    add(UnitGroup.objects.values_list("name", flat=True))
    for document in Document.objects.all():
        add([document.title, document.number, document.issuer, document.place])
        add([document.focal_agency_text])
    for task in Task.objects.all():
        add([task.text, task.section, task.path])
    add(Assignment.objects.values_list("source_text", flat=True))
    for obligation in ReportingObligation.objects.all():
        add([obligation.from_text, obligation.to_text, obligation.via_text])
    add(ReportingPeriod.objects.values_list("label", flat=True))
    for report in TaskReport.objects.all():
        add([report.result, report.difficulties, report.proposals])
        add(str(figure.get("label", "")) for figure in report.figure_list)
        add(str(figure.get("unit", "")) for figure in report.figure_list)
    for summary in PeriodSummary.objects.all():
        add([summary.results, summary.difficulties])
    for indicator in PlanIndicator.objects.all():
        add([indicator.label, indicator.unit])
    # Notifications are written once, in the site's language, for every reader.
    for notification in Notification.objects.all():
        add([notification.title, notification.body])
    for user in User.objects.all():
        add([user.full_name, user.display_name, str(user)])
    # Longest first, so a name is not half-removed by a shorter one inside it.
    return sorted(set(values), key=len, reverse=True)


def untranslated(html: str, data: list[str]) -> list[str]:
    """Visible snippets that still contain Vietnamese once data values are removed."""
    parser = _VisibleText()
    parser.feed(html)
    left = []
    for piece in parser.pieces:
        text = " ".join(piece.split())
        for value in [*data, *ENDONYMS]:
            text = text.replace(" ".join(value.split()), "")
        if VIETNAMESE.search(text):
            left.append(text)
    return left


def _english(client: Client) -> Client:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def _submitted_report(plan: Plan, personas: Personas) -> TaskReport:
    """A filed report with a difficulty, so review and difficulty pages have rows."""
    with freeze(at(TODAY)) as now:
        data = ReportData(
            completion=Completion.IN_PROGRESS,
            result="Đã rà soát 12 văn bản",
            difficulties="Thiếu cán bộ chuyên trách",
            figures=[{"label": "Văn bản rà soát", "value": 12, "unit": "văn bản"}],
        )
        report = actions.save_draft(
            personas.unit_officer_a, plan.period, plan.tasks[1], data, now=now
        )
        # the unit's summary of the period shows on the review queue
        PeriodSummary.objects.create(
            period=plan.period,
            unit=personas.unit_officer_a.org_unit,
            results="Cơ bản hoàn thành kế hoạch năm",
            difficulties="Kinh phí còn hạn chế",
        )
        PlanIndicator.objects.create(document=plan.document, label="Số hội nghị", unit="cuộc")
        return actions.submit_report(personas.unit_officer_a, report, now=now)


def _pages(plan: Plan, report: TaskReport) -> dict[str, list[str]]:
    """Persona → the main pages that persona uses."""
    document = plan.document.pk
    period = plan.period.pk
    dashboard = {"plan": document, "period": period}
    return {
        "admin": [reverse("home"), reverse("documents:list"), reverse("orgunits:directory")],
        "focal_officer": [
            reverse("home"),
            reverse("documents:list"),
            reverse("documents:detail", args=[document]),
            reverse("documents:cascade", args=[document]),
            reverse("documents:graph"),
            reverse("search:search") + "?q=zzzz",  # highlights split data values
            reverse("documents:upload"),
            reverse("plans:list"),
            reverse("reporting:review_queue"),
            reverse("reporting:review_detail", args=[report.pk]),
            reverse("reporting:ad_hoc"),
            reverse("monitoring:reminders"),
            reverse("monitoring:escalations"),
            reverse("monitoring:period_units", args=[period]),
            reverse("dashboards:index"),
            reverse("dashboards:plan", kwargs=dashboard),
            reverse("dashboards:tasks", kwargs=dashboard),
            reverse("dashboards:units", kwargs=dashboard),
            reverse("dashboards:difficulties", kwargs=dashboard),
            reverse("notifications:notifications"),
            reverse("public:index"),
            reverse("public:plan", args=[document]),
            reverse("public:plan", args=[document]) + "?lang=en",
            reverse("reporting:indicators", args=[document]),
            reverse("recognition:list"),
            reverse("inspections:list"),
            reverse("inspections:new", args=[document]),
            reverse("leadership:assignments"),
        ],
        "unit_officer_a": [
            reverse("home"),
            reverse("reporting:inbox"),
            reverse("reporting:report_form", args=[period, plan.tasks[0].pk]),
            reverse("reporting:report_form", args=[period, plan.tasks[1].pk]),
            reverse("reporting:period_form", args=[period]),
            reverse("notifications:notifications"),
            reverse("notifications:email_preferences"),
            reverse("recognition:list"),
            reverse("recognition:propose"),
            reverse("inspections:list"),
        ],
        "unit_head_a": [
            reverse("home"),
            reverse("reporting:inbox"),
            reverse("reporting:period_form", args=[period]),
            reverse("account"),
            reverse("password_change"),
        ],
        "leader": [
            reverse("home"),
            reverse("dashboards:plan", kwargs=dashboard),
            reverse("leadership:dashboard"),
        ],
    }


def test_login_page_in_english() -> None:
    html = _english(Client()).get(reverse("login")).content.decode()
    assert "Sign in" in html
    assert untranslated(html, []) == []


@pytest.mark.parametrize(
    "persona", ["admin", "focal_officer", "unit_officer_a", "unit_head_a", "leader"]
)
def test_main_pages_have_no_vietnamese_chrome_in_english(
    persona: str, personas: Personas, plan: Plan, client_for: Callable[..., Client]
) -> None:
    report = _submitted_report(plan, personas)
    publish_page(personas.focal_officer, plan.document)
    client = _english(client_for(getattr(personas, persona)))
    data = _data_values()
    found = {}
    for url in _pages(plan, report)[persona]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html, url
        left = untranslated(html, data)
        if left:
            found[url] = left
    assert found == {}


def test_the_checker_catches_a_vietnamese_label() -> None:
    """The check above would fail on an untranslated button or tooltip."""
    html = '<h1>Plans</h1><button title="Lưu">Save</button><p>Nhiệm vụ</p><script>"ă"</script>'
    assert untranslated(html, ["Nhiệm vụ"]) == ["Lưu"]
