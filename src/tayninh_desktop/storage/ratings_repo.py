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
    RatingLevel,
    TaskAssignment,
)
from tayninh_desktop.storage.audit import now_iso

_RATING_COLUMNS = "id, member_id, year, level, score, rule_code, not_rated_reason, notes"
_INSERT_RATING = (f"INSERT INTO ratings ({_RATING_COLUMNS}, created_at, updated_at)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_DISCIPLINE_COLUMNS = ("id, member_id, form, decided_on, in_force_until, doc_number, issuer, reason, announced_on,"
                       " track")
_INSERT_DISCIPLINE = (f"INSERT INTO discipline ({_DISCIPLINE_COLUMNS}, created_at, updated_at)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_TASK = ("INSERT INTO task_assignments (id, member_id, year, task, notes, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)")


def _rating(row) -> Rating:
    return Rating(row[0], row[1], row[2], RatingLevel(row[3]), row[4], row[5],
                  NotRatedReason(row[6]) if row[6] else None, row[7])


def rating_values(r: Rating, stamp: str) -> list:
    return [r.id, r.member_id, r.year, r.level.value, r.score, r.rule_code,
            r.not_rated_reason.value if r.not_rated_reason else None, r.notes, stamp, stamp]


def insert_rating(db: Database, rating: Rating) -> None:
    db.execute(_INSERT_RATING, rating_values(rating, now_iso()))


def update_rating(db: Database, rating: Rating) -> None:
    """Write a corrected rating over the year's row (the audit log keeps the one it replaced)."""
    db.execute("UPDATE ratings SET level = ?, score = ?, rule_code = ?, not_rated_reason = ?, notes = ?,"
               " updated_at = ? WHERE id = ?",
               [rating.level.value, rating.score, rating.rule_code,
                rating.not_rated_reason.value if rating.not_rated_reason else None, rating.notes, now_iso(),
                rating.id])


def insert_ratings_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_RATING, rows)


def rating_for(db: Database, member_id: str, year: int) -> Rating | None:
    row = db.execute(f"SELECT {_RATING_COLUMNS} FROM ratings WHERE member_id = ? AND year = ?",
                     [member_id, year]).fetchone()
    return _rating(row) if row else None


def ratings_of(db: Database, member_id: str) -> list[Rating]:
    rows = db.execute(f"SELECT {_RATING_COLUMNS} FROM ratings WHERE member_id = ? ORDER BY year", [member_id])
    return [_rating(r) for r in rows]


def ratings_for_year(db: Database, member_ids: list[str], year: int) -> dict[str, Rating]:
    out: dict[str, Rating] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(f"SELECT {_RATING_COLUMNS} FROM ratings WHERE year = ?"
                          f" AND member_id IN ({','.join('?' * len(chunk))})", [year, *chunk])
        out.update({r[1]: _rating(r) for r in rows})
    return out


def level_counts(db: Database, year: int) -> dict[str, int]:
    rows = db.execute("SELECT level, COUNT(*) FROM ratings WHERE year = ? GROUP BY level", [year])
    return {r[0]: r[1] for r in rows}


def latest_rated_year(db: Database) -> int | None:
    return db.execute("SELECT MAX(year) FROM ratings").fetchone()[0]


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


def task_values(t: TaskAssignment, stamp: str) -> list:
    return [t.id, t.member_id, t.year, t.task, t.notes, stamp, stamp]


def insert_task(db: Database, task: TaskAssignment) -> None:
    db.execute(_INSERT_TASK, task_values(task, now_iso()))


def insert_tasks_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_TASK, rows)


def task_for(db: Database, member_id: str, year: int) -> TaskAssignment | None:
    row = db.execute("SELECT id, member_id, year, task, notes FROM task_assignments WHERE member_id = ? AND year = ?",
                     [member_id, year]).fetchone()
    return TaskAssignment(*row) if row else None


def update_task(db: Database, task_id: str, task: str, notes: str) -> None:
    db.execute("UPDATE task_assignments SET task = ?, notes = ?, updated_at = ? WHERE id = ?",
               [task, notes, now_iso(), task_id])


def status_on(db: Database, member_id: str, day) -> str | None:
    row = db.execute("SELECT status FROM member_periods WHERE member_id = ? AND valid_from <= ?"
                     " AND (valid_to IS NULL OR valid_to > ?)", [member_id, to_iso(day), to_iso(day)]).fetchone()
    return row[0] if row else None


def tasks_of(db: Database, member_id: str) -> list[TaskAssignment]:
    """The member's yearly task assignments, latest year first."""
    rows = db.execute("SELECT id, member_id, year, task, notes FROM task_assignments WHERE member_id = ?"
                      " ORDER BY year DESC", [member_id])
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


def incomplete_years(db: Database) -> dict[str, list[int]]:
    """Per member, the years rated "không hoàn thành nhiệm vụ" (the partial read the warnings need)."""
    # Through the (year, level) index, a year at a time, never the whole table (280,000 ratings on a large register).
    rows = db.execute("SELECT member_id, year FROM ratings WHERE year IN (SELECT DISTINCT year FROM ratings)"
                      " AND level = 'khong_hoan_thanh' ORDER BY member_id, year")
    out: dict[str, list[int]] = {}
    for member_id, year in rows:
        out.setdefault(member_id, []).append(year)
    return out
