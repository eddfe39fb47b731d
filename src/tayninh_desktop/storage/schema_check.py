"""The register's schema against the one its applied migrations make: a dropped table or index, an
object nobody's migration created (a trigger slipped in), or a changed definition is named."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from tayninh_desktop.storage import migrations as schema

# SQLite's own bookkeeping, created on demand (ANALYZE, AUTOINCREMENT): not part of a migration.
_IGNORED_PREFIXES = ("sqlite_stat", "sqlite_sequence", "sqlite_autoindex")   # the last go with their table


@dataclass(frozen=True)
class SchemaProblem:
    code: str        # schema_missing, schema_unknown, schema_changed
    kind: str        # table, index, trigger, view
    name: str


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    out = {}
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM main.sqlite_master"):
        if name.startswith(_IGNORED_PREFIXES):
            continue
        out[(kind, name)] = " ".join((sql or "").split())
    return out


@lru_cache(maxsize=8)
def expected_objects(applied: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """The schema that the migrations ``applied`` (in order) make on an empty database."""
    from sqlite_utils import Database

    db = Database(memory=True)
    by_name = {m.name: m for m in schema.MIGRATIONS._migrations}
    schema.MIGRATIONS.ensure_migrations_table(db)
    for name in applied:   # in the order this register applied them
        migration = by_name.get(name)
        if migration is None:
            continue
        with db.atomic():
            migration.fn(db)
            schema.MIGRATIONS._record_applied(db, name)
    try:
        return _objects(db.conn)
    finally:
        db.conn.close()


def schema_problems(conn: sqlite3.Connection) -> list[SchemaProblem]:
    applied = tuple(r[0] for r in conn.execute(
        f"SELECT name FROM {schema.MIGRATIONS.migrations_table} WHERE migration_set = ? ORDER BY rowid",
        [schema.MIGRATIONS.name]))
    expected = expected_objects(applied)
    actual = _objects(conn)
    problems = [SchemaProblem("schema_missing", kind, name) for kind, name in sorted(set(expected) - set(actual))]
    problems += [SchemaProblem("schema_unknown", kind, name) for kind, name in sorted(set(actual) - set(expected))]
    problems += [SchemaProblem("schema_changed", kind, name) for kind, name in sorted(set(actual) & set(expected))
                 if actual[(kind, name)] != expected[(kind, name)]]
    return problems
