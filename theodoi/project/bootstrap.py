"""Starting Django from the ``theodoi`` command (outside ``manage.py``)."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Point Django at theodoi's settings (unless told otherwise) and load the apps."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.project.settings")
    import django

    django.setup()
