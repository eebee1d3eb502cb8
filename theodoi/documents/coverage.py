"""Coverage of a plan by the plans that carry it out, and comparison of any
two plans, theme by theme (``theodoi.text.match``).

Replaces the earlier task-by-task token-set score, which rewarded any plan
written in the same administrative style (an unrelated parent scored every
task covered). The web uses the lexical matcher: it needs no model and
answers in well under a second; the command can ask for embeddings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from io import BytesIO

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from theodoi.documents.models import Document, DocumentState, LinkRelation
from theodoi.plans.models import OutlineNode, Task
from theodoi.text.match import Comparison, Heading, Method, PlanThemes, TaskText, compare, themes_of

STATUSES = ("covered", "partly", "missing")


def plan_themes(document: Document) -> PlanThemes:
    """The document's themes and tasks as stored (2 queries)."""
    return plans_themes([document])[document.pk]


def plans_themes(documents: list[Document]) -> dict[int, PlanThemes]:
    """Themes and tasks of several documents in 2 queries (pages list many children)."""
    headings: dict[int, list[Heading]] = defaultdict(list)
    tasks: dict[int, list[TaskText]] = defaultdict(list)
    nodes = (
        OutlineNode.objects.filter(document__in=documents)
        .order_by("document_id", "position")
        .values_list("document_id", "path", "heading", "parent__path")
    )
    for doc_id, path, heading, parent in nodes:
        headings[doc_id].append(Heading(path, heading, parent))
    rows = (
        Task.objects.filter(document__in=documents)
        .order_by("document_id", "position")
        .values_list("document_id", "path", "text")
    )
    for doc_id, path, text in rows:
        tasks[doc_id].append(TaskText(path, text))
    return {d.pk: themes_of(str(d), headings[d.pk], tasks[d.pk]) for d in documents}


def compare_documents(a: Document, b: Document, method: Method = "lexical") -> Comparison:
    return compare(plan_themes(a), plan_themes(b), method=method)


def children_of(document: Document, visible: QuerySet[Document]) -> list[Document]:
    """The visible plans that implement ``document`` (placeholders aside)."""
    return list(
        visible.filter(
            outgoing_links__target=document, outgoing_links__relation=LinkRelation.IMPLEMENTS
        )
        .exclude(state=DocumentState.PLACEHOLDER)
        .distinct()
        .order_by("date", "pk")
    )


@dataclass
class Cell:
    status: str  # covered / partly / missing
    score: float
    partner_path: str | None
    partner_heading: str
    matched_tasks: int
    tasks: int


@dataclass
class ChildSummary:
    child: Document
    comparison: Comparison

    def count(self, status: str) -> int:
        return sum(1 for pair in self.comparison.pairs if pair.status() == status)

    @property
    def covered(self) -> int:
        return self.count("covered")

    @property
    def partly(self) -> int:
        return self.count("partly")

    @property
    def themes(self) -> int:
        return len(self.comparison.pairs)


@dataclass
class CoverageMatrix:
    """Parent themes × child plans."""

    parent: Document
    themes: list[tuple[str, str]]  # (path, heading)
    children: list[ChildSummary]

    def rows(self) -> list[tuple[str, str, list[Cell]]]:
        out = []
        for index, (path, heading) in enumerate(self.themes):
            cells = []
            for summary in self.children:
                pair = summary.comparison.pairs[index]
                cells.append(
                    Cell(
                        pair.status(),
                        pair.score,
                        pair.b.path if pair.b else None,
                        pair.b.heading if pair.b else "",
                        pair.matched_tasks,
                        len(pair.tasks),
                    )
                )
            out.append((path, heading, cells))
        return out


def coverage_matrix(parent: Document, children: list[Document]) -> CoverageMatrix:
    loaded = plans_themes([parent, *children])
    themes = loaded[parent.pk]
    summaries = [ChildSummary(child, compare(themes, loaded[child.pk])) for child in children]
    return CoverageMatrix(parent, [(t.path, t.heading) for t in themes.themes], summaries)


def status_label(status: str) -> str:
    return {
        "covered": _("Đã cụ thể hóa"),
        "partly": _("Một phần"),
        "missing": _("Chưa có"),
    }[status]


def matrix_xlsx(matrix: CoverageMatrix) -> bytes:
    """The matrix as a workbook: one row per parent theme, one column per
    child plan, the status in words (and the child's theme) in each cell."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    fills = {
        "covered": PatternFill("solid", fgColor="C6EFCE"),
        "partly": PatternFill("solid", fgColor="FFEB9C"),
        "missing": PatternFill("solid", fgColor="FFC7CE"),
    }
    book = Workbook()
    sheet = book.active
    sheet.title = _("Mức độ cụ thể hóa")[:31]
    sheet.append([str(matrix.parent)])
    sheet["A1"].font = Font(bold=True)
    sheet.append(
        [_("Mục"), _("Nội dung của văn bản cấp trên")] + [str(s.child) for s in matrix.children]
    )
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for path, heading, cells in matrix.rows():
        values = [path, heading] + [
            status_label(c.status) + (f" ({c.partner_path})" if c.partner_path else "")
            for c in cells
        ]
        sheet.append(values)
        for column, cell in enumerate(cells, start=3):
            target = sheet.cell(row=sheet.max_row, column=column)
            target.fill = fills[cell.status]
        sheet.cell(row=sheet.max_row, column=2).alignment = Alignment(wrap_text=True)
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 70
    for column in range(3, 3 + len(matrix.children)):
        sheet.column_dimensions[sheet.cell(row=2, column=column).column_letter].width = 24
    out = BytesIO()
    book.save(out)
    return out.getvalue()
