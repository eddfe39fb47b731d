"""The committee's congresses by closing day (the terms that number documents)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.storage.audit import now_iso


def closings(db: Database, unit_id: str) -> list[tuple[date, str]]:
    rows = db.execute("SELECT closed_on, label FROM congresses WHERE unit_id = ? ORDER BY closed_on", [unit_id])
    return [(from_iso(r[0]), r[1]) for r in rows]


def insert(db: Database, congress_id: str, unit_id: str, closed_on: date, label: str) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO congresses (id, unit_id, closed_on, label, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
               [congress_id, unit_id, to_iso(closed_on), label, stamp, stamp])


def delete(db: Database, unit_id: str, closed_on: date) -> bool:
    cursor = db.execute("DELETE FROM congresses WHERE unit_id = ? AND closed_on = ?", [unit_id, to_iso(closed_on)])
    return cursor.rowcount > 0
