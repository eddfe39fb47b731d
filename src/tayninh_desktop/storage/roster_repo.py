"""A cell's members on a date with their standing and status, from the member periods (the history's
projection): what the vote base and the lists of a paper take, as the register stood on the paper's date."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.members import MemberStatus, Standing
from tayninh_desktop.domain.votes import RosterEntry

_PRESENT_ON = "p.present = 1 AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)"


_STANDINGS = {s.value: s for s in Standing}   # by value: a dict lookup, not Enum's call (100,000 rows a roster)
_STATUSES = {s.value: s for s in MemberStatus}


def _entry(row) -> RosterEntry:
    standing = _STANDINGS[row[1]] if row[1] else Standing.FULL
    status = _STATUSES[row[2]] if row[2] else (
        MemberStatus.FULL if standing is Standing.FULL else MemberStatus.PROBATIONARY)
    return RosterEntry(row[0], standing, status, row[3])


def roster_on(db: Database, cell_id: str | None, on: date) -> list[RosterEntry]:
    """Members present in the cell (every cell when ``cell_id`` is None) on ``on``, in list order."""
    day = to_iso(on)
    sql = (f"SELECT p.member_id, p.standing, p.status, p.cell_id FROM member_periods p"
           f" JOIN members m ON m.id = p.member_id"
           f" WHERE {_PRESENT_ON}")
    params: list = [day, day]
    if cell_id:
        sql += " AND p.cell_id = ?"
        params.append(cell_id)
    return [_entry(r) for r in db.execute(sql + " ORDER BY m.sort_key", params)]


def full_members_cells_on(db: Database, on: date) -> dict[str, str | None]:
    """member id -> cell of the full members (full standing, status full) present on ``on``: what ``roster_on``
    gives for them, without its order or its entries."""
    day = to_iso(on)
    return dict(db.execute(
        f"SELECT p.member_id, p.cell_id FROM member_periods p WHERE {_PRESENT_ON}"
        " AND COALESCE(p.standing, '') IN ('', ?) AND COALESCE(p.status, '') IN ('', ?)",
        [day, day, Standing.FULL.value, MemberStatus.FULL.value]).fetchall())


def cell_of_on(db: Database, member_id: str, on: date) -> str | None:
    """The cell a member belonged to on ``on`` (None when not on the register that day)."""
    day = to_iso(on)
    row = db.execute(f"SELECT p.cell_id FROM member_periods p WHERE p.member_id = ? AND {_PRESENT_ON}",
                     [member_id, day, day]).fetchone()
    return row[0] if row else None


def away_until_on(db: Database, member_ids: list[str], on: date) -> dict[str, date | None]:
    """When each member's time away ends, for the members away on ``on`` (the list's note)."""
    day = to_iso(on)
    out: dict[str, date | None] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(
            f"SELECT p.member_id, p.away_until FROM member_periods p WHERE {_PRESENT_ON}"
            f" AND p.member_id IN ({', '.join('?' * len(chunk))})", [day, day, *chunk]).fetchall()
        out.update({r[0]: from_iso(r[1]) for r in rows})
    return out


def register_order(db: Database, member_ids: list[str]) -> list[str]:
    """The members in the order the committee's register received them (first day on the register, then
    the list order): the order of the sổ danh sách đảng viên (Mẫu 7-HSĐV)."""
    out: list[tuple[str, str, str]] = []
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(
            "SELECT m.id, MIN(p.valid_from), m.sort_key FROM members m JOIN member_periods p ON p.member_id = m.id"
            f" WHERE p.present = 1 AND m.id IN ({', '.join('?' * len(chunk))}) GROUP BY m.id", chunk).fetchall()
        out.extend(rows)
    out.sort(key=lambda r: (r[1] or "", r[2]))
    return [r[0] for r in out]
