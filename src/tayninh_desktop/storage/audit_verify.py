"""Verifying the audit log against itself, its key, its head and the rows of the register. Read-only.

Three questions, each answered with what and where:
- Does the chain hold? Every entry links to the one before and carries its HMAC under a key this
  computer has (or the plain hash of the entries written before keying); the rows each entry
  recorded are the ones it signed; no entry was removed from the end (``sqlite_sequence``).
- Does the head recorded outside the database match? (Deleting the last entries, or putting an
  older copy back under the same name, leaves the head ahead.)
- Does every row of the register match its last audited state? (A row edited, added or deleted
  outside the program is named: table, member/meeting/unit…, last entry.)
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field

from sqlite_utils import Database

from tayninh_desktop.storage import audit, keystore, row_hashes


@dataclass(frozen=True)
class ChainReport:
    rows: int = 0
    broken_at: int | None = None     # the first entry that does not fit
    broken_code: str = ""            # chain_link, entry_changed, rows_changed, plain_after_keyed, rows_orphan
    unverifiable: int = 0            # keyed entries whose key this computer does not have
    missing_keys: tuple[str, ...] = ()
    deleted_tail: tuple[int, int] | None = None   # (last entry present, last entry the log ever had)
    head: dict | None = None         # the head problem: {"code", "seq", "recorded_seq"}

    @property
    def ok(self) -> bool:
        return (self.broken_at is None and not self.unverifiable and self.deleted_tail is None
                and self.head is None)


@dataclass(frozen=True)
class RowProblem:
    code: str        # row_changed, row_not_audited, row_deleted
    kind: str        # member, meeting, unit, document, setting, or the table of a one-row scope
    key: str
    tables: tuple[str, ...]
    label: str       # a name a person recognises (the member's name, the meeting's date…)
    seq: int | None  # the last entry that recorded this scope
    action: str = ""
    at: str = ""


@dataclass(frozen=True)
class IntegrityOfRows:
    scopes: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def _plain_chain(db: Database) -> ChainReport:
    """The log of a register from before the keyed chain (not yet upgraded): plain SHA-256 links."""
    prev, count = audit.GENESIS, 0
    for seq, at, actor, action, entity, entity_id, before, after, stored_prev, stored in db.execute(
            "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash"
            " FROM audit_log ORDER BY seq"):
        count += 1
        if stored_prev != prev or stored != audit._digest(prev, at, actor, action, entity, entity_id, before, after):
            return ChainReport(count, seq, "entry_changed" if stored_prev == prev else "chain_link")
        prev = stored
    return ChainReport(count)


def verify_chain(db: Database) -> ChainReport:
    columns = {r[1] for r in db.execute("PRAGMA table_info(audit_log)")}
    if "mac_version" not in columns:
        return _plain_chain(db)
    conn = db.conn
    keys: dict[str, bytes | None] = {}
    rows = _RowDigests(conn)
    prev, count, keyed_seen, unverifiable = audit.GENESIS, 0, False, 0
    broken: tuple[int, str] | None = None
    cursor = conn.execute("SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash,"
                          " hash, mac_version, key_id, rows_digest FROM audit_log ORDER BY seq")
    for seq, at, actor, action, entity, entity_id, before, after, stored_prev, stored, version, ident, digest in cursor:
        count += 1
        entry_digest = rows.digest_of(seq)
        problem = ""
        if stored_prev != prev:
            problem = "chain_link"
        elif version == audit.MAC_PLAIN:
            if keyed_seen:
                problem = "plain_after_keyed"
            elif stored != audit._digest(prev, at, actor, action, entity, entity_id, before, after):
                problem = "entry_changed"
        else:
            keyed_seen = True
            if entry_digest != digest:
                problem = "rows_changed"
            else:
                if ident not in keys:
                    keys[ident] = keystore.load_key(ident)
                key = keys[ident]
                if key is None:
                    unverifiable += 1
                elif stored != audit._mac(key, prev, at, actor, action, entity, entity_id, before, after, digest,
                                          ident):
                    problem = "entry_changed"
        if problem and broken is None:
            broken = (seq, problem)
        prev = stored
    orphan = rows.first_orphan()
    if broken is None and orphan is not None:
        broken = (orphan, "rows_orphan")
    return ChainReport(count, broken[0] if broken else None, broken[1] if broken else "", unverifiable,
                       tuple(sorted(i for i, k in keys.items() if k is None)), _deleted_tail(conn),
                       _head_problem(db))


class _RowDigests:
    """The digest of each entry's recorded row hashes (``audit.rows_digest``), read entry by entry in the order of
    the log: the demo's or an upgrade's entry records every scope of a 100,000-member register (hundreds of
    thousands of rows), which are hashed as they stream by, never held in memory."""

    def __init__(self, conn) -> None:
        self._rows = conn.execute("SELECT seq, scope, hash FROM audit_rows ORDER BY seq, scope, hash")
        self._next = self._rows.fetchone()
        self._orphan: int | None = None

    def digest_of(self, seq: int) -> str:
        """The digest of the rows of entry ``seq`` ("" when it recorded none); rows of entries that do not
        exist (between the previous entry and this one) are noted as orphans."""
        while self._next is not None and self._next[0] < seq:
            self._orphan = self._next[0] if self._orphan is None else self._orphan
            self._next = self._rows.fetchone()
        if self._next is None or self._next[0] != seq:
            return ""
        digest = hashlib.sha256()
        first = True
        while self._next is not None and self._next[0] == seq:
            digest.update(("" if first else "\n").encode() + f"{self._next[1]}\t{self._next[2]}".encode())
            first = False
            self._next = self._rows.fetchone()
        return digest.hexdigest()

    def first_orphan(self) -> int | None:
        if self._orphan is None and self._next is not None:
            self._orphan = self._next[0]
        return self._orphan


def _deleted_tail(conn) -> tuple[int, int] | None:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    last = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0] or 0
    if row and row[0] > last:
        return (last, row[0])
    return None


def _head_problem(db: Database) -> dict | None:
    path = getattr(db, "path_text", "")
    if not path:
        return None
    recorded = keystore.read_head(path)
    if recorded is None:
        return None
    conflict = recorded.get("conflict")
    if isinstance(conflict, dict):
        return {"code": "head_conflict", "seq": conflict.get("seq"), "recorded_seq": conflict.get("db_seq")}
    return head_mismatch(db, recorded)


def head_mismatch(db: Database, recorded: dict) -> dict | None:
    """The problem when the register's log does not reach, or does not contain, the recorded head."""
    seq = recorded.get("seq")
    last = db.execute("SELECT max(seq) FROM audit_log").fetchone()[0] or 0
    if not isinstance(seq, int) or seq <= 0:
        return None
    if seq > last:
        return {"code": "head_ahead", "seq": last, "recorded_seq": seq}
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
    if row is None or row[0] != recorded.get("hash"):
        return {"code": "head_mismatch", "seq": seq, "recorded_seq": seq}
    return None


