"""Keys, periods, returns sent and received, refusals and the periods asked for (m038–m040). Never commits."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso
from tayninh_desktop.domain.returns import Role
from tayninh_desktop.domain.returns_records import (
    Expectation,
    KeyRecord,
    PeriodLock,
    ReceivedReturn,
    Rejection,
    Reopening,
    SentReturn,
)
from tayninh_desktop.storage.audit import now_iso

_KEY_COLUMNS = ("id, role, unit_code, unit_name, unit_id, sign_public, receive_public, fingerprint, sign_secret_id,"
                " receive_secret_id, confirmed_by, created_at, retired_at")


def _key(row) -> KeyRecord:
    return KeyRecord(row[0], Role(row[1]), *row[2:])


def current_key(db: Database, role: Role, unit_code: str | None = None) -> KeyRecord | None:
    """The key in force of this role (and unit, for the cards of others)."""
    sql = f"SELECT {_KEY_COLUMNS} FROM exchange_keys WHERE role = ? AND retired_at IS NULL"
    args: list = [role.value]
    if unit_code is not None:
        sql += " AND unit_code = ?"
        args.append(unit_code)
    row = db.execute(sql + " ORDER BY created_at DESC LIMIT 1", args).fetchone()
    return _key(row) if row else None


def keys(db: Database, *, include_retired: bool = False) -> list[KeyRecord]:
    sql = f"SELECT {_KEY_COLUMNS} FROM exchange_keys"
    if not include_retired:
        sql += " WHERE retired_at IS NULL"
    return [_key(r) for r in db.execute(sql + " ORDER BY role, unit_code, created_at")]


def insert_key(db: Database, key: KeyRecord) -> None:
    stamp = now_iso()
    db.execute(
        f"INSERT INTO exchange_keys ({_KEY_COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [key.id, key.role.value, key.unit_code, key.unit_name, key.unit_id, key.sign_public, key.receive_public,
         key.fingerprint, key.sign_secret_id, key.receive_secret_id, key.confirmed_by, key.created_at or stamp,
         key.retired_at, stamp])


def set_key_unit(db: Database, key_id: str, unit_id: str) -> None:
    db.execute("UPDATE exchange_keys SET unit_id = ?, updated_at = ? WHERE id = ?", [unit_id, now_iso(), key_id])


def retire_key(db: Database, key_id: str) -> None:
    stamp = now_iso()
    db.execute("UPDATE exchange_keys SET retired_at = ?, updated_at = ? WHERE id = ?", [stamp, stamp, key_id])


def secret_ids(db: Database) -> list[str]:
    """The ids of the sealed private keys of this installation (a backup carries them)."""
    rows = db.execute("SELECT sign_secret_id, receive_secret_id FROM exchange_keys WHERE role = 'self'")
    return sorted({value for row in rows for value in row if value})


# --- periods and returns sent ---------------------------------------------------------------------------------

def period_lock(db: Database, period: str) -> PeriodLock:
    row = db.execute("SELECT period, locked, revision FROM return_periods WHERE period = ?", [period]).fetchone()
    return PeriodLock(row[0], bool(row[1]), row[2]) if row else PeriodLock(period, False, 0)


def put_period(db: Database, period: str, *, locked: bool, revision: int) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO return_periods (period, locked, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
               " ON CONFLICT(period) DO UPDATE SET locked = excluded.locked, revision = excluded.revision,"
               " updated_at = excluded.updated_at", [period, int(locked), revision, stamp, stamp])


def add_reopening(db: Database, row_id: str, reopening: Reopening) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO return_reopenings (id, period, revision, reason, actor, at, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [row_id, reopening.period, reopening.revision, reopening.reason,
                                                   reopening.actor, reopening.at, stamp, stamp])


def reopenings(db: Database, period: str | None = None) -> list[Reopening]:
    sql = "SELECT period, revision, reason, actor, at FROM return_reopenings"
    rows = db.execute(sql + (" WHERE period = ?" if period else "") + " ORDER BY at", [period] if period else [])
    return [Reopening(*r) for r in rows]


_SENT = ("id, period, revision, kind, receiver_code, file_name, package_sha256, sent_at, figures_json,"
         " explanations_json, receipt_state, receipt_at, receipt_note")


def _sent(row) -> SentReturn:
    return SentReturn(*row[:8], json.loads(row[8]), json.loads(row[9]), *row[10:])


def insert_sent(db: Database, sent: SentReturn) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO returns_sent ({_SENT}, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [sent.id, sent.period, sent.revision, sent.kind, sent.receiver_code, sent.file_name,
                sent.package_sha256, sent.sent_at, json.dumps(sent.figures, ensure_ascii=False),
                json.dumps(sent.explanations, ensure_ascii=False), sent.receipt_state, sent.receipt_at,
                sent.receipt_note, stamp, stamp])


def sent_returns(db: Database, period: str | None = None) -> list[SentReturn]:
    sql = f"SELECT {_SENT} FROM returns_sent" + (" WHERE period = ?" if period else "")
    return [_sent(r) for r in db.execute(sql + " ORDER BY period, revision", [period] if period else [])]


def sent_by_hash(db: Database, package_sha256: str) -> SentReturn | None:
    row = db.execute(f"SELECT {_SENT} FROM returns_sent WHERE package_sha256 = ?", [package_sha256]).fetchone()
    return _sent(row) if row else None


def set_receipt(db: Database, sent_id: str, state: str, at: str, note: str) -> None:
    db.execute("UPDATE returns_sent SET receipt_state = ?, receipt_at = ?, receipt_note = ?, updated_at = ?"
               " WHERE id = ?", [state, at, note, now_iso(), sent_id])


# --- returns received ------------------------------------------------------------------------------------------

_RECEIVED = ("id, sender_code, sender_unit_id, period, revision, kind, package_sha256, file_name, made_at,"
             " received_at, state, manifest_json")


def _received(row, payload_json: str | None) -> ReceivedReturn:
    return ReceivedReturn(*row[:9], datetime.fromisoformat(row[9]), row[10], json.loads(row[11]),
                          json.loads(payload_json) if payload_json else {}, bool(row[12]))


def received(db: Database, *, period: str | None = None, sender_code: str | None = None,
             states: tuple[str, ...] = ("accepted",), with_payload: bool = True) -> list[ReceivedReturn]:
    """Returns received, oldest revision first; the payload is read only when asked for."""
    where, args = [f"state IN ({', '.join('?' * len(states))})"], list(states)
    if period:
        where.append("period = ?")
        args.append(period)
    if sender_code:
        where.append("sender_code = ?")
        args.append(sender_code)
    payload = "payload_json" if with_payload else "NULL"
    sql = (f"SELECT {_RECEIVED}, snapshot_json IS NOT NULL, {payload} FROM returns_received"
           f" WHERE {' AND '.join(where)} ORDER BY sender_code, period, revision")
    return [_received(r[:13], r[13]) for r in db.execute(sql, args)]


def received_by_hash(db: Database, package_sha256: str) -> ReceivedReturn | None:
    row = db.execute(f"SELECT {_RECEIVED}, snapshot_json IS NOT NULL, NULL FROM returns_received"
                     " WHERE package_sha256 = ?", [package_sha256]).fetchone()
    return _received(row[:13], None) if row else None


def latest_revision(db: Database, sender_code: str, period: str) -> int:
    row = db.execute("SELECT MAX(revision) FROM returns_received WHERE sender_code = ? AND period = ?",
                     [sender_code, period]).fetchone()
    return row[0] or 0


def insert_received(db: Database, record: ReceivedReturn, payload_json: str, snapshot_json: str | None) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO returns_received ({_RECEIVED}, payload_json, snapshot_json, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [record.id, record.sender_code, record.sender_unit_id, record.period, record.revision, record.kind,
                record.package_sha256, record.file_name, record.made_at, record.received_at.isoformat(),
                record.state, json.dumps(record.manifest, ensure_ascii=False), payload_json, snapshot_json,
                stamp, stamp])


def supersede(db: Database, sender_code: str, period: str) -> int:
    """Mark the revision in force of a unit's period as superseded; how many rows changed."""
    return db.execute("UPDATE returns_received SET state = 'superseded', updated_at = ? WHERE sender_code = ?"
                      " AND period = ? AND state = 'accepted'", [now_iso(), sender_code, period]).rowcount


