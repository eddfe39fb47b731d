"""A register built under a temporary name (init, demo) put into place: written out afresh, fsynced, then linked,
never over a register made meanwhile; a power cut leaves the temporary file, never a half register at the path."""

from __future__ import annotations

import os
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import audit, keystore
from tayninh_desktop.storage.db import Database, is_plain


def move_new_register(db: Database, temp: Path, path: Path) -> None:
    """Put a register built under ``temp`` (init, demo) into place at ``path``: written out afresh beside it
    (``VACUUM INTO``: every table and index packed, a tenth smaller than the pages a bulk build leaves, in about
    the time emptying the WAL into the file took), the copy fsynced, then linked (never over a register made
    meanwhile; an empty file at ``path`` is replaced). A register that is not a plain SQLite file moves as it was
    built, its WAL emptied into it first. The chain's head moves with it."""
    head = audit.head(db)
    if not is_plain(db):   # only a plain SQLite file is written out afresh; any other as it was built
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.close()
        _move_as_built(temp, path)
    else:
        _move_packed(db, temp, path)
    keystore.forget_head(str(temp))
    if head:
        keystore.write_head(str(path), head)


def _move_as_built(temp: Path, path: Path) -> None:
    try:
        _place(temp, path)
    finally:
        _drop_temp(temp)


def _move_packed(db: Database, temp: Path, path: Path) -> None:
    from tayninh_desktop.domain import temp_journal

    packed = temp.with_name(f"{temp.name}.goi")
    temp_journal.begin(packed)
    try:
        packed.unlink(missing_ok=True)
        db.execute("VACUUM INTO ?", [str(packed)])   # row ids kept: every referenced table has an index
        db.conn.close()
        _place(packed, path)
    finally:
        packed.unlink(missing_ok=True)
        temp_journal.end(packed)
        db.conn.close()
        _drop_temp(temp)


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
