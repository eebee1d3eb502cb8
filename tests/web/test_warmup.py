"""A web worker warms up when it loads the application, not in its first
request: the URL configuration (every view module, the API's schemas) is
imported and the project's templates are compiled by then."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import theodoi.project.wsgi  # what gunicorn and granian import in each worker
from django.template import engines
from django.template.loaders.cached import Loader
loaders = engines["django"].engine.template_loaders
cached = next(loader for loader in loaders if isinstance(loader, Loader))
print("api", "theodoi.api.api" in sys.modules)
print("reports", "theodoi.reports.views" in sys.modules)
names = {key.split("-")[0] for key in cached.get_template_cache}
print("form", "reporting/report_form.html" in names)
print("templates", len(cached.get_template_cache))
"""


def test_loading_the_wsgi_application_imports_the_views_and_compiles_templates(
    tmp_path: Path,
) -> None:
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        DJANGO_SETTINGS_MODULE="theodoi.project.settings",
        THEODOI_DATA_DIR=str(tmp_path),
        DATABASE_URL="",
        DEBUG="false",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    facts = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert facts["api"] == "True" and facts["reports"] == "True"
    assert facts["form"] == "True"
    assert int(facts["templates"]) >= 50
