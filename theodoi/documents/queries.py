"""Read-only queries behind the document pages, sized for the page (no N+1)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Prefetch, QuerySet, Value, When

from theodoi.documents.coverage import ChildSummary, coverage_matrix
from theodoi.documents.models import Document, DocumentLink, DocumentState, LinkRelation
from theodoi.orgunits.models import OrgUnit
from theodoi.plans.models import Assignment, OutlineNode, Task
from theodoi.plans.resolution import names_by_role
from theodoi.text.model import ParseResult

#: The list's "show" filter: every document, real ones only, placeholders only.
SHOW_ALL, SHOW_REAL, SHOW_PLACEHOLDERS = "tat-ca", "that", "chua-co"


def document_list(
    documents: QuerySet[Document], state: str = "", show: str = SHOW_ALL
) -> QuerySet[Document]:
    """The list page's rows: real documents first (newest first), then the
    placeholders (numbers cited but not uploaded), counts annotated."""
    if state:
        documents = documents.filter(state=state)
    if show == SHOW_REAL:
        documents = documents.exclude(state=DocumentState.PLACEHOLDER)
    elif show == SHOW_PLACEHOLDERS:
        documents = documents.filter(state=DocumentState.PLACEHOLDER)
    placeholder_last = Case(
        When(state=DocumentState.PLACEHOLDER, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        documents.select_related("focal_agency")
        .annotate(task_count=Count("tasks", distinct=True), placeholder_last=placeholder_last)
        .order_by("placeholder_last", "-date", "number", "-id")
    )


@dataclass
class SubPlans:
    """Which assigned units issued their own plan carrying this one out."""

    expected: list[OrgUnit]
    issued: dict[int, Document]

    @property
    def issued_count(self) -> int:
        return len(self.issued)

    def rows(self) -> list[tuple[OrgUnit, Document | None]]:
        return [(unit, self.issued.get(unit.pk)) for unit in self.expected]


@dataclass
class Cascade:
    parents: list[Document]
    children: list[Document]
    cited: list[Document]
    sub_plans: SubPlans | None = None
    coverage: list[ChildSummary] = field(default_factory=list)


def cascade(document: Document, visible: QuerySet[Document]) -> Cascade:
    """Parents (direct first), visible children, cited documents, sub-plans
    issued per assigned unit and task coverage by each child."""
    outgoing = list(
        DocumentLink.objects.filter(source=document).select_related("target").order_by("position")
    )
    parents = [link.target for link in outgoing if link.relation == LinkRelation.IMPLEMENTS]
    cited = [link.target for link in outgoing if link.relation == LinkRelation.REFERENCES]
    children = list(
        visible.filter(
            outgoing_links__target=document, outgoing_links__relation=LinkRelation.IMPLEMENTS
        )
        .exclude(state=DocumentState.PLACEHOLDER)
        .select_related("issuer_unit", "created_by__org_unit")
        .distinct()
    )
    result = Cascade(parents, children, cited)
    if document.state == DocumentState.PUBLISHED:
        result.sub_plans = _sub_plans(document, children)
        result.coverage = _coverage(document, children)
    return result


def _sub_plans(document: Document, children: list[Document]) -> SubPlans:
    from theodoi.reporting.scope import plan_assignments

    # the units that owe reports, as the dashboard counts them
    expected = list(
        OrgUnit.objects.filter(pk__in=plan_assignments(document).values("unit_id")).order_by(
            "tree_path"
        )
    )
    wanted = {unit.pk for unit in expected}
    issued: dict[int, Document] = {}
    for child in children:
        owners = {child.issuer_unit_id}
        if child.created_by is not None:
            owners.add(child.created_by.org_unit_id)
        for owner in owners & wanted:
            issued.setdefault(owner, child)  # type: ignore[arg-type]
    return SubPlans(expected, issued)


def _coverage(document: Document, children: list[Document]) -> list[ChildSummary]:
    if not children:
        return []
    return coverage_matrix(document, children).children


#: Lead first, then coordinating, then implementing bodies, as plans list them.
ROLE_ORDER = Case(
    When(role="lead", then=Value(0)),
    When(role="coordinating", then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def assignments_prefetch() -> Prefetch:
    """A task's assignments with their units, in role order."""
    return Prefetch(
        "assignments",
        queryset=Assignment.objects.select_related("unit").order_by(ROLE_ORDER, "unit__tree_path"),
    )


def tasks_with_assignments(document: Document) -> list[Task]:
    """Tasks in order, each with its assignments and their units (3 queries)
    and ``unit_summary`` for display."""
    tasks = list(document.tasks.order_by("position").prefetch_related(assignments_prefetch()))
    return summarize_units(tasks)


