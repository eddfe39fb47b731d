"""The facts the screening detectors read, each with one query for the whole committee (or one cell)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.screening import AwayOnDay

_PRESENT_ON = "p.present = 1 AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)"
# Members here only in temporary party life are screened by their official cell elsewhere.
_NOT_HOSTED = "p.status IS NOT 'sinh_hoat_tam_thoi'"


def refs_on(db: Database, member_ids: list[str], on: date, cell_id: str | None = None) -> list[tuple[str, str, str]]:
    """(member id, full name, cell id) of those of ``member_ids`` on the register on ``on`` (in ``cell_id``), in the
    official list order."""
    day = to_iso(on)
    out: list[tuple[str, str, str, str]] = []
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        sql = (f"SELECT p.member_id, m.full_name, p.cell_id, m.sort_key FROM member_periods p JOIN members m"
               f" ON m.id = p.member_id WHERE {_PRESENT_ON} AND {_NOT_HOSTED}"
               f" AND p.member_id IN ({','.join('?' * len(chunk))})")
        params: list = [day, day, *chunk]
        if cell_id:
            sql += " AND p.cell_id = ?"
            params.append(cell_id)
        out.extend(db.execute(sql, params).fetchall())
    out.sort(key=lambda r: r[3])
    return [(r[0], r[1], r[2]) for r in out]


def away_on(db: Database, on: date, cell_id: str | None = None) -> list[AwayOnDay]:
    """Members away for work on ``on``: since the first leave of the stint, until the end of the arrangement in force
    that day, and their last contact by then (three queries, chunked, whatever the number of members away)."""
    day = to_iso(on)
    sql = (f"SELECT p.member_id, p.away_until FROM member_periods p WHERE {_PRESENT_ON}"
           " AND p.status = 'di_lam_an_xa'")
    params: list = [day, day]
    if cell_id:
        sql += " AND p.cell_id = ?"
        params.append(cell_id)
    until = dict(db.execute(sql, params).fetchall())
    stints: dict[str, tuple[str | None, str]] = {}
    contacts: dict[str, str] = {}
    ids = list(until)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for member_id, kind, event_date, place in db.execute(
                "SELECT member_id, kind, event_date, place FROM member_events WHERE event_date <= ?"
                f" AND kind IN ('di_lam_an_xa', 'het_di_lam_an_xa') AND member_id IN ({marks})"
                " ORDER BY member_id, event_date, seq", [day, *chunk]):
            since, last_place = stints.get(member_id, (None, ""))
            stints[member_id] = (None, "") if kind == "het_di_lam_an_xa" else (since or event_date,
                                                                                 place or last_place)
        contacts.update(db.execute(f"SELECT member_id, MAX(contacted_on) FROM away_contacts WHERE contacted_on <= ?"
                                   f" AND member_id IN ({marks}) GROUP BY member_id", [day, *chunk]).fetchall())
    out = []
    for member_id, (since, place) in stints.items():
        if since is None:
            continue
        contact = contacts.get(member_id)
        out.append(AwayOnDay(member_id, from_iso(since), from_iso(until[member_id]),
                             from_iso(contact) if contact and contact >= since else None, place))
    return out


def probationary_on(db: Database, on: date, cell_id: str | None = None) -> list[tuple[str, date]]:
    """(member id, start of the probation) of members whose standing on ``on`` is probationary: the joining date, or
    a later re-admission."""
    day = to_iso(on)
    sql = (f"SELECT p.member_id, m.joined_on FROM member_periods p JOIN members m ON m.id = p.member_id"
           f" WHERE {_PRESENT_ON} AND {_NOT_HOSTED} AND p.standing = 'du_bi'")
    params: list = [day, day]
    if cell_id:
        sql += " AND p.cell_id = ?"
        params.append(cell_id)
    rows = db.execute(sql, params).fetchall()
    readmitted = dict(db.execute("SELECT member_id, MAX(event_date) FROM member_events WHERE kind = 'ket_nap_lai'"
                                 " AND event_date <= ? GROUP BY member_id", [day]).fetchall())
    return [(r[0], from_iso(max(r[1], readmitted.get(r[0], r[1])))) for r in rows]


def disciplined_members(db: Database) -> list[str]:
    """Members with two or more discipline records (a new violation while one is in force needs a second)."""
    return [r[0] for r in db.execute("SELECT member_id FROM discipline GROUP BY member_id HAVING COUNT(*) > 1")]


def members_with_discipline(db: Database, member_ids: list[str]) -> list[str]:
    out: list[str] = []
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        out += [r[0] for r in db.execute("SELECT DISTINCT member_id FROM discipline"
                                         f" WHERE member_id IN ({','.join('?' * len(chunk))})", chunk)]
    return out

