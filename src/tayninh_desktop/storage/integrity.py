"""Low-level checks of the database file: SQLite's own checks and the FTS index."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from tayninh_desktop.domain.errors import DomainError


def integrity_problems(db: Database) -> list[str]:
    rows = db.execute("PRAGMA integrity_check").fetchall()
    return [r[0] for r in rows if r[0] != "ok"]


def foreign_key_problems(db: Database) -> list[str]:
    return [f"{r[0]} rowid {r[1]} → {r[2]}" for r in db.execute("PRAGMA foreign_key_check").fetchall()]


def fts_problems(db: Database) -> list[str]:
    try:
        db.execute("INSERT INTO members_fts(members_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:  # the index disagrees with the table
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            raise DomainError("db_locked", path=getattr(db, "path_text", "") or "?") from exc
        return [str(exc)]
    return []
