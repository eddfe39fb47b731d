"""The dated changes of a member's occupation, schooling, qualification and political theory (m044). Never commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from tayninh_desktop.storage.audit import now_iso

_COLUMNS = "id, member_id, field, changed_on, seq, old_value, new_value, recorded_by"


@dataclass(frozen=True)
class FieldChangeRecord:
    id: str
    member_id: str
    field: str
    changed_on: date
    seq: int
    old_value: str
    new_value: str
    recorded_by: str = ""


def _record(row) -> FieldChangeRecord:
    return FieldChangeRecord(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4], row[5], row[6], row[7])


def insert(db: Database, record: FieldChangeRecord) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO member_field_changes ({_COLUMNS}, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [record.id, record.member_id, record.field, record.changed_on.isoformat(), record.seq,
                record.old_value, record.new_value, record.recorded_by, stamp, stamp])


def of_member(db: Database, member_id: str) -> list[FieldChangeRecord]:
    """The member's changes in the order they took effect."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM member_field_changes WHERE member_id = ?"
                      " ORDER BY changed_on, seq", [member_id])
    return [_record(r) for r in rows]


def last_change_on(db: Database, member_id: str, field: str) -> date | None:
    row = db.execute("SELECT MAX(changed_on) FROM member_field_changes WHERE member_id = ? AND field = ?",
                     [member_id, field]).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def next_seq(db: Database, member_id: str) -> int:
    return db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM member_field_changes WHERE member_id = ?",
                      [member_id]).fetchone()[0]