def summarize_units(tasks: list[Task]) -> list[Task]:
    """Set ``task.unit_summary`` = [(role label, [names])]: units named through
    a group show as the group's name and member count, not as a long list."""
    for task in tasks:
        by_role: dict[str, list[str]] = {}
        labels: dict[str, str] = {}
        groups: dict[tuple[str, str], int] = {}
        for assignment in task.assignments.all():
            labels[assignment.role] = str(assignment.get_role_display())
            names = by_role.setdefault(assignment.role, [])
            if assignment.via_group_id:
                key = (assignment.role, assignment.source_text)
                if key not in groups:
                    names.append(assignment.source_text)
                groups[key] = groups.get(key, 0) + 1
            else:
                names.append(assignment.unit.display_name)
        summary = []
        for role, names in by_role.items():
            shown = [
                f"{name} ({groups[(role, name)]})" if (role, name) in groups else name
                for name in names
            ]
            summary.append((labels[role], shown))
        task.unit_summary = summary  # type: ignore[attr-defined]
    return tasks


@dataclass
class OutlineItem:
    node: OutlineNode
    depth: int
    tasks: list[Task]

    @property
    def show_heading(self) -> bool:
        """A heading that is itself the task's text is shown once, on the task."""
        return self.node is not None and not any(t.path == self.node.path for t in self.tasks)


def outline_with_tasks(document: Document, tasks: list[Task]) -> list[OutlineItem]:
    """The heading tree in reading order, each heading with the tasks it holds;
    tasks not under any heading come in a last item without a node."""
    nodes = list(document.outline_nodes.order_by("position"))
    depth: dict[int, int] = {}
    by_node: dict[int | None, list[Task]] = defaultdict(list)
    for task in tasks:
        by_node[task.node_id].append(task)
    items = []
    for node in nodes:
        depth[node.pk] = depth.get(node.parent_id, -1) + 1 if node.parent_id else 0
        items.append(OutlineItem(node, depth[node.pk], by_node.pop(node.pk, [])))
    leftover = [task for tasks_ in by_node.values() for task in tasks_]
    if leftover:
        items.append(OutlineItem(None, 0, sorted(leftover, key=lambda t: t.position)))  # type: ignore[arg-type]
    return items


@dataclass
class BodyRow:
    """One body name as the document writes it, and what it was mapped to."""

    name: str
    method: str
    units: list[OrgUnit]
    tasks: int
    new_unit: bool = False
    suggestions: list[OrgUnit] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        """Whether the officer still has to decide (see plans/resolution.NEEDS_REVIEW)."""
        from theodoi.plans.resolution import NEEDS_REVIEW

        return self.method in NEEDS_REVIEW and not self.units


def body_rows(document: Document, tasks: list[Task], result: ParseResult | None) -> list[BodyRow]:
    """Every name the document uses for a body, with its present mapping;
    names still waiting for the officer's decision first. ``result`` is the
    stored parse (``Document.parsed``), for the tasks a name has no unit in."""
    notes = document.stored_notes()
    resolutions = {r["name"]: r for r in notes.get("resolution", [])}
    methods = {name: r["method"] for name, r in resolutions.items()}
    new_ids = set(notes.get("new_units", []))
    units: dict[str, dict[int, OrgUnit]] = defaultdict(dict)
    task_ids: dict[str, set[int]] = defaultdict(set)
    for task in tasks:
        for assignment in task.assignments.all():
            units[assignment.source_text][assignment.unit_id] = assignment.unit
            task_ids[assignment.source_text].add(task.pk)
    rows = [
        BodyRow(
            name,
            methods.get(name, "manual"),
            sorted(found.values(), key=lambda u: u.tree_path),
            len(task_ids[name]),
            bool(new_ids & set(found)),
        )
        for name, found in units.items()
    ]
    suggested_ids = {pk for r in resolutions.values() for pk in r.get("suggestions", [])}
    suggested = OrgUnit.objects.in_bulk(list(suggested_ids))
    counts = _parse_counts(result)
    for name in notes.get("unresolved", []):
        if name not in units:
            picks = [suggested[pk] for pk in resolutions.get(name, {}).get("suggestions", [])]
            method = methods.get(name, "ambiguous")
            rows.append(BodyRow(name, method, [], counts.get(name, 0), False, picks))
    for name in notes.get("ignored", []):
        if name not in units:
            rows.append(BodyRow(name, "ignored", [], counts.get(name, 0)))
    return sorted(rows, key=lambda row: (not row.needs_review, row.name))


def _parse_counts(result: ParseResult | None) -> dict[str, int]:
    """How many tasks of the parse result name each body (for names with no assignment)."""
    counts: dict[str, int] = defaultdict(int)
    for item in result.tasks if result is not None else []:
        for name in set[str]().union(*names_by_role(item).values()):
            counts[name] += 1
    return counts
