"""``Idempotency-Key``: a client that retries a request (a timeout, a dropped
connection) sends the same key and gets the first answer again; the change
is made once. Keys are kept per user, with the endpoint they were used on;
the same key on another endpoint is a client error (409)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Status
from ninja.errors import HttpError
from pydantic import BaseModel

from theodoi.api.models import IdempotentResponse

HEADER = "Idempotency-Key"
MAX_KEY = 255
#: How long a key is remembered: far longer than any client retries.
KEEP = datetime.timedelta(days=7)


def _key(request: HttpRequest) -> str | None:
    key = request.headers.get(HEADER, "").strip()
    if not key:
        return None
    if len(key) > MAX_KEY:
        raise HttpError(400, f"the {HEADER} header is longer than {MAX_KEY} characters")
    return key


def once(request: HttpRequest, run: Callable[[], tuple[int, BaseModel]]) -> Status:
    """Run ``run`` (which returns status and body) at most once per key.

    The stored answer is written in the same transaction as the change, so a
    change is never made without its key being remembered, nor the reverse.
    """
    key = _key(request)
    if key is None:
        status, body = run()
        return Status(status, body)
    endpoint = f"{request.method} {request.path}"[:255]
    user: Any = request.user  # signed in: the API's auth ran before the endpoint
    stored = IdempotentResponse.objects.filter(user=user, key=key).first()
    if stored is not None:
        return _replay(stored, endpoint)
    try:
        with transaction.atomic():
            status, body = run()
            IdempotentResponse.objects.filter(
                user=user, created_at__lt=timezone.now() - KEEP
            ).delete()
            IdempotentResponse.objects.create(
                user=user,
                key=key,
                endpoint=endpoint,
                status=status,
                body=body.model_dump(mode="json"),
            )
    except IntegrityError:
        # The same key, sent twice at once: the other request won; answer as it did.
        stored = IdempotentResponse.objects.filter(user=user, key=key).first()
        if stored is None:
            raise
        return _replay(stored, endpoint)
    return Status(status, body)


def _replay(stored: IdempotentResponse, endpoint: str) -> Status:
    if stored.endpoint != endpoint:
        raise HttpError(
            409, f"this {HEADER} was already used for another request ({stored.endpoint})"
        )
    body: Any = stored.body
    return Status(stored.status, body)
