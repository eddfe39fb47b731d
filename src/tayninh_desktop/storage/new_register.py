"""A register built under a temporary name (init, demo) put into place: its log emptied into it, fsynced, then linked,
never over a register made meanwhile; a power cut leaves the temporary file, never a half register at the path."""

from __future__ import annotations

import os
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import audit, keystore
from tayninh_desktop.storage.db import Database


def move_new_register(db: Database, temp: Path, path: Path) -> None:
    """Put a register built under ``temp`` (init, demo) into place at ``path``: its write-ahead log emptied into it,
    the file fsynced, then linked (never over a register made meanwhile; an empty file at ``path`` is replaced).
    The file moves as it was built, not written out afresh: a copy (``VACUUM INTO``) would pack the b-trees a bulk
    build leaves ~88 % full, 6–7 % of the file (603.6 → ~645 MB for the 100,000-member demo), for ~5 s of the
    demo's time and as much again written to the disk. The chain's head moves with it."""
    head = audit.head(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    try:
        _place(temp, path)
    finally:
        _drop_temp(temp)
    keystore.forget_head(str(temp))
    if head:
        keystore.write_head(str(path), head)


def _place(source: Path, path: Path) -> None:
    """``source`` fsynced, then at ``path``: over an empty file, else linked (never over a register made meanwhile)."""
    with source.open("rb") as handle:
        os.fsync(handle.fileno())
    try:
        if path.exists() and path.stat().st_size == 0:
            os.replace(source, path)
        else:
            _link_no_clobber(source, path)
    except FileExistsError as exc:
        raise DomainError("db_exists", path=str(path)) from exc


def _drop_temp(temp: Path) -> None:
    from tayninh_desktop.domain import temp_journal

    for suffix in ("", "-wal", "-shm"):
        Path(f"{temp}{suffix}").unlink(missing_ok=True)
    temp_journal.end(temp)


def _link_no_clobber(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)   # fails if ``path`` exists: atomic, no overwrite
    except FileExistsError:
        raise
    except OSError:   # a file system without hard links (FAT on a stick)
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.rename(temp, path)
        return
    temp.unlink()
