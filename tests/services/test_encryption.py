"""The register encrypted at rest with SQLCipher, keyed from the accounts: nothing readable without a key,
the key wrapped by the administrators' passwords and a printed recovery key, the backups beside it migrated."""

from __future__ import annotations

import sqlite3

import pytest

from tayninh_desktop.domain.actors import DEFAULT_ADMIN_NAME, Actor, Role
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import accounts, backup, backup_restore, encryption, register
from tayninh_desktop.services.session import open_register, recover
from tayninh_desktop.storage import keyring
from tests.conftest import TODAY, member_form

NAME = "Nguyễn Thị Ánh Tuyết"
ADMIN_PW, CLERK_PW = "mat-khau-quan-tri", "mat-khau-van-thu"


def _secrets(path) -> list[bytes]:
    """What must not be readable in the file: a member's name, CCCD, the committee's name."""
    return [NAME.encode("utf-8"), b"072160102822", "Hưng Thuận".encode()]


def _plain_bytes(path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


@pytest.fixture
def encrypted(home_db, db_path, cells):
    boot = Actor(DEFAULT_ADMIN_NAME, Role.ADMIN)
    register.add_member(home_db, boot, member_form(), cells["CB01"].id, today=TODAY)
    accounts.create_first_admin(home_db, boot, "quantri", "Nguyễn Văn Quản", ADMIN_PW)
    admin = accounts.require_account(home_db, "quantri").actor()
    accounts.add_account(home_db, admin, "vanthu", "Trần Thị Thư", "van_thu", CLERK_PW)
    before = backup.create_backup(home_db, admin).path          # a plain backup beside the register
    assert NAME.encode("utf-8") in before.read_bytes()
    home_db.conn.close()
    session = open_register(db_path, user="quantri", password=ADMIN_PW)
    result = encryption.turn_on(session.db, session.actor, ADMIN_PW)
    result.db.conn.close()
    return db_path, result, before


def test_nothing_readable_without_the_key(encrypted):
    path, result, old_backup = encrypted
    data = _plain_bytes(path)
    assert not data.startswith(b"SQLite format 3")
    for secret in _secrets(path):
        assert secret not in data and secret not in old_backup.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM members").fetchone()
    assert result.backups == 1 and len(result.recovery_key) == 39
    ring = keyring.path_of(path).read_text(encoding="utf-8")
    assert "quantri" in ring and ADMIN_PW not in ring and result.recovery_key not in ring


def test_the_accounts_open_it_and_sqlite_utils_works_on_top(encrypted):
    path, _, _ = encrypted
    session = open_register(path, user="vanthu", password=CLERK_PW)
    assert session.db["members"].count == 1 and "accounts" in session.db.table_names()
    assert register.list_rows(session.db)[0].full_name == NAME
    session.db.conn.close()
    with pytest.raises(DomainError) as caught:
        open_register(path, user="quantri", password="sai-roi")
    assert caught.value.code == "login_failed"
    with pytest.raises(DomainError) as caught:
        open_register(path)
    assert caught.value.code == "login_user_required"
    status = encryption.status(path)
    assert status.encrypted and status.wrapped_for == ("quantri",) and status.recovery and status.sealed_here


def test_on_another_computer_an_administrator_opens_it_first(encrypted, tmp_path, monkeypatch):
    path, _, _ = encrypted
    monkeypatch.setenv("TAYNINH_DESKTOP_DATA_DIR", str(tmp_path / "may-khac"))   # no key sealed there
    with pytest.raises(DomainError) as caught:
        open_register(path, user="vanthu", password=CLERK_PW)
    assert caught.value.code == "encrypted_needs_admin" and "quản trị viên" in caught.value.message
    open_register(path, user="quantri", password=ADMIN_PW).db.conn.close()
    open_register(path, user="vanthu", password=CLERK_PW).db.conn.close()


def test_a_keyring_of_another_register_opens_nothing(encrypted, tmp_path):
    path, _, _ = encrypted
    other = tmp_path / "khac.sqlite3"
    other.write_bytes(path.read_bytes())
    keyring.path_of(other).write_text(keyring.path_of(path).read_text(encoding="utf-8"), encoding="utf-8")
    ring = keyring.read(other)
    ring["wraps"][0]["sealed"] = ring["wraps"][0]["sealed"][::-1]   # a damaged or foreign wrap
    keyring.write(other, ring)
    with pytest.raises(DomainError) as caught:
        open_register(other, user="quantri", password=ADMIN_PW)
    assert caught.value.code == "login_failed"
    keyring.remove(other)
    with pytest.raises(DomainError) as caught:
        open_register(other, user="quantri", password=ADMIN_PW)
    assert caught.value.code == "db_not_sqlite" and "thiếu tệp khóa" in caught.value.message


def test_a_lost_password_with_the_recovery_key(encrypted):
    path, result, _ = encrypted
    with pytest.raises(DomainError) as caught:
        recover(path, "quantri", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "mat-khau-moi-1")
    assert caught.value.code == "recovery_key_wrong"
    with pytest.raises(ValidationError):
        recover(path, "quantri", "12345", "mat-khau-moi-1")
    typed = result.recovery_key.lower().replace("-", " ")
    session = recover(path, "quantri", typed, "mat-khau-moi-1")
    assert session.db.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0] == \
        "account_recover"
    session.db.conn.close()
    open_register(path, user="quantri", password="mat-khau-moi-1").db.conn.close()


