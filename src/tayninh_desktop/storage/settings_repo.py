"""Key/value settings stored as JSON (the home unit, document options, rule overrides)."""

from __future__ import annotations

import json

from sqlite_utils import Database


def get(db: Database, key: str, default=None):
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


def put(db: Database, key: str, value) -> None:
    db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [key, json.dumps(value, ensure_ascii=False)])
