"""The audit log: who did what, when, with the before and after, hash-chained.

Each row stores the hash of the previous row, so a row edited or deleted outside the program
breaks the chain and ``verify_chain`` names the first row that no longer fits.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str | None
    before: dict | None
    after: dict | None
    prev_hash: str
    hash: str


def _canonical(value: dict | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


def _digest(prev_hash: str, at: str, actor: str, action: str, entity: str, entity_id: str | None,
            before_json: str | None, after_json: str | None) -> str:
    payload = json.dumps([prev_hash, at, actor, action, entity, entity_id, before_json, after_json],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def append(db: Database, actor: str, action: str, entity: str, entity_id: str | None,
           before: dict | None = None, after: dict | None = None) -> None:
    """Append one audit row; call inside the action's transaction."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    prev_hash = row[0] if row else GENESIS
    at = now_iso()
    before_json, after_json = _canonical(before), _canonical(after)
    digest = _digest(prev_hash, at, actor, action, entity, entity_id, before_json, after_json)
    db.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [at, actor, action, entity, entity_id, before_json, after_json, prev_hash, digest],
    )


def verify_chain(db: Database) -> tuple[int, int | None]:
    """(rows checked, seq of the first broken row or None)."""
    prev_hash = GENESIS
    count = 0
    cursor = db.execute("SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash"
                        " FROM audit_log ORDER BY seq")
    for seq, at, actor, action, entity, entity_id, before_json, after_json, stored_prev, stored_hash in cursor:
        count += 1
        expected = _digest(prev_hash, at, actor, action, entity, entity_id, before_json, after_json)
        if stored_prev != prev_hash or stored_hash != expected:
            return count, seq
        prev_hash = stored_hash
    return count, None


def recent(db: Database, limit: int = 100, entity_id: str | None = None) -> list[AuditEntry]:
    sql = ("SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash"
           " FROM audit_log")
    params: list = []
    if entity_id:
        sql += " WHERE entity_id = ?"
        params.append(entity_id)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(limit)
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else None,
                   json.loads(r[7]) if r[7] else None, r[8], r[9])
        for r in db.execute(sql, params).fetchall()
    ]
