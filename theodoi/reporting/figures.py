"""Reading a report's figures (chỉ tiêu, số liệu, đơn vị tính) whatever shape
they were stored in.

Today a report keeps ``[{"label", "value", "unit"}]``. Older data and old
clients may hold the per-task form's former text, one figure a line as
"chỉ tiêu | số liệu | đơn vị", either as one string or as a list of such
lines, or a mapping of label to value. ``read_figures`` turns any of these
into the rows the forms and pages show; nothing stored is lost or refused.

Plain Python: no Django, so migrations and the API can use it too."""

from __future__ import annotations

from typing import Any


def _from_line(line: str) -> dict[str, Any] | None:
    parts = [part.strip() for part in line.split("|")]
    if not any(parts):
        return None
    if len(parts) == 1:  # free text with no separator: kept whole as the label
        return {"label": parts[0][:255], "value": ""}
    figure: dict[str, Any] = {"label": parts[0][:255], "value": parts[1][:100]}
    unit = " ".join(parts[2:]).strip()
    if unit:
        figure["unit"] = unit[:50]
    return figure


def read_figures(stored: Any) -> list[dict[str, Any]]:
    """Stored figures of any known shape → ``[{"label", "value", "unit"?}]``."""
    if stored is None or stored == "":
        return []
    if isinstance(stored, str):
        return [f for f in (_from_line(line) for line in stored.splitlines()) if f]
    if isinstance(stored, dict):
        return [
            {"label": str(label)[:255], "value": value}
            for label, value in stored.items()
            if str(label).strip()
        ]
    figures: list[dict[str, Any]] = []
    for item in stored if isinstance(stored, list | tuple) else []:
        if isinstance(item, dict):
            figure = {
                "label": str(item.get("label") or item.get("chi_tieu") or "").strip(),
                "value": item.get("value", item.get("so_lieu", "")),
            }
            unit = str(item.get("unit") or item.get("don_vi") or "").strip()
            if unit:
                figure["unit"] = unit
            if figure["label"] or figure["value"] not in ("", None):
                figures.append(figure)
        elif isinstance(item, str):
            line = _from_line(item)
            if line:
                figures.append(line)
    return figures


def needs_rewrite(stored: Any) -> bool:
    """Whether ``stored`` is in an older shape than today's list of dicts."""
    return read_figures(stored) != stored
