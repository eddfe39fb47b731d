"""Reading the audit log by person, kind of action, member and time (the audit page; m033's indexes)."""

from __future__ import annotations

import json

from sqlite_utils import Database

from tayninh_desktop.storage.audit import AuditEntry

_COLUMNS = "seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash"


def _where(user: str | None, action: str | None, member_id: str | None, start: str | None,
           end: str | None) -> tuple[str, list]:
    parts, params = [], []
    if user:
        parts.append("actor = ?")
        params.append(user)
    if action:
        if action.endswith(":"):   # a family of actions ("event:": every event recorded)
            parts.append("action LIKE ?")
            params.append(action + "%")
        else:
            parts.append("action = ?")
            params.append(action)
    if member_id:
        # the member's own entries, and those of rows about them (a loan, an application, a fund entry)
        parts.append("(entity_id = ? OR instr(coalesce(before_json, ''), ?) > 0 OR instr(coalesce(after_json, ''), ?) > 0)")
        params += [member_id, member_id, member_id]
    if start:
        parts.append("at >= ?")
        params.append(start)
    if end:
        parts.append("at < ?")
        params.append(end)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def search(db: Database, *, user: str | None = None, action: str | None = None, member_id: str | None = None,
           start: str | None = None, end: str | None = None, limit: int = 1000) -> list[AuditEntry]:
    """Entries matching every given filter, newest first (``start``/``end``: UTC ISO times, end excluded)."""
    where, params = _where(user, action, member_id, start, end)
    rows = db.execute(f"SELECT {_COLUMNS} FROM audit_log{where} ORDER BY seq DESC LIMIT ?", [*params, limit])
    return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], _load(r[6]), _load(r[7]), r[8], r[9]) for r in rows]


def count(db: Database, **filters) -> int:
    where, params = _where(filters.get("user"), filters.get("action"), filters.get("member_id"),
                           filters.get("start"), filters.get("end"))
    return db.execute(f"SELECT count(*) FROM audit_log{where}", params).fetchone()[0]


def _load(text: str | None) -> dict | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"?": text}
    return value if isinstance(value, dict) else {"?": value}


def actors(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT actor FROM audit_log ORDER BY actor")]


def actions(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT action FROM audit_log ORDER BY action")]


def names_of(db: Database, ids: set[str]) -> dict[str, str]:
    """Names for ids the log mentions: members, units, accounts (one query each)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    found: dict[str, str] = {}
    for sql in (f"SELECT id, full_name FROM members WHERE id IN ({marks})",
                f"SELECT unit_id, name FROM unit_versions WHERE unit_id IN ({marks}) ORDER BY valid_from",
                f"SELECT id, name FROM accounts WHERE id IN ({marks})"):
        found.update({r[0]: r[1] for r in db.execute(sql, list(ids))})
    return found
