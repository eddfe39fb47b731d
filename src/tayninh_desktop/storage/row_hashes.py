"""What each audited action wrote, as hashes: the rows of the register grouped in scopes.

A scope is what one action changes together: a member (the member's row, history, periods,
ratings, discipline, tasks, letters, contacts and dues), a meeting (its row and its attendance),
a unit (its row and its versions), a document, a setting. A table not listed in ``SCOPES`` (one
another area adds later) is still covered: each of its rows is its own scope, keyed by its primary
key, so no table escapes the check (``tests/storage/test_row_hashes.py`` lists them).

Temporary triggers (per connection, never stored in the file) note the scopes a transaction
touches; ``audit.seal`` hashes those scopes when the transaction commits and records the hashes
with the action's audit entry. ``check`` hashes every scope again and compares with the last
recorded state, naming the table, the member (or meeting, unit…) and the entry.

A scope's hash is one short digest per table, ``table=digest;…``, so a mismatch names the table.
A row is hashed as its non-empty columns (name and SQL literal): a migration that adds a column
with an empty default ('' / 0 / NULL) leaves every existing hash unchanged. (So a value changed
between '' , 0 and NULL is not seen: no such change carries meaning in this register.) A migration
that changes existing values must record the new state with an audit entry (``audit.mark_everything``).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# table -> (scope kind, the column(s) naming the scope)
SCOPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "members": ("member", ("id",)),
    "member_events": ("member", ("member_id",)),
    "member_periods": ("member", ("member_id",)),
    "ratings": ("member", ("member_id",)),
    "discipline": ("member", ("member_id",)),
    "task_assignments": ("member", ("member_id",)),
    "transfer_letters": ("member", ("member_id",)),
    "away_contacts": ("member", ("member_id",)),
    "dues": ("member", ("member_id",)),
    "meetings": ("meeting", ("id",)),
    "attendance": ("meeting", ("meeting_id",)),
    "units": ("unit", ("id",)),
    "unit_versions": ("unit", ("unit_id",)),
    "documents": ("document", ("id",)),
    "settings": ("setting", ("key",)),
    "accounts": ("account", ("id",)),
}

# Tables that are not data: the log itself, the schema's bookkeeping, derived indexes.
NOT_HASHED_PREFIXES = ("sqlite_", "_sqlite_migrations", "audit_", "members_fts", "register_identity")

DIRTY_TABLE = "temp.audit_dirty"
EMPTY = ""


@dataclass(frozen=True)
class TableScope:
    table: str
    kind: str
    key_columns: tuple[str, ...]
    columns: tuple[str, ...]
    default: bool   # True when the table is not in SCOPES (one scope per row)

    def key_expr(self, prefix: str = "") -> str:
        """SQL for the scope key of a row (``prefix`` "NEW." / "OLD." in a trigger)."""
        if len(self.key_columns) == 1 and not self.default:
            return f"{prefix}{_q(self.key_columns[0])}"
        return " || '|' || ".join(f"quote({prefix}{_q(c)})" for c in self.key_columns)

    def row_text_expr(self) -> str:
        parts = [f"CASE WHEN {_q(c)} IS NULL OR quote({_q(c)}) IN ('''''', '0') THEN '' "
                 f"ELSE '{c}=' || typeof({_q(c)}) || ':' || hex({_q(c)}) || ';' END" for c in self.columns]
        return " || ".join(parts) or "''"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def is_hashed(table: str) -> bool:
    return not table.startswith(NOT_HASHED_PREFIXES)


def table_scopes(conn: sqlite3.Connection) -> list[TableScope]:
    """Every data table of the register with its scope (listed, or one scope per row)."""
    out = []
    names = [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in names:
        if not is_hashed(table):
            continue
        info = conn.execute(f"PRAGMA main.table_info({_q(table)})").fetchall()
        columns = tuple(r[1] for r in info)
        if table in SCOPES:
            kind, keys = SCOPES[table]
            out.append(TableScope(table, kind, keys, columns, False))
            continue
        keys = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]) or ("rowid",)
        out.append(TableScope(table, table, keys, columns, True))
    return out


def install_tracking(conn: sqlite3.Connection) -> None:
    """Create the temporary triggers that note which scopes a transaction writes (this connection only)."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {DIRTY_TABLE.split('.')[1]} "
                 "(scope TEXT PRIMARY KEY) WITHOUT ROWID")
    for ts in table_scopes(conn):
        new, old = f"'{ts.kind}:' || {ts.key_expr('NEW.')}", f"'{ts.kind}:' || {ts.key_expr('OLD.')}"
        name = f"audit_track_{ts.table}"
        table = f"main.{_q(ts.table)}"
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {_q(name + '_i')} AFTER INSERT ON {table} BEGIN "
                     f"{_note(new)} END")
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {_q(name + '_u')} AFTER UPDATE ON {table} BEGIN "
                     f"{_note(old)} {_note(new)} END")
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {_q(name + '_d')} AFTER DELETE ON {table} BEGIN "
                     f"{_note(old)} END")


