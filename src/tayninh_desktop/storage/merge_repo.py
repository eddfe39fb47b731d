"""Registers being merged into this one (m041): sources, possible duplicates, decisions, origins. Never commits."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from tayninh_desktop.storage.audit import now_iso


@dataclass(frozen=True)
class MergeSource:
    id: str
    unit_code: str
    unit_name: str
    source_kind: str       # "register" (a register file) or "return" (a snapshot received with a return)
    source_ref: str
    merged_on: str
    state: str             # "planned" or "applied"
    created_at: str


@dataclass(frozen=True)
class MergePair:
    id: str
    source_id: str
    member: str
    other_source_id: str | None
    other: str
    matched_by: str
    decision: str
    decided_by: str


_SOURCE = "id, unit_code, unit_name, source_kind, source_ref, merged_on, state, created_at"
_PAIR = "id, source_id, source_member, other_source_id, other_member, matched_by, decision, decided_by"


def insert_source(db: Database, source: MergeSource, snapshot: dict) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO merge_sources ({_SOURCE}, snapshot_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [source.id, source.unit_code, source.unit_name, source.source_kind, source.source_ref,
                source.merged_on, source.state, stamp, json.dumps(snapshot, ensure_ascii=False), stamp])


def sources(db: Database, state: str | None = None) -> list[MergeSource]:
    sql = f"SELECT {_SOURCE} FROM merge_sources" + (" WHERE state = ?" if state else "") + " ORDER BY created_at"
    return [MergeSource(*r) for r in db.execute(sql, [state] if state else [])]


def source(db: Database, source_id: str) -> MergeSource | None:
    row = db.execute(f"SELECT {_SOURCE} FROM merge_sources WHERE id = ?", [source_id]).fetchone()
    return MergeSource(*row) if row else None


def snapshot(db: Database, source_id: str) -> dict:
    row = db.execute("SELECT snapshot_json FROM merge_sources WHERE id = ?", [source_id]).fetchone()
    return json.loads(row[0]) if row else {}


def set_state(db: Database, source_id: str, state: str) -> None:
    db.execute("UPDATE merge_sources SET state = ?, updated_at = ? WHERE id = ?", [state, now_iso(), source_id])


def insert_pair(db: Database, pair: MergePair) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO merge_pairs ({_PAIR}, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [pair.id, pair.source_id, pair.member, pair.other_source_id, pair.other, pair.matched_by,
                pair.decision, pair.decided_by, stamp, stamp])


def pairs(db: Database, source_id: str | None = None) -> list[MergePair]:
    sql = f"SELECT {_PAIR} FROM merge_pairs" + (" WHERE source_id = ?" if source_id else "") + " ORDER BY rowid"
    return [MergePair(*r) for r in db.execute(sql, [source_id] if source_id else [])]


def pair(db: Database, pair_id: str) -> MergePair | None:
    row = db.execute(f"SELECT {_PAIR} FROM merge_pairs WHERE id = ?", [pair_id]).fetchone()
    return MergePair(*row) if row else None


def decide(db: Database, pair_id: str, decision: str, actor: str) -> None:
    db.execute("UPDATE merge_pairs SET decision = ?, decided_by = ?, updated_at = ? WHERE id = ?",
               [decision, actor, now_iso(), pair_id])


def add_origin(db: Database, member_id: str, source_id: str, original_id: str, unit_code: str, unit_name: str,
               record: dict) -> None:
    stamp = now_iso()
    db.execute("INSERT OR REPLACE INTO member_origins (member_id, source_id, original_id, unit_code, unit_name,"
               " record_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [member_id, source_id, original_id, unit_code, unit_name, json.dumps(record, ensure_ascii=False),
                stamp, stamp])


def origins(db: Database, member_id: str) -> list[tuple[str, str, str]]:
    """(old unit code, old unit name, the member's id there) of a member brought in by a merge."""
    rows = db.execute("SELECT unit_code, unit_name, original_id FROM member_origins WHERE member_id = ?", [member_id])
    return [tuple(r) for r in rows]


def home_identities(db: Database) -> list[dict]:
    """Every member of this register with what identifies a person (id, name, birth date, CCCD, card)."""
    rows = db.execute("SELECT id, full_name, birth_date, cccd, card_number FROM members")
    return [dict(zip(("id", "full_name", "birth_date", "cccd", "card_number"), r)) for r in rows]