def first_received(db: Database, period: str) -> dict[str, datetime]:
    """When each unit's first package of ``period`` that was accepted arrived."""
    rows = db.execute("SELECT sender_code, MIN(received_at) FROM returns_received WHERE period = ?"
                      " GROUP BY sender_code", [period])
    return {code: datetime.fromisoformat(at) for code, at in rows}


def snapshot(db: Database, sender_code: str) -> tuple[str, int, str] | None:
    """(period, revision, snapshot JSON) of the newest accepted return of a unit that carries a snapshot."""
    row = db.execute("SELECT period, revision, snapshot_json FROM returns_received WHERE sender_code = ?"
                     " AND state = 'accepted' AND snapshot_json IS NOT NULL ORDER BY received_at DESC LIMIT 1",
                     [sender_code]).fetchone()
    return (row[0], row[1], row[2]) if row else None


def snapshot_senders(db: Database) -> list[tuple[str, str]]:
    """(code, name) of the units whose accepted return carries a register snapshot, by code."""
    rows = db.execute("SELECT DISTINCT r.sender_code, COALESCE(k.unit_name, r.sender_code) FROM returns_received r"
                      " LEFT JOIN exchange_keys k ON k.unit_code = r.sender_code AND k.retired_at IS NULL"
                      " WHERE r.state = 'accepted' AND r.snapshot_json IS NOT NULL ORDER BY r.sender_code").fetchall()
    return [(r[0], r[1]) for r in rows]


