"""The audit log: who did what, when, with the before and after, and the rows it wrote; keyed and chained.

``append`` (same call as always, inside the action's transaction) adds the entry; when the
transaction commits, ``seal`` hashes every scope the transaction wrote (``row_hashes``), stores
those hashes with the action's last entry, and chains the entries with HMAC-SHA-256 under the
register's secret (``keystore``), which lives outside the database: whoever edits the file
cannot re-hash the chain. The head of the chain is written outside the database too.

Entries written before the chain was keyed (``mac_version`` 0) keep their plain SHA-256 hashes and
are verified as such; a plain entry after a keyed one is a forgery.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlite_utils import Database

from tayninh_desktop.storage import keystore, row_hashes

GENESIS = "0" * 64
MAC_PLAIN, MAC_KEYED = 0, 1
SYSTEM_ACTOR = "chương trình"


class ScopeHashes(Protocol):
    def record_scopes(self, conn: sqlite3.Connection, seq: int) -> None:
        """Every scope of the register with its hash, as ``row_hashes.iter_scope_hashes`` gives them, into
        ``audit_rows`` with entry ``seq``."""


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
    """The plain SHA-256 of the entries written before the chain was keyed (mac_version 0)."""
    payload = json.dumps([prev_hash, at, actor, action, entity, entity_id, before_json, after_json],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _mac(key: bytes, prev_hash: str, at: str, actor: str, action: str, entity: str, entity_id: str | None,
         before_json: str | None, after_json: str | None, rows_digest: str, key_id: str) -> str:
    payload = json.dumps([prev_hash, at, actor, action, entity, entity_id, before_json, after_json, rows_digest,
                          key_id], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def rows_digest(rows: list[tuple[str, str]]) -> str:
    """The hash of an entry's (scope, hash) rows ("" when it wrote none)."""
    if not rows:
        return ""
    text = "\n".join(f"{scope}\t{value}" for scope, value in sorted(rows))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def append(db: Database, actor: str, action: str, entity: str, entity_id: str | None,
           before: dict | None = None, after: dict | None = None) -> None:
    """Append one audit row; call inside the action's transaction (sealed when it commits)."""
    if not db.conn.in_transaction:
        with db.atomic():
            append(db, actor, action, entity, entity_id, before, after)
        return
    cursor = db.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash,"
        " mac_version) VALUES (?, ?, ?, ?, ?, ?, ?, '', '', ?)",
        [now_iso(), actor, action, entity, entity_id, _canonical(before), _canonical(after), MAC_KEYED],
    )
    pending = getattr(db, "pending_audit", None)
    if pending is None:
        pending = db.pending_audit = []
    pending.append(cursor.lastrowid)


def mark_everything(db: Database, *, hashed_by: ScopeHashes | None = None) -> None:
    """Record every scope of the register with this transaction's entry (a bulk action, a baseline).
    ``hashed_by``: what gives the register's scope hashes, computed in part already (the demo's new register,
    hashed by a helper process while it was built: ``early_hashes``)."""
    db.seal_everything = True
    db.seal_hashed_by = hashed_by


@contextmanager
def bulk_write(db: Database, *, record: bool = True) -> Generator[None, None, None]:
    """Inside an action's transaction: write many rows without noting each one (the demo's millions),
    then record the whole register with the action's entry (``record``; else the caller records it with the entry
    of a transaction of its own, right after: ``mark_everything``)."""
    row_hashes.remove_tracking(db.conn)
    try:
        yield
    finally:
        row_hashes.install_tracking(db.conn)
    if record:
        mark_everything(db)


def chain_key(db: Database) -> tuple[str, bytes]:
    """The secret this connection signs with: the one of the last keyed entry when this computer has
    it, else a new one (made the first time a register is written: at ``init``)."""
    found = getattr(db, "chain_secret", None)
    if found is not None:
        return found
    row = db.execute("SELECT key_id FROM audit_log WHERE mac_version = 1 AND key_id <> ''"
                     " ORDER BY seq DESC LIMIT 1").fetchone()
    key = keystore.load_key(row[0]) if row else None
    found = (row[0], key) if key is not None else keystore.create_key()
    db.chain_secret = found
    return found


