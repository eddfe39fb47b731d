"""Counts the start checklist is computed from (never stored flags: the register itself says what is done)."""

from __future__ import annotations

from sqlite_utils import Database


def counts(db: Database) -> dict[str, int]:
    """Open cells, members on the register, recorded meetings."""
    row = db.execute(
        "SELECT (SELECT COUNT(*) FROM units WHERE unit_type = 'chi_bo' AND valid_to IS NULL),"
        " (SELECT COUNT(*) FROM members),"
        " (SELECT COUNT(*) FROM meetings)").fetchone()
    return {"cells": row[0], "members": row[1], "meetings": row[2]}
