"""The logged-in person's scope, for reads as well as writes.

A register is opened for one person (``services/session.open_register``): the connection carries that
person's actor (``db.actor``). Write actions are given the actor and call ``actor.require(…)`` and
``actor.require_cell(…)``; reads that are not given an actor (lists, records, sheets) ask this module,
so that a cell secretary cannot read another cell through any of them, in the window or the command line.
A connection with no actor (tests of one layer, the program's own tasks) is not restricted.
"""

from __future__ import annotations

from tayninh_desktop.domain.actors import Actor, Permission


def actor_of(db) -> Actor | None:
    return getattr(db, "actor", None)


def attach(db, actor: Actor) -> None:
    """Open the connection for ``actor``: every later read through it is scoped to them."""
    db.actor = actor


def scoped_cell(db) -> str | None:
    """A cell secretary's cell when the register is open for one, else None (the whole committee)."""
    actor = actor_of(db)
    return actor.cell_id if actor is not None and actor.scoped else None


def require(db, permission: Permission) -> None:
    actor = actor_of(db)
    if actor is not None:
        actor.require(permission)


def require_cell(db, cell_id: str | None, actor: Actor | None = None) -> None:
    """Refuse a cell secretary (the given actor, else the session's) asking for another cell."""
    for who in (actor, actor_of(db)):
        if who is not None:
            who.require_cell(cell_id)


def require_committee(db, actor: Actor | None = None) -> None:
    """Refuse a cell secretary an action or a read of the committee as a whole (returns, statistics, the fund,
    committee reports): ``cell_out_of_scope``, before anything is read or checked."""
    require_cell(db, None, actor)


def cell_filter(db, requested: str | None, actor: Actor | None = None) -> str | None:
    """The cell a list shows: the one asked for, or a secretary's own cell (another one is refused)."""
    for who in (actor, actor_of(db)):
        if who is not None:
            requested = who.cell_filter(requested)
    return requested


def require_member(db, member_id: str, actor: Actor | None = None) -> None:
    """Refuse a cell secretary asking for a member who is not in their cell now."""
    if not _any_scoped(db, actor):
        return
    row = db.execute("SELECT cell_id FROM members WHERE id = ?", [member_id]).fetchone()
    require_cell(db, row[0] if row else None, actor)


def require_meeting(db, meeting_id: str, actor: Actor | None = None) -> None:
    if not _any_scoped(db, actor):
        return
    row = db.execute("SELECT cell_id FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    require_cell(db, row[0] if row else None, actor)


# The member a record belongs to, for the records an action names by their own id.
MEMBER_OF = {
    "cases": "SELECT member_id FROM cases WHERE id = ?",
    "case_steps": "SELECT c.member_id FROM case_steps s JOIN cases c ON c.id = s.case_id WHERE s.id = ?",
    "discipline": "SELECT member_id FROM discipline WHERE id = ?",
    "dues_reliefs": "SELECT member_id FROM dues_reliefs WHERE id = ?",
    "member_awards": "SELECT member_id FROM member_awards WHERE id = ?",
    "member_events": "SELECT member_id FROM member_events WHERE id = ?",
    "transfer_letters": "SELECT member_id FROM transfer_letters WHERE id = ?",
    "support_applications": "SELECT member_id FROM support_applications WHERE id = ?",
    "support_households": "SELECT member_id FROM support_households WHERE id = ?",
    "support_loans": "SELECT member_id FROM support_loans WHERE id = ?",
    "support_interest_payments": ("SELECT l.member_id FROM support_interest_payments p "
                                  "JOIN support_loans l ON l.id = p.loan_id WHERE p.id = ?"),
}


def require_record(db, table: str, row_id: str | None, actor: Actor | None = None) -> None:
    """Refuse a cell secretary a record (of ``MEMBER_OF``) of a member who is not in their cell now; a record
    that does not exist is left to the action's own "not found"."""
    if not row_id or not _any_scoped(db, actor):
        return
    row = db.execute(MEMBER_OF[table], [row_id]).fetchone()
    if row is not None:
        require_member(db, row[0], actor)


def visible_member_ids(db, member_ids, actor: Actor | None = None) -> list[str]:
    """The members of ``member_ids`` this person may see, in the same order."""
    ids = list(member_ids)
    if not _any_scoped(db, actor):
        return ids
    cell = cell_filter(db, None, actor)
    seen = {r[0] for r in db.execute("SELECT id FROM members WHERE cell_id = ?", [cell])}
    return [i for i in ids if i in seen]


def _any_scoped(db, actor: Actor | None) -> bool:
    return any(who is not None and who.scoped for who in (actor, actor_of(db)))
