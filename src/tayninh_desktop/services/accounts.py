"""User actions on accounts: the first administrator, adding people, roles, passwords, locks, the policy.

Every action is the administrator's (``Permission.MANAGE_ACCOUNTS``) except changing one's own password.
A password an administrator sets (a new account, a reset) must be changed by the person at the next login.
When the register is encrypted, the keys follow the accounts (``services/encryption``): an administrator's
password wraps the register's data key, so adding, resetting or demoting an administrator rewraps it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from tayninh_desktop.domain.accounts import (
    Account,
    LoginPolicy,
    check_password,
    check_policy,
    clean_name,
    parse_role,
    policy_from,
)
from tayninh_desktop.domain.actors import Actor, Permission, Role
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.org import UnitType
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import accounts_repo, audit, login_state, settings_repo, units_repo
from tayninh_desktop.storage.db import Database

POLICY_KEY = "accounts.login_policy"


def _hash(password: str) -> str:
    from tayninh_desktop.exchange import passwords  # argon2: loaded when an account is written

    return passwords.hash_password(password)


def _verify(stored: str, password: str) -> bool:
    from tayninh_desktop.exchange import passwords

    return passwords.verify_password(stored, password)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _snapshot(account: Account) -> dict:
    return {"account_name": account.name, "full_name": account.full_name, "role": account.role.value,
            "cell_id": account.cell_id, "active": account.active}


def policy(db: Database) -> LoginPolicy:
    return policy_from(settings_repo.get(db, POLICY_KEY))


def has_accounts(db: Database) -> bool:
    return accounts_repo.has_accounts(db)


def list_accounts(db: Database, actor: Actor) -> list[Account]:
    """Every account, by login name (the administrator's list)."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    return accounts_repo.all_accounts(db)


def locks(db: Database, actor: Actor) -> dict[str, str]:
    """Accounts locked now after failed logins: name → until (dd/mm/yyyy HH:MM), for the administrator's list."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    if not db.path_text:
        return {}
    found = {}
    now = datetime.now()
    for name, data in (login_state.read(db.path_text).get("accounts") or {}).items():
        until = str((data or {}).get("locked_until") or "")
        try:
            moment = datetime.fromisoformat(until) if until else None
        except ValueError:
            moment = None
        if moment is not None and moment > now:
            found[name] = moment.strftime("%H:%M %d/%m/%Y")
    return found


def require_account(db: Database, name: str) -> Account:
    account = accounts_repo.by_name(db, clean_name(name))
    if account is None:
        raise DomainError("account_not_found", name=name)
    return account


def _check_cell(db: Database, role: Role, cell_id: str | None) -> str | None:
    if role is not Role.CELL_SECRETARY:
        return None
    unit = units_repo.get(db, cell_id) if cell_id else None
    if unit is None or unit.unit_type is not UnitType.CELL:
        raise ValidationError([FieldIssue("account_cell", "secretary_needs_cell")])
    return unit.id


def _new_account(db: Database, name: str, full_name: str, role: Role, cell_id: str | None,
                 password: str, must_change: bool) -> Account:
    name = clean_name(name)
    check_password(password, policy(db))
    if accounts_repo.by_name(db, name) is not None:
        raise DomainError("account_exists", name=name)
    now = _now()
    account = Account(new_id(), name, nfc(full_name).strip(), role, _check_cell(db, role, cell_id), True,
                      must_change, now, now)
    accounts_repo.insert(db, account, _hash(password))
    return account


def create_first_admin(db: Database, actor: Actor, name: str, full_name: str, password: str,
                       repeat: str | None = None) -> tuple[Account, Changes]:
    """The first administrator of a register that has no account yet (the first run)."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    if repeat is not None and repeat != password:
        raise ValidationError([FieldIssue("password_repeat", "password_mismatch")])
    with db.atomic():
        if accounts_repo.has_accounts(db):
            raise DomainError("first_admin_exists")
        account = _new_account(db, name, full_name, Role.ADMIN, None, password, must_change=False)
        audit.append(db, actor.name, "account_add", "account", account.id, None, _snapshot(account))
    return account, Changes(settings=True)


def add_account(db: Database, actor: Actor, name: str, full_name: str, role: str | Role, password: str, *,
                cell_id: str | None = None) -> tuple[Account, Changes]:
    """Add a person with a role (a cell secretary with their cell) and a first password they must change."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    role = parse_role(role) if isinstance(role, str) else role
    with db.atomic():
        first = not accounts_repo.has_accounts(db)
        if first and role is not Role.ADMIN:
            raise DomainError("first_account_admin")
        account = _new_account(db, name, full_name, role, cell_id, password, must_change=not first)
        audit.append(db, actor.name, "account_add", "account", account.id, None, _snapshot(account))
        _after_keys_change(db, actor, account, password)
    return account, Changes(settings=True)


def set_role(db: Database, actor: Actor, name: str, role: str | Role, *, cell_id: str | None = None) -> Changes:
    """Change a person's role (a cell secretary's cell with it); the last administrator keeps theirs."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    role = parse_role(role) if isinstance(role, str) else role
    with db.atomic():
        before = require_account(db, name)
        if before.role is Role.ADMIN and role is not Role.ADMIN:
            _keep_an_admin(db, before)
        after = replace(before, role=role, cell_id=_check_cell(db, role, cell_id))
        accounts_repo.update(db, after, _now())
        audit.append(db, actor.name, "account_role", "account", after.id, _snapshot(before), _snapshot(after))
        _after_keys_change(db, actor, after, None)
    return Changes(settings=True)


