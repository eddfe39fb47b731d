"""The fund's ledger: entries are inserted, never updated or deleted (the schema's triggers refuse both)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.assistance import FundEntry, FundKind
from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.storage.audit import now_iso

COLUMNS = ["id", "seq", "entry_date", "kind", "amount", "direction", "contributor", "contributor_kind",
           "receipt_number", "application_id", "reverses_id", "reason", "recorded_by"]
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM fund_entries"


def _entry(row) -> FundEntry:
    v = dict(zip(COLUMNS, row))
    v["entry_date"] = from_iso(v["entry_date"])
    v["kind"] = FundKind(v["kind"])
    return FundEntry(**v)


def entry_values(e: FundEntry, owner_unit_id: str, stamp: str) -> list:
    return [e.id, e.seq, to_iso(e.entry_date), e.kind.value, e.amount, e.direction, e.contributor,
            e.contributor_kind, e.receipt_number, e.application_id, e.reverses_id, e.reason, e.recorded_by,
            owner_unit_id, stamp]


_INSERT = (f"INSERT INTO fund_entries ({', '.join(COLUMNS)}, owner_unit_id, created_at)"
           f" VALUES ({', '.join('?' * (len(COLUMNS) + 2))})")


def insert(db: Database, owner_unit_id: str, e: FundEntry) -> None:
    db.execute(_INSERT, entry_values(e, owner_unit_id, now_iso()))


def insert_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT, rows)


def next_seq(db: Database) -> int:
    return db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM fund_entries").fetchone()[0]


def get(db: Database, entry_id: str) -> FundEntry | None:
    row = db.execute(_SELECT + " WHERE id = ?", [entry_id]).fetchone()
    return _entry(row) if row else None


def by_seq(db: Database, seq: int) -> FundEntry | None:
    row = db.execute(_SELECT + " WHERE seq = ?", [seq]).fetchone()
    return _entry(row) if row else None


def reversal_of(db: Database, entry_id: str) -> FundEntry | None:
    row = db.execute(_SELECT + " WHERE reverses_id = ?", [entry_id]).fetchone()
    return _entry(row) if row else None


def by_receipt(db: Database, receipt_number: str) -> FundEntry | None:
    row = db.execute(_SELECT + " WHERE kind = 'thu' AND receipt_number = ?", [receipt_number]).fetchone()
    return _entry(row) if row else None


def entries(db: Database, start: date | None = None, end: date | None = None) -> list[FundEntry]:
    """Entries with start <= date <= end, in ledger order (date, then the order they were written)."""
    sql, params = _SELECT + " WHERE 1 = 1", []
    if start:
        sql += " AND entry_date >= ?"
        params.append(to_iso(start))
    if end:
        sql += " AND entry_date <= ?"
        params.append(to_iso(end))
    return [_entry(r) for r in db.execute(sql + " ORDER BY entry_date, seq", params).fetchall()]


def signed_series(db: Database) -> list[tuple[date, int, int]]:
    """(date, seq, signed amount) of every entry: what the never-below-zero check runs over."""
    rows = db.execute("SELECT entry_date, seq, amount * direction FROM fund_entries").fetchall()
    return [(from_iso(r[0]), r[1], r[2]) for r in rows]


def balance(db: Database, on: date | None = None) -> int:
    """The balance at the end of ``on`` (all entries when None)."""
    if on is None:
        return db.execute("SELECT COALESCE(SUM(amount * direction), 0) FROM fund_entries").fetchone()[0]
    return db.execute("SELECT COALESCE(SUM(amount * direction), 0) FROM fund_entries WHERE entry_date <= ?",
                      [to_iso(on)]).fetchone()[0]


def paid_to(db: Database, application_id: str) -> int:
    """Money paid for an application: its disbursements less their reversals."""
    row = db.execute(
        "SELECT COALESCE(SUM(CASE WHEN e.kind = 'chi' THEN e.amount ELSE -e.amount END), 0) FROM fund_entries e"
        " LEFT JOIN fund_entries o ON o.id = e.reverses_id"
        " WHERE e.application_id = ? OR (e.kind = 'dao' AND o.application_id = ?)",
        [application_id, application_id]).fetchone()
    return row[0]


def disbursements_of(db: Database, application_id: str) -> list[FundEntry]:
    return [_entry(r) for r in db.execute(_SELECT + " WHERE application_id = ? ORDER BY seq", [application_id])]


def receipt_numbers(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT receipt_number FROM fund_entries WHERE kind = 'thu' ORDER BY seq")]
