"""``theodoi backup FILE``: the database and the uploaded files in one archive.

The archive is a plain tar file (readable with ``tar tf``) holding:

- ``manifest.json``: what it is (format, database kind, time, counts);
- ``database.sqlite3``: for SQLite, a consistent copy made with SQLite's
  online backup API while the application may keep running;
- ``database.dump``: for PostgreSQL, ``pg_dump --format=custom`` (Debian
  package postgresql-client), also consistent while the application runs;
- ``media/…``: every uploaded file (plans, evidence) under the data directory.

``theodoi restore-backup FILE`` (theodoi/cli/restore_backup.py) puts both back.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

FORMAT = "theodoi-backup/1"
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.dump"
MEDIA_PREFIX = "media"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup", help="save the database and uploaded files to one archive (SQLite or PostgreSQL)"
    )
    parser.add_argument("file", help="the archive to write (.tar); refuses to overwrite")
    parser.set_defaults(func=run)


class BackupError(RuntimeError):
    """Backing up or restoring cannot go on; the message says why."""


def database_settings() -> dict[str, Any]:
    from django.conf import settings

    return dict(settings.DATABASES["default"])


def database_kind(config: dict[str, Any]) -> str:
    engine = str(config.get("ENGINE", ""))
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Database engine {engine!r} is not supported (SQLite or PostgreSQL only).")


def postgres_env(config: dict[str, Any]) -> dict[str, str]:
    """libpq variables for pg_dump/pg_restore: no password on a command line."""
    env = dict(os.environ)
    pairs = {
        "PGHOST": config.get("HOST"),
        "PGPORT": config.get("PORT"),
        "PGUSER": config.get("USER"),
        "PGPASSWORD": config.get("PASSWORD"),
        "PGDATABASE": config.get("NAME"),
    }
    env.update({key: str(value) for key, value in pairs.items() if value})
    return env


def postgres_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} not found: install the Debian package postgresql-client "
            "(make install does) and try again."
        )
    return path


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while others write."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def write_backup(target: Path) -> dict[str, Any]:
    from django.conf import settings
    from django.utils import timezone

    config = database_settings()
    kind = database_kind(config)
    if target.exists():
        raise BackupError(f"{target} already exists; choose a new file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    media = Path(settings.MEDIA_ROOT)
    files = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
    with tempfile.TemporaryDirectory(prefix="theodoi-backup-") as work:
        if kind == "sqlite":
            dump = Path(work) / SQLITE_MEMBER
            _sqlite_copy(Path(str(config["NAME"])), dump)
        else:
            dump = Path(work) / POSTGRES_MEMBER
            result = subprocess.run(
                [postgres_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}"],
                env=postgres_env(config),
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        manifest = {
            "format": FORMAT,
            "database": kind,
            "created_at": timezone.now().isoformat(),
            "media_files": len(files),
        }
        partial = target.with_name(target.name + ".partial")
        try:
            with tarfile.open(partial, "w") as archive:
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
                archive.add(dump, arcname=dump.name)
                for path in files:
                    archive.add(path, arcname=f"{MEDIA_PREFIX}/{path.relative_to(media)}")
            partial.chmod(0o600)
            partial.replace(target)  # never a half-written archive under the real name
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def run(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    try:
        manifest = write_backup(Path(args.file))
    except BackupError as exc:
        raise SystemExit(f"theodoi backup: {exc}") from None
    print(
        f"{args.file}: {manifest['database']} database and "
        f"{manifest['media_files']} uploaded file(s)."
    )
    return 0
