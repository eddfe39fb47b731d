"""Meetings of the cells and the attendance of each member at each meeting."""

from __future__ import annotations

import json
from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.party_life import Attendance, AttendanceState, Meeting, MeetingKind
from tayninh_desktop.storage.audit import now_iso

MEETING_COLUMNS = ["id", "cell_id", "meeting_date", "kind", "chair", "summary", "rubric_code", "scores_json",
                   "quality_score", "quality_level", "present", "expected", "secretary"]
_SELECT = f"SELECT {', '.join(MEETING_COLUMNS)} FROM meetings"
_INSERT_MEETING = (f"INSERT INTO meetings ({', '.join(MEETING_COLUMNS)}, created_at, updated_at)"
                   f" VALUES ({', '.join('?' * (len(MEETING_COLUMNS) + 2))})")
_INSERT_ATTENDANCE = "INSERT INTO attendance (meeting_id, member_id, state, reason) VALUES (?, ?, ?, ?)"


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


def insert_attendance_many(db: Database, rows: list[tuple]) -> None:
    """Bulk path: (meeting_id, member_id, state, reason) rows, best given in key order."""
    db.conn.executemany(_INSERT_ATTENDANCE, rows)


def replace_attendance(db: Database, meeting_id: str, lines: list[Attendance]) -> None:
    db.execute("DELETE FROM attendance WHERE meeting_id = ?", [meeting_id])
    db.conn.executemany(_INSERT_ATTENDANCE, [(meeting_id, a.member_id, a.state.value, a.reason) for a in lines])


def delete_meeting(db: Database, meeting_id: str) -> None:
    db.execute("DELETE FROM attendance WHERE meeting_id = ?", [meeting_id])
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])


def get(db: Database, meeting_id: str) -> Meeting | None:
    row = db.execute(_SELECT + " WHERE id = ?", [meeting_id]).fetchone()
    return _meeting(row) if row else None


def attendance_of(db: Database, meeting_id: str) -> list[Attendance]:
    rows = db.execute("SELECT member_id, state, reason FROM attendance WHERE meeting_id = ?", [meeting_id])
    return [Attendance(r[0], AttendanceState(r[1]), r[2]) for r in rows]


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
    rows = db.execute(
        f"SELECT {', '.join('m.' + c for c in MEETING_COLUMNS)}, a.state, a.reason FROM meetings m"
        " JOIN attendance a ON a.meeting_id = m.id AND a.member_id = ?"
        " WHERE m.cell_id IN (SELECT DISTINCT cell_id FROM member_periods WHERE member_id = ? AND cell_id IS NOT NULL)"
        " AND m.meeting_date BETWEEN ? AND ? ORDER BY m.meeting_date",
        [member_id, member_id, to_iso(start), to_iso(end)]).fetchall()
    n = len(MEETING_COLUMNS)
    return [(_meeting(r[:n]), Attendance(member_id, AttendanceState(r[n]), r[n + 1])) for r in rows]


def cells_with_regular_meeting(db: Database, start: date, end: date) -> set[tuple[str, str]]:
    """(cell_id, "YYYY-MM") of every month with a regular meeting in [start, end]."""
    rows = db.execute("SELECT DISTINCT cell_id, substr(meeting_date, 1, 7) FROM meetings"
                      " WHERE kind = 'thuong_ky' AND meeting_date BETWEEN ? AND ?", [to_iso(start), to_iso(end)])
    return {(r[0], r[1]) for r in rows}


def unexcused_months(db: Database, start: date, end: date, member_ids: list[str] | None = None,
                     kinds: tuple[str, ...] = ("thuong_ky", "chuyen_de", "bat_thuong")) -> dict[str, list[str]]:
    """Per member, the distinct months of [start, end] with an unexcused absence from a meeting of ``kinds``
    (read from the partial index)."""
    rows = db.execute(
        "SELECT a.member_id, substr(m.meeting_date, 1, 7) AS month FROM attendance a INDEXED BY attendance_absent"
        " JOIN meetings m ON m.id = a.meeting_id WHERE a.state = 'vang_khong_ly_do'"
        f" AND m.meeting_date BETWEEN ? AND ? AND m.kind IN ({', '.join('?' * len(kinds))})"
        " GROUP BY a.member_id, month ORDER BY a.member_id, month",
        [to_iso(start), to_iso(end), *kinds])
    out: dict[str, list[str]] = {}
    for member_id, month in rows:
        out.setdefault(member_id, []).append(month)
    return out


def year_counts(db: Database, year: int) -> dict[str, dict[str, int]]:
    """Per member: the count of each attendance state at the year's meetings (benchmark and reports)."""
    rows = db.execute(
        "SELECT a.member_id, a.state, COUNT(*) FROM meetings m JOIN attendance a ON a.meeting_id = m.id"
        " WHERE m.meeting_date BETWEEN ? AND ? GROUP BY a.member_id, a.state",
        [f"{year}-01-01", f"{year}-12-31"])
    out: dict[str, dict[str, int]] = {}
    for member_id, state, n in rows:
        out.setdefault(member_id, {})[state] = n
    return out


def roster_on(db: Database, cell_id: str, day: date) -> list[tuple[str, str, str]]:
    """(member id, full name, status that day) of everyone on the cell's register that day, in list order."""
    iso = to_iso(day)
    rows = db.execute(
        "SELECT p.member_id, m.full_name, p.status FROM member_periods p JOIN members m ON m.id = p.member_id"
        " WHERE p.cell_id = ? AND p.present = 1 AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)"
        " ORDER BY m.sort_key", [cell_id, iso, iso]).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]
