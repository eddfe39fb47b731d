"""Monthly dues (đảng phí) per member, and the arrears and totals read from them."""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.dues import DuesRelief, DuesTerm, ReliefKind
from tayninh_desktop.domain.party_life import DuesEntry, DuesState
from tayninh_desktop.storage.audit import now_iso

_COLUMNS = "member_id, month, cell_id, amount, state, reason, due, amount_reason"
_INSERT = (f"INSERT INTO dues ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
           " ON CONFLICT(member_id, month) DO UPDATE SET cell_id = excluded.cell_id, amount = excluded.amount,"
           " state = excluded.state, reason = excluded.reason, due = excluded.due,"
           " amount_reason = excluded.amount_reason")
_BULK = f"INSERT INTO dues ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


def _entry(row) -> DuesEntry:
    return DuesEntry(row[0], row[1], row[3], DuesState(row[4]), row[5], row[2], row[6], row[7])


def upsert_many(db: Database, entries: list[DuesEntry]) -> None:
    db.conn.executemany(_INSERT, [(e.member_id, e.month, e.cell_id, e.amount, e.state.value, e.reason, e.due,
                                   e.amount_reason) for e in entries])


def insert_many(db: Database, rows: list[tuple]) -> None:
    """Bulk path (demo): rows (member_id, month, cell_id, amount, state, reason, due, amount_reason) in key order."""
    db.conn.executemany(_BULK, rows)


def entries_for(db: Database, member_ids: list[str], month: str) -> dict[str, DuesEntry]:
    out: dict[str, DuesEntry] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(f"SELECT {_COLUMNS} FROM dues WHERE month = ?"
                          f" AND member_id IN ({','.join('?' * len(chunk))})", [month, *chunk])
        out.update({r[0]: _entry(r) for r in rows})
    return out


def member_history(db: Database, member_id: str) -> list[DuesEntry]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM dues WHERE member_id = ? ORDER BY month", [member_id])
    return [_entry(r) for r in rows]


def last_amounts(db: Database, member_ids: list[str], before_month: str) -> dict[str, int]:
    """The latest amount each member paid before ``before_month`` (the grid's default)."""
    out: dict[str, int] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(
            "SELECT member_id, amount FROM dues d WHERE member_id IN (" + ",".join("?" * len(chunk)) + ")"
            " AND month = (SELECT MAX(month) FROM dues d2 WHERE d2.member_id = d.member_id AND d2.month < ?"
            " AND d2.amount > 0)", [*chunk, before_month])
        out.update({r[0]: r[1] for r in rows})
    return out


def unpaid_months(db: Database, first_month: str, last_month: str) -> dict[str, list[str]]:
    """Per member, the months in [first, last] recorded unpaid without reason (read from the partial index)."""
    rows = db.execute("SELECT member_id, month FROM dues INDEXED BY dues_unpaid WHERE state = 'chua_dong'"
                      " AND month BETWEEN ? AND ? ORDER BY member_id, month", [first_month, last_month])
    out: dict[str, list[str]] = {}
    for member_id, month in rows:
        out.setdefault(member_id, []).append(month)
    return out


def cell_totals(db: Database, cell_id: str, first_month: str, last_month: str) -> list[tuple[str, int, int, int]]:
    """Per month: (month, amount collected, members paid, members unpaid)."""
    rows = db.execute(
        "SELECT month, SUM(CASE WHEN state = 'da_dong' THEN amount ELSE 0 END),"
        " SUM(state = 'da_dong'), SUM(state IN ('chua_dong', 'chua_dong_co_ly_do'))"
        " FROM dues WHERE cell_id = ? AND month BETWEEN ? AND ? GROUP BY month ORDER BY month",
        [cell_id, first_month, last_month])
    return [(r[0], r[1] or 0, r[2] or 0, r[3] or 0) for r in rows]


def year_counts(db: Database, year: int) -> dict[str, dict[str, int]]:
    """Per member: the count of each dues state in the year."""
    rows = db.execute("SELECT member_id, state, COUNT(*) FROM dues WHERE month BETWEEN ? AND ?"
                      " GROUP BY member_id, state", [f"{year}-01", f"{year}-12"])
    out: dict[str, dict[str, int]] = {}
    for member_id, state, n in rows:
        out.setdefault(member_id, {})[state] = n
    return out


