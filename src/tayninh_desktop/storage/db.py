"""Opening the register: file checks, pragmas, backups and pending migrations.

Every open goes through ``open_database``: it refuses a file that is not SQLite or that a newer
program has migrated, copies the file to the backups folder before any pending migration, and sets
WAL, foreign keys and synchronous=FULL so that a power cut never loses a committed action.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database as _SqliteUtilsDatabase

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import migrations as schema
from tayninh_desktop.storage.backup import backup_to

SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_file(path: Path, create: bool) -> None:
    if not path.exists():
        if not create:
            raise DomainError("db_missing", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    if path.is_dir():
        raise DomainError("db_not_sqlite", path=str(path))
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DomainError("db_unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
    if head and head != SQLITE_MAGIC:
        raise DomainError("db_not_sqlite", path=str(path))


def is_busy(exc: sqlite3.Error) -> bool:
    """True when SQLite refused because another connection holds the lock."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


class Database(_SqliteUtilsDatabase):
    """sqlite-utils' Database whose transactions turn "database is locked" into a refusal that says so."""

    path_text = ""

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        try:
            with super().atomic():
                yield self
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise DomainError("db_locked", path=self.path_text or "?") from exc
            raise


def _check_owner(path: Path) -> None:
    """Refuse a SQLite file of another program before anything writes to it (not even the WAL switch)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        raise DomainError("db_unreadable", path=str(path), reason=str(exc)) from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return
        if schema.MIGRATIONS.migrations_table in tables and conn.execute(
                f"SELECT count(*) FROM {schema.MIGRATIONS.migrations_table} WHERE migration_set = ?",
                (schema.MIGRATIONS.name,)).fetchone()[0]:
            return
        raise DomainError("db_foreign", path=str(path))
    except sqlite3.DatabaseError as exc:
        raise DomainError("db_locked" if is_busy(exc) else "db_not_sqlite", path=str(path)) from exc
    finally:
        conn.close()


def connect(path: Path) -> Database:
    """A connection with the pragmas the app relies on (no migration)."""
    conn = sqlite3.connect(str(path), timeout=5.0, check_same_thread=False)
    # No sqlite-utils plugins: a register runs only this program's code, and finding plugins scans every
    # installed package's metadata (~15 ms of start-up).
    db = Database(conn, execute_plugins=False)
    db.path_text = str(path)
    try:
        db.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_busy(exc):
            raise DomainError("db_locked", path=str(path)) from exc
        raise DomainError("db_not_sqlite", path=str(path)) from exc
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA busy_timeout=5000")
    return db


def backups_dir(path: Path) -> Path:
    return path.parent / "backups"


def open_database(path: Path | str, *, create: bool = False) -> Database:
    """Open (or create) the register at ``path`` and bring its schema up to date."""
    path = Path(path)
    _check_file(path, create)
    had_data = path.exists() and path.stat().st_size > 0
    if had_data:
        _check_owner(path)
    db = connect(path)
    try:
        applied = {m.name for m in schema.MIGRATIONS.applied(db)}
        known = {m.name for m in schema.MIGRATIONS._migrations}
        unknown = sorted(applied - known)
        if unknown:
            raise DomainError("db_newer", path=str(path), unknown=", ".join(unknown))
        pending = schema.MIGRATIONS.pending(db)
        if pending and had_data:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(db, backups_dir(path) / f"truoc-nang-cap-{stamp}.sqlite3")
        if pending:
            schema.MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as exc:
        db.conn.close()
        raise DomainError("db_locked" if is_busy(exc) else "db_not_sqlite", path=str(path)) from exc
    except DomainError:
        db.conn.close()
        raise
    return db


def open_memory() -> Database:
    """A migrated in-memory register (self-test and benchmarks of the bare baseline)."""
    db = Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys=ON")
    schema.MIGRATIONS.apply(db)
    return db
