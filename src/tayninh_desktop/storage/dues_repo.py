"""Monthly dues (đảng phí) per member, and the arrears and totals read from them."""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.dues import DuesRelief, DuesTerm, ReliefKind
from tayninh_desktop.domain.party_life import DuesEntry
from tayninh_desktop.storage import bulk_values
from tayninh_desktop.storage import party_life_codes as codes
from tayninh_desktop.storage.audit import now_iso

# Dues live in dues_compact, keyed by the row ids of member and cell, the month as 202611 and the state as a code
# (m035, party_life_codes); what leaves this module is the DuesEntry of ids and texts, as before.
_COMPACT = "member_row, month, cell_row, amount, state, reason, due, amount_reason"
_INSERT = (f"INSERT INTO dues_compact ({_COMPACT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
           " ON CONFLICT(member_row, month) DO UPDATE SET cell_row = excluded.cell_row, amount = excluded.amount,"
           " state = excluded.state, reason = excluded.reason, due = excluded.due,"
           " amount_reason = excluded.amount_reason")
# An entry with its ids: the compact row joined to its member and its cell (the amount stored only when it differs
# from the amount due: ``paid``).
PAID_SQL = "ifnull(d.amount, d.due)"
_SELECT = (f"SELECT p.id, d.month, u.id, {PAID_SQL}, d.state, d.reason, d.due, d.amount_reason FROM dues_compact d"
           " JOIN members p ON p.rowid = d.member_row LEFT JOIN units u ON u.rowid = d.cell_row")


def _entry(row) -> DuesEntry:
    return DuesEntry(row[0], codes.month_text(row[1]), row[3], codes.DUES_STATES[row[4]], row[5], row[2], row[6],
                     row[7])


def upsert_many(db: Database, entries: list[DuesEntry]) -> None:
    members = codes.rows_of(db, "members", [e.member_id for e in entries])
    cells = codes.rows_of(db, "units", [e.cell_id for e in entries if e.cell_id])
    db.conn.executemany(_INSERT, [(members.get(e.member_id), codes.month_code(e.month), cells.get(e.cell_id),
                                   codes.amount_stored(e.amount, e.due), codes.DUES_CODES[e.state.value], e.reason,
                                   e.due, e.amount_reason) for e in entries])


def delete_months(db: Database, member_id: str, months: list[str]) -> None:
    """Remove the member's entries of ``months`` (the months go back to not recorded)."""
    member_row = codes.rows_of(db, "members", [member_id]).get(member_id)
    db.conn.executemany("DELETE FROM dues_compact WHERE member_row = ? AND month = ?",
                        [(member_row, codes.month_code(m)) for m in months])


def insert_rows(db: Database, rows) -> None:
    """Bulk path (demo): compact rows (member row, month code, cell row, amount, state code, reason, due,
    amount_reason) in key order; many rows to a statement (bulk_values)."""
    bulk_values.insert_rows(db.conn, f"INSERT INTO dues_compact ({_COMPACT})", 8, rows)


def entries_for(db: Database, member_ids: list[str], month: str) -> dict[str, DuesEntry]:
    out: dict[str, DuesEntry] = {}
    code = codes.month_code(month)
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(f"{_SELECT} WHERE p.id IN ({','.join('?' * len(chunk))}) AND d.month = ?", [*chunk, code])
        out.update({r[0]: _entry(r) for r in rows})
    return out


def member_history(db: Database, member_id: str) -> list[DuesEntry]:
    rows = db.execute(f"{_SELECT} WHERE p.id = ? ORDER BY d.month", [member_id])
    return [_entry(r) for r in rows]


def last_amounts(db: Database, member_ids: list[str], before_month: str) -> dict[str, int]:
    """The latest amount each member paid before ``before_month`` (the grid's default)."""
    out: dict[str, int] = {}
    code = codes.month_code(before_month)
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(
            f"SELECT p.id, (SELECT {PAID_SQL} FROM dues_compact d WHERE d.member_row = p.rowid AND d.month < ?"
            f" AND {PAID_SQL} > 0 ORDER BY d.month DESC LIMIT 1) FROM members p"
            f" WHERE p.id IN ({','.join('?' * len(chunk))})", [code, *chunk])
        out.update({r[0]: r[1] for r in rows if r[1] is not None})
    return out


