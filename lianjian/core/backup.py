"""Backup and restore of the whole platform: the database and the uploaded files, in one archive.

The archive (``.tar.gz``) holds ``manifest.json`` (format, engine, when, the applied migrations and the SHA-256 of
every part), the database (SQLite: a consistent copy made with SQLite's online backup API; PostgreSQL: a
``pg_dump`` custom-format dump) and ``media/``. Restore checks the manifest before touching anything: the
engine must match, every part's digest must match, and the backup must not come from a newer version of the code
(migrations this code does not know). Then it replaces the database and the uploaded files.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_PART = "database.sqlite3"
POSTGRES_PART = "database.pgdump"


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env():
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432),
            "--username", db.get("USER") or "postgres"]
    return env, args, connection.settings_dict["NAME"]


def _dump_database(target_dir):
    if connection.vendor == "sqlite":
        path = Path(target_dir) / SQLITE_PART
        connection.ensure_connection()
        destination = sqlite3.connect(path)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return SQLITE_PART
    if connection.vendor == "postgresql":
        env, args, name = _pg_env()
        path = Path(target_dir) / POSTGRES_PART
        subprocess.run(["pg_dump", *args, "--format=custom", "--no-owner", "--no-privileges", "--file", str(path),
                        name], env=env, check=True, capture_output=True)
        return POSTGRES_PART
    raise ValidationError(_("不支持备份 %(vendor)s 数据库") % {"vendor": connection.vendor})


def _applied_migrations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [list(row) for row in cursor.fetchall()]


def backup_create(*, path, actor=None):
    """Write the archive to ``path``; returns the manifest."""
    path = Path(path)
    audit_record(actor=actor, action="system.backup", detail={"file": path.name})
    with tempfile.TemporaryDirectory(prefix="lianjian-backup-") as work:
        part = _dump_database(work)
        manifest = {
            "format": FORMAT, "engine": connection.vendor, "created_at": timezone.now().isoformat(),
            "database": part, "sha256": {part: _sha256(Path(work) / part)},
            "migrations": _applied_migrations(), "media": [],
        }
        media_root = Path(settings.MEDIA_ROOT)
        staging = path.with_name(path.name + ".partial")
        with tarfile.open(staging, "w:gz") as archive:
            archive.add(Path(work) / part, arcname=part)
            if media_root.is_dir():
                for file in sorted(p for p in media_root.rglob("*") if p.is_file()):
                    name = "media/" + file.relative_to(media_root).as_posix()
                    manifest["sha256"][name] = _sha256(file)
                    manifest["media"].append(name)
                    archive.add(file, arcname=name)
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
        # Only a complete archive takes the final name: an interrupted backup never looks like a good one.
        staging.replace(path)
    return manifest


def _read_manifest(archive):
    try:
        return json.load(archive.extractfile(MANIFEST))
    except (KeyError, json.JSONDecodeError):
        raise ValidationError(_("不是联监备份文件：缺少或无法读取 manifest.json")) from None


def _check(manifest, work):
    problems = []
    if manifest.get("format") != FORMAT:
        problems.append(_("备份格式 %(found)s 不受支持（应为 %(wanted)s）") % {"found": manifest.get("format"),
                                                                      "wanted": FORMAT})
    if manifest.get("engine") != connection.vendor:
        problems.append(_("备份来自 %(found)s 数据库，当前数据库为 %(current)s") % {
            "found": manifest.get("engine"), "current": connection.vendor})
    for name, digest in manifest.get("sha256", {}).items():
        file = Path(work) / name
        if not file.is_file():
            problems.append(_("备份中缺少 %(name)s") % {"name": name})
        elif _sha256(file) != digest:
            problems.append(_("%(name)s 校验值不符，备份文件已损坏或被修改") % {"name": name})
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = sorted(f"{app}.{name}" for app, name in manifest.get("migrations", []) if (app, name) not in known)
    if newer:
        problems.append(_("备份来自更新版本的程序（本程序不认识迁移 %(names)s），请先升级程序") % {
            "names": "、".join(newer[:5])})
    if problems:
        raise ValidationError(problems)


def _safe_members(archive):
    for member in archive.getmembers():
        target = Path(member.name)
        if target.is_absolute() or ".." in target.parts or not (member.isfile() or member.isdir()):
            raise ValidationError(_("备份文件含有不安全的路径：%(name)s") % {"name": member.name})
        yield member


def _load_database(manifest, work):
    part = Path(work) / manifest["database"]
    for conn in connections.all():
        conn.close()
    if connection.vendor == "sqlite":
        source = sqlite3.connect(part)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
        return
    env, args, name = _pg_env()
    subprocess.run(["pg_restore", *args, "--clean", "--if-exists", "--no-owner", "--no-privileges",
                    "--single-transaction", "--dbname", name, str(part)], env=env, check=True, capture_output=True)


def backup_restore(*, path, actor=None):
    """Replace the database and uploaded files with those of the archive at ``path``; returns its manifest.
    Nothing is changed when the archive fails its checks."""
    with tempfile.TemporaryDirectory(prefix="lianjian-restore-") as work:
        with tarfile.open(path, "r:gz") as archive:
            manifest = _read_manifest(archive)
            archive.extractall(work, members=list(_safe_members(archive)), filter="data")
        _check(manifest, work)
        _load_database(manifest, work)
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists():
            shutil.rmtree(media_root)
        if (Path(work) / "media").is_dir():
            shutil.copytree(Path(work) / "media", media_root)
    audit_record(actor=actor, action="system.restore",
                 detail={"file": Path(path).name, "created_at": manifest["created_at"]})
    return manifest
