"""Applications for the interest support and their eligibility checklists."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.assistance import Application, ApplicationState, ChecklistEntry
from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.storage.audit import now_iso

COLUMNS = ["id", "number", "member_id", "loan_id", "plan_code", "category", "period_from", "period_to",
           "submitted_on", "state", "interest_paid", "support_amount", "computation", "checked_on", "checked_by",
           "approved_on", "approved_by", "decision_number", "rejected_on", "rejected_by", "rejection_reason", "notes"]
_DATES = ("period_from", "period_to", "submitted_on", "checked_on", "approved_on", "rejected_on")
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM support_applications"


def _application(row, checklist: tuple[ChecklistEntry, ...] = ()) -> Application:
    v = dict(zip(COLUMNS, row))
    for name in _DATES:
        v[name] = from_iso(v[name])
    v["state"] = ApplicationState(v["state"])
    return Application(**v, checklist=checklist)


def values(a: Application) -> list:
    out = []
    for name in COLUMNS:
        value = getattr(a, name)
        out.append(value.value if isinstance(value, ApplicationState) else to_iso(value) if isinstance(value, date)
                   else value)
    return out


def insert(db: Database, owner_unit_id: str, a: Application) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO support_applications ({', '.join(COLUMNS)}, year, owner_unit_id, created_at, updated_at)"
               f" VALUES ({', '.join('?' * (len(COLUMNS) + 4))})",
               [*values(a), a.submitted_on.year, owner_unit_id, stamp, stamp])


def insert_many(db: Database, rows: list[list]) -> None:
    """Bulk path (demo): ``values`` + year, owner, created, updated."""
    db.conn.executemany(f"INSERT INTO support_applications ({', '.join(COLUMNS)}, year, owner_unit_id, created_at,"
                        f" updated_at) VALUES ({', '.join('?' * (len(COLUMNS) + 4))})", rows)


def update(db: Database, a: Application) -> None:
    row = values(a)
    db.execute(f"UPDATE support_applications SET {', '.join(c + ' = ?' for c in COLUMNS[1:])}, updated_at = ?"
               " WHERE id = ?", [*row[1:], now_iso(), a.id])


def next_number(db: Database, year: int) -> int:
    row = db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM support_applications WHERE year = ?", [year]).fetchone()
    return row[0]


def checklist_of(db: Database, application_id: str) -> tuple[ChecklistEntry, ...]:
    rows = db.execute("SELECT item, ok, evidence FROM support_checklist WHERE application_id = ?",
                      [application_id]).fetchall()
    return tuple(ChecklistEntry(r[0], bool(r[1]), r[2]) for r in rows)


def replace_checklist(db: Database, application_id: str, entries: tuple[ChecklistEntry, ...]) -> None:
    db.execute("DELETE FROM support_checklist WHERE application_id = ?", [application_id])
    db.conn.executemany("INSERT INTO support_checklist (application_id, item, ok, evidence) VALUES (?, ?, ?, ?)",
                        [(application_id, e.item, int(e.ok), e.evidence) for e in entries])


def get(db: Database, application_id: str) -> Application | None:
    row = db.execute(_SELECT + " WHERE id = ?", [application_id]).fetchone()
    return _application(row, checklist_of(db, application_id)) if row else None


def of_loan(db: Database, loan_id: str) -> list[Application]:
    rows = db.execute(_SELECT + " WHERE loan_id = ? ORDER BY period_from", [loan_id]).fetchall()
    return [_application(r) for r in rows]


def of_member(db: Database, member_id: str) -> list[Application]:
    rows = db.execute(_SELECT + " WHERE member_id = ? ORDER BY submitted_on DESC", [member_id]).fetchall()
    return [_application(r) for r in rows]


def listing(db: Database, *, state: str | None = None, start: date | None = None,
            end: date | None = None) -> list[Application]:
    """Applications (optionally in one state, submitted in [start, end]), newest first."""
    sql, params = _SELECT + " WHERE 1 = 1", []
    if state:
        sql += " AND state = ?"
        params.append(state)
    if start:
        sql += " AND submitted_on >= ?"
        params.append(to_iso(start))
    if end:
        sql += " AND submitted_on <= ?"
        params.append(to_iso(end))
    rows = db.execute(sql + " ORDER BY submitted_on DESC, number DESC", params).fetchall()
    return [_application(r) for r in rows]


def approved_between(db: Database, start: date, end: date) -> list[Application]:
    rows = db.execute(_SELECT + " WHERE approved_on BETWEEN ? AND ? AND state IN ('da_duyet', 'da_chi')"
                      " ORDER BY approved_on, number", [to_iso(start), to_iso(end)]).fetchall()
    return [_application(r) for r in rows]


def support_in_year(db: Database, member_id: str, year: int, exclude_id: str | None = None) -> int:
    """Support already approved for a member in applications approved in ``year`` (the yearly cap)."""
    row = db.execute("SELECT COALESCE(SUM(support_amount), 0) FROM support_applications WHERE member_id = ?"
                     " AND state IN ('da_duyet', 'da_chi') AND substr(approved_on, 1, 4) = ? AND id IS NOT ?",
                     [member_id, str(year), exclude_id]).fetchone()
    return row[0]

