"""The dashboards' SVG charts as PNG images, for documents (.docx).

Word and LibreOffice do not all show SVG; a PNG drawn from the very same SVG
(``charts.py``) keeps the document's chart identical to the page's. Cairo
draws it (``cairosvg``) with the system's fonts, which carry Vietnamese
diacritics (DejaVu, Liberation)."""

from __future__ import annotations

import re

import cairosvg

#: Pixels per chart unit: charts are drawn about 320-700 units wide; twice
#: that prints sharp at the 16 cm a document column gives them.
SCALE = 2
_VIEWBOX = re.compile(r'viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"')


def svg_size(svg: str) -> tuple[float, float]:
    """The chart's drawing size (its viewBox), which ``charts._svg`` always sets."""
    found = _VIEWBOX.search(svg)
    if found is None:
        raise ValueError("chart without a viewBox")
    return float(found.group(1)), float(found.group(2))


def svg_to_png(svg: str, *, scale: int = SCALE) -> bytes:
    """One chart's PNG, on white (a transparent PNG prints grey in some viewers)."""
    width, height = svg_size(svg)
    # The page's CSS sizing (style="max-width") means nothing to Cairo: give
    # the image its own size so that it is drawn at the viewBox's proportions.
    sized = svg.replace("<svg ", f'<svg width="{width}" height="{height}" ', 1)
    return cairosvg.svg2png(
        bytestring=sized.encode("utf-8"),
        output_width=round(width * scale),
        output_height=round(height * scale),
        background_color="white",
    )
