"""The request type of views behind ``login_required``.

``HttpRequest.user`` may be an ``AnonymousUser``; once ``login_required`` has
let a request through it is always a signed-in ``User``. Annotating such views
with ``AuthenticatedRequest`` tells the type checker so, instead of casting at
every ``request.user.org_unit_id``.
"""

from __future__ import annotations

from django.http import HttpRequest

from theodoi.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: User
