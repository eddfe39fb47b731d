"""Meetings of the cells and the attendance of each member at each meeting."""

from __future__ import annotations

import json
from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.party_life import Attendance, Meeting, MeetingKind
from tayninh_desktop.storage import bulk_values
from tayninh_desktop.storage import party_life_codes as codes
from tayninh_desktop.storage.audit import now_iso

MEETING_COLUMNS = ["id", "cell_id", "meeting_date", "kind", "chair", "summary", "rubric_code", "scores_json",
                   "quality_score", "quality_level", "present", "expected", "secretary"]
_SELECT = f"SELECT {', '.join(MEETING_COLUMNS)} FROM meetings"
_INSERT_MEETING = (f"INSERT INTO meetings ({', '.join(MEETING_COLUMNS)}, created_at, updated_at)"
                   f" VALUES ({', '.join('?' * (len(MEETING_COLUMNS) + 2))})")
# Attendance lives in attendance_compact, keyed by the row ids of meeting and member (m035, party_life_codes).
_INSERT_ATTENDANCE = "INSERT INTO attendance_compact (meeting_row, member_row, state, reason) VALUES (?, ?, ?, ?)"


def _meeting(row) -> Meeting:
    v = dict(zip(MEETING_COLUMNS, row))
    return Meeting(meeting_date=from_iso(v["meeting_date"]), kind=MeetingKind(v["kind"]), chair=v["chair"],
                   summary=v["summary"], secretary=v["secretary"], id=v["id"], cell_id=v["cell_id"], quality_score=v["quality_score"],
                   quality_level=v["quality_level"], rubric_code=v["rubric_code"],
                   scores=tuple(json.loads(v["scores_json"]).items()), present=v["present"], expected=v["expected"])


def meeting_values(meeting: Meeting, stamp: str) -> list:
    return [meeting.id, meeting.cell_id, to_iso(meeting.meeting_date), meeting.kind.value, meeting.chair,
            meeting.summary, meeting.rubric_code, json.dumps(dict(meeting.scores), ensure_ascii=False),
            meeting.quality_score, meeting.quality_level, meeting.present, meeting.expected, meeting.secretary, stamp,
            stamp]


def insert_meeting(db: Database, meeting: Meeting) -> None:
    db.execute(_INSERT_MEETING, meeting_values(meeting, now_iso()))


def update_meeting(db: Database, meeting: Meeting) -> None:
    values = meeting_values(meeting, now_iso())
    db.execute("UPDATE meetings SET meeting_date = ?, kind = ?, chair = ?, summary = ?, rubric_code = ?,"
               " scores_json = ?, quality_score = ?, quality_level = ?, present = ?, expected = ?, secretary = ?,"
               " updated_at = ? WHERE id = ?", [*values[2:13], values[14], meeting.id])


def insert_meetings_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_MEETING, rows)


def insert_meetings_with_rows(db: Database, rows: list[list]) -> None:
    """Bulk path (demo): meeting rows with their row id first (the attendance rows written with them use it)."""
    bulk_values.insert_rows(db.conn, f"INSERT INTO meetings (rowid, {', '.join(MEETING_COLUMNS)}, created_at, updated_at)",
                            len(MEETING_COLUMNS) + 3, rows)


def insert_attendance_rows(db: Database, rows) -> None:
    """Bulk path (demo): (meeting row id, member row id, state code, reason) rows, best given in key order; many
    rows to a statement (bulk_values)."""
    bulk_values.insert_rows(db.conn, "INSERT INTO attendance_compact (meeting_row, member_row, state, reason)", 4,
                            rows)


def replace_attendance(db: Database, meeting_id: str, lines: list[Attendance]) -> None:
    meeting_row = codes.row_of(db, "meetings", meeting_id)
    member_rows = codes.rows_of(db, "members", [a.member_id for a in lines])
    db.execute("DELETE FROM attendance_compact WHERE meeting_row = ?", [meeting_row])
    db.conn.executemany(_INSERT_ATTENDANCE, [(meeting_row, member_rows.get(a.member_id),
                                              codes.ATTENDANCE_CODES[a.state.value], a.reason) for a in lines])


