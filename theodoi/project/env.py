"""Reading configuration from the environment, failing loudly on bad values.

A typo such as ``DEBUG=ture`` must stop the server with a message naming the
variable, not silently fall back to a default (healthchecks ``envbool`` habit).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def env_str(name: str, default: str) -> str:
    """Return the variable, or ``default`` when unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool) -> bool:
    """Return a boolean; anything other than the usual words is an error."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a boolean; use one of "
        f"{sorted(TRUE_WORDS)} or {sorted(FALSE_WORDS)}."
    )


def env_int(name: str, default: int, *, minimum: int, maximum: int) -> int:
    """Return an integer within [minimum, maximum]; anything else is an error."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if not minimum <= value <= maximum:
        raise ImproperlyConfigured(f"{name}={value} is outside {minimum}..{maximum}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated list; empty items (``a,,b``) are an error."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name}={raw!r} has an empty item.")
    return items


def load_secret_key(data_dir: Path) -> str:
    """SECRET_KEY from the environment, else a key generated once and kept
    in ``data_dir/secret_key`` so sessions survive restarts on one machine."""
    from_env = os.environ.get("SECRET_KEY", "").strip()
    if from_env:
        if len(from_env) < 32:
            raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long.")
        return from_env
    key_file = data_dir / "secret_key"
    if key_file.exists():
        key = key_file.read_text(encoding="ascii").strip()
        if len(key) < 32:
            raise ImproperlyConfigured(f"{key_file} holds a key shorter than 32 characters.")
        return key
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key + "\n", encoding="ascii")
    key_file.chmod(0o600)
    return key
