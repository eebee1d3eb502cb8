"""The public page's own chart: completion per theme of the plan.

Drawn for citizens, not reused from the dashboards: no links into pages that
need a login, no unit names, only what the page already states in words
(each theme's tasks done out of its tasks). Same conventions as the
dashboards' charts (``dashboards.charts``): an ``<svg role="img">`` with a
title summarising it, text beside every bar, readable at 390 px."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from theodoi.dashboards.charts import (
    GLYPH,
    MISSING,
    ON_TIME,
    TEXT,
    WIDTH,
    _svg,
    _wrap,
    font_size,
)


@dataclass(frozen=True)
class ThemeBar:
    label: str  # "I. Đổi mới công tác tuyên truyền"
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def theme_completion_chart(bars: Sequence[ThemeBar], title: str) -> SafeString:
    """One bar per theme: the share of its tasks done, the theme's name
    (wrapped, never cut) above it and "done/total (percent)" beside it."""
    width = WIDTH
    size = font_size(width)
    value_w = int(size * GLYPH * 11)  # room for "12/15 (80%)"
    bar_w, bar_h = width - value_w - 6, 16
    chars = int(width / (size * GLYPH))
    body: list[str] = []
    y = 0
    for bar in bars:
        for line in _wrap(bar.label, chars)[:3]:
            y += size + 2
            body.append(
                f'<text x="0" y="{y}" font-size="{size}" fill="{TEXT}">{escape(line)}</text>'
            )
        top = y + 5
        body.append(f'<rect x="0" y="{top}" width="{bar_w}" height="{bar_h}" fill="{MISSING}"/>')
        if bar.done and bar.total:
            body.append(
                f'<rect x="0" y="{top}" width="{bar_w * bar.done / bar.total:.1f}" '
                f'height="{bar_h}" fill="{ON_TIME}"/>'
            )
        body.append(
            f'<text x="{bar_w + 6}" y="{top + bar_h - 2}" font-size="{size}" fill="{TEXT}">'
            f"{bar.done}/{bar.total} ({bar.percent}%)</text>"
        )
        y = top + bar_h + 12
    y += 4
    for colour, text in ((ON_TIME, _("đã hoàn thành")), (MISSING, _("chưa hoàn thành"))):
        body.append(f'<rect x="0" y="{y}" width="14" height="14" fill="{colour}"/>')
        body.append(
            f'<text x="20" y="{y + 13}" font-size="{size}" fill="{TEXT}">{escape(text)}</text>'
        )
        y += size + 8
    summary = "; ".join(f"{b.label}: {b.done}/{b.total}" for b in bars[:30])
    return _svg(width, max(y, 30), f"{title}. {summary}", body)