def unpaid_months_by_row(db: Database, first_month: str, last_month: str) -> dict[int, list[str]]:
    """Per member row id, the months in [first, last] recorded unpaid without reason (the partial index; the
    warnings' hot path)."""
    rows = db.execute(f"SELECT member_row, month FROM dues_compact INDEXED BY dues_unpaid WHERE state = {codes.UNPAID}"
                      " AND month BETWEEN ? AND ? ORDER BY member_row, month",
                      [codes.month_code(first_month), codes.month_code(last_month)])
    out: dict[int, list[str]] = {}
    for member_row, month in rows:
        out.setdefault(member_row, []).append(codes.month_text(month))
    return out


def unpaid_months_in_years(db: Database, first_month: str, last_month: str,
                           at_least: int) -> dict[int, dict[int, list[str]]]:
    """Per year, per member row id, the months in [first, last] recorded unpaid without reason, for the members with
    ``at_least`` of them in that year (counted by SQLite from the partial index: the warnings' hot path)."""
    rows = db.execute("SELECT member_row, month / 100, group_concat(printf('%04d-%02d', month / 100, month % 100))"
                      f" FROM dues_compact INDEXED BY dues_unpaid WHERE state = {codes.UNPAID}"
                      " AND month BETWEEN ? AND ? GROUP BY 1, 2 HAVING COUNT(*) >= ?",
                      [codes.month_code(first_month), codes.month_code(last_month), at_least])
    out: dict[int, dict[int, list[str]]] = {}
    for member_row, year, months in rows:
        out.setdefault(year, {})[member_row] = sorted(months.split(","))
    return out


def unpaid_months(db: Database, first_month: str, last_month: str) -> dict[str, list[str]]:
    """Per member id, the months in [first, last] recorded unpaid without reason."""
    by_row = unpaid_months_by_row(db, first_month, last_month)
    ids = codes.ids_of(db, "members", by_row)
    return {ids[r]: months for r, months in by_row.items() if r in ids}


def cell_totals(db: Database, cell_id: str, first_month: str, last_month: str) -> list[tuple[str, int, int, int]]:
    """Per month: (month, amount collected, members paid, members unpaid). The months recorded for the cell are
    read through the members who were ever in it (their rows by primary key), not through an index on the cell."""
    rows = db.execute(
        f"SELECT d.month, SUM(CASE WHEN d.state = ? THEN {PAID_SQL} ELSE 0 END), SUM(d.state = ?),"
        " SUM(d.state IN (?, ?)) FROM dues_compact d"
        " WHERE d.member_row IN (SELECT p.rowid FROM members p WHERE p.id IN"
        " (SELECT member_id FROM member_periods WHERE cell_id = ?))"
        " AND d.month BETWEEN ? AND ? AND d.cell_row = (SELECT rowid FROM units WHERE id = ?)"
        " GROUP BY d.month ORDER BY d.month",
        [codes.PAID, codes.PAID, codes.UNPAID, codes.UNPAID_EXCUSED, cell_id, codes.month_code(first_month),
         codes.month_code(last_month), cell_id])
    return [(codes.month_text(r[0]), r[1] or 0, r[2] or 0, r[3] or 0) for r in rows]


def year_counts(db: Database, year: int) -> dict[str, dict[str, int]]:
    """Per member: the count of each dues state in the year."""
    rows = db.execute("SELECT p.id, c.state, c.n FROM (SELECT member_row, state, COUNT(*) AS n FROM dues_compact"
                      " WHERE month BETWEEN ? AND ? GROUP BY member_row, state) c"
                      " JOIN members p ON p.rowid = c.member_row", [year * 100 + 1, year * 100 + 12])
    out: dict[str, dict[str, int]] = {}
    for member_id, state, n in rows:
        out.setdefault(member_id, {})[codes.DUES_TEXT[state]] = n
    return out


def last_paid_month(db: Database, member_id: str, until_month: str) -> str:
    """The last month whose dues the member paid, up to ``until_month`` ("" when none)."""
    row = db.execute("SELECT MAX(d.month) FROM dues_compact d JOIN members p ON p.rowid = d.member_row"
                     " WHERE p.id = ? AND d.state = ? AND d.month <= ?",
                     [member_id, codes.PAID, codes.month_code(until_month)]).fetchone()
    return codes.month_text(row[0]) if row and row[0] else ""


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
