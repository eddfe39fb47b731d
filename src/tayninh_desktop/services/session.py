"""Opening the register for a person: who they are decides what they may do, and whose name the log keeps.

``open_register`` is the one door of the command line and the window. A register without accounts (fresh
from ``init`` or ``demo``, or from before accounts existed) opens as its administrator, under the default
name. Once accounts exist, the person names their account and gives their password; a wrong one counts
(``domain/accounts``: a growing delay, then a lock), and nothing else is read. An encrypted register is
opened with the key the password unwraps (``services/encryption``). The connection then carries the actor
(``services/scope``), so that reads as well as writes are the account's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tayninh_desktop.domain.accounts import (
    Account,
    LoginPolicy,
    LoginState,
    after_failure,
    check_attempt,
    clean_name,
    lock_expired,
    policy_from,
    state_from,
)
from tayninh_desktop.domain.actors import DEFAULT_ADMIN_NAME, Actor, Role
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import scope
from tayninh_desktop.storage import accounts_repo, audit, cipher, keyring, login_state, settings_repo
from tayninh_desktop.storage.db import Database, open_database

PasswordSource = Callable[[], str]
POLICY_KEY = "accounts.login_policy"   # services/accounts.POLICY_KEY (not imported: start-up stays light)


def _verify(stored: str, password: str) -> bool:
    from tayninh_desktop.exchange import passwords  # argon2: loaded at the first login, not at start-up

    return passwords.verify_password(stored, password)


def is_encrypted(path: Path | str) -> bool:
    """An encrypted register (not plain SQLite, its keyring beside it): its login screen offers recovery."""
    path = Path(path)
    return cipher.is_encrypted_file(path) and keyring.path_of(path).exists()


@dataclass
class Session:
    db: Database
    actor: Actor
    account: Account | None       # None: a register without accounts

    @property
    def must_change(self) -> bool:
        return self.account is not None and self.account.must_change


def default_actor() -> Actor:
    return Actor(DEFAULT_ADMIN_NAME, Role.ADMIN)


def needs_login(path: Path | str) -> bool:
    """Whether opening this register asks for an account (it has accounts, or it is encrypted)."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    if is_encrypted(path):
        return True
    from tayninh_desktop.storage.db import open_for_check

    try:
        db = open_for_check(path)
    except DomainError:
        return False
    try:
        return accounts_repo.has_accounts(db)
    finally:
        db.conn.close()


def open_register(path: Path | str, *, user: str | None = None, password: PasswordSource | str | None = None,
                  create: bool = False, read_only: bool = False, now: datetime | None = None) -> Session:
    """Open the register at ``path`` for the person named ``user`` (the password asked only when needed)."""
    path = Path(path)
    ask = password if callable(password) else (lambda: password or "")
    if path.is_file() and is_encrypted(path):
        return _open_encrypted(path, user, ask, read_only, now or datetime.now())
    db = open_database(path, create=create, read_only=read_only, user=user or DEFAULT_ADMIN_NAME)
    try:
        if not accounts_repo.has_accounts(db):
            actor = default_actor()
            scope.attach(db, actor)
            return Session(db, actor, None)
        name = _name(user)
        return _sign_in(db, path, name, ask, now or datetime.now())
    except BaseException:
        db.conn.close()
        raise


def _name(user: str | None) -> str:
    if not user:
        raise DomainError("login_user_required")
    return clean_name(user)


def _policy_outside(path: Path) -> LoginPolicy:
    return policy_from(login_state.read(str(path)).get("policy"))


def _check_state(path: Path, name: str, now: datetime) -> None:
    state = state_from(login_state.account_state(str(path), name))
    check_attempt(name, state, now)


def _open_encrypted(path: Path, user: str | None, ask: PasswordSource, read_only: bool, now: datetime) -> Session:
    from tayninh_desktop.services import encryption
    name = _name(user)
    _check_state(path, name, now)
    secret = _password(ask)
    key, own_wrap = encryption.key_for(path, name, secret)
    if key is None:
        _fail(path, name, _policy_outside(path), now)
    db = open_database(path, read_only=read_only, user=name, key=key)
    try:
        session = _sign_in(db, path, name, lambda: secret, now, checked=own_wrap)
    except BaseException:
        db.conn.close()
        raise
    encryption.after_login(path, key, session.account, secret)
    return session


def _password(ask: PasswordSource) -> str:
    secret = ask()
    if not secret:
        raise DomainError("login_no_password")
    return secret


def _sign_in(db: Database, path: Path, name: str, ask: PasswordSource, now: datetime, *,
             checked: bool = False) -> Session:
    _check_state(path, name, now)
    policy = policy_from(settings_repo.get(db, POLICY_KEY))
    login_state.put_policy(str(path), policy.as_dict())
    account = accounts_repo.by_name(db, name)
    secret = _password(ask)
    stored = accounts_repo.password_hash(db, account.id) if account else ""
    if account is None or not _verify(stored, secret):
        _fail(path, name, policy, now)
    if not account.active:
        raise DomainError("account_inactive", name=name)
    _forget_failures(db, path, account)
    actor = account.actor()
    scope.attach(db, actor)
    return Session(db, actor, account)


