"""Backups that restore: made with SQLite's backup API, verified read-only, restored without a stale WAL,
never upgraded themselves; outside the data folder only encrypted; automatic ones rotated."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tayninh_desktop.cli import main
from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import backup, backup_restore, integrity, organisation
from tayninh_desktop.storage.db import open_database

ACTOR = Actor("van-thu")
PASSPHRASE = "mật khẩu sao lưu 2026"


@pytest.fixture
def live(demo_copy):
    db = open_database(demo_copy)
    yield db
    db.conn.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_backup_beside_the_register_is_a_marked_copy_with_its_manifest(live):
    result = backup.create_backup(live, ACTOR)
    assert result.path.parent.name == "backups" and not result.encrypted
    info = json.loads(result.path.with_name(result.path.name + ".json").read_text(encoding="utf-8"))
    assert info["counts"]["members"] == count(live, "members") == 400
    assert info["head"]["seq"] == live.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    before = sha(result.path)
    with pytest.raises(DomainError) as caught:   # opening a backup as a register would upgrade it in place
        open_database(result.path)
    assert caught.value.code == "db_is_backup" and sha(result.path) == before
    check = backup_restore.verify_backup(result.path)
    assert check.ok and check.counts == info["counts"] and sha(result.path) == before
    assert not Path(f"{result.path}-wal").exists() and not Path(f"{result.path}-shm").exists()


def test_verify_catches_an_edited_and_a_truncated_backup(live, tmp_path):
    made = backup.create_backup(live, ACTOR).path
    edited = made.with_name("sua.sqlite3")
    shutil.copy(made, edited)
    shutil.copy(made.with_name(made.name + ".json"), edited.with_name(edited.name + ".json"))
    conn = sqlite3.connect(str(edited))
    conn.execute("UPDATE members SET full_name = 'Tên Bị Sửa' WHERE rowid = 1")
    conn.commit()
    conn.close()
    check = backup_restore.verify_backup(edited)
    assert not check.ok and any("Tên Bị Sửa" in f.message for f in check.report.findings())
    conn = sqlite3.connect(str(edited))
    conn.execute("UPDATE members SET full_name = (SELECT full_name FROM members WHERE rowid = 2) WHERE rowid = 1")
    conn.execute("DELETE FROM audit_rows")
    conn.execute("DELETE FROM audit_log")
    conn.commit()
    conn.close()
    check = backup_restore.verify_backup(edited)
    assert not check.ok and "backup_head_mismatch" in {f.code for f in check.problems}
    assert "backup_count_mismatch" in {f.code for f in check.problems}


def test_restore_shows_the_changes_keeps_the_current_register_and_leaves_no_wal(live):
    made = backup.create_backup(live, ACTOR).path
    organisation.create_unit(live, ACTOR, code="CBN", name="Chi bộ sau sao lưu")
    preview = backup_restore.preview_restore(live, made)
    assert preview.current["units"] == preview.check.counts["units"] + 1
    result = backup_restore.restore_backup(live, ACTOR, made)
    assert result.before["units"] == result.after["units"] + 1
    assert result.kept.name.startswith("truoc-phuc-hoi-")
    kept = sqlite3.connect(str(result.kept))
    assert kept.execute("SELECT count(*) FROM units WHERE code = 'CBN'").fetchone() == (1,)
    kept.close()
    assert live.execute("SELECT count(*) FROM units WHERE code = 'CBN'").fetchone() == (0,)
    assert Path(f"{live.path_text}-wal").stat().st_size == 0
    assert live.execute("PRAGMA user_version").fetchone()[0] == 0   # the register is not marked as a backup
    assert live.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone() == ("restore_backup",)
    organisation.create_unit(live, ACTOR, code="CBM", name="Chi bộ sau phục hồi")   # it goes on working
    assert integrity.check_file(Path(live.path_text)).ok


def test_a_stale_wal_beside_a_copy_is_never_merged(live, tmp_path):
    """A register copied by hand with a -wal beside it: the WAL's later changes stay out of the restore."""
    live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "chep-tay.sqlite3"
    shutil.copy(live.path_text, copy)
    live.execute("PRAGMA wal_autocheckpoint=0")
    organisation.create_unit(live, ACTOR, code="CBW", name="Chi bộ chỉ có trong WAL")
    shutil.copy(f"{live.path_text}-wal", f"{copy}-wal")
    before = sha(copy), sha(Path(f"{copy}-wal"))
    check = backup_restore.verify_backup(copy)
    assert check.counts["units"] == count(live, "units") - 1
    backup_restore.restore_backup(live, ACTOR, copy)
    assert live.execute("SELECT count(*) FROM units WHERE code = 'CBW'").fetchone() == (0,)
    assert (sha(copy), sha(Path(f"{copy}-wal"))) == before   # the copy and its WAL untouched


