"""Charts as hand-written SVG, rendered on the server.

No JavaScript, no CDN: each chart is an ``<svg role="img">`` with a
``<title>`` and an ``aria-label`` summarising it, text labels on or beside
every mark (colour is never the only carrier of meaning), and the page shows
the same numbers in a table next to it. Colours are dark enough for 3:1
contrast against white and distinguishable with common colour blindness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from theodoi.reporting.status import StatusLabel

COLOURS = {
    StatusLabel.DONE_ON_TIME: "#1a7f37",
    StatusLabel.DONE_LATE: "#5a8f29",
    StatusLabel.IN_PROGRESS_ON_TIME: "#0969da",
    StatusLabel.IN_PROGRESS_OVERDUE: "#b35900",
    StatusLabel.NOT_STARTED: "#6e7781",
}
ON_TIME = "#1a7f37"
LATE = "#b35900"
MISSING = "#d0d7de"
TEXT = "#1f2328"
FONT = "font-family=\"system-ui, 'Segoe UI', Roboto, Arial, sans-serif\""


@dataclass(frozen=True)
class Segment:
    label: str
    value: int
    colour: str


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    text = escape(title)
    return mark_safe(  # every interpolated string is escaped
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{text}" preserveAspectRatio="xMinYMin meet" '
        f'style="max-width:{width}px" {FONT}>'
        f"<title>{text}</title>{''.join(body)}</svg>"
    )


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def stacked_bar(segments: Sequence[Segment], title: str, unit: str = "") -> SafeString:
    """One 100% bar split into segments, with a legend giving each count."""
    total = sum(s.value for s in segments)
    width, bar_h, row_h = 640, 36, 30
    height = bar_h + 16 + row_h * len(segments)
    body: list[str] = []
    x = 0.0
    for s in segments:
        if not s.value:
            continue
        w = width * s.value / total
        body.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{bar_h}" fill="{s.colour}">'
            f"<title>{escape(s.label)}: {s.value}</title></rect>"
        )
        if w > 34:
            body.append(
                f'<text x="{x + w / 2:.1f}" y="{bar_h / 2 + 5}" text-anchor="middle" '
                f'font-size="14" fill="#fff" font-weight="600">{s.value}</text>'
            )
        x += w
    if not total:
        body.append(f'<rect x="0" y="0" width="{width}" height="{bar_h}" fill="{MISSING}"/>')
    for i, s in enumerate(segments):
        y = bar_h + 16 + i * row_h
        body.append(f'<rect x="0" y="{y}" width="18" height="18" fill="{s.colour}"/>')
        body.append(
            f'<text x="26" y="{y + 15}" font-size="17" fill="{TEXT}">{escape(s.label)}: '
            f"{s.value}{escape(unit)} ({_percent(s.value, total)})</text>"
        )
    summary = "; ".join(f"{s.label}: {s.value}" for s in segments)
    return _svg(width, height, f"{title}. {summary}", body)


@dataclass(frozen=True)
class BarRow:
    label: str
    value: int
    total: int
    late: int = 0


def completeness_bars(rows: Sequence[BarRow], title: str) -> SafeString:
    """Per unit: reports sent on time / late out of those owed."""
    label_w, bar_w, row_h, width = 250, 300, 24, 640
    height = max(row_h * len(rows) + 30, 40)
    body: list[str] = []
    for i, row in enumerate(rows):
        y = i * row_h
        name = row.label if len(row.label) <= 34 else row.label[:33] + "…"
        body.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="13" '
            f'fill="{TEXT}">{escape(name)}</text>'
        )
        body.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="16" fill="{MISSING}"/>'
        )
        on_time = max(row.value - row.late, 0)
        scale = bar_w / row.total if row.total else 0
        if on_time:
            body.append(
                f'<rect x="{label_w}" y="{y + 4}" width="{on_time * scale:.1f}" height="16" '
                f'fill="{ON_TIME}"/>'
            )
        if row.late:
            body.append(
                f'<rect x="{label_w + on_time * scale:.1f}" y="{y + 4}" '
                f'width="{row.late * scale:.1f}" height="16" fill="{LATE}"/>'
            )
        body.append(
            f'<text x="{label_w + bar_w + 8}" y="{y + 16}" font-size="13" fill="{TEXT}">'
            f"{row.value}/{row.total}</text>"
        )
    y = len(rows) * row_h + 8
    legend = [(ON_TIME, _("đúng hạn")), (LATE, _("muộn")), (MISSING, _("chưa gửi"))]
    x = label_w
    for colour, text in legend:
        body.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}"/>')
        body.append(
            f'<text x="{x + 20}" y="{y + 12}" font-size="13" fill="{TEXT}">{escape(text)}</text>'
        )
        x += 110
    summary = "; ".join(f"{r.label}: {r.value}/{r.total}" for r in rows[:20])
    return _svg(width, height, f"{title}. {summary}", body)


def count_bars(items: Sequence[Segment], title: str) -> SafeString:
    """Simple horizontal bars with their counts (e.g. difficulties by state)."""
    label_w, bar_w, row_h, width = 250, 310, 30, 640
    top = max((s.value for s in items), default=0) or 1
    body: list[str] = []
    for i, s in enumerate(items):
        y = i * row_h
        w = bar_w * s.value / top
        body.append(
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" font-size="15" '
            f'fill="{TEXT}">{escape(s.label)}</text>'
        )
        body.append(
            f'<rect x="{label_w}" y="{y + 5}" width="{w:.1f}" height="18" fill="{s.colour}"/>'
        )
        body.append(
            f'<text x="{label_w + w + 8:.1f}" y="{y + 18}" font-size="15" '
            f'fill="{TEXT}">{s.value}</text>'
        )
    summary = "; ".join(f"{s.label}: {s.value}" for s in items)
    return _svg(width, max(row_h * len(items), 30), f"{title}. {summary}", body)


@dataclass(frozen=True)
class TrendColumn:
    label: str
    segments: Sequence[Segment]
    note: str = ""  # e.g. "12/15 đơn vị"


def trend_columns(columns: Sequence[TrendColumn], title: str) -> SafeString:
    """Stacked columns, one per period, oldest first, with the share of each
    label and a note under the period's name."""
    col_w, gap, plot_h, left = 90, 40, 200, 10
    width = max(left + len(columns) * (col_w + gap), 300)
    height = plot_h + 60
    body: list[str] = []
    for i, column in enumerate(columns):
        x = left + i * (col_w + gap)
        total = sum(s.value for s in column.segments)
        y = float(plot_h)
        for s in column.segments:
            if not s.value or not total:
                continue
            h = plot_h * s.value / total
            y -= h
            body.append(
                f'<rect x="{x}" y="{y:.1f}" width="{col_w}" height="{h:.1f}" fill="{s.colour}">'
                f"<title>{escape(column.label)} — {escape(s.label)}: {s.value}</title></rect>"
            )
            if h > 16:
                body.append(
                    f'<text x="{x + col_w / 2}" y="{y + h / 2 + 5:.1f}" text-anchor="middle" '
                    f'font-size="13" fill="#fff" font-weight="600">{s.value}</text>'
                )
        if not total:
            body.append(f'<rect x="{x}" y="0" width="{col_w}" height="{plot_h}" fill="{MISSING}"/>')
        body.append(
            f'<text x="{x + col_w / 2}" y="{plot_h + 20}" text-anchor="middle" font-size="14" '
            f'fill="{TEXT}" font-weight="600">{escape(column.label)}</text>'
        )
        if column.note:
            body.append(
                f'<text x="{x + col_w / 2}" y="{plot_h + 40}" text-anchor="middle" '
                f'font-size="12" fill="{TEXT}">{escape(column.note)}</text>'
            )
    summary = "; ".join(
        f"{c.label}: " + ", ".join(f"{s.label} {s.value}" for s in c.segments) for c in columns
    )
    return _svg(width, height, f"{title}. {summary}", body)
