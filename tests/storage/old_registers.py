"""Registers made by an earlier version of the program, kept as fixtures (gzip'd files beside their figures), for
the tests of the upgrades that convert tables to compact ones (m035, m048)."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import keystore
from tayninh_desktop.storage.db import open_database

FIXTURES = Path(__file__).parent / "fixtures"


def figures(name: str) -> dict:
    """What the earlier program gave from the register ``name`` (fixtures/<name>.json)."""
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def unpack(name: str, key_hex: str, path: Path) -> Path:
    """The register ``name`` unpacked to ``path``, its key stored on this computer as on the one that made it."""
    keystore.store_key(bytes.fromhex(key_hex))
    with gzip.open(FIXTURES / f"{name}.sqlite3.gz", "rb") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def table_kinds(path: Path, names: tuple[str, ...]) -> dict[str, str]:
    """Of ``names``, those in the file, each with its type ("table" or "view")."""
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute(f"SELECT name, type FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})",
                                 names))
    finally:
        conn.close()


def assert_same(before, after, where: str) -> None:
    """``after`` gives every value ``before`` gave (a dict may hold more keys: fields added since)."""
    if isinstance(before, dict):
        assert isinstance(after, dict), where
        for key, value in before.items():
            assert key in after, f"{where}.{key}"
            assert_same(value, after[key], f"{where}.{key}")
    elif isinstance(before, list):
        assert isinstance(after, list) and len(after) == len(before), where
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            assert_same(old, new, f"{where}[{index}]")
    else:
        assert after == before, where


def assert_upgrade_refused(register: Path, sql: str, column: str) -> None:
    """``sql`` run on the register made before a compact migration leaves a row the upgrade cannot key: opening it
    is refused by name (the column, in Vietnamese) and the file is left byte for byte as it was."""
    conn = sqlite3.connect(register)   # foreign keys off, as in any SQLite tool
    conn.execute(sql)
    conn.commit()
    conn.close()
    digest = hashlib.sha256(register.read_bytes()).hexdigest()
    with pytest.raises(DomainError) as caught:
        open_database(register)
    assert caught.value.code == "upgrade_unkeyable" and caught.value.data["column"] == column
    assert "1 dòng" in caught.value.message and "giữ nguyên" in caught.value.message
    conn = sqlite3.connect(register)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert hashlib.sha256(register.read_bytes()).hexdigest() == digest