def roster_for_month(db: Database, cell_id: str, first_day: str, last_day: str) -> list[tuple[str, str, str, str]]:
    """(member id, full name, status, joined_on) of everyone on the cell's register at some time in the month;
    the status is the one of the member's latest period in the cell that month."""
    rows = db.execute(
        "SELECT p.member_id, m.full_name, p.status, m.joined_on, MAX(p.valid_from) FROM member_periods p"
        " JOIN members m ON m.id = p.member_id WHERE p.cell_id = ? AND p.present = 1 AND p.valid_from <= ?"
        " AND (p.valid_to IS NULL OR p.valid_to > ?) GROUP BY p.member_id ORDER BY m.sort_key",
        [cell_id, last_day, first_day]).fetchall()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


# --- dues terms (category and base from a month) and reliefs (exemption, reduction) -----------------------------

_TERM_COLUMNS = "id, member_id, from_month, category, base, notes"
_RELIEF_COLUMNS = ("id, member_id, kind, first_month, last_month, percent, ground, decision_number, decision_date,"
                   " issuer, reason")


def insert_term(db: Database, term: DuesTerm) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO dues_terms ({_TERM_COLUMNS}, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [term.id, term.member_id, term.from_month, term.category, term.base, term.notes, stamp, stamp])


def insert_terms_many(db: Database, rows: list[list]) -> None:
    """Bulk path (demo): rows in the column order of the table, with the two stamps."""
    db.conn.executemany(f"INSERT INTO dues_terms ({_TERM_COLUMNS}, created_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def terms_of(db: Database, member_ids: list[str]) -> dict[str, list[DuesTerm]]:
    out: dict[str, list[DuesTerm]] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(f"SELECT {_TERM_COLUMNS} FROM dues_terms WHERE member_id IN ({','.join('?' * len(chunk))})"
                          " ORDER BY from_month", chunk)
        for r in rows:
            out.setdefault(r[1], []).append(DuesTerm(*r))
    return out


def _relief(r) -> DuesRelief:
    return DuesRelief(r[0], r[1], ReliefKind(r[2]), r[3], r[4], r[5], r[6], r[7], from_iso(r[8]), r[9], r[10])


def relief_values(relief: DuesRelief, stamp: str) -> list:
    return [relief.id, relief.member_id, relief.kind.value, relief.first_month, relief.last_month, relief.percent,
            relief.ground, relief.decision_number, to_iso(relief.decision_date), relief.issuer, relief.reason,
            stamp, stamp]


def insert_relief(db: Database, relief: DuesRelief) -> None:
    db.execute(f"INSERT INTO dues_reliefs ({_RELIEF_COLUMNS}, created_at, updated_at)"
               f" VALUES ({', '.join('?' * 13)})", relief_values(relief, now_iso()))


def insert_reliefs_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(f"INSERT INTO dues_reliefs ({_RELIEF_COLUMNS}, created_at, updated_at)"
                        f" VALUES ({', '.join('?' * 13)})", rows)


def reliefs_of(db: Database, member_ids: list[str]) -> dict[str, list[DuesRelief]]:
    out: dict[str, list[DuesRelief]] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(f"SELECT {_RELIEF_COLUMNS} FROM dues_reliefs"
                          f" WHERE member_id IN ({','.join('?' * len(chunk))}) ORDER BY first_month", chunk)
        for r in rows:
            out.setdefault(r[1], []).append(_relief(r))
    return out


def get_relief(db: Database, relief_id: str) -> DuesRelief | None:
    row = db.execute(f"SELECT {_RELIEF_COLUMNS} FROM dues_reliefs WHERE id = ?", [relief_id]).fetchone()
    return _relief(row) if row else None


def delete_relief(db: Database, relief_id: str) -> None:
    db.execute("DELETE FROM dues_reliefs WHERE id = ?", [relief_id])


def away_in_month(db: Database, member_ids: list[str], first_day: str, last_day: str) -> set[str]:
    """The members among ``member_ids`` who were away for work (tạm miễn sinh hoạt) at some time in the month."""
    out: set[str] = set()
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute("SELECT DISTINCT member_id FROM member_periods WHERE status = 'di_lam_an_xa'"
                          f" AND member_id IN ({','.join('?' * len(chunk))}) AND valid_from <= ?"
                          " AND (valid_to IS NULL OR valid_to > ?)", [*chunk, last_day, first_day])
        out.update(r[0] for r in rows)
    return out
