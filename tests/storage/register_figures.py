"""What a register says about party life, as plain JSON: counts, sums, every warning, the grids and tallies.

Computed through the program's own services and through plain SQL on ``attendance`` and ``dues`` (the names
other code reads by), so the same function run by the program before the compact tables (m035, which made
``fixtures/before_m035.json``) and after them must give the same figures for the same register.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from enum import Enum

TODAY = date(2026, 11, 27)
YEARS = (2024, 2025, 2026)

SQL_FIGURES = {
    "attendance_by_state": "SELECT state, COUNT(*), SUM(length(reason)) FROM attendance GROUP BY state ORDER BY state",
    "dues_by_state": "SELECT state, COUNT(*), SUM(amount), SUM(due), COUNT(due), SUM(length(reason)),"
                     " SUM(length(amount_reason)) FROM dues GROUP BY state ORDER BY state",
    "dues_by_month": "SELECT month, COUNT(*), SUM(amount) FROM dues GROUP BY month ORDER BY month",
    "dues_by_cell": "SELECT cell_id, COUNT(*), SUM(amount) FROM dues GROUP BY cell_id ORDER BY cell_id",
    "absences_by_member": "SELECT member_id, COUNT(*) FROM attendance WHERE state = 'vang_khong_ly_do'"
                          " GROUP BY member_id ORDER BY member_id",
    "counts": "SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM meetings),"
              " (SELECT COUNT(*) FROM attendance), (SELECT COUNT(*) FROM dues)",
}
ROW_DIGESTS = {
    "attendance_rows": "SELECT meeting_id, member_id, state, reason FROM attendance ORDER BY meeting_id, member_id",
    "dues_rows": "SELECT member_id, month, cell_id, amount, state, reason, due, amount_reason FROM dues"
                 " ORDER BY member_id, month",
}


def plain(value):
    """Dataclasses, enums, dates, tuples and dicts as JSON values (keys as text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, set | frozenset) else items
    return value


def _digest(rows) -> str:
    return hashlib.sha256(json.dumps([list(r) for r in rows], ensure_ascii=False).encode("utf-8")).hexdigest()


def figures(db) -> dict:
    """Every figure of party life the register gives, through SQL and through the services."""
    from tayninh_desktop.services import dues, meetings, member_party_life, party_life, warnings
    from tayninh_desktop.storage import dues_repo, meetings_repo

    out: dict = {name: [list(r) for r in db.execute(sql).fetchall()] for name, sql in SQL_FIGURES.items()}
    out.update({name: _digest(db.execute(sql).fetchall()) for name, sql in ROW_DIGESTS.items()})
    out["warnings"] = [plain(warnings.warning_as_dict(w)) for w in warnings.compute_warnings(db, today=TODAY)]
    out["year_counts"] = {str(y): plain(party_life.member_year_counts(db, y)) for y in YEARS}
    out["unexcused_months"] = plain(meetings_repo.unexcused_months(db, date(2000, 1, 1), TODAY))
    out["unpaid_months"] = plain(dues_repo.unpaid_months(db, "2000-01", "2026-11"))
    cells = [r[0] for r in db.execute("SELECT id FROM units WHERE unit_type = 'chi_bo' ORDER BY code")]
    out["cell_totals"] = {c: {str(y): plain(dues.cell_totals(db, c, y)) for y in YEARS} for c in cells}
    out["dues_sheets"] = {c: plain(dues.dues_sheet(db, c, "10/2026")) for c in cells[:4]}
    meeting_ids = [r[0] for r in db.execute("SELECT id FROM meetings ORDER BY id LIMIT 6")]
    out["attendance_lines"] = {m: plain(meetings.attendance_lines(db, m)) for m in meeting_ids}
    member_ids = [r[0] for r in db.execute(
        "SELECT DISTINCT member_id FROM attendance WHERE state <> 'co_mat' ORDER BY member_id LIMIT 6")]
    out["member_party_life"] = {m: plain(member_party_life.member_party_life(db, m, 2026)) for m in member_ids}
    out["arrears"] = {m: plain(dues.arrears(db, m)) for m in member_ids}
    return out