def insert_rejection(db: Database, rejection: Rejection) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO return_rejections (id, sender_code, period, revision, package_sha256, file_name,"
               " reason_code, message, at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [rejection.id, rejection.sender_code, rejection.period, rejection.revision, rejection.package_sha256,
                rejection.file_name, rejection.reason_code, rejection.message, rejection.at.isoformat(), stamp,
                stamp])


def rejections(db: Database, period: str | None = None) -> list[Rejection]:
    sql = ("SELECT id, sender_code, period, revision, package_sha256, file_name, reason_code, message, at"
           " FROM return_rejections" + (" WHERE period = ?" if period else "") + " ORDER BY at")
    return [Rejection(*r[:8], datetime.fromisoformat(r[8])) for r in db.execute(sql, [period] if period else [])]


def rejection_by_hash(db: Database, package_sha256: str) -> Rejection | None:
    return next((r for r in rejections(db) if r.package_sha256 == package_sha256), None)


# --- periods asked for -------------------------------------------------------------------------------------------

def expectations(db: Database) -> list[Expectation]:
    rows = db.execute("SELECT period, deadline, doc_number FROM return_expectations ORDER BY period")
    return [Expectation(r[0], from_iso(r[1]), r[2]) for r in rows]


def put_expectation(db: Database, period: str, deadline: date, doc_number: str) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO return_expectations (period, deadline, doc_number, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?) ON CONFLICT(period) DO UPDATE SET deadline = excluded.deadline,"
               " doc_number = excluded.doc_number, updated_at = excluded.updated_at",
               [period, deadline.isoformat(), doc_number, stamp, stamp])


def received_periods(db: Database) -> list[str]:
    rows = db.execute("SELECT DISTINCT period FROM returns_received UNION SELECT DISTINCT period FROM return_rejections")
    return sorted(r[0] for r in rows)
