"""Bulk loading of the demo register: a larger page cache, indexes built after the rows, the staged build in a
temporary file hashed as it is built. Used inside the demo's transaction only.

The members are written in the order of their ids (``demo._members`` hands out sorted ids), so their row ids
follow that order and the millions of attendance and dues rows, keyed by those row ids, arrive in key order
(dense pages, no random inserts).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from tayninh_desktop.storage.early_hashes import EarlyHashes

CACHE_KIB = 48 * 1024   # the page cache while the demo runs (SQLite's default is 2 MiB)


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


@contextmanager
def search_index_built_after(db: Database) -> Generator[None, None, None]:
    """Inside the demo's transaction, around the bulk insert of members: the triggers that keep the name search
    (``members_fts``, FTS5) up to date dropped, then the index rebuilt from the rows in one pass and the triggers
    created again. FTS5 indexing a row at a time, statement by statement, costs three times the whole insert of the
    members (100,000 members: 14 s against 4.6 s here). Should the demo fail, the rollback restores the triggers."""
    triggers = db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = 'members'"
                          " AND name LIKE 'members_fts%' ORDER BY rowid").fetchall()
    for name, _sql in triggers:
        db.execute(f'DROP TRIGGER main."{name}"')
    yield
    for _name, sql in triggers:
        db.execute(sql)
    db.execute("INSERT INTO main.members_fts(members_fts) VALUES ('rebuild')")
