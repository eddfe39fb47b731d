"""What each audited action wrote, as hashes: the rows of the register grouped in scopes.

A scope is what one action changes together: a member (the member's row, history, periods,
ratings, discipline, tasks, letters, contacts, dues and dues terms), a meeting (its row and its
attendance), a unit (its row and its versions), a document, a setting. A table not listed in
``SCOPES`` or ``COMPACT`` (one another area adds later) is still covered: each of its rows is its own
scope, keyed by its primary key, so no table escapes the check (``tests/storage/test_tamper.py``
lists them).

Temporary triggers (per connection, never stored in the file) note the scopes a transaction
touches; ``audit.seal`` hashes those scopes when the transaction commits and records the hashes
with the action's audit entry. ``check`` hashes every scope again and compares with the last
recorded state, naming the table, the member (or meeting, unit…) and the entry.

A scope's hash is one short digest per table, ``table=digest;…``, so a mismatch names the table.
The digests are computed in SQL, a scope at a time in one pass over each table (the 100,000-member
register has seven million party-life rows): a table's rows of a scope are hashed in a fixed order
(their text, or the primary key of a compact table), so the order SQLite reads them in never matters.
A row is hashed as its non-empty columns (name and SQL literal): a migration that adds a column with
an empty default ('' / 0 / NULL) leaves every existing hash unchanged. (So a value changed between
'', 0 and NULL is not seen: no such change carries meaning in this register.) A migration that
changes existing values must record the new state with an audit entry (``audit.mark_everything``).

The compact party-life tables (m035) are keyed by the row ids of their meeting or member: their rows
are grouped by that row id and hashed as one printf text per row, in primary-key order, under the
name of their view (``attendance``, ``dues``) in the scope of the meeting's or member's id. Ratings and yearly
tasks, keyed by integers since m048, are hashed through their views ``ratings`` and ``task_assignments``, exactly as
the tables of those names were before (``THROUGH_VIEW``).
"""

from __future__ import annotations

import hashlib
import heapq
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

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
    "dues_terms": ("member", ("member_id",)),
    "dues_reliefs": ("member", ("member_id",)),
    "meetings": ("meeting", ("id",)),
    "units": ("unit", ("id",)),
    "unit_versions": ("unit", ("unit_id",)),
    "documents": ("document", ("id",)),
    "settings": ("setting", ("key",)),
    "accounts": ("account", ("id",)),
}



@dataclass(frozen=True)
class Compact:
    """A table keyed by the row id of another table's row (m035): the scope is that row's id."""

    kind: str
    key_column: str                # the row id column that names the scope
    parent: str                    # the table whose row id it is
    label: str                     # the name the check gives the table (its view's)
    columns: tuple[str, ...]       # hashed in this order, one printf text per row


COMPACT: dict[str, Compact] = {
    "attendance_compact": Compact("meeting", "meeting_row", "meetings", "attendance",
                                  ("member_row", "state", "reason")),
    "dues_compact": Compact("member", "member_row", "members", "dues",
                            ("month", "cell_row", "amount", "state", "reason", "due", "amount_reason")),
    "dues_payments": Compact("member", "member_row", "members", "dues_payments",
                             ("from_month", "to_month", "id", "amount", "paid_on", "received_by", "kind", "reason",
                              "approval", "created_at")),
}

