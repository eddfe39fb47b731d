"""Accounts: the first administrator, roles, passwords hashed with argon2id, logins with a growing delay and a
lock, the administrator's reset and unlock; the audit actor is the logged-in account."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tayninh_desktop.domain.actors import DEFAULT_ADMIN_NAME, Actor, Role
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import accounts, organisation
from tayninh_desktop.services.session import open_register
from tayninh_desktop.storage import login_state

T0 = datetime(2026, 11, 27, 8, 0, 0)
BOOT = Actor(DEFAULT_ADMIN_NAME, Role.ADMIN)


@pytest.fixture
def with_admin(home_db, db_path):
    accounts.create_first_admin(home_db, BOOT, "quantri", "Nguyễn Văn Quản", "mat-khau-dai")
    home_db.conn.close()
    return db_path


def _login(path, name="quantri", password="mat-khau-dai", now=T0):
    return open_register(path, user=name, password=password, now=now)


def test_a_register_without_accounts_acts_as_its_administrator(home_db, db_path):
    home_db.conn.close()
    session = open_register(db_path, user="ai-do")   # a typed name is not an account: ignored
    assert session.actor == Actor(DEFAULT_ADMIN_NAME, Role.ADMIN) and session.account is None
    organisation.create_unit(session.db, session.actor, code="CB09", name="Chi bộ ấp Mới")
    assert session.db.execute("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0] == \
        DEFAULT_ADMIN_NAME
    session.db.conn.close()


def test_the_password_is_stored_as_an_argon2id_hash(with_admin):
    session = _login(with_admin)
    stored = session.db.execute("SELECT password_hash FROM accounts").fetchone()[0]
    assert stored.startswith("$argon2id$") and "mat-khau-dai" not in stored
    audit = session.db.execute("SELECT after_json FROM audit_log WHERE action = 'account_add'").fetchone()[0]
    assert "argon2" not in audit and "mat-khau" not in audit
    session.db.conn.close()


def test_once_accounts_exist_a_login_is_needed(with_admin):
    with pytest.raises(DomainError) as caught:
        open_register(with_admin)
    assert caught.value.code == "login_user_required" and "--user" in caught.value.message


def test_the_actor_is_the_logged_in_account(with_admin):
    session = _login(with_admin)
    assert session.actor.name == "quantri" and session.actor.role is Role.ADMIN and session.actor.account_id
    organisation.create_unit(session.db, session.actor, code="CB09", name="Chi bộ ấp Mới")
    assert session.db.execute("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0] == "quantri"
    session.db.conn.close()


def test_a_wrong_password_waits_longer_each_time_then_locks(with_admin):
    for n in range(1, 5):
        now = T0 + timedelta(minutes=n)
        with pytest.raises(DomainError) as caught:
            _login(with_admin, password="sai", now=now)
        assert caught.value.code == "login_failed" and f"Còn {5 - n} lần" in caught.value.message
    # right after the 4th failure the delay runs (4 s): not even the right password is checked
    with pytest.raises(DomainError) as caught:
        _login(with_admin, now=T0 + timedelta(minutes=4, seconds=3))
    assert caught.value.code == "login_wait" and "chờ 1 giây" in caught.value.message
    with pytest.raises(DomainError) as caught:
        _login(with_admin, password="sai", now=T0 + timedelta(minutes=5))
    assert caught.value.code == "login_failed_locked"
    with pytest.raises(DomainError) as caught:   # locked: the right password is refused too
        _login(with_admin, now=T0 + timedelta(minutes=10))
    assert caught.value.code == "account_locked" and "quản trị viên mở khóa" in caught.value.message
    session = _login(with_admin, now=T0 + timedelta(minutes=21))   # the lock ran out (15 minutes)
    entry = session.db.execute("SELECT after_json FROM audit_log WHERE action = 'login_failures'").fetchone()[0]
    assert '"failures":5' in entry and '"locked":true' in entry   # the failures are in the audit trail
    session.db.conn.close()
    assert login_state.account_state(str(with_admin), "quantri") is None


def test_an_unknown_name_is_refused_like_a_wrong_password(with_admin):
    with pytest.raises(DomainError) as caught:
        _login(with_admin, name="khong-co")
    assert caught.value.code == "login_failed"


def test_the_administrator_unlocks_and_resets(with_admin):
    admin = _login(with_admin)
    accounts.add_account(admin.db, admin.actor, "vanthu", "Trần Thị Thư", "van_thu", "tam-thoi-123")
    admin.db.conn.close()
    for n in range(5):
        with pytest.raises(DomainError):
            _login(with_admin, "vanthu", "sai", now=T0 + timedelta(minutes=n))
    with pytest.raises(DomainError) as caught:
        _login(with_admin, "vanthu", "tam-thoi-123", now=T0 + timedelta(minutes=6))
    assert caught.value.code == "account_locked"
    admin = _login(with_admin, now=T0 + timedelta(minutes=6))
    accounts.unlock(admin.db, admin.actor, "vanthu")
    admin.db.conn.close()
    clerk = _login(with_admin, "vanthu", "tam-thoi-123", now=T0 + timedelta(minutes=7))
    assert clerk.must_change   # a password the administrator set is changed at the first login
    accounts.change_password(clerk.db, clerk.actor, "tam-thoi-123", "cua-toi-dai-hon", "cua-toi-dai-hon")
    clerk.db.conn.close()
    clerk = _login(with_admin, "vanthu", "cua-toi-dai-hon")
    assert not clerk.must_change and clerk.actor.role is Role.CLERK
    with pytest.raises(DomainError) as caught:   # the office does not manage accounts
        accounts.reset_password(clerk.db, clerk.actor, "quantri", "chiem-quyen-123")
    assert caught.value.code == "permission_denied"
    clerk.db.conn.close()
    admin = _login(with_admin)
    accounts.reset_password(admin.db, admin.actor, "vanthu", "moi-dat-lai-1")
    admin.db.conn.close()
    assert _login(with_admin, "vanthu", "moi-dat-lai-1").must_change


def test_bad_account_input_is_refused_in_vietnamese(with_admin):
    admin = _login(with_admin)
    db, who = admin.db, admin.actor
    cases = [
        (lambda: accounts.add_account(db, who, "Nguyễn Văn A", "", "van_thu", "mat-khau-dai"), "account_name"),
        (lambda: accounts.add_account(db, who, "ngan", "", "van_thu", "ngan"), "password"),
        (lambda: accounts.add_account(db, who, "vai", "", "thu_truong", "mat-khau-dai"), "role"),
        (lambda: accounts.add_account(db, who, "bithu", "", "bi_thu_chi_bo", "mat-khau-dai"), "account_cell"),
    ]
    for call, field in cases:
        with pytest.raises(ValidationError) as caught:
            call()
        assert field in caught.value.by_field(), caught.value.by_field()
    with pytest.raises(DomainError) as caught:
        accounts.add_account(db, who, "quantri", "", "van_thu", "mat-khau-dai")
    assert caught.value.code == "account_exists"
    with pytest.raises(DomainError) as caught:   # the last administrator keeps the role
        accounts.set_role(db, who, "quantri", "xem")
    assert caught.value.code == "last_admin"
    assert [a.name for a in accounts.list_accounts(db, who)] == ["quantri"]
    db.conn.close()


def test_the_policy_is_a_setting(with_admin):
    admin = _login(with_admin)
    accounts.set_policy(admin.db, admin.actor, lock_after=3, lock_minutes=60, idle_minutes=5)
    with pytest.raises(ValidationError) as caught:
        accounts.set_policy(admin.db, admin.actor, lock_after=0)
    assert "lock_after" in caught.value.by_field()
    admin.db.conn.close()
    for n in range(3):
        with pytest.raises(DomainError) as caught:
            _login(with_admin, password="sai", now=T0 + timedelta(minutes=n))
    assert caught.value.code == "login_failed_locked"
    assert "09:02 27/11/2026" in caught.value.message   # 60 minutes after the third failure (08:02)
