"""A plain-text Vietnamese summary of a plan's status (``theodoi status``)."""

from __future__ import annotations

from .metrics import LABEL_ORDER, PlanStatus


def summary_lines(status: PlanStatus) -> list[str]:
    period = status.period
    lines = [
        f"{status.document} — {period.label}",
        f"Số liệu từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}; hạn báo cáo "
        f"{period.due_date:%d/%m/%Y}; tính đến ngày {status.today:%d/%m/%Y}.",
        f"Đơn vị đã báo cáo đủ: {status.units_reported}/{status.units_expected} "
        f"(đúng hạn {status.reported_on_time}, muộn {status.units_late}, "
        f"chưa đủ {status.units_missing}).",
        f"Nhiệm vụ ({status.tasks_total}):",
    ]
    width = max(len(str(label.label)) for label in LABEL_ORDER)
    for label in LABEL_ORDER:
        lines.append(f"  {label.label!s:<{width}}  {status.counts[label]:>5}")
    lines.append(
        f"Khó khăn, vướng mắc chưa giải quyết: {status.difficulties_open}"
        f" (trong {status.difficulties_total} được nêu)."
    )
    lines.append(
        f"Đơn vị đã ban hành kế hoạch thực hiện: {status.sub_plans_units}/{status.units_expected}."
    )
    return lines