# Ratings and yearly tasks (m048) are stored keyed by the member's row id, but hashed through their views, which give
# the rows of the tables m002 made (the same texts, hence the same digests): the hashes recorded before m048 hold
# after it, and an upgrade records nothing again. Writes are noted on the stored table.
THROUGH_VIEW: dict[str, str] = {"ratings_compact": "ratings", "tasks_compact": "task_assignments"}

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
    compact: Compact | None = None
    blob_columns: frozenset[str] = frozenset()
    stored_in: str = ""   # hashed through a view (``table``): the table its rows are written in (THROUGH_VIEW)

    @property
    def label(self) -> str:
        """The table's name in a scope's hash (and in what ``check`` says)."""
        return self.compact.label if self.compact else self.table

    def key_expr(self, prefix: str = "") -> str:
        """SQL for the scope key of a row (``prefix`` "NEW." / "OLD." in a trigger)."""
        if self.compact:
            return (f"(SELECT id FROM main.{_q(self.compact.parent)} WHERE rowid = "
                    f"{prefix}{_q(self.compact.key_column)})")
        if len(self.key_columns) == 1 and not self.default:
            return f"{prefix}{_q(self.key_columns[0])}"
        return " || '|' || ".join(f"quote({prefix}{_q(c)})" for c in self.key_columns)

    def written_key_expr(self, prefix: str) -> str:
        """SQL for the scope key of a row written (a trigger's ``NEW.`` / ``OLD.``) in the table written."""
        if self.stored_in:
            return f"(SELECT id FROM main.members WHERE rowid = {prefix}member_row)"
        return self.key_expr(prefix)

    def row_text_expr(self, guard_blobs: bool = False) -> str:
        """SQL for a row's text: its values as a JSON array (one C call per row, every type told apart; a blob,
        which JSON cannot hold, as a text no program writes, when ``guard_blobs``). A compact table: its known
        columns, then any column added since."""
        columns = self.compact.columns if self.compact else self.columns
        values = [_guarded(c) if guard_blobs or c in self.blob_columns else _q(c) for c in columns]
        text = f"json_array({', '.join(values)})"
        if self.compact:
            extra = [c for c in self.columns if c not in self.compact.columns and c != self.compact.key_column]
            text = " || ".join([text, *(_named(c) for c in extra)])
        return text


def _guarded(column: str) -> str:
    return f"iif(typeof({_q(column)}) = 'blob', char(0) || 'blob:' || hex({_q(column)}), {_q(column)})"


def _named(column: str) -> str:
    """A compact table's column added after m035: name=literal when not empty (like a trailing empty column
    elsewhere, an added empty column changes no hash)."""
    c = _q(column)
    return f"iif({c} IS NULL OR {c} = '' OR ({c} = 0 AND typeof({c}) = 'integer'), '', '{column}=' || quote({c}) || ';')"


# A table's columns are hashed by position; a column a migration adds comes last, so empty values ('' / NULL / 0)
# at the end of a row's array are dropped: an added column with an empty default changes no existing hash.
_EMPTY_ENDINGS = (',""]', ",null]", ",0]")


def _trimmed(text: str) -> str:
    while text.endswith(_EMPTY_ENDINGS):   # the last element holds no comma: cut at the last one
        text = text[:text.rindex(",")] + "]"
    return text


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def is_hashed(table: str) -> bool:
    return not table.startswith(NOT_HASHED_PREFIXES)


def table_scopes(conn: sqlite3.Connection) -> list[TableScope]:
    """Every data table of the register with its scope (listed, compact, or one scope per row)."""
    out = []
    names = [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in names:
        if not is_hashed(table):
            continue
        info = conn.execute(f"PRAGMA main.table_info({_q(table)})").fetchall()
        columns = tuple(r[1] for r in info)
        blobs = frozenset(r[1] for r in info if "BLOB" in (r[2] or "").upper() or not r[2])
        view = THROUGH_VIEW.get(table)
        view_columns = tuple(r[1] for r in conn.execute(f"PRAGMA main.table_info({_q(view)})")) if view else ()
        if view_columns:
            kind, keys = SCOPES[view]
            out.append(TableScope(view, kind, keys, view_columns, False, None, frozenset(), table))
        elif table in COMPACT:
            compact = COMPACT[table]
            out.append(TableScope(table, compact.kind, (compact.key_column,), columns, False, compact, blobs))
        elif table in SCOPES:
            kind, keys = SCOPES[table]
            out.append(TableScope(table, kind, keys, columns, False, None, blobs))
        else:
            keys = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]) or ("rowid",)
            out.append(TableScope(table, table, keys, columns, True, None, blobs))
    return out


