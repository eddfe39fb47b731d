"""Bulk loading of the demo register: members in the order of their ids, a larger page cache, checks of the
members' references at commit. Used inside the demo's one transaction only.

The members are generated one after another (each from the seeded random stream) but their party life is
generated in the order of their ids; staging them in a temporary table and copying them in id order gives
them row ids in that order, so the millions of attendance and dues rows, keyed by those row ids, arrive in
key order (dense pages, no random inserts) while the random stream stays what it always was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from tayninh_desktop.storage.members_repo import ROW_COLUMNS

if TYPE_CHECKING:
    from tayninh_desktop.storage.early_hashes import EarlyHashes

CACHE_KIB = 48 * 1024   # the page cache while the demo runs (SQLite's default is 2 MiB)
_STAGE = "temp.demo_members"


@contextmanager
def page_cache(db: Database) -> Generator[None, None, None]:
    """Around the demo's transaction: a larger page cache (and room for the sorts of the row hashes at commit)."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size={before}")


@contextmanager
def staging(db: Database, staged: bool) -> Generator[None, None, None]:
    """Around the demo's transaction, when it builds a new register under a temporary name that is moved into
    place only once complete (the command line's ``demo``): no syncs while it builds (its write-ahead log, which
    lets the hashing helper of ``hashed_as_built`` read what the build committed while it writes on, is never
    flushed to the disk), the register's own journal and syncs again afterwards. A power cut while it builds leaves
    only the temporary file, which is never the register (removed at the next start)."""
    if not staged:
        yield
        return
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    sync = db.execute("PRAGMA synchronous").fetchone()[0]
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    try:
        yield
    finally:
        db.execute(f"PRAGMA synchronous={int(sync)}")
        db.execute(f"PRAGMA journal_mode={mode}")


@contextmanager
def hashed_as_built(db: Database, staged: bool) -> Generator[EarlyHashes | None, None, None]:
    """Around a staged build of a plain file: the helper that hashes its tables as they are finished
    (``early_hashes``; None otherwise), stopped and its digests' file removed afterwards."""
    path = plain_file(db) if staged else None
    if path is None:
        yield None
        return
    from tayninh_desktop.domain import temp_journal
    from tayninh_desktop.storage.early_hashes import EarlyHashes

    early = EarlyHashes(db.conn, path)
    temp_journal.begin(Path(early.side))   # a power cut leaves it: removed at the next start
    try:
        yield early
    finally:
        early.close()
        temp_journal.end(Path(early.side))


def plain_file(db: Database) -> str | None:
    """The file of a register that other processes may read as it is (Python's own sqlite3 on a plain file, not
    in memory), else None."""
    if type(db.conn) is not sqlite3.Connection:
        return None
    row = db.execute("PRAGMA main.database_list").fetchone()   # (seq, name, file)
    return row[2] or None if row else None


def defer_foreign_keys(db: Database) -> None:
    """Inside the demo's transaction: foreign keys checked at commit (the members' events are written before
    the members themselves are copied in id order); SQLite turns this off again when the transaction ends."""
    db.execute("PRAGMA defer_foreign_keys=ON")


def stage_members(db: Database, rows: list[list]) -> None:
    """Member rows (``members_repo.row_values``) kept aside until ``insert_staged_members``."""
    columns = ", ".join(ROW_COLUMNS)
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS demo_members AS SELECT {columns} FROM main.members WHERE 0")
    db.conn.executemany(f"INSERT INTO {_STAGE} ({columns}) VALUES ({', '.join('?' * len(ROW_COLUMNS))})", rows)


def insert_staged_members(db: Database) -> None:
    """The staged members into the register, in the order of their ids (their row ids follow that order)."""
    columns = ", ".join(ROW_COLUMNS)
    db.execute(f"INSERT INTO main.members ({columns}) SELECT {columns} FROM {_STAGE} ORDER BY id")
    db.execute(f"DROP TABLE {_STAGE}")


@contextmanager
def indexes_built_after(db: Database, tables: tuple[str, ...]) -> Generator[None, None, None]:
    """Inside the demo's transaction, around the bulk insert of ``tables``: their own indexes dropped, then built
    again with the same SQL once the rows are in, each from one sort of the rows rather than maintained row by row
    (the same indexes; should the demo fail, its transaction's rollback restores them as they were). Primary keys
    and UNIQUE constraints, which are not created by their own statement, stay."""
    marks = ", ".join("?" * len(tables))
    indexes = db.execute(f"SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name IN ({marks})"
                         " AND sql IS NOT NULL ORDER BY rowid", list(tables)).fetchall()
    for name, _sql in indexes:
        db.execute(f'DROP INDEX main."{name}"')
    yield
    for _name, sql in indexes:
        db.execute(sql)
