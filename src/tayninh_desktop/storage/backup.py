"""Consistent copies of the register, written atomically and verified."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database


def backup_to(db: Database, target: Path) -> Path:
    """Copy the live database to ``target`` with SQLite's backup API, then verify the copy.

    The copy is written under a temporary name, checked with ``PRAGMA integrity_check``, fsynced
    and only then renamed, so a power cut leaves either no backup or a whole one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".tmp")
    if temp.exists():
        temp.unlink()
    dest = sqlite3.connect(str(temp))
    try:
        db.conn.backup(dest)
        ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise OSError(f"backup integrity check failed: {ok}")
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    with temp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, target)
    return target
