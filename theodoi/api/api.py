"""The REST API (django-ninja): OpenAPI at /api/openapi.json, docs at /api/docs."""

from ninja import NinjaAPI
from ninja.security import django_auth

api = NinjaAPI(title="theodoi API", version="1", auth=django_auth, urls_namespace="api")
