"""Backup and restore round-trip on the database in use (SQLite or PostgreSQL), with uploaded files."""

import io
import json
import tarfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from lianjian.audit.models import AuditEntry
from lianjian.audit.services import audit_verify
from lianjian.core.backup import backup_create, backup_restore
from lianjian.org.models import Unit
from lianjian.org.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "complaints").mkdir(parents=True)
    (settings.MEDIA_ROOT / "complaints" / "证据.pdf").write_bytes(b"%PDF-1.7 evidence")
    return settings.MEDIA_ROOT


def _rewrite(archive_path, target_path, change):
    """Copy an archive, letting ``change(name, data)`` alter each member's bytes."""
    with tarfile.open(archive_path, "r:gz") as source, tarfile.open(target_path, "w:gz") as target:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return target_path


def test_a_restore_brings_back_exactly_the_data_and_files_of_the_backup(media, tmp_path):
    UnitFactory(name="杭州市住房和城乡建设局")
    archive = tmp_path / "backup.tar.gz"
    manifest = backup_create(path=archive)
    assert manifest["media"] == ["media/complaints/证据.pdf"]

    UnitFactory(name="备份之后新建的单位")
    Unit.objects.filter(name="杭州市住房和城乡建设局").delete()
    (media / "complaints" / "证据.pdf").unlink()
    (media / "later.txt").write_text("after the backup")

    call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    assert sorted(Unit.objects.values_list("name", flat=True)) == ["杭州市住房和城乡建设局"]
    assert (media / "complaints" / "证据.pdf").read_bytes() == b"%PDF-1.7 evidence"
    assert not (media / "later.txt").exists()
    assert AuditEntry.objects.filter(action="system.restore").count() == 1
    assert audit_verify() == []


def test_a_tampered_archive_is_refused_naming_the_part_and_nothing_changes(media, tmp_path):
    UnitFactory(name="原有单位")
    archive = backup_create(path=tmp_path / "backup.tar.gz") and tmp_path / "backup.tar.gz"
    UnitFactory(name="备份之后新建的单位")
    tampered = _rewrite(archive, tmp_path / "tampered.tar.gz",
                        lambda name, data: data + b"x" if name.startswith("media/") else data)
    with pytest.raises(ValidationError, match="media/complaints/证据.pdf 校验值不符"):
        backup_restore(path=tampered)
    assert Unit.objects.filter(name="备份之后新建的单位").exists()


def test_a_backup_from_a_newer_version_of_the_code_is_refused(media, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    backup_create(path=archive)

    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"].append(["complaints", "9999_from_the_future"])
        return json.dumps(manifest).encode()

    with pytest.raises(ValidationError, match="complaints.9999_from_the_future"):
        backup_restore(path=_rewrite(archive, tmp_path / "newer.tar.gz", newer))


def test_the_backup_command_names_the_file_it_wrote(media, tmp_path):
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "b.tar.gz"), stdout=out)
    assert str(tmp_path / "b.tar.gz") in out.getvalue() and (tmp_path / "b.tar.gz").exists()
    assert not (tmp_path / "b.tar.gz.partial").exists()
