"""Units of the organisation tree and their dated versions (name, superior)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.members import ACTIVE_STATUSES
from tayninh_desktop.domain.org import Unit, UnitType, UnitVersion
from tayninh_desktop.storage.audit import now_iso

_UNIT_SQL = """
SELECT u.id, u.code, u.unit_type, v.name, v.header_name, v.parent_id, u.place_name, u.valid_from, u.valid_to,
       u.merged_into_id
FROM units u
JOIN unit_versions v ON v.unit_id = u.id
 AND v.valid_from IS (SELECT MAX(v2.valid_from) FROM unit_versions v2 WHERE v2.unit_id = u.id)
"""


_UNIT_TYPES = {t.value: t for t in UnitType}   # thousands of cells read at a time: a lookup, not Enum's call


def _unit(row) -> Unit:
    return Unit(id=row[0], code=row[1], unit_type=_UNIT_TYPES.get(row[2]) or UnitType(row[2]), name=row[3],
                header_name=row[4], parent_id=row[5], place_name=row[6], valid_from=from_iso(row[7]),
                valid_to=from_iso(row[8]), merged_into_id=row[9])


def insert_unit(db: Database, unit_id: str, code: str, unit_type: UnitType, place_name: str,
                valid_from: date | None, *, is_home: bool = False) -> None:
    stamp = now_iso()
    db.execute(
        "INSERT INTO units (id, code, unit_type, place_name, valid_from, is_home, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [unit_id, code, unit_type.value, place_name, to_iso(valid_from), int(is_home), stamp, stamp],
    )


def insert_version(db: Database, version_id: str, version: UnitVersion, doc_number: str = "",
                   doc_date: date | None = None) -> None:
    stamp = now_iso()
    db.execute(
        "INSERT INTO unit_versions (id, unit_id, name, header_name, parent_id, valid_from, valid_to, doc_number,"
        " doc_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [version_id, version.unit_id, version.name, version.header_name, version.parent_id,
         to_iso(version.valid_from), to_iso(version.valid_to), doc_number, to_iso(doc_date), stamp, stamp],
    )


def close_current_version(db: Database, unit_id: str, on: date) -> None:
    db.execute("UPDATE unit_versions SET valid_to = ?, updated_at = ? WHERE unit_id = ? AND valid_to IS NULL",
               [to_iso(on), now_iso(), unit_id])


def close_unit(db: Database, unit_id: str, on: date, merged_into_id: str | None = None) -> None:
    close_current_version(db, unit_id, on)
    db.execute("UPDATE units SET valid_to = ?, merged_into_id = ?, updated_at = ? WHERE id = ?",
               [to_iso(on), merged_into_id, now_iso(), unit_id])


def get(db: Database, unit_id: str) -> Unit | None:
    row = db.execute(_UNIT_SQL + " WHERE u.id = ?", [unit_id]).fetchone()
    return _unit(row) if row else None


def by_code(db: Database, code: str) -> Unit | None:
    row = db.execute(_UNIT_SQL + " WHERE u.code = ?", [code]).fetchone()
    return _unit(row) if row else None


def home(db: Database) -> Unit | None:
    row = db.execute(_UNIT_SQL + " WHERE u.is_home = 1").fetchone()
    return _unit(row) if row else None


def all_units(db: Database) -> list[Unit]:
    return [_unit(r) for r in db.execute(_UNIT_SQL + " ORDER BY u.unit_type, v.name").fetchall()]


def versions(db: Database, unit_id: str) -> list[UnitVersion]:
    rows = db.execute("SELECT unit_id, name, header_name, parent_id, valid_from, valid_to FROM unit_versions"
                      " WHERE unit_id = ? ORDER BY valid_from IS NOT NULL, valid_from", [unit_id]).fetchall()
    return [UnitVersion(r[0], r[1], r[2], r[3], from_iso(r[4]), from_iso(r[5])) for r in rows]


def version_on(db: Database, unit_id: str, on: date) -> UnitVersion | None:
    row = db.execute(
        "SELECT unit_id, name, header_name, parent_id, valid_from, valid_to FROM unit_versions"
        " WHERE unit_id = ? AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)"
        " ORDER BY valid_from DESC LIMIT 1", [unit_id, to_iso(on), to_iso(on)]).fetchone()
    return UnitVersion(row[0], row[1], row[2], row[3], from_iso(row[4]), from_iso(row[5])) if row else None


def cells(db: Database, *, include_closed: bool = False) -> list[Unit]:
    sql = _UNIT_SQL + " WHERE u.unit_type = ?"
    if not include_closed:
        sql += " AND u.valid_to IS NULL"
    return [_unit(r) for r in db.execute(sql + " ORDER BY v.name", [UnitType.CELL.value]).fetchall()]


def count_present_in_cell(db: Database, cell_id: str) -> int:
    placeholders = ",".join("?" * len(ACTIVE_STATUSES))
    return db.execute(f"SELECT COUNT(*) FROM members WHERE cell_id = ? AND status IN ({placeholders})",
                      [cell_id, *sorted(ACTIVE_STATUSES)]).fetchone()[0]
