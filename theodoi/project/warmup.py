"""Work a web worker does once, when it starts, instead of in its first
requests.

Without it the first request a gunicorn worker serves imports every app's
views through the URL configuration (the API's schemas among them: about
5 s of CPU on a busy 2-core machine), and the first request of each page
compiles its templates. At the deadline hour that first request is an
officer's submission, waiting behind the import; and every worker recycled
after ``--max-requests`` would pay it again.
"""

from __future__ import annotations

import logging
from pathlib import Path

logger = logging.getLogger(__name__)


def warm_up() -> int:
    """Import the URL configuration, load the translations and compile the
    project's templates; returns how many templates were compiled. Never
    raises: a broken template is still reported when a page uses it."""
    from django.conf import settings
    from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Đăng nhập")  # loads the catalogue once per process
    engine = engines["django"]
    compiled = 0
    for name in sorted(_project_template_names()):
        try:
            engine.get_template(name)  # the cached loader keeps it
        except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
            logger.warning("warm-up: template %s not compiled: %s", name, exc)
        else:
            compiled += 1
    return compiled


def _project_template_names() -> set[str]:
    package = Path(__file__).resolve().parent.parent
    names: set[str] = set()
    for folder in package.glob("**/templates"):
        for path in folder.glob("**/*.html"):
            names.add(path.relative_to(folder).as_posix())
    return names
