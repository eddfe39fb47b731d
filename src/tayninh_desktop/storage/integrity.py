"""Low-level checks of the database file: SQLite's own checks and the search index. Read-only."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from tayninh_desktop.domain.errors import DomainError


def integrity_problems(db: Database) -> list[str]:
    rows = db.execute("PRAGMA integrity_check").fetchall()
    return [r[0] for r in rows if r[0] != "ok"]


def integrity_problems_of(path: str) -> list[str]:
    """SQLite's own check of the register file at ``path``, on a read-only connection of its own (so that it can
    run beside the rest of ``check``)."""
    from pathlib import Path

    from tayninh_desktop.storage.db import open_for_check

    db = open_for_check(Path(path), allow_backup=True)
    try:
        return integrity_problems(db)
    finally:
        db.conn.close()


def foreign_key_problems(db: Database) -> list[str]:
    problems = [f"{r[0]} rowid {r[1]} → {r[2]}" for r in db.execute("PRAGMA foreign_key_check").fetchall()]
    return problems + _compact_orphans(db)


# The compact tables (m035) point at row ids, which no foreign key can check: the cheap probes (by the leading
# column of their primary key). A member deleted outside the program is named by the row hashes as well.
_ORPHANS = (
    ("attendance", "meetings", ("SELECT COUNT(*) FROM attendance_compact WHERE meeting_row NOT IN"
                                " (SELECT rowid FROM meetings)")),
    ("dues", "members", "SELECT COUNT(*) FROM dues_compact WHERE member_row NOT IN (SELECT rowid FROM members)"),
    ("dues", "units", "SELECT COUNT(*) FROM dues_compact WHERE cell_row NOT IN (SELECT rowid FROM units)"),
)


def _compact_orphans(db: Database) -> list[str]:
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"attendance_compact", "dues_compact"} <= present:
        return []
    out = []
    orphans = _ORPHANS
    if "dues_payments" in present:   # m046: payments of several months, by the member's row id
        orphans += (("dues_payments", "members", ("SELECT COUNT(*) FROM dues_payments WHERE member_row NOT IN"
                                                  " (SELECT rowid FROM members)")),)
    for table, label in (("ratings_compact", "ratings"), ("tasks_compact", "task_assignments")):
        if table in present:   # m048: ratings and yearly tasks, by the member's row id
            orphans += ((label, "members", (f"SELECT COUNT(*) FROM {table} WHERE member_row NOT IN"
                                            " (SELECT rowid FROM members)")),)
    for table, parent, sql in orphans:
        count = db.execute(sql).fetchone()[0]
        if count:
            out.append(f"{table} ({count}) → {parent}")
    return out


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


# Since m035 attendance and dues (m048: ratings) are views over compact tables: counted there, under the names they
# always had.
STORED_AS = {"attendance": "attendance_compact", "dues": "dues_compact", "ratings": "ratings_compact"}


def table_counts(db: Database, tables: tuple[str, ...] = COUNTED_TABLES) -> dict[str, int]:
    """Rows of each table present (a backup and its register compared by these)."""
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    out = {}
    for name in tables:
        table = STORED_AS[name] if STORED_AS.get(name) in present else name
        if table in present:
            out[name] = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    return out
