"""Starting Django from the ``theodoi`` command (outside ``manage.py``)."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Point Django at theodoi's settings (unless told otherwise) and load the apps.

    Does nothing when the apps are already loaded (tests, a second command in
    one process): a second ``django.setup()`` would re-point logging at the
    current stderr."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.project.settings")
    from django.apps import apps

    if apps.ready:
        return
    import django

    django.setup()