def verify_rows(db: Database) -> IntegrityOfRows:
    """Every scope of the register against its last audited state: the recorded states (in scope order, from the
    table's key) and the register's hashes (in the same order, streamed) merged side by side."""
    try:
        return _verify_rows(db, guard_blobs=False)
    except sqlite3.OperationalError as exc:
        if not row_hashes.is_blob_error(exc):
            raise
        return _verify_rows(db, guard_blobs=True)   # a blob where text belongs: hashed again, guarded


def _verify_rows(db: Database, *, guard_blobs: bool) -> IntegrityOfRows:
    conn = db.conn
    recorded = conn.execute("SELECT scope, hash, max(seq) FROM audit_rows GROUP BY scope ORDER BY scope")
    current = row_hashes.iter_scope_hashes(conn, guard_blobs=guard_blobs)
    problems, scopes = [], 0
    mark = object()
    old = next(recorded, mark)
    now = next(current, mark)
    while old is not mark or now is not mark:
        if now is mark or (old is not mark and old[0] < now[0]):   # recorded, no rows now
            if old[1] != row_hashes.EMPTY:
                problems.append(_problem(db, "row_deleted", old[0], tuple(row_hashes.tables_of(old[1])), old[2]))
            old = next(recorded, mark)
            continue
        scopes += 1
        if old is mark or now[0] < old[0]:   # rows never recorded
            problems.append(_problem(db, "row_not_audited", now[0], tuple(row_hashes.tables_of(now[1])), None))
            now = next(current, mark)
            continue
        if old[1] != now[1]:
            problems.append(_changed(db, old, now))
        old, now = next(recorded, mark), next(current, mark)
    return IntegrityOfRows(scopes, problems)


def _changed(db: Database, old: tuple, now: tuple) -> RowProblem:
    before, after = row_hashes.tables_of(old[1]), row_hashes.tables_of(now[1])
    tables = tuple(t for t in sorted(set(before) | set(after)) if before.get(t) != after.get(t))
    return _problem(db, "row_changed", old[0], tables, old[2])


def _problem(db: Database, code: str, scope: str, tables: tuple[str, ...], seq: int | None) -> RowProblem:
    kind, _, key = scope.partition(":")
    action = at = ""
    if seq is not None:
        row = db.execute("SELECT action, at FROM audit_log WHERE seq = ?", [seq]).fetchone()
        if row:
            action, at = row
    return RowProblem(code, kind, key, tables, _label(db, kind, key, seq), seq, action, at)


def _label(db: Database, kind: str, key: str, seq: int | None) -> str:
    queries = {
        "member": "SELECT full_name || ' (sinh ' || substr(birth_date, 9, 2) || '/' || substr(birth_date, 6, 2)"
                  " || '/' || substr(birth_date, 1, 4) || ')' FROM members WHERE id = ?",
        "meeting": "SELECT 'họp ngày ' || meeting_date FROM meetings WHERE id = ?",
        "unit": "SELECT name FROM unit_versions WHERE unit_id = ? ORDER BY valid_from DESC LIMIT 1",
        "document": "SELECT symbol FROM documents WHERE id = ?",
        "setting": "SELECT ? ",
        "account": "SELECT name FROM accounts WHERE id = ?",
    }
    sql = queries.get(kind)
    if sql:
        row = db.execute(sql, [key]).fetchone()
        if row and row[0]:
            return str(row[0])
    if kind == "member" and seq is not None:
        row = db.execute("SELECT after_json FROM audit_log WHERE entity_id = ? AND after_json IS NOT NULL"
                         " ORDER BY seq DESC LIMIT 1", [key]).fetchone()
        if row:
            name = (json.loads(row[0]) or {}).get("full_name")
            if name:
                return str(name)
    return key
