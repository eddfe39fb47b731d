"""Migrations m032_accounts and m033_audit_filters: the people who use the register, and the audit page.

``accounts`` holds one row per person: the login name, the full name, the role, a cell secretary's cell,
the password as an argon2id hash (never the password), whether the account is active and whether the
person must change a password an administrator set. Failed logins are not kept here (an encrypted register
cannot be written before a login succeeds): ``storage/login_state`` keeps them beside the key folder.

m033 indexes the audit log by the columns the audit page filters on (who, what, which member).
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m032_accounts(db: Database) -> None:
    """Accounts and their roles."""
    run_script(
        db,
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            full_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('quan_tri', 'van_thu', 'bi_thu_chi_bo', 'xem')),
            cell_id TEXT REFERENCES units(id),
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            must_change INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            password_changed_at TEXT NOT NULL,
            CHECK (role <> 'bi_thu_chi_bo' OR cell_id IS NOT NULL)
        );
        """,
    )


@MIGRATIONS()
def m033_audit_filters(db: Database) -> None:
    """The audit page filters by person, kind of action and member."""
    run_script(
        db,
        """
        CREATE INDEX audit_log_actor ON audit_log(actor, seq);
        CREATE INDEX audit_log_action ON audit_log(action, seq);
        CREATE INDEX audit_log_entity ON audit_log(entity_id, seq);
        """,
    )
