"""What the giấy giới thiệu sinh hoạt đảng prints from a transfer letter, and the document that carries its number."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import to_iso
from tayninh_desktop.storage import dues_payments_repo, dues_repo
from tayninh_desktop.storage.audit import now_iso


def paper_fields(db: Database, letter_id: str) -> tuple[str, str, str | None]:
    """(dues paid through "2026-03", number in the sổ đảng viên, the issued document's id)."""
    row = db.execute("SELECT dues_paid_through, register_number, document_id FROM transfer_letters WHERE id = ?",
                     [letter_id]).fetchone()
    return (row[0], row[1], row[2]) if row else ("", "", None)


def record_issue(db: Database, letter_id: str, symbol: str, document_id: str, dues_paid_through: str,
                 register_number: str) -> None:
    """The letter takes the printed paper's number: one symbol across the record and the paper."""
    db.execute("UPDATE transfer_letters SET letter_number = ?, document_id = ?, dues_paid_through = ?,"
               " register_number = ?, updated_at = ? WHERE id = ?",
               [symbol, document_id, dues_paid_through, register_number, now_iso(), letter_id])


def latest_outgoing(db: Database, member_id: str) -> str | None:
    """The member's latest outgoing letter not yet printed with a number, if any."""
    row = db.execute("SELECT id FROM transfer_letters WHERE member_id = ? AND direction = 'di' AND document_id IS NULL"
                     " AND letter_number = '' ORDER BY issued_on DESC LIMIT 1", [member_id]).fetchone()
    return row[0] if row else None


def last_paid_month(db: Database, member_id: str, until: date) -> str:
    """The last month whose dues the member paid, up to ``until``'s month ("" when none), carried on through the
    months paid in advance on or before ``until`` that follow without a gap ("đã đóng đảng phí hết tháng …")."""
    month = to_iso(until)[:7]
    last = dues_repo.last_paid_month(db, member_id, month)
    for payment in dues_payments_repo.of_member(db, member_id):
        if payment.kind != "advance" or payment.paid_on is None or payment.paid_on > until:
            continue
        if payment.from_month <= _next_month(last or month) and payment.to_month > (last or ""):
            last = payment.to_month
    return last


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + 1}-01" if number == 12 else f"{year}-{number + 1:02d}"