def set_active(db: Database, actor: Actor, name: str, active: bool) -> Changes:
    """Stop (or allow again) an account; a stopped account cannot log in. The last administrator stays."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    with db.atomic():
        before = require_account(db, name)
        if before.role is Role.ADMIN and not active:
            _keep_an_admin(db, before)
        after = replace(before, active=active)
        accounts_repo.update(db, after, _now())
        audit.append(db, actor.name, "account_active", "account", after.id, _snapshot(before), _snapshot(after))
        _after_keys_change(db, actor, after, None)
    return Changes(settings=True)


def _keep_an_admin(db: Database, account: Account) -> None:
    if account.active and accounts_repo.active_admin_count(db) <= 1:
        raise DomainError("last_admin", name=account.name)


def change_password(db: Database, actor: Actor, old_password: str, new_password: str,
                    repeat: str | None = None) -> Changes:
    """The logged-in person changes their own password (the old one is asked again)."""
    if repeat is not None and repeat != new_password:
        raise ValidationError([FieldIssue("password_repeat", "password_mismatch")])
    with db.atomic():
        account = require_account(db, actor.name)
        if account.id != actor.account_id:
            raise DomainError("permission_denied", actor=actor.name, permission="own_password")
        if not _verify(accounts_repo.password_hash(db, account.id), old_password):
            raise ValidationError([FieldIssue("password", "password_wrong")])
        check_password(new_password, policy(db), field_name="new_password")
        if new_password == old_password:
            raise ValidationError([FieldIssue("new_password", "password_same")])
        accounts_repo.set_password(db, account.id, _hash(new_password), False, _now())
        audit.append(db, actor.name, "account_password", "account", account.id, None,
                     {"account_name": account.name})
        _after_keys_change(db, actor, account, new_password)
    return Changes(settings=True)


def reset_password(db: Database, actor: Actor, name: str, new_password: str) -> Changes:
    """An administrator sets a new password for someone (lost, or locked): to be changed at the next login;
    the account's lock is lifted."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    with db.atomic():
        account = require_account(db, name)
        check_password(new_password, policy(db), field_name="new_password")
        accounts_repo.set_password(db, account.id, _hash(new_password), True, _now())
        audit.append(db, actor.name, "account_reset", "account", account.id, None,
                     {"account_name": account.name})
        _after_keys_change(db, actor, account, new_password)
    _clear_login_state(db, account.name)
    return Changes(settings=True)


def unlock(db: Database, actor: Actor, name: str) -> Changes:
    """Lift an account's lock after failed logins (the administrator), noting it in the audit log."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    with db.atomic():
        account = require_account(db, name)
        state = login_state.account_state(db.path_text, account.name) if db.path_text else None
        audit.append(db, actor.name, "account_unlock", "account", account.id,
                     {"failures": (state or {}).get("failures", 0)}, {"failures": 0})
    _clear_login_state(db, account.name)
    return Changes(settings=True)


def _clear_login_state(db: Database, name: str) -> None:
    if db.path_text:
        login_state.put_account_state(db.path_text, name, None)


def set_policy(db: Database, actor: Actor, **values: int | None) -> Changes:
    """Change the login policy (lock after N failures, lock time, idle lock, shortest password)."""
    actor.require(Permission.MANAGE_ACCOUNTS)
    values = {k: v for k, v in values.items() if v is not None}
    check_policy(values)
    with db.atomic():
        before = policy(db)
        after = policy_from({**before.as_dict(), **values})
        settings_repo.put(db, POLICY_KEY, after.as_dict())
        audit.append(db, actor.name, "login_policy", "setting", POLICY_KEY, before.as_dict(), after.as_dict())
    if db.path_text:
        login_state.put_policy(db.path_text, after.as_dict())
    return Changes(settings=True)


def _after_keys_change(db: Database, actor: Actor, account: Account, password: str | None) -> None:
    """An encrypted register keeps one wrap of its key per active administrator (services/encryption)."""
    from tayninh_desktop.services import encryption

    encryption.follow_account(db, actor, account, password)
