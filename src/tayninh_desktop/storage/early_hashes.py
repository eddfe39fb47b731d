"""The demo's new register hashed while it is built: a helper process hashes each group of tables as soon as the
build has written it, on the second core, while the build goes on writing the next.

The build runs in a temporary file in write-ahead-log mode, so the helper reads a committed snapshot while the
build writes: at each ``tables_done`` the build commits what it has written and carries on in a new transaction,
and the helper hashes those tables from that snapshot (``row_hashes.table_digests``, what ``check`` computes)
into a file of digests beside the register. From then on a write to one of those tables is noted (temporary
triggers, ``row_hashes.track_writes`` as the audit's own tracking): at the end, a table hashed early gives the helper's digests for the
scopes nobody wrote since and digests computed again for the scopes written since, and the tables not hashed
early are hashed then. The scope hashes are those ``row_hashes.iter_scope_hashes`` gives alone on the finished
register (``tests/storage/test_early_hashes.py``); a helper that cannot run leaves its tables to the end.
"""

from __future__ import annotations

import heapq
import multiprocessing
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from pathlib import Path

from tayninh_desktop.storage import row_hashes
from tayninh_desktop.storage.row_hashes import TableScope

_DIRTY = "early_dirty"
_TRIGGERS = "early_"   # the names of the triggers that note the writes (row_hashes.track_writes)
_SIDE_TABLE = "digests"


def hash_tables(path: str, side: str, tables: list[str]) -> list[str]:
    """In the helper process: the digests of ``tables`` (their names in ``row_hashes.table_scopes``) of the
    register in ``path`` as committed now, written into the file ``side``; returns the tables hashed."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA query_only=ON")
    out = sqlite3.connect(side)
    try:
        out.execute(f"CREATE TABLE IF NOT EXISTS {_SIDE_TABLE} (label TEXT NOT NULL, k TEXT NOT NULL,"
                    " digest TEXT NOT NULL, PRIMARY KEY (label, k)) WITHOUT ROWID")
        conn.execute("BEGIN")   # one snapshot for every table of the group
        scopes = [ts for ts in row_hashes.table_scopes(conn) if ts.table in tables]
        for ts in scopes:
            digests = row_hashes.table_digests(conn, ts)
            with out:
                out.execute(f"DELETE FROM {_SIDE_TABLE} WHERE label = ?", [ts.label])
                out.executemany(f"INSERT INTO {_SIDE_TABLE} VALUES (?, ?, ?)",
                                ((ts.label, key, digest) for key, digest in digests.items()))
        conn.execute("COMMIT")
        return [ts.table for ts in scopes]
    finally:
        out.close()
        conn.close()


class EarlyHashes:
    """The helper and its digests for one build of a new register in the plain file ``path``."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self.side = f"{path}.digests"
        self.pool: ProcessPoolExecutor | None = None
        self.jobs: list[Future] = []

    def tables_done(self, tables: Iterable[str]) -> None:
        """Inside the build's transaction, once ``tables`` hold their rows: commit, begin again, and have the
        helper hash them from what was committed; their scopes written from now on are hashed again at the end."""
        conn = self.conn
        wanted = set(tables)
        scopes = [ts for ts in row_hashes.table_scopes(conn) if ts.table in wanted]
        conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("PRAGMA defer_foreign_keys=ON")   # as the build's transaction had it (demo_bulk)
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_DIRTY} (tbl TEXT NOT NULL, k TEXT NOT NULL,"
                     " PRIMARY KEY (tbl, k)) WITHOUT ROWID")
        row_hashes.track_writes(conn, scopes, _TRIGGERS, _note)
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        try:
            self.jobs.append(self.pool.submit(hash_tables, self.path, self.side, [ts.table for ts in scopes]))
        except (BrokenExecutor, RuntimeError, OSError):   # the helper is gone: these tables are hashed at the end
            pass

    def hashed(self) -> set[str]:
        """The tables the helper hashed (waits for it); a helper that failed hashed none of its tables."""
        done: set[str] = set()
        for job in self.jobs:
            if job.exception() is None:   # waits; a helper that could not run (no processes here) hashed nothing
                done.update(job.result())
        return done

    def iter_scope_hashes(self, conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
        """What ``row_hashes.iter_scope_hashes(conn)`` gives on the finished register."""
        done = self.hashed()
        if not done:
            yield from row_hashes.iter_scope_hashes(conn)
            return
        side = sqlite3.connect(self.side)
        try:
            ready = {ts.table: self._stream_maker(conn, side, ts) for ts in row_hashes.table_scopes(conn)
                     if ts.table in done}
            yield from row_hashes.iter_scope_hashes(conn, ready=ready)
        finally:
            side.close()

    @staticmethod
    def _stream_maker(conn: sqlite3.Connection, side: sqlite3.Connection,
                      ts: TableScope) -> Callable[[], Iterator[tuple[str, str]]]:
        def stream() -> Iterator[tuple[str, str]]:
            written = [r[0] for r in conn.execute(f"SELECT k FROM temp.{_DIRTY} WHERE tbl = ?", [ts.table])]
            stale = set(written)
            kept = ((key, f"{ts.label}={digest}") for key, digest in side.execute(
                f"SELECT k, digest FROM {_SIDE_TABLE} WHERE label = ? ORDER BY k", [ts.label]) if key not in stale)
            again = [(key, f"{ts.label}={digest}")
                     for key, digest in row_hashes.table_digests(conn, ts, written).items()]
            return heapq.merge(kept, again)
        return stream

    def close(self) -> None:
        """The helper stopped, the notes of writes and the digests' file removed."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        row_hashes.drop_triggers(self.conn, _TRIGGERS)
        self.conn.execute(f"DROP TABLE IF EXISTS temp.{_DIRTY}")
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.side}{suffix}").unlink(missing_ok=True)


def _note(ts: TableScope, key_sql: str) -> str:
    """The trigger's statement: (table, scope key) of a row written, noted once."""
    return (f"INSERT INTO {_DIRTY} SELECT '{ts.table}', n.k FROM (SELECT {key_sql} AS k) AS n WHERE n.k IS NOT NULL"
            f" AND NOT EXISTS (SELECT 1 FROM {_DIRTY} d WHERE d.tbl = '{ts.table}' AND d.k = n.k);")
