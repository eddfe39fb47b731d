"""The details some history events carry: a leave for working away, a return from it, an exit's ground."""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.storage.audit import now_iso


def insert_leave(db: Database, event_id: str, details: EventDetails) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO away_leaves (event_id, abroad, requested_on, cell_proposal, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?)", [event_id, int(details.abroad), to_iso(details.requested_on),
                                             details.cell_proposal, stamp, stamp])


def insert_return(db: Database, event_id: str, details: EventDetails) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO away_returns (event_id, comments, comments_by, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?)", [event_id, details.return_comments, details.comments_by, stamp, stamp])


def insert_ground(db: Database, event_id: str, ground: str) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO exit_grounds (event_id, ground, created_at, updated_at) VALUES (?, ?, ?, ?)",
               [event_id, ground, stamp, stamp])


def details_of(db: Database, member_id: str) -> dict[str, EventDetails]:
    """event id → the details recorded with it, for one member's events."""
    out: dict[str, EventDetails] = {}
    rows = db.execute("SELECT l.event_id, l.abroad, l.requested_on, l.cell_proposal FROM away_leaves l"
                      " JOIN member_events e ON e.id = l.event_id WHERE e.member_id = ?", [member_id])
    for event_id, abroad, requested, proposal in rows:
        out[event_id] = EventDetails(abroad=bool(abroad), requested_on=from_iso(requested), cell_proposal=proposal)
    rows = db.execute("SELECT r.event_id, r.comments, r.comments_by FROM away_returns r"
                      " JOIN member_events e ON e.id = r.event_id WHERE e.member_id = ?", [member_id])
    for event_id, comments, by in rows:
        out[event_id] = EventDetails(return_comments=comments, comments_by=by)
    rows = db.execute("SELECT g.event_id, g.ground FROM exit_grounds g JOIN member_events e ON e.id = g.event_id"
                      " WHERE e.member_id = ?", [member_id])
    for event_id, ground in rows:
        out[event_id] = EventDetails(ground=ground)
    return out


def abroad_members(db: Database) -> set[str]:
    """Members whose latest leave is a leave abroad (for the warnings and the lists)."""
    rows = db.execute("SELECT e.member_id FROM away_leaves l JOIN member_events e ON e.id = l.event_id"
                      " WHERE l.abroad = 1")
    return {r[0] for r in rows}
