"""Where uploaded files are stored: random names, never the uploader's.

A stored name that repeats the original ("bao-cao-so-tu-phap.pdf") can be
guessed, and an original name can carry anything; the original is kept in
the model (``original_name``, ``source_name``) for downloads, which go
through permission-checked views only.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.utils import timezone

_ENDING = re.compile(r"\.([A-Za-z0-9]{1,8})$")


def random_name(folder: str, filename: str) -> str:
    ending = _ENDING.search(filename or "")
    suffix = f".{ending.group(1).lower()}" if ending else ""
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def attachment_path(instance: Any, filename: str) -> str:
    return random_name("attachments", filename)


def document_path(instance: Any, filename: str) -> str:
    return random_name("documents", filename)
