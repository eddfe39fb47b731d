"""Payments of several months at once (m046): advance payments and late settlements. Never commits."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.storage import party_life_codes as codes
from tayninh_desktop.storage.audit import now_iso


@dataclass(frozen=True)
class PaymentRow:
    id: int
    member_id: str
    from_month: str
    to_month: str
    amount: int
    paid_on: date
    received_by: str
    kind: str            # "advance" | "late"
    reason: str = ""
    approval: str = ""

    def covers(self, month: str) -> bool:
        return self.from_month <= month <= self.to_month


_COLUMNS = "p.id, m.id, p.from_month, p.to_month, p.amount, p.paid_on, p.received_by, p.kind, p.reason, p.approval"


def _row(r) -> PaymentRow:
    return PaymentRow(r[0], r[1], codes.month_text(r[2]), codes.month_text(r[3]), r[4], from_iso(r[5]), r[6], r[7],
                      r[8], r[9])


def insert(db: Database, payment: PaymentRow) -> int:
    """Write the payment (its id is the next free number); returns the id."""
    member_row = codes.rows_of(db, "members", [payment.member_id])[payment.member_id]
    new_id = db.execute("SELECT ifnull(MAX(id), 0) + 1 FROM dues_payments").fetchone()[0]
    db.execute("INSERT INTO dues_payments (member_row, from_month, to_month, id, amount, paid_on, received_by, kind,"
               " reason, approval, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [member_row, codes.month_code(payment.from_month), codes.month_code(payment.to_month), new_id,
                payment.amount, to_iso(payment.paid_on), payment.received_by, payment.kind, payment.reason,
                payment.approval, now_iso()])
    return new_id


def get(db: Database, member_id: str, payment_id: int) -> PaymentRow | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM dues_payments p JOIN members m ON m.rowid = p.member_row"
                     " WHERE m.id = ? AND p.id = ?", [member_id, payment_id]).fetchone()
    return _row(row) if row else None


def delete(db: Database, member_id: str, payment_id: int) -> None:
    db.execute("DELETE FROM dues_payments WHERE id = ? AND member_row = (SELECT rowid FROM members WHERE id = ?)",
               [payment_id, member_id])


def months_before(db: Database, member_id: str, payment_id: int) -> dict[str, list] | None:
    """The months a payment covered as they were before it was recorded (month → its values), read from the audit
    entry that recorded it (the latest, as a cancelled payment's id may be given again); None when there is none."""
    row = db.execute("SELECT before_json FROM audit_log WHERE entity = 'member' AND entity_id = ?"
                     " AND action IN ('record_dues_advance', 'record_dues_late')"
                     " AND json_extract(after_json, '$.payment_id') = ? ORDER BY seq DESC LIMIT 1",
                     [member_id, payment_id]).fetchone()
    if row is None or not row[0]:
        return None
    return json.loads(row[0]).get("months")


def of_member(db: Database, member_id: str) -> list[PaymentRow]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM dues_payments p JOIN members m ON m.rowid = p.member_row"
                      " WHERE m.id = ? ORDER BY p.from_month", [member_id])
    return [_row(r) for r in rows]


def kinds_in_month(db: Database, member_ids: list[str], month: str) -> dict[str, tuple[str, date]]:
    """member id → (kind, day paid) of the payment covering ``month`` (the grid's "đóng trước" / "đóng chậm")."""
    out: dict[str, tuple[str, date]] = {}
    code = codes.month_code(month)
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute("SELECT m.id, p.kind, p.paid_on FROM dues_payments p JOIN members m ON m.rowid = p.member_row"
                          f" WHERE m.id IN ({','.join('?' * len(chunk))}) AND p.from_month <= ? AND p.to_month >= ?",
                          [*chunk, code, code])
        out.update({r[0]: (r[1], from_iso(r[2])) for r in rows})
    return out


def leave_spans(db: Database, member_id: str) -> list[tuple[date, date | None]]:
    """The member's leaves for working away (start day, planned end day), oldest first."""
    rows = db.execute("SELECT event_date, end_date FROM member_events WHERE member_id = ? AND kind = 'di_lam_an_xa'"
                      " ORDER BY event_date", [member_id])
    return [(from_iso(r[0]), from_iso(r[1])) for r in rows]


def cell_in_month(db: Database, member_id: str, first_day: str, last_day: str) -> str | None:
    """The cell whose register held the member in the month (the latest period), None when none."""
    row = db.execute("SELECT cell_id FROM member_periods WHERE member_id = ? AND present = 1 AND cell_id IS NOT NULL"
                     " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from DESC LIMIT 1",
                     [member_id, last_day, first_day]).fetchone()
    return row[0] if row else None


def current_cell(db: Database, member_id: str) -> str | None:
    row = db.execute("SELECT cell_id FROM member_periods WHERE member_id = ? AND present = 1 AND cell_id IS NOT NULL"
                     " ORDER BY valid_from DESC LIMIT 1", [member_id]).fetchone()
    return row[0] if row else None
