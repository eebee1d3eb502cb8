"""Laying the cascade out for the page: bands of levels (central → province
→ district → unit), each document a box under its direct parent, with its
progress; drawn as server-side SVG (no script, no CDN).

Only the "implements" tree is drawn; citations stay on the document pages.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from theodoi.dashboards.lookups import default_period
from theodoi.dashboards.metrics import plan_status
from theodoi.documents.graph import TIERS, Graph
from theodoi.documents.models import Document, DocumentState
from theodoi.reporting.status import StatusLabel

BOX_W, BOX_H = 210, 86
GAP_X, GAP_Y = 24, 40
BAND_LABEL_W = 140


@dataclass
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class Box:
    document: Document
    tier: str
    x: int = 0
    y: int = 0
    row: int = 0
    progress: Progress | None = None
    parent: Box | None = None
    children: list[Box] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.document.number or _("(chưa có số)")

    @property
    def issuer(self) -> str:
        text = self.document.issuer or self.document.get_kind_display()
        return text if len(text) <= 32 else text[:31] + "…"

    @property
    def bar_width(self) -> int:
        return round((BOX_W - 20) * (self.progress.percent if self.progress else 0) / 100)

    @property
    def center_x(self) -> int:
        return self.x + BOX_W // 2


@dataclass
class Band:
    tier: str
    label: str
    y: int
    height: int


@dataclass
class Drawing:
    boxes: list[Box]
    bands: list[Band]
    width: int
    height: int

    @property
    def edges(self) -> list[tuple[Box, Box]]:
        return [(box, box.parent) for box in self.boxes if box.parent is not None]


def progress_of(document: Document, today: datetime.date) -> Progress | None:
    """Tasks done (on time or late) out of all, in the plan's current period."""
    if document.state != DocumentState.PUBLISHED:
        return None
    period = default_period(document, today)
    if period is None:
        return None
    status = plan_status(document, period, today, with_trend=False)
    done = status.counts[StatusLabel.DONE_ON_TIME] + status.counts[StatusLabel.DONE_LATE]
    return Progress(done, status.tasks_total)


def _tier_labels() -> dict[str, str]:
    return {
        "central": _("Trung ương"),
        "province": _("Tỉnh"),
        "district": _("Huyện, thành phố"),
        "unit": _("Đơn vị"),
    }


def draw(graph: Graph, today: datetime.date, *, tree_only: bool = True) -> Drawing:
    parents = graph.parents()
    in_tree = set(parents) | set(parents.values())
    boxes = {
        node.document.pk: Box(node.document, node.tier)
        for node in graph.nodes
        if not tree_only or node.document.pk in in_tree or len(graph.nodes) == 1
    }
    for pk, box in boxes.items():
        parent = boxes.get(parents.get(pk, -1))
        if parent is not None:
            box.parent = parent
            parent.children.append(box)
        box.progress = progress_of(box.document, today)
    _rows(list(boxes.values()))
    roots = [box for box in boxes.values() if box.parent is None]
    slot = 0
    for root in roots:
        slot = _place(root, slot)
    bands = _bands(list(boxes.values()))
    width = BAND_LABEL_W + max(slot, 1) * (BOX_W + GAP_X)
    height = (max((box.row for box in boxes.values()), default=0) + 1) * (BOX_H + GAP_Y)
    return Drawing(list(boxes.values()), bands, width, height)


def _rows(boxes: list[Box]) -> None:
    """Rows by level; a document under one of its own level goes one row down."""
    base = 0
    done: set[int] = set()
    for tier in TIERS:
        members = [box for box in boxes if box.tier == tier]
        if not members:
            continue
        for box in members:
            _row(box, base, done)
        base = max(box.row for box in members) + 1
    for box in boxes:
        box.y = box.row * (BOX_H + GAP_Y) + GAP_Y // 2


def _row(box: Box, base: int, done: set[int], depth: int = 0) -> int:
    """A box's row: at least its level's first row, below its parent's."""
    if box.document.pk in done or depth > 50:
        return box.row
    parent_row = _row(box.parent, base, done, depth + 1) + 1 if box.parent is not None else 0
    box.row = max(base, parent_row)
    done.add(box.document.pk)
    return box.row


def _place(box: Box, slot: int, depth: int = 0) -> int:
    """Leaves take the next slot left to right; a parent sits over its children."""
    children = sorted(box.children, key=lambda b: (b.document.is_placeholder, b.document.pk))
    if not children or depth > 50:
        box.x = BAND_LABEL_W + slot * (BOX_W + GAP_X)
        return slot + 1
    start = slot
    for child in children:
        slot = _place(child, slot, depth + 1)
    middle = (start + slot - 1) / 2
    box.x = BAND_LABEL_W + round(middle * (BOX_W + GAP_X))
    return slot


def _bands(boxes: list[Box]) -> list[Band]:
    labels = _tier_labels()
    bands = []
    for tier in TIERS:
        rows = [box.row for box in boxes if box.tier == tier]
        if rows:
            top = min(rows) * (BOX_H + GAP_Y)
            bands.append(
                Band(tier, labels[tier], top, (max(rows) - min(rows) + 1) * (BOX_H + GAP_Y))
            )
    return bands