def test_backups_beside_it_verify_and_restore_with_its_key(encrypted):
    path, _, old_backup = encrypted
    session = open_register(path, user="quantri", password=ADMIN_PW)
    db = session.db
    fresh = backup.create_backup(db, session.actor).path
    for secret in _secrets(path):
        assert secret not in fresh.read_bytes()
    assert backup_restore.verify_backup(fresh, key=db.cipher_key).ok
    with pytest.raises(DomainError) as caught:
        backup_restore.verify_backup(old_backup)   # without the key
    assert caught.value.code == "backup_encrypted_other_key"
    restored = backup_restore.restore_backup(db, session.actor, old_backup)
    assert restored.after["members"] == 1
    db.conn.close()


def test_turned_off_it_is_plain_again(encrypted):
    path, _, old_backup = encrypted
    session = open_register(path, user="quantri", password=ADMIN_PW)
    with pytest.raises(ValidationError):
        encryption.turn_off(session.db, session.actor, "sai")
    result = encryption.turn_off(session.db, session.actor, ADMIN_PW)
    result.db.conn.close()
    assert path.read_bytes().startswith(b"SQLite format 3") and NAME.encode("utf-8") in _plain_bytes(path)
    assert not keyring.path_of(path).exists() and result.backups >= 1
    assert old_backup.read_bytes().startswith(b"SQLite format 3")
    clerk = open_register(path, user="vanthu", password=CLERK_PW)
    assert clerk.db.cipher_key is None
    clerk.db.conn.close()


def test_the_office_cannot_turn_it_on(home_db, db_path):
    boot = Actor(DEFAULT_ADMIN_NAME, Role.ADMIN)
    with pytest.raises(DomainError) as caught:   # no account yet: nobody's password could wrap the key
        encryption.turn_on(home_db, boot, "x")
    assert caught.value.code == "encryption_needs_admin_account"
    accounts.create_first_admin(home_db, boot, "quantri", "", ADMIN_PW)
    admin = accounts.require_account(home_db, "quantri").actor()
    accounts.add_account(home_db, admin, "vanthu", "", "van_thu", CLERK_PW)
    clerk = accounts.require_account(home_db, "vanthu").actor()
    with pytest.raises(DomainError) as caught:
        encryption.turn_on(home_db, clerk, CLERK_PW)
    assert caught.value.code == "permission_denied"
    assert home_db.conn.execute("SELECT count(*) FROM accounts").fetchone()[0] == 2


def test_a_register_opened_with_the_key_of_another(encrypted, tmp_path, home_db):
    """Two encrypted registers whose administrators share a password: the keyrings swapped, the key unwrapped is
    the other register's, and SQLCipher refuses it before anything is read or written."""
    path, _, _ = encrypted
    other = tmp_path / "khac" / "so.sqlite3"
    other.parent.mkdir()
    other.write_bytes(path.read_bytes())
    session = open_register(path, user="quantri", password=ADMIN_PW)
    result = encryption.turn_off(session.db, session.actor, ADMIN_PW)
    again = encryption.turn_on(result.db, session.actor, ADMIN_PW)   # the same register, a new key
    again.db.conn.close()
    keyring.path_of(other).write_text(keyring.path_of(path).read_text(encoding="utf-8"), encoding="utf-8")
    before = other.read_bytes()
    with pytest.raises(DomainError) as caught:
        open_register(other, user="quantri", password=ADMIN_PW)
    assert caught.value.code == "encrypted_wrong_key" and "khóa khác" in caught.value.message
    assert other.read_bytes() == before


def test_a_backup_to_a_stick_opens_anywhere_and_restores_into_the_encrypted_register(encrypted, tmp_path):
    path, _, _ = encrypted
    session = open_register(path, user="quantri", password=ADMIN_PW)
    stick = tmp_path / "the-nho"
    made = backup.create_backup(session.db, session.actor, to=stick, passphrase="mat-khau-sao-luu-1")
    assert made.encrypted and NAME.encode("utf-8") not in made.path.read_bytes()
    assert backup_restore.verify_backup(made.path, passphrase="mat-khau-sao-luu-1").ok   # no register key needed
    restored = backup_restore.restore_backup(session.db, session.actor, made.path, passphrase="mat-khau-sao-luu-1")
    assert restored.after["members"] == 1
    session.db.conn.close()
    for secret in _secrets(path):
        assert secret not in _plain_bytes(path)
    open_register(path, user="vanthu", password=CLERK_PW).db.conn.close()
