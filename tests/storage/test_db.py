import sqlite3

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import audit
from tayninh_desktop.storage.db import backups_dir, open_database
from tayninh_desktop.storage.migrations import MIGRATIONS


def test_new_database_has_pragmas_and_every_migration(db_path):
    db = open_database(db_path, create=True)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert not MIGRATIONS.pending(db)
    assert not backups_dir(db_path).exists()  # nothing to back up on a brand-new file


def test_missing_file_is_not_created_without_asking(db_path):
    with pytest.raises(DomainError) as caught:
        open_database(db_path)
    assert caught.value.code == "db_missing" and not db_path.exists()


def test_a_text_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "danh-sach.sqlite3"
    path.write_text("Họ và tên,Ngày sinh\n", encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        open_database(path)
    assert caught.value.code == "db_not_sqlite"
    assert str(path) in caught.value.message
    assert path.read_text(encoding="utf-8") == "Họ và tên,Ngày sinh\n"


def test_a_database_from_a_newer_program_is_refused(db_path):
    db = open_database(db_path, create=True)
    db["_sqlite_migrations"].insert({"migration_set": "tayninh_desktop", "name": "m999_future",
                                     "applied_at": "2030-01-01"})
    db.conn.close()
    with pytest.raises(DomainError) as caught:
        open_database(db_path)
    assert caught.value.code == "db_newer" and "m999_future" in caught.value.message


def test_pending_migration_backs_up_the_file_first(db_path, monkeypatch):
    db = open_database(db_path, create=True)
    db.execute("INSERT INTO settings (key, value) VALUES ('marker', '1')")
    db.conn.commit()
    last = MIGRATIONS._migrations[-1].name
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [last])
    db.conn.commit()
    db.conn.close()
    applied_again = []
    original = MIGRATIONS._migrations[-1]
    monkeypatch.setattr(original, "fn", lambda db: applied_again.append(True))
    open_database(db_path).conn.close()
    copies = list(backups_dir(db_path).glob("truoc-nang-cap-*.sqlite3"))
    assert applied_again == [True] and len(copies) == 1
    copy = sqlite3.connect(copies[0])
    assert copy.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone() == ("1",)
    copy.close()


def test_audit_chain_detects_a_tampered_row(fresh_db):
    with fresh_db.atomic():
        audit.append(fresh_db, "a", "x", "member", "1", None, {"n": 1})
        audit.append(fresh_db, "a", "y", "member", "1", {"n": 1}, {"n": 2})
    assert audit.verify_chain(fresh_db) == (2, None)
    fresh_db.execute("UPDATE audit_log SET after_json = '{\"n\":3}' WHERE seq = 1")
    assert audit.verify_chain(fresh_db) == (1, 1)
