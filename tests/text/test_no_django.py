"""The text core never imports Django (it must run as a library and a CLI alone)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import theodoi.text


def test_no_module_under_theodoi_text_imports_django() -> None:
    names = sorted(
        m.name for m in pkgutil.walk_packages(theodoi.text.__path__, prefix="theodoi.text.")
    )
    assert "theodoi.text.parse" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"django imported: {done.stdout} {done.stderr[-2000:]}"
