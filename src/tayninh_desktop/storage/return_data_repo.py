"""What a return reads from the register: the member-level changes of a period and the register snapshot.

Plain rows as dictionaries would break the rule that repositories return dataclasses; the snapshot is a
document of the exchange format (docs/return-package.md), so these functions return it as that document's
parts: lists of mappings with the format's field names. Ids are the register's UUIDs (they travel, integer ids
never do); cells are named by their codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import to_iso
from tayninh_desktop.storage.members_repo import DATA_COLUMNS

CHANGE_KINDS = ("ket_nap", "chinh_thuc", "chuyen_den", "chuyen_di", "mien_sinh_hoat", "het_mien_sinh_hoat",
                "xoa_ten", "khai_tru", "ra_khoi_dang", "dinh_cu_nuoc_ngoai", "tu_tran", "ket_nap_lai",
                "phuc_hoi_dang_tich")
EVENT_FIELDS = ("id", "member_id", "kind", "event_date", "seq", "cell_id", "end_date", "place", "doc_number",
                "doc_date", "doc_issuer", "notes")


@dataclass(frozen=True)
class ChangeRow:
    """One member-level change (biến động) of the period, with who it is about."""

    member_id: str
    full_name: str
    gender: str
    birth_date: str
    cccd: str
    card_number: str
    kind: str
    event_date: str
    cell_code: str
    place: str
    doc_number: str
    doc_date: str | None
    doc_issuer: str
    notes: str


def changes_between(db: Database, start: date, end: date) -> list[ChangeRow]:
    """The period's changes, by date: admissions, recognitions, official transfers, exemptions, removals,
    deaths, re-admissions. A change that carries no cell is counted in the cell the member was in before it."""
    marks = ", ".join("?" * len(CHANGE_KINDS))
    rows = db.execute(
        "SELECT m.id, m.full_name, m.gender, m.birth_date, m.cccd, m.card_number, e.kind, e.event_date,"
        " COALESCE(c.code, (SELECT u.code FROM member_periods p JOIN units u ON u.id = p.cell_id"
        "   WHERE p.member_id = e.member_id AND p.present = 1 AND p.valid_from < e.event_date"
        "   ORDER BY p.valid_from DESC LIMIT 1), ''),"
        " e.place, e.doc_number, e.doc_date, e.doc_issuer, e.notes"
        " FROM member_events e JOIN members m ON m.id = e.member_id LEFT JOIN units c ON c.id = e.cell_id"
        f" WHERE e.kind IN ({marks}) AND e.event_date BETWEEN ? AND ? ORDER BY e.event_date, m.sort_key, e.seq",
        [*CHANGE_KINDS, to_iso(start), to_iso(end)]).fetchall()
    return [ChangeRow(*row) for row in rows]


@dataclass(frozen=True)
class Snapshot:
    """The register as it is: its cells, every member (identity and party fields) and every member event."""

    units: list[dict]
    members: list[dict]
    events: list[dict]


def snapshot(db: Database) -> Snapshot:
    units = [{"id": r[0], "code": r[1], "unit_type": r[2], "name": r[3], "valid_from": r[4], "valid_to": r[5]}
             for r in db.execute(
                 "SELECT u.id, u.code, u.unit_type, v.name, u.valid_from, u.valid_to FROM units u"
                 " JOIN unit_versions v ON v.unit_id = u.id AND v.valid_from IS (SELECT MAX(v2.valid_from)"
                 "  FROM unit_versions v2 WHERE v2.unit_id = u.id)"
                 " WHERE u.unit_type IN ('chi_bo', 'dang_bo_bo_phan', 'to_dang') ORDER BY u.code")]
    columns = ["id", *DATA_COLUMNS, "cell_id", "status"]
    members = [dict(zip(columns, row)) for row in db.execute(
        f"SELECT {', '.join(columns)} FROM members ORDER BY sort_key")]
    events = [dict(zip(EVENT_FIELDS, row)) for row in db.execute(
        f"SELECT {', '.join('e.' + f for f in EVENT_FIELDS)} FROM member_events e"
        " ORDER BY e.member_id, e.event_date, e.seq")]
    return Snapshot(units, members, events)


def member_names(db: Database) -> list[str]:
    """Every member's full name (the test that no name is readable in a package reads them)."""
    return [r[0] for r in db.execute("SELECT full_name FROM members")]
