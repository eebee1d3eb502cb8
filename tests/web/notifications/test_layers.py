"""The notifications app sits at the bottom: every app may call it, and it
calls none of them; ``reporting`` no longer reaches up into ``monitoring``."""

from __future__ import annotations

import ast
from pathlib import Path

THEODOI = Path(__file__).resolve().parents[3] / "theodoi"


def imported_modules(package: str) -> dict[str, set[str]]:
    """Every ``theodoi.*`` module each file of ``package`` imports (at any depth)."""
    found: dict[str, set[str]] = {}
    for path in (THEODOI / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[str(path.relative_to(THEODOI))] = {n for n in names if n.startswith("theodoi.")}
    return found


def test_reporting_does_not_import_monitoring() -> None:
    offenders = {
        path: sorted(n for n in names if n.startswith("theodoi.monitoring"))
        for path, names in imported_modules("reporting").items()
    }
    assert {path: names for path, names in offenders.items() if names} == {}
    # The check sees imports at all: reporting does use notifications.
    assert any(
        "theodoi.notifications.delivery" in names
        for names in imported_modules("reporting").values()
    )


def test_notifications_import_only_lower_layers() -> None:
    allowed = ("theodoi.notifications", "theodoi.accounts", "theodoi.audit")
    # reporting.clock is a leaf module (Django only) that lets tests fix the time.
    leaves = {"theodoi.reporting", "theodoi.reporting.clock"}
    wrong = {
        path: sorted(n for n in names if not n.startswith(allowed) and n not in leaves)
        for path, names in imported_modules("notifications").items()
    }
    assert {path: names for path, names in wrong.items() if names} == {}


def test_the_old_cycle_is_gone() -> None:
    """monitoring/notify.py → tasks.py → reminders.py → notify.py no longer exists."""
    assert not (THEODOI / "monitoring" / "notify.py").exists()
    for names in imported_modules("").values():
        assert "theodoi.monitoring.notify" not in names
