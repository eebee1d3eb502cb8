"""Settings read the environment and fail loudly on bad values.

Each case starts a fresh interpreter, because settings are read once at start.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRINT = (
    "from django.conf import settings as s; "
    "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], len(s.SECRET_KEY))"
)


def _load(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "SECRET_KEY")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="theodoi.project.settings",
        THEODOI_DATA_DIR=str(tmp_path / "data"),
        **env,
    )
    code = f"import django; django.setup(); {PRINT}"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_defaults_sqlite_under_the_data_folder_and_a_stored_secret(tmp_path: Path) -> None:
    first = _load(tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split()[0] == "False"
    assert "sqlite3" in first.stdout
    key_file = tmp_path / "data" / "secret_key"
    assert key_file.exists() and oct(key_file.stat().st_mode)[-3:] == "600"
    stored = key_file.read_text()
    assert _load(tmp_path).returncode == 0
    assert key_file.read_text() == stored  # generated once, reused


def test_postgres_url_and_hosts_are_read(tmp_path: Path) -> None:
    result = _load(
        tmp_path,
        DATABASE_URL="postgres://u@db.example:5432/theodoi",
        ALLOWED_HOSTS="theodoi.example.vn,localhost",
        DEBUG="yes",
        SECRET_KEY="x" * 40,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True ['theodoi.example.vn', 'localhost']")
    assert "postgresql" in result.stdout
    assert not (tmp_path / "data" / "secret_key").exists()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "ture"}, "DEBUG='ture' is not a boolean"),
        ({"DATABASE_URL": "mysql://u@h/db"}, "only sqlite:// and postgres://"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"ALLOWED_HOSTS": "a.vn,,b.vn"}, "ALLOWED_HOSTS='a.vn,,b.vn' has an empty item"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY must be at least 32"),
        ({"THEODOI_REPORTING_CUTOFF_DAY": "31"}, "THEODOI_REPORTING_CUTOFF_DAY=31 is outside"),
    ],
)
def test_bad_values_stop_start_up_naming_the_variable(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    result = _load(tmp_path, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
