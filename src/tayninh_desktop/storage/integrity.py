"""Low-level checks of the database file: SQLite's own checks and the search index. Read-only."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from tayninh_desktop.domain.errors import DomainError


def integrity_problems(db: Database) -> list[str]:
    rows = db.execute("PRAGMA integrity_check").fetchall()
    return [r[0] for r in rows if r[0] != "ok"]


def foreign_key_problems(db: Database) -> list[str]:
    return [f"{r[0]} rowid {r[1]} → {r[2]}" for r in db.execute("PRAGMA foreign_key_check").fetchall()]


def fts_mismatch(db: Database) -> tuple[int, int]:
    """(members missing from the search index, indexed documents whose member is gone).

    FTS5's own 'integrity-check' is an INSERT: it takes the write lock (and is refused on a
    read-only connection), so ``check`` compares the index's documents with the members instead.
    """
    try:
        missing = db.execute("SELECT count(*) FROM members m WHERE NOT EXISTS "
                             "(SELECT 1 FROM members_fts_docsize d WHERE d.id = m.rowid)").fetchone()[0]
        extra = db.execute("SELECT count(*) FROM members_fts_docsize d WHERE NOT EXISTS "
                           "(SELECT 1 FROM members m WHERE m.rowid = d.id)").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DomainError("db_locked", path=getattr(db, "path_text", "") or "?") from exc
        raise
    return missing, extra


COUNTED_TABLES = ("units", "members", "member_events", "meetings", "attendance", "dues", "ratings", "documents",
                  "audit_log")


def table_counts(db: Database, tables: tuple[str, ...] = COUNTED_TABLES) -> dict[str, int]:
    """Rows of each table present (a backup and its register compared by these)."""
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t in present}
