"""Annual ratings, discipline records and yearly task assignments."""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.party_life import (
    DisciplineForm,
    DisciplineRecord,
    DisciplineTrack,
    NotRatedReason,
    Rating,
    TaskAssignment,
)
from tayninh_desktop.storage import bulk_values
from tayninh_desktop.storage import party_life_codes as codes
from tayninh_desktop.storage.audit import now_iso

# Ratings and tasks live in ratings_compact and tasks_compact, keyed by the member's row id and the year (m048,
# party_life_codes); what leaves this module is the Rating and TaskAssignment of ids and texts, as before.
_MEMBER_ROW = "(SELECT rowid FROM members WHERE id = ?)"
_RATING_COLUMNS = "r.id, m.id, r.year, r.level, r.score, r.rule_code, r.not_rated_reason, r.notes"
_RATINGS = "ratings_compact r JOIN members m ON m.rowid = r.member_row"
_COMPACT_RATING = "member_row, year, level, score, rule_code, not_rated_reason, notes, id, created"
_INSERT_RATING = (f"INSERT INTO ratings_compact ({_COMPACT_RATING}) VALUES ({_MEMBER_ROW}, ?, ?, ?, ?, ?, ?, ?, ?)")
_DISCIPLINE_COLUMNS = ("id, member_id, form, decided_on, in_force_until, doc_number, issuer, reason, announced_on,"
                       " track")
_INSERT_DISCIPLINE = (f"INSERT INTO discipline ({_DISCIPLINE_COLUMNS}, created_at, updated_at)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_COMPACT_TASK = "member_row, year, task, notes, id, created"
_INSERT_TASK = f"INSERT INTO tasks_compact ({_COMPACT_TASK}) VALUES ({_MEMBER_ROW}, ?, ?, ?, ?, ?)"
_TASK_COLUMNS = "t.id, m.id, t.year, t.task, t.notes"
_TASKS = "tasks_compact t JOIN members m ON m.rowid = t.member_row"


def _rating(row) -> Rating:
    return Rating(row[0], row[1], row[2], codes.RATING_LEVELS[row[3]], row[4], row[5],
                  NotRatedReason(row[6]) if row[6] else None, row[7])


def insert_rating(db: Database, rating: Rating) -> None:
    db.execute(_INSERT_RATING, [rating.member_id, rating.year, codes.RATING_CODES[rating.level.value], rating.score,
                                rating.rule_code, rating.not_rated_reason.value if rating.not_rated_reason else None,
                                rating.notes, rating.id, codes.stamp_code(now_iso())])


def update_rating(db: Database, rating: Rating) -> None:
    """Write a corrected rating over the year's row (the audit log keeps the one it replaced)."""
    db.execute("UPDATE ratings_compact SET level = ?, score = ?, rule_code = ?, not_rated_reason = ?, notes = ?,"
               f" updated = ? WHERE member_row = {_MEMBER_ROW} AND year = ? AND id = ?",
               [codes.RATING_CODES[rating.level.value], rating.score, rating.rule_code,
                rating.not_rated_reason.value if rating.not_rated_reason else None, rating.notes,
                codes.stamp_code(now_iso()), rating.member_id, rating.year, rating.id])


def insert_ratings_many(db: Database, rows: list[list]) -> None:
    """Rows of ratings_compact (member row, year, level code, score, rule, reason, notes, id, created): the demo."""
    bulk_values.insert_rows(db.conn, f"INSERT INTO ratings_compact ({_COMPACT_RATING})", 9, rows)


def rating_for(db: Database, member_id: str, year: int) -> Rating | None:
    row = db.execute(f"SELECT {_RATING_COLUMNS} FROM {_RATINGS} WHERE r.member_row = {_MEMBER_ROW} AND r.year = ?",
                     [member_id, year]).fetchone()
    return _rating(row) if row else None


def ratings_of(db: Database, member_id: str) -> list[Rating]:
    rows = db.execute(f"SELECT {_RATING_COLUMNS} FROM {_RATINGS} WHERE r.member_row = {_MEMBER_ROW}"
                      " ORDER BY r.year", [member_id])
    return [_rating(r) for r in rows]


def ratings_for_year(db: Database, member_ids: list[str], year: int) -> dict[str, Rating]:
    out: dict[str, Rating] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(f"SELECT {_RATING_COLUMNS} FROM members m JOIN ratings_compact r"
                          " ON r.member_row = m.rowid AND r.year = ?"
                          f" WHERE m.id IN ({','.join('?' * len(chunk))})", [year, *chunk])
        out.update({r[1]: _rating(r) for r in rows})
    return out


def level_counts(db: Database, year: int) -> dict[str, int]:
    rows = db.execute("SELECT level, COUNT(*) FROM ratings_compact WHERE year = ? GROUP BY level", [year])
    return {codes.RATING_TEXT[r[0]]: r[1] for r in rows}


def latest_rated_year(db: Database) -> int | None:
    return db.execute("SELECT MAX(year) FROM ratings_compact").fetchone()[0]


def _discipline(row) -> DisciplineRecord:
    return DisciplineRecord(row[0], row[1], DisciplineForm(row[2]), from_iso(row[3]), from_iso(row[4]), row[5],
                            row[6], row[7], from_iso(row[8]), DisciplineTrack(row[9]))


def discipline_values(d: DisciplineRecord, stamp: str) -> list:
    return [d.id, d.member_id, d.form.value, to_iso(d.decided_on), to_iso(d.in_force_until), d.doc_number,
            d.issuer, d.reason, to_iso(d.announced_on), d.track.value, stamp, stamp]


def insert_discipline(db: Database, record: DisciplineRecord) -> None:
    db.execute(_INSERT_DISCIPLINE, discipline_values(record, now_iso()))


def insert_discipline_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_DISCIPLINE, rows)


