"""Charts as hand-written SVG, rendered on the server.

No JavaScript, no CDN: each chart is an ``<svg role="img">`` with a
``<title>`` and an ``aria-label`` summarising it, text labels on or beside
every mark (colour is never the only carrier of meaning), and the page shows
the same numbers in a table next to it. Colours are dark enough for 3:1
contrast against white and distinguishable with common colour blindness.
"""

from __future__ import annotations

import math
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


#: The narrowest box a chart is drawn in: a 390 px phone less the page's and
#: the panel's margins. Font sizes are chosen so that text scaled down to this
#: width still renders at ``MIN_TEXT_PX`` or more.
NARROWEST_PX = 320
MIN_TEXT_PX = 12
#: On a wide screen a chart may grow this much beyond its drawing size.
GROWTH = 1.1


def font_size(width: int, wanted: int = 15) -> int:
    """A font size in the chart's units that renders at ``MIN_TEXT_PX`` or
    more once a ``width``-wide chart is shrunk to ``NARROWEST_PX``."""
    return max(wanted, math.ceil(MIN_TEXT_PX * max(width, NARROWEST_PX) / NARROWEST_PX))


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    text = escape(title)
    return mark_safe(  # every interpolated string is escaped
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{text}" preserveAspectRatio="xMinYMin meet" '
        f'style="max-width:{round(width * GROWTH)}px" {FONT}>'
        f"<title>{text}</title>{''.join(body)}</svg>"
    )


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _clip(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _wrap(text: str, chars: int) -> list[str]:
    """Words into lines of at most ``chars`` characters (a longer word keeps
    its own line): labels under narrow columns."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


#: Average glyph width as a share of the font size (DejaVu/Noto Sans).
GLYPH = 0.58
WIDTH = 400


def stacked_bar(segments: Sequence[Segment], title: str, unit: str = "") -> SafeString:
    """One 100% bar split into segments, with a legend giving each count."""
    total = sum(s.value for s in segments)
    width, bar_h = WIDTH, 36
    size = font_size(width, 16)
    row_h = size + 12
    height = bar_h + 14 + row_h * len(segments)
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
        if w > size * GLYPH * len(str(s.value)) + 8:
            body.append(
                f'<text x="{x + w / 2:.1f}" y="{bar_h / 2 + size * 0.35:.1f}" '
                f'text-anchor="middle" font-size="{size}" fill="#fff" font-weight="600">'
                f"{s.value}</text>"
            )
        x += w
    if not total:
        body.append(f'<rect x="0" y="0" width="{width}" height="{bar_h}" fill="{MISSING}"/>')
    chars = int((width - 26) / (size * GLYPH))
    for i, s in enumerate(segments):
        y = bar_h + 14 + i * row_h
        line = f"{s.label}: {s.value}{unit} ({_percent(s.value, total)})"
        body.append(f'<rect x="0" y="{y}" width="18" height="18" fill="{s.colour}"/>')
        body.append(
            f'<text x="26" y="{y + 15}" font-size="{size}" fill="{TEXT}">'
            f"{escape(_clip(line, chars))}</text>"
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
    """Per unit: reports sent on time / late out of those owed. The unit's
    name sits above its bar so that names stay readable on a phone."""
    width = WIDTH
    size = font_size(width)
    bar_w, bar_h = width - 4 * size, 14
    row_h = size + bar_h + 14
    chars = int(width / (size * GLYPH))
    body: list[str] = []
    for i, row in enumerate(rows):
        y = i * row_h
        body.append(
            f'<text x="0" y="{y + size}" font-size="{size}" fill="{TEXT}">'
            f"{escape(_clip(row.label, chars))}</text>"
        )
        top = y + size + 5
        body.append(f'<rect x="0" y="{top}" width="{bar_w}" height="{bar_h}" fill="{MISSING}"/>')
        on_time = max(row.value - row.late, 0)
        scale = bar_w / row.total if row.total else 0
        if on_time:
            body.append(
                f'<rect x="0" y="{top}" width="{on_time * scale:.1f}" height="{bar_h}" '
                f'fill="{ON_TIME}"/>'
            )
        if row.late:
            body.append(
                f'<rect x="{on_time * scale:.1f}" y="{top}" '
                f'width="{row.late * scale:.1f}" height="{bar_h}" fill="{LATE}"/>'
            )
        body.append(
            f'<text x="{bar_w + 6}" y="{top + bar_h - 1}" font-size="{size}" fill="{TEXT}">'
            f"{row.value}/{row.total}</text>"
        )
    y = len(rows) * row_h + 6
    legend = [(ON_TIME, _("đúng hạn")), (LATE, _("muộn")), (MISSING, _("chưa gửi"))]
    x = 0.0
    for colour, text in legend:
        if x + 20 + len(text) * size * GLYPH > width:
            x, y = 0.0, y + size + 8
        body.append(f'<rect x="{x:.0f}" y="{y}" width="14" height="14" fill="{colour}"/>')
        body.append(
            f'<text x="{x + 20:.0f}" y="{y + 13}" font-size="{size}" fill="{TEXT}">'
            f"{escape(text)}</text>"
        )
        x += 20 + len(text) * size * GLYPH + 18
    height = y + size + 6
    summary = "; ".join(f"{r.label}: {r.value}/{r.total}" for r in rows[:20])
    return _svg(width, height, f"{title}. {summary}", body)


def count_bars(items: Sequence[Segment], title: str) -> SafeString:
    """Simple horizontal bars with their counts (e.g. difficulties by state),
    each label above its bar."""
    width = WIDTH
    size = font_size(width)
    bar_w, bar_h = width - 4 * size, 16
    row_h = size + bar_h + 14
    chars = int(width / (size * GLYPH))
    top_value = max((s.value for s in items), default=0) or 1
    body: list[str] = []
    for i, s in enumerate(items):
        y = i * row_h
        w = bar_w * s.value / top_value
        body.append(
            f'<text x="0" y="{y + size}" font-size="{size}" fill="{TEXT}">'
            f"{escape(_clip(s.label, chars))}</text>"
        )
        top = y + size + 5
        body.append(f'<rect x="0" y="{top}" width="{w:.1f}" height="{bar_h}" fill="{s.colour}"/>')
        body.append(
            f'<text x="{w + 6:.1f}" y="{top + bar_h - 2}" font-size="{size}" '
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
    label and a note under the period's name (wrapped under its column)."""
    col_w, gap, plot_h, left = 72, 20, 200, 4
    width = max(left + len(columns) * (col_w + gap), NARROWEST_PX)
    size = font_size(width)
    chars = max(int((col_w + gap - 4) / (size * GLYPH)), 4)
    captions = [(_wrap(c.label, chars), _wrap(c.note, chars) if c.note else []) for c in columns]
    lines = max((len(a) + len(b) for a, b in captions), default=1)
    height = plot_h + 12 + lines * (size + 4)
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
            if h > size + 2:
                body.append(
                    f'<text x="{x + col_w / 2}" y="{y + h / 2 + size * 0.35:.1f}" '
                    f'text-anchor="middle" font-size="{size}" fill="#fff" font-weight="600">'
                    f"{s.value}</text>"
                )
        if not total:
            body.append(f'<rect x="{x}" y="0" width="{col_w}" height="{plot_h}" fill="{MISSING}"/>')
        label_lines, note_lines = captions[i]
        for j, line in enumerate(label_lines + note_lines):
            weight = ' font-weight="600"' if j < len(label_lines) else ""
            body.append(
                f'<text x="{x + col_w / 2}" y="{plot_h + 4 + (j + 1) * (size + 4)}" '
                f'text-anchor="middle" font-size="{size}" fill="{TEXT}"{weight}>'
                f"{escape(line)}</text>"
            )
    # legend: each label once, in the order the columns stack them
    legend: dict[str, str] = {}
    for column in columns:
        for s in column.segments:
            legend.setdefault(s.label, s.colour)
    chars = int((width - 26) / (size * GLYPH))
    for k, (label, colour) in enumerate(legend.items()):
        y = height + 6 + k * (size + 10)
        body.append(f'<rect x="{left}" y="{y}" width="16" height="16" fill="{colour}"/>')
        body.append(
            f'<text x="{left + 24}" y="{y + 14}" font-size="{size}" fill="{TEXT}">'
            f"{escape(_clip(label, chars))}</text>"
        )
    height += 10 + len(legend) * (size + 10)
    summary = "; ".join(
        f"{c.label}: " + ", ".join(f"{s.label} {s.value}" for s in c.segments) for c in columns
    )
    return _svg(width, height, f"{title}. {summary}", body)
