"""The register files of the window: the real one and the sample one, opened for work or only looked into."""

from __future__ import annotations

from pathlib import Path

from tayninh_desktop.storage import register_probe
from tayninh_desktop.storage.db import Database, open_database


def open_register(path: Path) -> Database:
    """Open (creating it if needed) the register at ``path``, its schema brought up to date; a file that is not
    a register, or is locked, is refused with a DomainError naming it."""
    return open_database(path, create=True)


def close_register(db: Database) -> None:
    db.conn.close()


def has_committee(path: Path) -> bool:
    """The register file at ``path`` exists and holds its committee (looked at read-only)."""
    return register_probe.has_committee(path)
