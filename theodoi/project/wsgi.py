"""WSGI entry point for production servers (``theodoi serve`` runs gunicorn).

Static files (CSS, JS, the admin's) are served by WhiteNoise from
STATIC_ROOT, filled by ``collectstatic`` (``theodoi serve`` runs it at start):
cacheable, compressed where a ``.gz`` exists, and independent of DEBUG.
Uploaded files are never served from here.

Each worker imports this module before it serves, so the warm-up
(``theodoi.project.warmup``) runs then, not in an officer's first request.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from whitenoise import WhiteNoise

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.project.settings")
application = WhiteNoise(
    get_wsgi_application(),
    root=settings.STATIC_ROOT if os.path.isdir(settings.STATIC_ROOT) else None,
    prefix=settings.STATIC_URL,
    max_age=3600,
)

from theodoi.project.warmup import warm_up  # noqa: E402 (after Django is set up)

warm_up()
