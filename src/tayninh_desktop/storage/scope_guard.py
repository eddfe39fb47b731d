"""The last line of a cell secretary's scope: at commit, every row the action wrote must be of their cell.

Services check the scope before they write (``actor.require_cell``); this guard is what makes the rule hold
for an action that forgot to (or one another area adds later). It reads the scopes the transaction wrote
(``row_hashes``: a member, a meeting, a unit, a document, a setting, or one row of another table) and
refuses the whole action when one of them is not of the secretary's cell: a member not in the cell after
the action, a meeting of another cell, another unit, a document another unit issued, any setting, a row of
another table that names no member or cell of theirs. Nothing is written: the transaction rolls back.
"""

from __future__ import annotations

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import row_hashes

_BY_KIND = {
    "member": "SELECT cell_id FROM members WHERE id = ?",
    "meeting": "SELECT cell_id FROM meetings WHERE id = ?",
    "unit": "SELECT id FROM units WHERE id = ?",
    "document": "SELECT unit_id FROM documents WHERE id = ?",
}


def check_writes(db) -> None:
    actor = getattr(db, "actor", None)
    if actor is None or not actor.scoped:
        return
    conn = db.conn
    tables = {ts.kind: ts for ts in row_hashes.table_scopes(conn) if ts.default}
    for scope in row_hashes.dirty_scopes(conn):
        kind, _, key = scope.partition(":")
        if kind == "account" and key == actor.account_id:   # their own password
            continue
        if _cell_of(conn, kind, key, tables.get(kind)) != actor.cell_id:
            raise DomainError("cell_out_of_scope", actor=actor.name)


def _cell_of(conn, kind: str, key: str, table) -> str | None:
    if kind in _BY_KIND:
        row = conn.execute(_BY_KIND[kind], [key]).fetchone()
        return row[0] if row else None
    if table is None:   # a setting, or a kind this guard does not know: not a cell's
        return None
    columns = set(table.columns)
    where = f"{table.key_expr()} = ?"
    if "member_id" in columns:
        row = conn.execute(f'SELECT member_id FROM "{table.table}" WHERE {where}', [key]).fetchone()
        if not row or row[0] is None:
            return None
        found = conn.execute("SELECT cell_id FROM members WHERE id = ?", [row[0]]).fetchone()
        return found[0] if found else None
    for column in ("cell_id", "unit_id"):
        if column in columns:
            row = conn.execute(f'SELECT "{column}" FROM "{table.table}" WHERE {where}', [key]).fetchone()
            return row[0] if row else None
    return None
