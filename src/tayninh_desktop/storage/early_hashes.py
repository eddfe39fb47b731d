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

import multiprocessing
import sqlite3
from collections.abc import Iterable
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from pathlib import Path

from tayninh_desktop.storage import row_hashes
from tayninh_desktop.storage.row_hashes import TableScope

_DIRTY = "early_dirty"
_TRIGGERS = "early_"   # the names of the triggers that note the writes (row_hashes.track_writes)
_SIDE_TABLE = "digests"
_SIDE = "early_side"   # the digests' file, attached at the end (record_scopes)
_REDO = "early_redo"   # the scopes hashed again at the end (record_scopes)


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

    def record_scopes(self, conn: sqlite3.Connection, seq: int) -> None:
        """Every scope of the finished register with its hash (what ``row_hashes.iter_scope_hashes(conn)`` gives)
        into ``audit_rows`` with entry ``seq``.

        A scope the helper hashed whole and nobody wrote since is put together in SQL from the helper's digests
        (one row per scope, its tables' parts in the order ``iter_scope_hashes`` sorts them), never passing
        through Python: most of the 300,000 scopes of the 100,000-member demo. The others are hashed here: the
        scopes written since, those with rows in a table the helper did not hash, and the kinds it hashed none
        of."""
        done = self.hashed()
        scopes = row_hashes.table_scopes(conn)
        early_kinds = {ts.kind for ts in scopes if ts.table in done}
        if not early_kinds:
            _insert(conn, seq, row_hashes.iter_scope_hashes(conn))
            return
        redo = self._scopes_to_redo(conn, scopes, done, early_kinds)
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_REDO} (scope TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute(f"DELETE FROM temp.{_REDO}")
        conn.executemany(f"INSERT INTO temp.{_REDO} VALUES (?)", ((scope,) for scope in redo))
        conn.execute(f"ATTACH DATABASE ? AS {_SIDE}", [self.side])   # detached by close(), after the commit
        for kind in sorted(early_kinds):
            labels = sorted((ts.label for ts in scopes if ts.kind == kind and ts.table in done),
                            key=lambda label: label + "=")   # as "label=digest" texts sort: by label
            conn.execute(_assembled(kind, labels), [seq])
        conn.execute(f"DROP TABLE temp.{_REDO}")
        again = row_hashes.scope_hashes(conn, redo) if redo else {}
        _insert(conn, seq, ((scope, value) for scope, value in again.items() if value != row_hashes.EMPTY))
        _insert(conn, seq, row_hashes.iter_scope_hashes(
            conn, kinds={ts.kind for ts in scopes} - early_kinds))

    @staticmethod
    def _scopes_to_redo(conn: sqlite3.Connection, scopes: list[TableScope], done: set[str],
                        early_kinds: set[str]) -> set[str]:
        """The scopes of the kinds the helper hashed that its digests alone do not give: written since its
        snapshot (noted), or with rows in a table of theirs it did not hash."""
        kind_of = {ts.table: ts.kind for ts in scopes}
        redo = {f"{kind_of[table]}:{key}" for table, key in conn.execute(f"SELECT tbl, k FROM temp.{_DIRTY}")
                if table in kind_of}
        for ts in scopes:
            if ts.kind in early_kinds and ts.table not in done:
                redo.update(f"{ts.kind}:{key}" for key, _digest in row_hashes.table_digests(conn, ts).items())
        return redo

    def close(self) -> None:
        """The helper stopped, the notes of writes and the digests' file removed."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if any(row[1] == _SIDE for row in self.conn.execute("PRAGMA database_list")):
            self.conn.execute(f"DETACH DATABASE {_SIDE}")
        row_hashes.drop_triggers(self.conn, _TRIGGERS)
        self.conn.execute(f"DROP TABLE IF EXISTS temp.{_DIRTY}")
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.side}{suffix}").unlink(missing_ok=True)


def _insert(conn: sqlite3.Connection, seq: int, hashes: Iterable[tuple[str, str]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO main.audit_rows (seq, scope, hash) VALUES (?, ?, ?)",
                     ((seq, scope, value) for scope, value in hashes))


def _assembled(kind: str, labels: list[str]) -> str:
    """SQL recording the scopes of ``kind`` from the helper's digests of its tables ``labels`` (sorted): "kind:key"
    and "label=digest;…" as ``iter_scope_hashes`` joins them, except the scopes to redo."""
    joins = "".join(f" LEFT JOIN {_SIDE}.{_SIDE_TABLE} d{i} ON d{i}.label = {_text(label)} AND d{i}.k = s.k"
                    for i, label in enumerate(labels))
    parts = " || ".join(f"coalesce({_text(';' + label + '=')} || d{i}.digest, '')" for i, label in enumerate(labels))
    listed = ", ".join(_text(label) for label in labels)
    return (f"INSERT OR REPLACE INTO main.audit_rows (seq, scope, hash)"
            f" SELECT ?, s.scope, substr({parts}, 2)"
            f" FROM (SELECT {_text(kind + ':')} || k AS scope, k FROM {_SIDE}.{_SIDE_TABLE} WHERE label IN ({listed})"
            f" GROUP BY k) AS s{joins}"
            f" WHERE s.scope NOT IN (SELECT scope FROM temp.{_REDO})")


def _text(value: str) -> str:
    """An SQL text literal."""
    return "'" + value.replace("'", "''") + "'"


def _note(ts: TableScope, key_sql: str) -> str:
    """The trigger's statement: (table, scope key) of a row written, noted once."""
    return (f"INSERT INTO {_DIRTY} SELECT '{ts.table}', n.k FROM (SELECT {key_sql} AS k) AS n WHERE n.k IS NOT NULL"
            f" AND NOT EXISTS (SELECT 1 FROM {_DIRTY} d WHERE d.tbl = '{ts.table}' AND d.k = n.k);")
