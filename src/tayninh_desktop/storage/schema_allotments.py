"""Migration m043 of the returns (issue 14, polish): one store of the removals allotted to each unit.

The superior's board kept its allotments in the setting ``returns.allotments`` (unit code → year → count and
document) beside the screening's table ``removal_allotments`` (unit, year, with its document). Both now read and
write the table: each allotment of the setting moves into it, for the unit of that code in the organisation tree
(the reporting unit a key card attached; a code the tree does not hold yet is added under this committee, named as
its key card names it), and the setting is removed. An allotment the table already has for that unit and year is
kept (the table was the screening's own record).

This changes existing values: the migration notes it on the connection (``db.migrated_values``) and
``storage.db`` records the register as it left it with an audit entry of its own.
"""

from __future__ import annotations

import json
import uuid

from sqlite_utils import Database

from tayninh_desktop.domain.org import default_header_name
from tayninh_desktop.storage.audit import now_iso
from tayninh_desktop.storage.migrations import MIGRATIONS

KEY = "returns.allotments"
SUBORDINATE = {"dang_bo_tinh": "dang_uy_xa", "dang_bo_huyen": "dang_uy_xa"}


def _unit_for(db: Database, code: str) -> str:
    """The unit of ``code`` in the tree; a code only a key card knows is added under the home unit."""
    found = db.execute("SELECT id FROM units WHERE code = ?", [code]).fetchone()
    if found:
        return found[0]
    key = db.execute("SELECT unit_id, unit_name FROM exchange_keys WHERE unit_code = ? ORDER BY created_at DESC",
                     [code]).fetchone()
    if key and key[0] and db.execute("SELECT 1 FROM units WHERE id = ?", [key[0]]).fetchone():
        return key[0]
    home = db.execute("SELECT id, unit_type FROM units WHERE is_home = 1").fetchone()
    unit_id, stamp, name = str(uuid.uuid4()), now_iso(), (key[1] if key else code)
    db.execute("INSERT INTO units (id, code, unit_type, place_name, valid_from, is_home, created_at, updated_at)"
               " VALUES (?, ?, ?, '', NULL, 0, ?, ?)",
               [unit_id, code, SUBORDINATE.get(home[1] if home else "", "dang_uy_xa"), stamp, stamp])
    db.execute("INSERT INTO unit_versions (id, unit_id, name, header_name, parent_id, valid_from, valid_to, doc_number,"
               " doc_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, NULL, '', NULL, ?, ?)",
               [str(uuid.uuid4()), unit_id, name, default_header_name(name), home[0] if home else None, stamp, stamp])
    return unit_id


@MIGRATIONS()
def m043_allotments_one_store(db: Database) -> None:
    """The board's allotments (a setting) move into removal_allotments; the setting goes."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [KEY]).fetchone()
    if row is None:
        return
    stored = json.loads(row[0]) or {}
    for code, years in sorted(stored.items()):
        unit_id = _unit_for(db, code)
        for year, entry in sorted((years or {}).items()):
            stamp = now_iso()
            db.execute("INSERT INTO removal_allotments (id, unit_id, year, allotted, doc_number, doc_date, note,"
                       " created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, '', ?, ?)"
                       " ON CONFLICT (unit_id, year) DO NOTHING",
                       [str(uuid.uuid4()), unit_id, int(year), int(entry["allotted"]), str(entry.get("doc", "")),
                        stamp, stamp])
    db.execute("DELETE FROM settings WHERE key = ?", [KEY])
    db.migrated_values = [*getattr(db, "migrated_values", []), "m043_allotments_one_store"]
