"""``theodoi restore-backup FILE``: put back an archive made by ``theodoi backup``.

Replaces the whole database (the one DATABASE_URL names) and the uploaded
files with the archive's. Stop ``theodoi serve`` first. The archive must come
from the same kind of database (SQLite → SQLite, PostgreSQL → PostgreSQL).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from theodoi.cli.backup import (
    FORMAT,
    MANIFEST,
    MEDIA_PREFIX,
    POSTGRES_MEMBER,
    SQLITE_MEMBER,
    BackupError,
    _sqlite_copy,
    database_kind,
    database_settings,
    postgres_env,
    postgres_tool,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "restore-backup",
        help="replace the database and uploaded files with a `theodoi backup` archive",
    )
    parser.add_argument("file", help="the archive made by theodoi backup")
    parser.add_argument("--yes", action="store_true", help="do not ask before replacing")
    parser.set_defaults(func=run)


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile(MANIFEST)
    except KeyError:
        member = None
    if member is None:
        raise BackupError("not a theodoi backup (no manifest.json).")
    manifest = json.loads(member.read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}.")
    return dict(manifest)


def restore(source: Path) -> dict[str, Any]:
    from django.conf import settings
    from django.db import connections

    if not source.is_file():
        raise BackupError(f"{source} does not exist.")
    config = database_settings()
    kind = database_kind(config)
    with tempfile.TemporaryDirectory(prefix="theodoi-restore-") as work:
        try:
            with tarfile.open(source, "r") as archive:
                manifest = _read_manifest(archive)
                if manifest.get("database") != kind:
                    raise BackupError(
                        f"the archive holds a {manifest.get('database')} database; "
                        f"DATABASE_URL points at {kind}."
                    )
                # The "data" filter refuses absolute paths, "..", links outside.
                archive.extractall(work, filter="data")
        except (tarfile.TarError, json.JSONDecodeError, OSError) as exc:
            raise BackupError(f"cannot read {source}: {exc}") from exc
        connections.close_all()
        if kind == "sqlite":
            _sqlite_copy(Path(work) / SQLITE_MEMBER, Path(str(config["NAME"])))
        else:
            result = subprocess.run(
                [
                    postgres_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    f"--dbname={config['NAME']}",
                    str(Path(work) / POSTGRES_MEMBER),
                ],
                env=postgres_env(config),
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        media = Path(settings.MEDIA_ROOT)
        unpacked = Path(work) / MEDIA_PREFIX
        if media.exists():
            shutil.rmtree(media)
        if unpacked.is_dir():
            shutil.copytree(unpacked, media)
        else:
            media.mkdir(parents=True, exist_ok=True)
    return manifest


def run(args: argparse.Namespace) -> int:
    from theodoi.project.bootstrap import setup_django

    setup_django()
    if not args.yes:
        if not sys.stdin.isatty():
            raise SystemExit(
                "theodoi restore-backup replaces the whole database and the uploaded "
                "files; add --yes to confirm."
            )
        answer = input("Thay toàn bộ CSDL và tệp tải lên bằng bản sao lưu? Gõ 'yes': ")
        if answer.strip().lower() != "yes":
            return 1
    try:
        manifest = restore(Path(args.file))
    except BackupError as exc:
        raise SystemExit(f"theodoi restore-backup: {exc}") from None
    print(
        f"Restored the {manifest['database']} database of {manifest['created_at']} and "
        f"{manifest['media_files']} uploaded file(s)."
    )
    return 0
