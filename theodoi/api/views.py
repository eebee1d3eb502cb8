"""The API's endpoints live in ``api.py`` (django-ninja registers them on the
``NinjaAPI`` instance there)."""