def seal(db: Database) -> None:
    """Hash the scopes this transaction wrote and chain its entries; called just before COMMIT."""
    conn = db.conn
    pending = [seq for seq in (getattr(db, "pending_audit", None) or [])]
    db.pending_audit = []
    dirty = row_hashes.dirty_scopes(conn)
    everything = getattr(db, "seal_everything", False)
    hashed_by = getattr(db, "seal_hashed_by", None)
    db.seal_everything = False
    db.seal_hashed_by = None
    if not pending:
        # Rows written without an audit entry (a repository used directly): not vouched for, so
        # ``check`` names them; never credited to the next action.
        row_hashes.clear_dirty(conn)
        return
    placeholders = ",".join("?" * len(pending))
    alive = [r[0] for r in conn.execute(f"SELECT seq FROM audit_log WHERE seq IN ({placeholders}) AND hash = ''"
                                        " ORDER BY seq", pending)]
    if not alive:
        row_hashes.clear_dirty(conn)
        return
    last = alive[-1]
    if everything:
        digest = _record_everything(conn, last, hashed_by)
    else:
        hashes = row_hashes.scope_hashes(conn, dirty) if dirty else {}
        conn.executemany("INSERT OR REPLACE INTO audit_rows (seq, scope, hash) VALUES (?, ?, ?)",
                         [(last, scope, value) for scope, value in hashes.items()])
        digest = rows_digest(list(hashes.items()))
    ident, key = chain_key(db)
    row = conn.execute("SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1", [alive[0]]).fetchone()
    prev = row[0] if row else GENESIS
    for seq in alive:
        at, actor, action, entity, entity_id, before_json, after_json = conn.execute(
            "SELECT at, actor, action, entity, entity_id, before_json, after_json FROM audit_log WHERE seq = ?",
            [seq]).fetchone()
        entry_digest = digest if seq == last else ""
        mac = _mac(key, prev, at, actor, action, entity, entity_id, before_json, after_json, entry_digest, ident)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ?, rows_digest = ?, key_id = ?, mac_version = ?"
                     " WHERE seq = ?", [prev, mac, entry_digest, ident, MAC_KEYED, seq])
        prev = mac
    row_hashes.clear_dirty(conn)
    db.sealed_head = {"seq": alive[-1], "hash": prev}


def _record_everything(conn, seq: int, hashed_by: ScopeHashes | None = None) -> str:
    """Record every scope of the register with entry ``seq`` (a bulk action, an upgrade, a baseline), streamed from
    the hashing into the table, and the scopes recorded before that have no rows now as gone; returns the
    entry's rows digest. ``hashed_by``: see ``mark_everything``."""
    conn.execute("SAVEPOINT audit_everything")
    try:
        if hashed_by is not None:
            hashed_by.record_scopes(conn, seq)
        else:
            _insert_scopes(conn, seq, guard_blobs=False)
    except sqlite3.OperationalError as exc:
        if not row_hashes.is_blob_error(exc):
            raise
        conn.execute("ROLLBACK TO audit_everything")   # a blob where text belongs: hashed again, guarded
        _insert_scopes(conn, seq, guard_blobs=True)
    conn.execute("RELEASE audit_everything")
    conn.execute("INSERT OR IGNORE INTO audit_rows (seq, scope, hash) SELECT ?, scope, ? FROM audit_rows"
                 " WHERE seq < ? GROUP BY scope", [seq, row_hashes.EMPTY, seq])
    return rows_digest_of(conn, seq)


def _insert_scopes(conn, seq: int, *, guard_blobs: bool) -> None:
    conn.executemany("INSERT OR REPLACE INTO audit_rows (seq, scope, hash) VALUES (?, ?, ?)",
                     ((seq, scope, value) for scope, value in row_hashes.iter_scope_hashes(conn,
                                                                                          guard_blobs=guard_blobs)))


def rows_digest_of(conn, seq: int) -> str:
    """``rows_digest`` of the rows recorded with entry ``seq``, read from the table as they stream by."""
    digest = hashlib.sha256()
    rows = conn.execute("SELECT scope, hash FROM audit_rows WHERE seq = ? ORDER BY scope, hash", [seq])
    first = True
    while batch := rows.fetchmany(20_000):   # "scope\thash" lines joined by "\n", hashed a batch at a time
        text = "\n".join([f"{scope}\t{value}" for scope, value in batch])
        digest.update((text if first else "\n" + text).encode())
        first = False
    return "" if first else digest.hexdigest()


def head(db: Database) -> dict | None:
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return {"seq": row[0], "hash": row[1]} if row else None


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


def verify_chain(db: Database) -> tuple[int, int | None]:
    """(rows checked up to the first broken one, seq of the first broken row or None); the full
    report, with the key, the head and the rows, is ``audit_verify.verify_chain``."""
    from tayninh_desktop.storage.audit_verify import verify_chain as full

    report = full(db)
    if report.broken_at is None:
        return report.rows, None
    upto = db.execute("SELECT count(*) FROM audit_log WHERE seq <= ?", [report.broken_at]).fetchone()[0]
    return upto, report.broken_at