def delete_meeting(db: Database, meeting_id: str) -> None:
    db.execute("DELETE FROM attendance_compact WHERE meeting_row = (SELECT rowid FROM meetings WHERE id = ?)",
               [meeting_id])
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])


def get(db: Database, meeting_id: str) -> Meeting | None:
    row = db.execute(_SELECT + " WHERE id = ?", [meeting_id]).fetchone()
    return _meeting(row) if row else None


def attendance_of(db: Database, meeting_id: str) -> list[Attendance]:
    rows = db.execute("SELECT p.id, a.state, a.reason FROM meetings g"
                      " JOIN attendance_compact a ON a.meeting_row = g.rowid JOIN members p ON p.rowid = a.member_row"
                      " WHERE g.id = ?", [meeting_id])
    return [Attendance(r[0], codes.ATTENDANCE_STATES[r[1]], r[2]) for r in rows]


def meetings_of_cell(db: Database, cell_id: str, start: date, end: date) -> list[Meeting]:
    """The cell's meetings with start <= date <= end, newest first."""
    rows = db.execute(_SELECT + " WHERE cell_id = ? AND meeting_date BETWEEN ? AND ? ORDER BY meeting_date DESC",
                      [cell_id, to_iso(start), to_iso(end)]).fetchall()
    return [_meeting(r) for r in rows]


def regular_in_month(db: Database, cell_id: str, month: str, exclude_id: str | None = None) -> Meeting | None:
    row = db.execute(_SELECT + " WHERE cell_id = ? AND kind = 'thuong_ky' AND meeting_date BETWEEN ? AND ?"
                     " AND id IS NOT ? LIMIT 1", [cell_id, month + "-01", month + "-31", exclude_id]).fetchone()
    return _meeting(row) if row else None


def member_attendance(db: Database, member_id: str, start: date, end: date) -> list[tuple[Meeting, Attendance]]:
    """A member's attendance at the meetings of [start, end], by way of the meetings of the cells he was in."""
    member_row = codes.row_of(db, "members", member_id)
    rows = db.execute(
        f"SELECT {', '.join('m.' + c for c in MEETING_COLUMNS)}, a.state, a.reason FROM meetings m"
        " JOIN attendance_compact a ON a.meeting_row = m.rowid AND a.member_row = ?"
        " WHERE m.cell_id IN (SELECT DISTINCT cell_id FROM member_periods WHERE member_id = ? AND cell_id IS NOT NULL)"
        " AND m.meeting_date BETWEEN ? AND ? ORDER BY m.meeting_date",
        [member_row, member_id, to_iso(start), to_iso(end)]).fetchall()
    n = len(MEETING_COLUMNS)
    return [(_meeting(r[:n]), Attendance(member_id, codes.ATTENDANCE_STATES[r[n]], r[n + 1])) for r in rows]


def months_with_regular_meeting(db: Database, start: date, end: date) -> dict[str, set[str]]:
    """Per cell, the months ("YYYY-MM") of [start, end] with a regular meeting (one row per cell)."""
    out: dict[str, set[str]] = {}
    for cell_id, day in db.execute("SELECT cell_id, meeting_date FROM meetings WHERE kind = 'thuong_ky'"
                                   " AND meeting_date BETWEEN ? AND ?", [to_iso(start), to_iso(end)]):
        months = out.get(cell_id)
        if months is None:
            months = out[cell_id] = set()
        months.add(day[:7])
    return out