def _note(scope_sql: str) -> str:
    # Not "INSERT OR IGNORE": inside a trigger the outer statement's conflict policy (an upsert's)
    # overrides the trigger's own, so the duplicate is avoided explicitly.
    return (f"INSERT INTO audit_dirty SELECT {scope_sql} WHERE NOT EXISTS "
            f"(SELECT 1 FROM audit_dirty WHERE scope = {scope_sql});")


def remove_tracking(conn: sqlite3.Connection) -> None:
    names = [r[0] for r in conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger'"
                                        " AND name LIKE 'audit_track_%'")]
    for name in names:
        conn.execute(f"DROP TRIGGER temp.{_q(name)}")


def tracking_installed(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'audit_dirty'").fetchone() is not None


def dirty_scopes(conn: sqlite3.Connection) -> list[str]:
    if not tracking_installed(conn):
        return []
    return [r[0] for r in conn.execute(f"SELECT scope FROM {DIRTY_TABLE} ORDER BY scope")]


def clear_dirty(conn: sqlite3.Connection) -> None:
    if tracking_installed(conn):
        conn.execute(f"DELETE FROM {DIRTY_TABLE}")


def _digest(table: str, rows: list[str]) -> str:
    # Rows in a fixed order (SQLite's order is not guaranteed), each prefixed by its length so that no
    # text inside a value can make two different sets of rows read the same.
    rows.sort()
    text = table + "".join(f"\n{len(row)}:{row}" for row in rows)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _table_digests(conn: sqlite3.Connection, ts: TableScope, keys: list[str] | None) -> dict[str, str]:
    """scope key -> digest of this table's rows in the scope (only scopes with rows)."""
    sql = f"SELECT {ts.key_expr()}, {ts.row_text_expr()} FROM main.{_q(ts.table)}"
    if keys is not None:
        if not keys:
            return {}
        sql += f" WHERE {ts.key_expr()} IN (SELECT k FROM temp.audit_wanted)"
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, text in conn.execute(sql):
        grouped[key].append(text)
    return {str(key): _digest(ts.table, rows) for key, rows in grouped.items()}


def scope_hashes(conn: sqlite3.Connection, scopes: Iterable[str] | None = None) -> dict[str, str]:
    """scope -> "table=digest;…" for the given scopes (every scope with rows when None).

    A given scope that has no rows any more maps to EMPTY.
    """
    wanted: dict[str, list[str]] | None = None
    if scopes is not None:
        wanted = defaultdict(list)
        for scope in scopes:
            kind, _, key = scope.partition(":")
            wanted[kind].append(key)
    parts: dict[str, list[str]] = defaultdict(list)
    loaded = None
    for ts in sorted(table_scopes(conn), key=lambda t: t.kind):
        keys = None if wanted is None else wanted.get(ts.kind, [])
        if keys and loaded != ts.kind:   # the wanted keys of a kind, loaded once for its tables
            _load_wanted(conn, keys)
            loaded = ts.kind
        for key, digest in _table_digests(conn, ts, keys).items():
            parts[f"{ts.kind}:{key}"].append(f"{ts.table}={digest}")
    out = {scope: ";".join(sorted(p)) for scope, p in parts.items()}
    if scopes is not None:
        for scope in scopes:
            out.setdefault(scope, EMPTY)
    return out


def _load_wanted(conn: sqlite3.Connection, keys: list[str]) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS audit_wanted (k TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.audit_wanted")
    conn.executemany("INSERT OR IGNORE INTO temp.audit_wanted VALUES (?)", [(k,) for k in keys])


def tables_of(hash_text: str) -> dict[str, str]:
    """ "members=ab…;dues=cd…" -> {"members": "ab…", "dues": "cd…"}."""
    return dict(part.split("=", 1) for part in hash_text.split(";") if part)
