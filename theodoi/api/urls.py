"""Mounted at /api/ by the project: endpoints, /api/openapi.json and /api/docs."""

from django.urls import URLPattern, URLResolver, path

from theodoi.api.api import api

urlpatterns: list[URLPattern | URLResolver] = [path("", api.urls)]
