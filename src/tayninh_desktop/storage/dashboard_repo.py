"""The counts behind the home page's charts: grouped in SQL, a few rows each (never a row per member)."""

from __future__ import annotations

from dataclasses import dataclass

from tayninh_desktop.storage import party_life_codes as codes
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class CellCount:
    cell_id: str
    key: str        # a member status or a rating level
    count: int


@dataclass(frozen=True)
class MonthMeetings:
    month: str      # "YYYY-MM"
    held: int
    present: int
    expected: int


@dataclass(frozen=True)
class MonthDues:
    month: str
    collected: int  # đồng paid in the month
    cells: int      # cells that recorded the month


def members_by_cell(db: Database, statuses: tuple[str, ...]) -> list[CellCount]:
    marks = ", ".join("?" * len(statuses))
    rows = db.execute(f"SELECT cell_id, status, COUNT(*) FROM members WHERE status IN ({marks}) AND cell_id IS NOT NULL"
                      " GROUP BY cell_id, status", list(statuses))
    return [CellCount(r[0], r[1], r[2]) for r in rows]


def meetings_by_month(db: Database, first: str, last: str, kind: str) -> list[MonthMeetings]:
    """Meetings of ``kind`` held in the months ``first``..``last`` ("YYYY-MM"), with their attendance."""
    rows = db.execute("SELECT substr(meeting_date, 1, 7) AS month, COUNT(*), SUM(present), SUM(expected)"
                      " FROM meetings WHERE kind = ? AND meeting_date >= ? AND meeting_date < ?"
                      " GROUP BY month ORDER BY month", [kind, f"{first}-01", f"{last}-32"])
    return [MonthMeetings(r[0], r[1], r[2] or 0, r[3] or 0) for r in rows]


def dues_by_month(db: Database, first: str, last: str, paid: str) -> list[MonthDues]:
    """Dues collected per month ("YYYY-MM") and how many cells recorded the month (read from the compact table:
    the view would join millions of rows back to their UUIDs)."""
    rows = db.execute("SELECT month, SUM(CASE WHEN state = ? THEN ifnull(amount, due) ELSE 0 END),"
                      " COUNT(DISTINCT cell_row) FROM dues_compact WHERE month BETWEEN ? AND ?"
                      " GROUP BY month ORDER BY month",
                      [codes.DUES_CODES[paid], codes.month_code(first), codes.month_code(last)])
    return [MonthDues(codes.month_text(r[0]), r[1] or 0, r[2]) for r in rows]


def ratings_by_cell(db: Database, year: int) -> list[CellCount]:
    """Ratings of ``year`` by level, in the cell each rated member is in now."""
    rows = db.execute("SELECT m.cell_id, r.level, COUNT(*) FROM ratings_compact r JOIN members m"
                      " ON m.rowid = r.member_row WHERE r.year = ? AND m.cell_id IS NOT NULL"
                      " GROUP BY m.cell_id, r.level", [year])
    return [CellCount(r[0], codes.RATING_TEXT[r[1]], r[2]) for r in rows]


def latest_rated_year(db: Database) -> int | None:
    return db.execute("SELECT MAX(year) FROM ratings_compact").fetchone()[0]
