"""Member events (the history) and their projection into dated periods."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent, MemberPeriod
from tayninh_desktop.domain.members import ACTIVE_STATUSES
from tayninh_desktop.storage.audit import now_iso

EVENT_COLUMNS = ["id", "member_id", "kind", "event_date", "cell_id", "end_date", "place", "doc_number", "doc_date",
                 "doc_issuer", "notes", "seq"]
_INSERT_EVENT = (f"INSERT INTO member_events ({', '.join(EVENT_COLUMNS)}, created_at, updated_at)"
                 f" VALUES ({', '.join('?' * (len(EVENT_COLUMNS) + 2))})")
_INSERT_PERIOD = ("INSERT INTO member_periods (member_id, valid_from, valid_to, present, cell_id, standing, status,"
                  " away_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def event_from_row(row) -> MemberEvent:
    """A MemberEvent from a row selected with EVENT_COLUMNS, in that order."""
    v = dict(zip(EVENT_COLUMNS, row))
    return MemberEvent(id=v["id"], member_id=v["member_id"], kind=EventKind(v["kind"]),
                       event_date=from_iso(v["event_date"]), cell_id=v["cell_id"], end_date=from_iso(v["end_date"]),
                       place=v["place"], doc_number=v["doc_number"], doc_date=from_iso(v["doc_date"]),
                       doc_issuer=v["doc_issuer"], notes=v["notes"], seq=v["seq"])


def event_values(event: MemberEvent, stamp: str) -> list:
    return [event.id, event.member_id, event.kind.value, to_iso(event.event_date), event.cell_id,
            to_iso(event.end_date), event.place, event.doc_number, to_iso(event.doc_date), event.doc_issuer,
            event.notes, event.seq, stamp, stamp]


def period_values(period: MemberPeriod) -> list:
    s = period.state
    return [period.member_id, to_iso(period.valid_from), to_iso(period.valid_to), int(s.present), s.cell_id,
            s.standing.value if s.standing else None, s.status.value if s.status else None, to_iso(s.away_until)]


def insert_event(db: Database, event: MemberEvent) -> None:
    db.execute(_INSERT_EVENT, event_values(event, now_iso()))


def insert_events_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_EVENT, rows)


def delete_event(db: Database, event_id: str) -> None:
    db.execute("DELETE FROM member_events WHERE id = ?", [event_id])


def get_event(db: Database, event_id: str) -> MemberEvent | None:
    row = db.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM member_events WHERE id = ?", [event_id]).fetchone()
    return event_from_row(row) if row else None


def events_of(db: Database, member_id: str) -> list[MemberEvent]:
    rows = db.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM member_events WHERE member_id = ?"
                      " ORDER BY event_date, seq", [member_id]).fetchall()
    return [event_from_row(r) for r in rows]


def next_seq(db: Database, member_id: str) -> int:
    return db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM member_events WHERE member_id = ?",
                      [member_id]).fetchone()[0]


def replace_periods(db: Database, member_id: str, periods: list[MemberPeriod]) -> None:
    db.execute("DELETE FROM member_periods WHERE member_id = ?", [member_id])
    db.conn.executemany(_INSERT_PERIOD, [period_values(p) for p in periods])


def insert_periods_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_PERIOD, rows)


def member_ids_in_cell_on(db: Database, cell_id: str, on: date) -> list[str]:
    """Who belonged to the cell on that date (on the register, whatever the activity), in list order."""
    day = to_iso(on)
    rows = db.execute(
        "SELECT p.member_id FROM member_periods p JOIN members m ON m.id = p.member_id"
        " WHERE p.cell_id = ? AND p.present = 1 AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)"
        " ORDER BY m.sort_key", [cell_id, day, day]).fetchall()
    return [r[0] for r in rows]


def status_counts_on(db: Database, on: date, cell_id: str | None = None) -> dict[str, int]:
    day = to_iso(on)
    sql = ("SELECT status, COUNT(*) FROM member_periods WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
           " AND present = 1")
    params: list = [day, day]
    if cell_id:
        sql += " AND cell_id = ?"
        params.append(cell_id)
    return {r[0]: r[1] for r in db.execute(sql + " GROUP BY status", params)}


def active_statuses() -> tuple[str, ...]:
    return tuple(sorted(ACTIVE_STATUSES))
