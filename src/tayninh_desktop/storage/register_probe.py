"""Look into a register file without opening it for work: nothing is created, migrated or locked."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def has_committee(path: Path) -> bool:
    """True when the file is a register that already holds its committee (read-only; False for anything else)."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("SELECT COUNT(*) FROM settings WHERE key = 'home_unit_id'").fetchone()[0] > 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()
