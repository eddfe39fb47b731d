"""The facts the early warnings are computed from, each read with one query for the whole committee."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.warnings import AwayFact, LetterFact, ProbationFact
from tayninh_desktop.storage.cases_repo import closing_cases, latest_closing_cases


def members_by_row(db: Database, member_rows: list[int]) -> dict[int, tuple[str, str, str | None, str, str]]:
    """member row id → (id, full name, current cell id, sort key, current status): the candidates of a warning
    counted on the compact party-life tables, looked up by row id."""
    out: dict[int, tuple[str, str, str | None, str, str]] = {}
    for start in range(0, len(member_rows), 500):
        chunk = member_rows[start:start + 500]
        rows = db.execute("SELECT rowid, id, full_name, cell_id, sort_key, status FROM members"
                          f" WHERE rowid IN ({','.join('?' * len(chunk))})", chunk)
        out.update({r[0]: r[1:] for r in rows})
    return out


def away_facts(db: Database, cell_names: dict[str, str]) -> list[AwayFact]:
    """Members away now: since the first AWAY event of the current stint (extensions included), until the
    end of the latest arrangement, and their last recorded contact."""
    rows = db.execute(
        "SELECT m.id, m.full_name, m.cell_id, e.kind, e.event_date, e.end_date, e.place"
        " FROM members m INDEXED BY members_status_sort"
        " CROSS JOIN member_events e INDEXED BY member_events_member ON e.member_id = m.id"
        " WHERE m.status = 'di_lam_an_xa' AND e.kind IN ('di_lam_an_xa', 'het_di_lam_an_xa')"
        " ORDER BY m.sort_key, e.event_date, e.seq").fetchall()
    last_contact = dict(db.execute("SELECT member_id, MAX(contacted_on) FROM away_contacts GROUP BY member_id"))
    stints: dict[str, list] = {}
    for member_id, name, cell_id, kind, day, end, place in rows:
        if kind == "het_di_lam_an_xa":
            stints.pop(member_id, None)
        elif member_id in stints:
            stints[member_id][4:8] = [stints[member_id][4], end, place, day]
        else:
            stints[member_id] = [member_id, name, cell_id, cell_names.get(cell_id or "", ""), day, end, place, day]
    out = []
    for member_id, name, cell_id, cell_name, since, until, place, leave_start in stints.values():
        contact = last_contact.get(member_id)
        out.append(AwayFact(member_id, name, cell_id, cell_name, from_iso(since), from_iso(until), place,
                            from_iso(contact) if contact and contact >= since else None, from_iso(leave_start)))
    return out


def pending_letter_facts(db: Database, before: date, cell_names: dict[str, str]) -> list[LetterFact]:
    """Letters still awaiting their presentation past their deadline. An incoming letter is closed by the member's
    transfer-in event (on or after the day it was issued), whatever its recorded outcome says."""
    rows = db.execute(
        "SELECT t.id, t.member_id, m.full_name, m.cell_id, t.letter_number, t.direction, t.issued_on, t.deadline"
        " FROM transfer_letters t INDEXED BY transfer_letters_pending JOIN members m ON m.id = t.member_id"
        " WHERE t.outcome = 'cho' AND t.deadline < ? AND NOT (t.direction = 'den' AND EXISTS ("
        " SELECT 1 FROM member_events e WHERE e.member_id = t.member_id"
        " AND e.kind IN ('chuyen_den', 'chuyen_den_tam_thoi') AND e.event_date >= t.issued_on))"
        " ORDER BY m.sort_key", [to_iso(before)]).fetchall()
    return [LetterFact(r[0], r[1], r[2], r[3], cell_names.get(r[3] or "", ""), r[4], r[5], from_iso(r[6]),
                       from_iso(r[7])) for r in rows]


# Statuses a probationary member can have while still on this committee's register and reviewed by its cell:
# away for work, temporarily attending elsewhere or exempted does not stop the 12 months (a member here only
# temporarily, "sinh hoạt tạm thời", is reviewed by his official cell elsewhere, so he is left out).
PROBATION_STATUSES = ("du_bi", "di_lam_an_xa", "chuyen_tam_thoi_di", "mien_sinh_hoat")


def probation_facts(db: Database, cell_names: dict[str, str]) -> list[ProbationFact]:
    """Members whose standing today is probationary (read from the history, whatever their status), with the
    day their probation started: the joining date, or a later readmission."""
    rows = db.execute(
        "SELECT m.id, m.full_name, m.cell_id, m.joined_on FROM members m INDEXED BY members_status_sort"
        " JOIN member_periods p ON p.member_id = m.id AND p.valid_to IS NULL"
        f" WHERE m.status IN ({', '.join('?' * len(PROBATION_STATUSES))}) AND p.present = 1 AND p.standing = 'du_bi'"
        " ORDER BY m.sort_key", list(PROBATION_STATUSES)).fetchall()
    readmitted = dict(db.execute("SELECT member_id, MAX(event_date) FROM member_events INDEXED BY"
                                 " member_events_kind_date WHERE kind = 'ket_nap_lai' GROUP BY member_id"))
    return [ProbationFact(r[0], r[1], r[2], cell_names.get(r[2] or "", ""),
                          from_iso(max(r[3], readmitted.get(r[0], r[3])))) for r in rows]


def cells_with_members(db: Database, statuses: tuple[str, ...]) -> set[str]:
    """Cells that have members on the register now (the ones expected to meet): one index probe per cell."""
    rows = db.execute(
        "SELECT u.id FROM units u WHERE EXISTS (SELECT 1 FROM members m INDEXED BY members_cell_sort"
        f" WHERE m.cell_id = u.id AND m.status IN ({','.join('?' * len(statuses))}))", list(statuses))
    return {r[0] for r in rows}


# The status events that remove a member from the register, and so close a removal ground reached before them.
CLOSING_EVENTS = ('xoa_ten', 'khai_tru', 'ra_khoi_dang', 'dinh_cu_nuoc_ngoai', 'tu_tran', 'chuyen_di')


def latest_closings(db: Database, after: date) -> dict[str, str]:
    """member → the day of the latest decision after ``after`` that closes a reached ground (what
    ``closing_decisions`` finds), for the whole committee in two queries: a ground of year Y is closed when that
    day is after 1 January of Y (the early warnings ask for each earlier year)."""
    out = latest_closing_cases(db, after)
    rows = db.execute("SELECT member_id, MAX(event_date) FROM member_events INDEXED BY member_events_kind_date"
                      f" WHERE kind IN ({', '.join('?' * len(CLOSING_EVENTS))}) AND event_date > ? GROUP BY member_id",
                      [*CLOSING_EVENTS, to_iso(after)])
    for member_id, day in rows:
        if day > out.get(member_id, ""):
            out[member_id] = day
    return out


def closing_decisions(db: Database, member_ids: list[str], after: date) -> dict[str, tuple[str, str]]:
    """The decisions that close a reached removal ground (member → (date, document)): a status event that removed
    the member from the register after ``after``, or a screening case that decided on the member after it (a removal
    decision, for or against; the cell's vote putting the member on the help list)."""
    out: dict[str, tuple[str, str]] = dict(closing_cases(db, member_ids, after))
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(
            "SELECT member_id, MIN(event_date), doc_number FROM member_events"
            f" WHERE kind IN ({', '.join('?' * len(CLOSING_EVENTS))})"
            f" AND event_date > ? AND member_id IN ({','.join('?' * len(chunk))}) GROUP BY member_id",
            [*CLOSING_EVENTS, to_iso(after), *chunk])
        out.update({r[0]: (r[1], r[2]) for r in rows})
    return out