def test_a_backup_that_fails_its_check_is_not_restored(live):
    made = backup.create_backup(live, ACTOR).path
    conn = sqlite3.connect(str(made))
    conn.execute("UPDATE dues SET amount = amount + 1000 WHERE member_id = (SELECT id FROM members LIMIT 1)")
    conn.execute("DROP INDEX dues_unpaid")
    conn.commit()
    conn.close()
    before = count(live, "members"), live.execute("SELECT max(seq) FROM audit_log").fetchone()
    with pytest.raises(DomainError) as caught:
        backup_restore.restore_backup(live, ACTOR, made)
    assert caught.value.code == "backup_restore_refused" and "dues_unpaid" in caught.value.message
    assert (count(live, "members"), live.execute("SELECT max(seq) FROM audit_log").fetchone()) == before


def test_outside_the_data_folder_only_encrypted_and_a_lost_stick_reveals_nothing(live, tmp_path, tmp_path_factory,
                                                                                monkeypatch):
    stick = tmp_path_factory.mktemp("usb") / "SAO-LUU"
    with pytest.raises(DomainError) as caught:
        backup.create_backup(live, ACTOR, to=stick)
    assert caught.value.code == "backup_outside_needs_passphrase" and not stick.exists()
    with pytest.raises(DomainError) as caught:
        backup.create_backup(live, ACTOR, to=stick, passphrase="ngan")
    assert caught.value.code == "backup_weak_passphrase"
    made = backup.create_backup(live, ACTOR, to=stick, passphrase=PASSPHRASE)
    assert made.encrypted and made.path.suffix == ".tnbak" and list(stick.iterdir()) == [made.path]
    name = live.execute("SELECT full_name FROM members LIMIT 1").fetchone()[0]
    data = made.path.read_bytes()
    assert name.encode() not in data and b"SQLite format 3" not in data
    with pytest.raises(DomainError) as caught:
        backup_restore.verify_backup(made.path, passphrase="mật khẩu sai lắm")
    assert caught.value.code == "backup_wrong_passphrase"
    # another computer: no key of this register there; the backup carries it
    monkeypatch.setenv("TAYNINH_DESKTOP_DATA_DIR", str(tmp_path / "may-moi"))
    check = backup_restore.verify_backup(made.path, passphrase=PASSPHRASE)
    assert check.ok and check.counts["members"] == 400


def test_automatic_backups_are_rotated(live):
    backup.set_settings(live, ACTOR, keep=2, on_exit=True, daily=True)
    start = datetime(2026, 11, 1, 8, 0)
    assert backup.daily_backup_due(live, start)
    for day in range(4):
        backup.automatic_backup(live, ACTOR, now=start + timedelta(days=day))
    kept = [b for b in backup.list_backups(live) if b.kind == backup.AUTOMATIC]
    assert [b.made.day for b in kept] == [4, 3]
    assert not backup.daily_backup_due(live, start + timedelta(days=3, hours=5))
    assert backup.daily_backup_due(live, start + timedelta(days=4, hours=1))
    leftovers = sorted(p.name for p in kept[0].path.parent.iterdir())
    assert all(not n.endswith(".json") or n[:-5] in leftovers for n in leftovers)
    with pytest.raises(DomainError):
        backup.set_settings(live, ACTOR, keep=0, on_exit=True, daily=True)


def test_a_damaged_register_is_set_aside_and_restored_from_the_cli(demo_copy, tmp_path, capsys):
    db = open_database(demo_copy)
    made = backup.create_backup(db, ACTOR).path
    db.conn.close()
    demo_copy.write_bytes(b"")   # the register lost to a crash: 0 bytes
    assert main(["check", "--db", str(demo_copy)]) == 1
    assert main(["backup", "restore", str(made), "--db", str(demo_copy)]) == 0
    assert demo_copy.stat().st_size == 0   # without --yes nothing is done
    assert main(["backup", "restore", str(made), "--db", str(demo_copy), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Tệp sổ hỏng được giữ tại" in out
    assert list(tmp_path.glob("demo-copy.sqlite3.hong-*"))
    assert main(["check", "--db", str(demo_copy)]) == 0