def unexcused_months_by_row(db: Database, start: date, end: date,
                            kinds: tuple[str, ...] = ("thuong_ky", "chuyen_de", "bat_thuong")) -> dict[int, list[str]]:
    """Per member row id, the distinct months of [start, end] with an unexcused absence from a meeting of ``kinds``
    (the warnings' hot path): the absences from their partial index alone (attendance_absent), the month of just
    the meetings that have one, matched here."""
    # the literal code: a partial index is used only for the very term of its WHERE
    absences = f"SELECT {{}} FROM attendance_compact INDEXED BY attendance_absent WHERE state = {codes.UNEXCUSED}"
    month_of = dict(db.execute(
        f"SELECT rowid, substr(meeting_date, 1, 7) FROM meetings WHERE rowid IN ({absences.format('meeting_row')})"
        f" AND kind IN ({', '.join('?' * len(kinds))}) AND meeting_date BETWEEN ? AND ?",
        [*kinds, to_iso(start), to_iso(end)]))
    months: dict[int, set[str]] = {}
    for member_row, meeting_row in db.execute(absences.format("member_row, meeting_row")):
        month = month_of.get(meeting_row)
        if month is not None:
            months.setdefault(member_row, set()).add(month)
    return {member_row: sorted(found) for member_row, found in sorted(months.items())}


def unexcused_months_in_years(db: Database, start: date, end: date, kinds: tuple[str, ...],
                              at_least: int) -> dict[int, dict[int, list[str]]]:
    """Per year, per member row id, the distinct months of [start, end] with an unexcused absence from a meeting of
    ``kinds``, for the members with ``at_least`` such months in that year (the warnings' hot path: SQLite counts
    them from the absences' partial index, and most members with an absence have only one or two)."""
    month = "substr(m.meeting_date, 1, 7)"
    rows = db.execute(
        f"SELECT a.member_row, CAST(substr(m.meeting_date, 1, 4) AS INTEGER), group_concat(DISTINCT {month})"
        # the literal code: a partial index is used only for the very term of its WHERE
        " FROM attendance_compact a INDEXED BY attendance_absent CROSS JOIN meetings m ON m.rowid = a.meeting_row"
        f" WHERE a.state = {codes.UNEXCUSED} AND m.kind IN ({', '.join('?' * len(kinds))})"
        f" AND m.meeting_date BETWEEN ? AND ? GROUP BY 1, 2 HAVING COUNT(DISTINCT {month}) >= ?",
        [*kinds, to_iso(start), to_iso(end), at_least])
    out: dict[int, dict[int, list[str]]] = {}
    for member_row, year, months in rows:
        out.setdefault(year, {})[member_row] = sorted(months.split(","))
    return out


def unexcused_months(db: Database, start: date, end: date, member_ids: list[str] | None = None,
                     kinds: tuple[str, ...] = ("thuong_ky", "chuyen_de", "bat_thuong")) -> dict[str, list[str]]:
    """Per member id, the distinct months of [start, end] with an unexcused absence from a meeting of ``kinds``
    (``member_ids``: only those members)."""
    by_row = unexcused_months_by_row(db, start, end, kinds)
    ids = codes.ids_of(db, "members", by_row)
    wanted = set(member_ids) if member_ids is not None else None
    return {ids[r]: months for r, months in by_row.items()
            if r in ids and (wanted is None or ids[r] in wanted)}


def year_counts(db: Database, year: int) -> dict[str, dict[str, int]]:
    """Per member: the count of each attendance state at the year's meetings (benchmark and reports)."""
    rows = db.execute(
        "SELECT p.id, c.state, c.n FROM (SELECT a.member_row, a.state, COUNT(*) AS n FROM meetings m"
        " JOIN attendance_compact a ON a.meeting_row = m.rowid WHERE m.meeting_date BETWEEN ? AND ?"
        " GROUP BY a.member_row, a.state) c JOIN members p ON p.rowid = c.member_row",
        [f"{year}-01-01", f"{year}-12-31"])
    out: dict[str, dict[str, int]] = {}
    for member_id, state, n in rows:
        out.setdefault(member_id, {})[codes.ATTENDANCE_TEXT[state]] = n
    return out


def roster_on(db: Database, cell_id: str, day: date) -> list[tuple[str, str, str]]:
    """(member id, full name, status that day) of everyone on the cell's register that day, in list order."""
    iso = to_iso(day)
    rows = db.execute(
        "SELECT p.member_id, m.full_name, p.status FROM member_periods p JOIN members m ON m.id = p.member_id"
        " WHERE p.cell_id = ? AND p.present = 1 AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)"
        " ORDER BY m.sort_key", [cell_id, iso, iso]).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]