def install_tracking(conn: sqlite3.Connection) -> None:
    """Create the temporary triggers that note which scopes a transaction writes (this connection only)."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {DIRTY_TABLE.split('.')[1]} "
                 "(scope TEXT PRIMARY KEY) WITHOUT ROWID")
    track_writes(conn, table_scopes(conn), "audit_track_", lambda ts, key: _note(f"'{ts.kind}:' || {key}"))


def track_writes(conn: sqlite3.Connection, scopes: Iterable[TableScope], prefix: str,
                 note: Callable[[TableScope, str], str]) -> None:
    """Temporary triggers (``prefix`` + the table written + _i, _u, _d) on the tables of ``scopes`` that run
    ``note(table scope, SQL of the row's scope key)`` for every row inserted, updated (its old and new key) or
    deleted (the audit's tracking; the demo's ``early_hashes``)."""
    for ts in scopes:
        new, old = note(ts, ts.written_key_expr("NEW.")), note(ts, ts.written_key_expr("OLD."))
        written = ts.stored_in or ts.table
        name = f"{prefix}{written}"
        table = f"main.{_q(written)}"
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {_q(name + '_i')} AFTER INSERT ON {table} BEGIN "
                     f"{new} END")
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {_q(name + '_u')} AFTER UPDATE ON {table} BEGIN "
                     f"{old} {new} END")
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {_q(name + '_d')} AFTER DELETE ON {table} BEGIN "
                     f"{old} END")


def drop_triggers(conn: sqlite3.Connection, prefix: str) -> None:
    """The temporary triggers whose names start with ``prefix`` (``track_writes``) removed."""
    names = [r[0] for r in conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger'"
                                        " AND substr(name, 1, ?) = ?", [len(prefix), prefix])]
    for name in names:
        conn.execute(f"DROP TRIGGER temp.{_q(name)}")


def _note(scope_sql: str) -> str:
    # Not "INSERT OR IGNORE": inside a trigger the outer statement's conflict policy (an upsert's)
    # overrides the trigger's own, so the duplicate is avoided explicitly. A compact row whose meeting was
    # deleted first has no scope of its own: the meeting's deletion noted it.
    return (f"INSERT INTO audit_dirty SELECT n.scope FROM (SELECT {scope_sql} AS scope) AS n"
            " WHERE n.scope IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_dirty d WHERE d.scope = n.scope);")


def remove_tracking(conn: sqlite3.Connection) -> None:
    drop_triggers(conn, "audit_track_")


def tracking_installed(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'audit_dirty'").fetchone() is not None


def dirty_scopes(conn: sqlite3.Connection) -> list[str]:
    if not tracking_installed(conn):
        return []
    return [r[0] for r in conn.execute(f"SELECT scope FROM {DIRTY_TABLE} ORDER BY scope")]


def clear_dirty(conn: sqlite3.Connection) -> None:
    if tracking_installed(conn):
        conn.execute(f"DELETE FROM {DIRTY_TABLE}")


_FIRST = itemgetter(0)


def _digest(label: str, text: str) -> str:
    return hashlib.sha256(f"{label}\n{text}".encode()).hexdigest()[:16]


def table_digests(conn: sqlite3.Connection, ts: TableScope, keys: list[str] | None = None) -> dict[str, str]:
    """scope key -> digest of one table's rows, for every scope or only the scopes ``keys`` (those with rows), in
    the order of the keys."""
    if keys:
        _load_wanted(conn, keys)
    return _table_digests(conn, ts, keys)


def _table_digests(conn: sqlite3.Connection, ts: TableScope, keys: list[str] | None) -> dict[str, str]:
    """scope key -> digest of this table's rows in the scope (only scopes with rows)."""
    if keys is not None and not keys:
        return {}
    try:
        return dict(_table_stream(conn, ts, keys is not None, guard_blobs=False))
    except sqlite3.OperationalError as exc:
        if not is_blob_error(exc):
            raise
        return dict(_table_stream(conn, ts, keys is not None, guard_blobs=True))   # a blob where text belongs


def is_blob_error(exc: sqlite3.OperationalError) -> bool:
    """JSON cannot hold a blob: a blob slipped into a column that holds text (hashed again, guarded)."""
    return "BLOB" in str(exc)


def _table_stream(conn: sqlite3.Connection, ts: TableScope, wanted: bool, *,
                  guard_blobs: bool) -> Iterator[tuple[str, str]]:
    """(scope key, digest) of this table's scopes, in the order of the keys."""
    if ts.compact:
        yield from sorted(_compact_digests(conn, ts, wanted, guard_blobs).items())
        return
    where = f" WHERE {ts.key_expr()} IN (SELECT k FROM temp.audit_wanted)" if wanted else ""
    # In the order of the key (the index of the scope's column serves it: no sort of the whole table); a scope's
    # rows in the order of their text: the hash depends on the rows, never on SQLite's plan. (NULL sorts first,
    # as "" does.)
    cursor = conn.execute(f"SELECT {ts.key_expr()} AS k, {ts.row_text_expr(guard_blobs)} AS t"
                          f" FROM main.{_q(ts.table)}{where} ORDER BY k")
    # _digest(label, the scope's trimmed texts sorted, one a line), written out: millions of rows in the demo's
    # record and in ``check``.
    prefix, sha256, endings = f"{ts.label}\n", hashlib.sha256, _EMPTY_ENDINGS
    for key, rows in groupby(cursor, key=_FIRST):
        texts = [_trimmed(text) if text.endswith(endings) else text for _key, text in rows]
        if len(texts) > 1:
            texts.sort()
        yield ("" if key is None else str(key)), sha256((prefix + "\n".join(texts)).encode()).hexdigest()[:16]


def _compact_digests(conn: sqlite3.Connection, ts: TableScope, wanted: bool, guard_blobs: bool) -> dict[str, str]:
    """A compact table's digests, a scope's rows concatenated in SQL in primary-key order (the table itself is
    the primary key's b-tree: NOT INDEXED reads it, never another index)."""
    compact = ts.compact
    key = _q(compact.key_column)
    parent = f"main.{_q(compact.parent)}"
    where = (f" WHERE {key} IN (SELECT rowid FROM {parent} WHERE id IN (SELECT k FROM temp.audit_wanted))"
             if wanted else "")
    rows = conn.execute(f"SELECT {key}, group_concat({ts.row_text_expr(guard_blobs)}, '')"
                        f" FROM main.{_q(ts.table)} NOT INDEXED{where} GROUP BY {key}")
    if wanted:
        ids = dict(conn.execute(f"SELECT rowid, id FROM {parent} WHERE id IN (SELECT k FROM temp.audit_wanted)"))
    else:
        ids = dict(conn.execute(f"SELECT rowid, id FROM {parent}"))
    # A row whose meeting or member is missing (deleted outside the program) is named by its row id.
    return {str(ids.get(row, f"#{row}")): _digest(ts.label, text) for row, text in rows}


def iter_scope_hashes(conn: sqlite3.Connection, *, guard_blobs: bool = False,
                      kinds: Collection[str] | None = None) -> Iterator[tuple[str, str]]:
    """(scope, "table=digest;…") of every scope with rows, in the order of the scope's text (SQLite's too).

    A kind at a time, its tables read side by side as streams merged by key: what the demo's last step and
    ``check`` hash on a 100,000-member register is never all in memory at once. ``kinds``: only the scopes of
    those kinds.
    """
    by_kind: dict[str, list[TableScope]] = defaultdict(list)
    for ts in table_scopes(conn):
        if kinds is None or ts.kind in kinds:
            by_kind[ts.kind].append(ts)
    for kind in sorted(by_kind, key=lambda k: k + ":"):   # "kind:" orders the scope texts of different kinds
        streams = [_labelled(ts.label, _table_stream(conn, ts, False, guard_blobs=guard_blobs))
                   for ts in by_kind[kind]]
        for key, parts in groupby(heapq.merge(*streams), key=itemgetter(0)):
            yield f"{kind}:{key}", ";".join(sorted(part for _key, part in parts))


def _labelled(label: str, stream: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for key, digest in stream:
        yield key, f"{label}={digest}"


def scope_hashes(conn: sqlite3.Connection, scopes: Iterable[str] | None = None) -> dict[str, str]:
    """scope -> "table=digest;…" for the given scopes (every scope with rows when None).

    A given scope that has no rows any more maps to EMPTY.
    """
    if scopes is None:
        try:
            return dict(iter_scope_hashes(conn))
        except sqlite3.OperationalError as exc:
            if not is_blob_error(exc):
                raise
            return dict(iter_scope_hashes(conn, guard_blobs=True))
    wanted: dict[str, list[str]] = defaultdict(list)
    for scope in scopes:
        kind, _, key = scope.partition(":")
        wanted[kind].append(key)
    parts: dict[str, list[str]] = defaultdict(list)
    loaded = None
    for ts in sorted(table_scopes(conn), key=lambda t: t.kind):
        keys = wanted.get(ts.kind, [])
        if keys and loaded != ts.kind:   # the wanted keys of a kind, loaded once for its tables
            _load_wanted(conn, keys)
            loaded = ts.kind
        for key, digest in _table_digests(conn, ts, keys).items():
            parts[f"{ts.kind}:{key}"].append(f"{ts.label}={digest}")
    out = {scope: ";".join(sorted(p)) for scope, p in parts.items()}
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

