"""The daily experience without a browser: the favicon at /favicon.ico,
the header's links to the icons, the navigation's English words, and chart
text sized to stay readable when a chart is shrunk to a phone's width."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.test import Client

from tests.web.builders import Personas
from theodoi.dashboards import charts
from theodoi.reporting.status import StatusLabel

VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')
FONT_SIZE = re.compile(r'font-size="(\d+(?:\.\d+)?)"')


def test_favicon_is_served(client: Client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"
    assert "max-age" in response["Cache-Control"]
    assert client.post("/favicon.ico").status_code == 405


def test_pages_link_the_icons(client: Client) -> None:
    html = client.get("/dang-nhap/").content.decode()
    assert 'rel="icon"' in html and "favicon.svg" in html and "favicon.png" in html


def test_english_navigation_and_menu(personas: Personas, client_for: Callable[..., Client]) -> None:
    client = client_for(personas.focal_officer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert ">Reminders</a>" in html
    assert ">Reminder</a>" not in html
    assert "Menu" in html and "Trình đơn" not in html
    assert 'data-picker-filter="Search the list"' in html


def rendered_sizes(svg: str, box_px: int = charts.NARROWEST_PX) -> list[float]:
    """Font sizes in px once the chart is drawn ``box_px`` wide (never
    wider than its own size times GROWTH)."""
    match = VIEWBOX.search(svg)
    assert match, svg[:200]
    width = int(match.group(1))
    scale = min(box_px, width * charts.GROWTH) / width
    return [float(size) * scale for size in FONT_SIZE.findall(svg)]


def test_chart_text_is_at_least_12px_on_a_phone() -> None:
    segments = [charts.Segment(str(lb.label), 3, charts.COLOURS[lb]) for lb in StatusLabel]
    long_name = "Ủy ban nhân dân huyện Tây Giang và các xã thuộc huyện miền núi"
    rows = [charts.BarRow(long_name, 2, 4, 1) for _ in range(6)]
    columns = [
        charts.TrendColumn(f"Năm {year}", segments, note="12/15 đơn vị")
        for year in range(2020, 2031)
    ]
    for svg in (
        charts.stacked_bar(segments, "Tiến độ"),
        charts.completeness_bars(rows, "Đơn vị"),
        charts.count_bars(segments, "Vướng mắc"),
        charts.trend_columns(columns[:2], "Qua các kỳ"),
        charts.trend_columns(columns, "Qua các kỳ"),  # eleven years: a wide chart
    ):
        sizes = rendered_sizes(svg)
        assert sizes and min(sizes) >= 12, (min(sizes), svg[:120])
    # the names stay whole enough to tell apart, and end with an ellipsis when cut
    assert "…" in charts.completeness_bars(rows, "Đơn vị")


def test_trend_chart_has_a_legend() -> None:
    segments = [charts.Segment(str(lb.label), 1, charts.COLOURS[lb]) for lb in StatusLabel]
    svg = charts.trend_columns([charts.TrendColumn("Năm 2025", segments)], "Qua các kỳ")
    for lb in StatusLabel:
        assert f">{lb.label}</text>" in svg
