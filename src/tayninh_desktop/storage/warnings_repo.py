"""The facts the early warnings are computed from, each read with one query for the whole committee."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.warnings import AwayFact, LetterFact, ProbationFact


def member_names_cells(db: Database, member_ids: list[str]) -> dict[str, tuple[str, str | None, str]]:
    """member_id → (full name, current cell id, sort key)."""
    out: dict[str, tuple[str, str | None, str]] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute("SELECT id, full_name, cell_id, sort_key FROM members"
                          f" WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        out.update({r[0]: (r[1], r[2], r[3]) for r in rows})
    return out


def active_member_ids(db: Database, statuses: tuple[str, ...]) -> set[str]:
    rows = db.execute(f"SELECT id FROM members WHERE status IN ({','.join('?' * len(statuses))})", list(statuses))
    return {r[0] for r in rows}


def exempted_member_ids(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT id FROM members WHERE status = 'mien_sinh_hoat'")}


def away_facts(db: Database, cell_names: dict[str, str]) -> list[AwayFact]:
    """Members away now: the open AWAY event (place, end date) and their last recorded contact."""
    rows = db.execute(
        "SELECT m.id, m.full_name, m.cell_id, e.event_date, e.end_date, e.place,"
        " (SELECT MAX(c.contacted_on) FROM away_contacts c WHERE c.member_id = m.id AND c.contacted_on >= e.event_date)"
        " FROM members m JOIN member_events e ON e.member_id = m.id AND e.kind = 'di_lam_an_xa'"
        " AND e.event_date = (SELECT MAX(e2.event_date) FROM member_events e2 WHERE e2.member_id = m.id"
        " AND e2.kind = 'di_lam_an_xa')"
        " WHERE m.status = 'di_lam_an_xa' ORDER BY m.sort_key").fetchall()
    return [AwayFact(r[0], r[1], r[2], cell_names.get(r[2] or "", ""), from_iso(r[3]), from_iso(r[4]), r[5],
                     from_iso(r[6])) for r in rows]


def pending_letter_facts(db: Database, before: date, cell_names: dict[str, str]) -> list[LetterFact]:
    rows = db.execute(
        "SELECT t.id, t.member_id, m.full_name, m.cell_id, t.letter_number, t.direction, t.issued_on, t.deadline"
        " FROM transfer_letters t INDEXED BY transfer_letters_pending JOIN members m ON m.id = t.member_id"
        " WHERE t.outcome = 'cho' AND t.deadline < ? ORDER BY m.sort_key", [to_iso(before)]).fetchall()
    return [LetterFact(r[0], r[1], r[2], r[3], cell_names.get(r[3] or "", ""), r[4], r[5], from_iso(r[6]),
                       from_iso(r[7])) for r in rows]


def probation_facts(db: Database, cell_names: dict[str, str]) -> list[ProbationFact]:
    rows = db.execute("SELECT id, full_name, cell_id, joined_on FROM members INDEXED BY members_status_sort"
                      " WHERE status = 'du_bi' ORDER BY sort_key").fetchall()
    return [ProbationFact(r[0], r[1], r[2], cell_names.get(r[2] or "", ""), from_iso(r[3])) for r in rows]


def cells_with_members_in(db: Database, start: date, end: date) -> set[str]:
    """Cells that had at least one member on the register at some time in [start, end]."""
    rows = db.execute("SELECT DISTINCT cell_id FROM member_periods WHERE present = 1 AND cell_id IS NOT NULL"
                      " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)", [to_iso(end), to_iso(start)])
    return {r[0] for r in rows}