def _fail(path: Path, name: str, policy: LoginPolicy, now: datetime):
    state = state_from(login_state.account_state(str(path), name))
    if lock_expired(state, now):   # the lock ran out: counting starts again
        state = LoginState(history=state.history)
    state = after_failure(state, policy, now)
    login_state.put_account_state(str(path), name, state.as_dict(), policy.as_dict())
    if state.locked_until:
        until = datetime.fromisoformat(state.locked_until).strftime("%H:%M %d/%m/%Y")
        raise DomainError("login_failed_locked", name=name, until=until, count=state.failures)
    raise DomainError("login_failed", left=policy.lock_after - state.failures, minutes=policy.lock_minutes)


def _forget_failures(db: Database, path: Path, account: Account) -> None:
    """A successful login clears the count; failures since the last success go into the audit log."""
    state = state_from(login_state.account_state(str(path), account.name))
    if not state.failures and not state.history:
        return
    if not db.read_only:
        audit.append(db, account.name, "login_failures", "account", account.id, None,
                     {"failures": len(state.history), "times": list(state.history),
                      "locked": bool(state.locked_until)})
    login_state.put_account_state(str(path), account.name, None)


def recover(path: Path | str, name: str, recovery_key: str, new_password: str,
            repeat: str | None = None) -> Session:
    """A lost administrator password, with the printed recovery key: the key opens the encrypted register,
    the administrator gets the new password (and the account's lock is lifted)."""
    from dataclasses import replace

    from tayninh_desktop.domain.accounts import check_password
    from tayninh_desktop.domain.errors import FieldIssue, ValidationError
    from tayninh_desktop.exchange import passwords
    from tayninh_desktop.services import encryption

    path = Path(path)
    if repeat is not None and repeat != new_password:
        raise ValidationError([FieldIssue("password_repeat", "password_mismatch")])
    key = encryption.key_from_recovery(path, recovery_key)
    db = open_database(path, key=key, user=name)
    try:
        account = accounts_repo.by_name(db, clean_name(name))
        if account is None or account.role is not Role.ADMIN:
            raise DomainError("recovery_admin_needed")
        policy = policy_from(settings_repo.get(db, POLICY_KEY))
        check_password(new_password, policy, field_name="new_password")
        with db.atomic():
            accounts_repo.set_password(db, account.id, passwords.hash_password(new_password), False,
                                       datetime.now().isoformat(timespec="seconds"))
            audit.append(db, account.name, "account_recover", "account", account.id, None,
                         {"account_name": account.name})
        account = replace(account, must_change=False, active=True)
        encryption.follow_account(db, account.actor(), account, new_password)
        login_state.put_account_state(str(path), account.name, None)
        actor = account.actor()
        scope.attach(db, actor)
        encryption.after_login(path, key, account, new_password)
        return Session(db, actor, account)
    except BaseException:
        db.conn.close()
        raise


def unlock_key(path: Path | str, user: str | None, password: PasswordSource | str | None,
               now: datetime | None = None) -> bytes | None:
    """A login for a read-only task (``check``, verifying a backup beside the register): the same login, counted
    the same way, without opening the register for writing (``check`` never migrates). The key of an encrypted
    register; None for a plain one (which needs the login only once it has accounts)."""
    from tayninh_desktop.storage.db import open_for_check

    path, now = Path(path), now or datetime.now()
    ask = password if callable(password) else (lambda: password or "")
    key, checked = None, False
    if is_encrypted(path):
        from tayninh_desktop.services import encryption

        name = _name(user)
        _check_state(path, name, now)
        secret = _password(ask)
        key, checked = encryption.key_for(path, name, secret)
        if key is None:
            _fail(path, name, _policy_outside(path), now)
    try:
        db = open_for_check(path, key=key)
    except DomainError:
        return key   # not a register, damaged: the task itself says so
    try:
        if checked or not accounts_repo.has_accounts(db):
            return key
        name = _name(user)
        _check_state(path, name, now)
        secret = _password(ask)
        account = accounts_repo.by_name(db, name)
        if account is None or not _verify(accounts_repo.password_hash(db, account.id), secret):
            _fail(path, name, policy_from(settings_repo.get(db, POLICY_KEY)), now)
        login_state.put_account_state(str(path), name, None)
        return key
    finally:
        db.conn.close()


def confirm_password(db: Database, actor: Actor, password: str, now: datetime | None = None) -> None:
    """The locked window: the logged-in account types its password again, counted as a login is (a lock after
    the same number of failures)."""
    if actor.account_id is None:
        return
    path, now = Path(db.path_text), now or datetime.now()
    _check_state(path, actor.name, now)
    policy = policy_from(settings_repo.get(db, POLICY_KEY))
    account = accounts_repo.by_name(db, actor.name)
    if account is None or not account.active or not _verify(
            accounts_repo.password_hash(db, account.id), password or ""):
        _fail(path, actor.name, policy, now)
    _forget_failures(db, path, account)