def get_discipline(db: Database, discipline_id: str) -> DisciplineRecord | None:
    row = db.execute(f"SELECT {_DISCIPLINE_COLUMNS} FROM discipline WHERE id = ?", [discipline_id]).fetchone()
    return _discipline(row) if row else None


def delete_discipline(db: Database, discipline_id: str) -> None:
    db.execute("DELETE FROM discipline WHERE id = ?", [discipline_id])


def discipline_case(db: Database, discipline_id: str) -> str | None:
    """The id of the removal case whose decision recorded this discipline, None when it was recorded on its own."""
    row = db.execute("SELECT id FROM cases WHERE discipline_id = ? LIMIT 1", [discipline_id]).fetchone()
    return row[0] if row else None


def discipline_of(db: Database, member_id: str) -> list[DisciplineRecord]:
    rows = db.execute(f"SELECT {_DISCIPLINE_COLUMNS} FROM discipline WHERE member_id = ? ORDER BY decided_on",
                      [member_id])
    return [_discipline(r) for r in rows]


def insert_task(db: Database, task: TaskAssignment) -> None:
    db.execute(_INSERT_TASK, [task.member_id, task.year, task.task, task.notes, task.id, codes.stamp_code(now_iso())])


def insert_tasks_many(db: Database, rows: list[list]) -> None:
    """Rows of tasks_compact (member row, year, task, notes, id, created): the demo."""
    bulk_values.insert_rows(db.conn, f"INSERT INTO tasks_compact ({_COMPACT_TASK})", 6, rows)


def task_for(db: Database, member_id: str, year: int) -> TaskAssignment | None:
    row = db.execute(f"SELECT {_TASK_COLUMNS} FROM {_TASKS} WHERE t.member_row = {_MEMBER_ROW} AND t.year = ?",
                     [member_id, year]).fetchone()
    return TaskAssignment(*row) if row else None


def update_task(db: Database, member_id: str, year: int, task: str, notes: str) -> None:
    """The member's task of the year written over."""
    db.execute(f"UPDATE tasks_compact SET task = ?, notes = ?, updated = ? WHERE member_row = {_MEMBER_ROW}"
               " AND year = ?", [task, notes, codes.stamp_code(now_iso()), member_id, year])


def status_on(db: Database, member_id: str, day) -> str | None:
    row = db.execute("SELECT status FROM member_periods WHERE member_id = ? AND valid_from <= ?"
                     " AND (valid_to IS NULL OR valid_to > ?)", [member_id, to_iso(day), to_iso(day)]).fetchone()
    return row[0] if row else None


def tasks_of(db: Database, member_id: str) -> list[TaskAssignment]:
    """The member's yearly task assignments, latest year first."""
    rows = db.execute(f"SELECT {_TASK_COLUMNS} FROM {_TASKS} WHERE t.member_row = {_MEMBER_ROW}"
                      " ORDER BY t.year DESC", [member_id])
    return [TaskAssignment(*r) for r in rows]


def standing_on(db: Database, member_id: str, day) -> str | None:
    """The member's standing (dự bị / chính thức) on ``day``, from the history's periods."""
    row = db.execute("SELECT standing FROM member_periods WHERE member_id = ? AND valid_from <= ?"
                     " AND (valid_to IS NULL OR valid_to > ?)", [member_id, to_iso(day), to_iso(day)]).fetchone()
    return row[0] if row else None


def discipline_of_many(db: Database, member_ids: list[str]) -> dict[str, list[DisciplineRecord]]:
    out: dict[str, list[DisciplineRecord]] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(f"SELECT {_DISCIPLINE_COLUMNS} FROM discipline"
                          f" WHERE member_id IN ({','.join('?' * len(chunk))}) ORDER BY decided_on", chunk)
        for r in rows:
            out.setdefault(r[1], []).append(_discipline(r))
    return out


# The ratings "không hoàn thành nhiệm vụ", through the (year, level) index a year at a time, never the whole table
# (280,000 ratings on a large register).
_INCOMPLETE = "r.year IN (SELECT DISTINCT year FROM ratings_compact) AND r.level = ?"


def incomplete_years_by_row(db: Database) -> dict[int, list[int]]:
    """Per member row id, the years rated "không hoàn thành nhiệm vụ" (the early warnings: the few members whose
    run is long enough are looked up afterwards)."""
    rows = db.execute(f"SELECT r.member_row, r.year FROM ratings_compact r WHERE {_INCOMPLETE}"
                      " ORDER BY r.member_row, r.year", [codes.INCOMPLETE])
    out: dict[int, list[int]] = {}
    for member_row, year in rows:
        out.setdefault(member_row, []).append(year)
    return out


def incomplete_years(db: Database) -> dict[str, list[int]]:
    """Per member, the years rated "không hoàn thành nhiệm vụ" (the partial read the warnings need)."""
    rows = db.execute("SELECT m.id, r.year FROM ratings_compact r JOIN members m ON m.rowid = r.member_row"
                      f" WHERE {_INCOMPLETE} ORDER BY m.id, r.year", [codes.INCOMPLETE])
    out: dict[str, list[int]] = {}
    for member_id, year in rows:
        out.setdefault(member_id, []).append(year)
    return out
