"""The accounts table: people who use the register (never commits; the service owns the transaction)."""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.domain.accounts import Account
from tayninh_desktop.domain.actors import Role

_COLUMNS = "id, name, full_name, role, cell_id, active, must_change, created_at, password_changed_at"


def _account(row) -> Account:
    return Account(row[0], row[1], row[2], Role(row[3]), row[4], bool(row[5]), bool(row[6]), row[7], row[8])


def has_accounts(db: Database) -> bool:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'accounts'").fetchone():
        return False
    return db.execute("SELECT 1 FROM accounts LIMIT 1").fetchone() is not None


def all_accounts(db: Database) -> list[Account]:
    return [_account(r) for r in db.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY name")]


def by_name(db: Database, name: str) -> Account | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?", [name]).fetchone()
    return _account(row) if row else None


def password_hash(db: Database, account_id: str) -> str:
    row = db.execute("SELECT password_hash FROM accounts WHERE id = ?", [account_id]).fetchone()
    return row[0] if row else ""


def insert(db: Database, account: Account, password_hash_text: str) -> None:
    db.execute("INSERT INTO accounts (id, name, full_name, role, cell_id, password_hash, active, must_change,"
               " created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [account.id, account.name, account.full_name, account.role.value, account.cell_id,
                password_hash_text, int(account.active), int(account.must_change), account.created_at,
                account.created_at, account.password_changed_at])


def update(db: Database, account: Account, now: str) -> None:
    db.execute("UPDATE accounts SET full_name = ?, role = ?, cell_id = ?, active = ?, must_change = ?,"
               " updated_at = ? WHERE id = ?",
               [account.full_name, account.role.value, account.cell_id, int(account.active),
                int(account.must_change), now, account.id])


def set_password(db: Database, account_id: str, password_hash_text: str, must_change: bool, now: str) -> None:
    db.execute("UPDATE accounts SET password_hash = ?, must_change = ?, password_changed_at = ?, updated_at = ?"
               " WHERE id = ?", [password_hash_text, int(must_change), now, now, account_id])


def active_admin_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM accounts WHERE role = 'quan_tri' AND active = 1").fetchone()[0]
