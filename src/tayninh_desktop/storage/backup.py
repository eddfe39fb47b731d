"""Consistent copies of the register, written atomically and verified."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from tayninh_desktop.domain import temp_journal
from tayninh_desktop.storage import cipher

# Written into the header of every backup copy (PRAGMA user_version), so that opening a backup as a
# register is refused: opening would upgrade and write to the copy that must stay as it was.
BACKUP_MARK = 0x54424B31


def backup_to(db: Database, target: Path, *, plain: bool = False) -> Path:
    """Copy the live database to ``target`` with SQLite's backup API, then verify the copy.

    The copy is written under a temporary name, checked with ``PRAGMA integrity_check``, marked as a
    backup, fsynced and only then renamed, so a power cut leaves either no backup or a whole one. The copy
    of an encrypted register is encrypted with the same key, unless ``plain`` (the copy that goes inside a
    passphrase-encrypted backup file, which must open on a computer that has no key of this register).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    if temp.exists():
        temp.unlink()
    temp_journal.begin(temp)
    key = getattr(db, "cipher_key", None)
    try:
        if key is not None and plain:
            cipher.export(db.conn, temp, None)
            key = None
            dest = sqlite3.connect(str(temp))
        else:
            dest = cipher.connect(str(temp), key) if key is not None else sqlite3.connect(str(temp))
            db.conn.backup(dest)
        try:
            _finish_copy(dest)
        finally:
            dest.close()
        with temp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        temp_journal.end(temp)
    _fsync_folder(target.parent)
    return target


def _finish_copy(dest) -> None:
    ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        raise OSError(f"backup integrity check failed: {ok}")
    dest.execute("PRAGMA journal_mode=DELETE")
    dest.execute(f"PRAGMA user_version={BACKUP_MARK}")
    dest.commit()


def convert_copy(source: Path, source_key: bytes | None, target: Path, target_key: bytes | None) -> None:
    """Write ``source`` (a register or a backup, plain or encrypted) as ``target`` with another key (or
    none): SQLCipher's export, then the copy checked. ``target`` must not exist."""
    conn = cipher.connect(str(source), source_key) if source_key is not None else cipher.module().connect(str(source))
    try:
        cipher.export(conn, target, target_key)
    finally:
        conn.close()
    check = cipher.connect(str(target), target_key) if target_key is not None else sqlite3.connect(str(target))
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise OSError(f"converted copy failed its check: {ok}")
    finally:
        check.close()


def _fsync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def private_copy(source: Path, folder: Path) -> Path:
    """Copy a backup file alone (never a -wal or -journal lying beside it) into ``folder``: the copy is
    what gets opened, so the backup itself is never upgraded, merged or written."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "ban-sao.sqlite3"
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
    return target


def restore_into(db: Database, source: Path, source_key: bytes | None = None) -> None:
    """Replace the live register's content with ``source`` through SQLite's backup API (page by page,
    under the register's own lock, through its WAL), then leave no WAL behind. A source encrypted otherwise
    than the register (plain into encrypted, or another key) is first converted in a private temporary."""
    if db.conn.in_transaction:
        raise RuntimeError("restore_into inside a transaction")
    key = getattr(db, "cipher_key", None)
    converted = None
    if source_key != key:
        converted = source.with_name(f".{source.name}.{os.getpid()}.omk")
        converted.unlink(missing_ok=True)
        convert_copy(source, source_key, converted, key)
        source = converted
    try:
        if key is not None:
            src = cipher.connect(f"{source.resolve().as_uri()}?mode=ro", key, uri=True)
        else:
            src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            src.backup(db.conn)
        finally:
            src.close()
    finally:
        if converted is not None:
            converted.unlink(missing_ok=True)
    db.conn.execute("PRAGMA user_version=0")
    db.conn.execute("PRAGMA journal_mode=WAL")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def checkpoint(db: Database) -> None:
    """Move everything from the WAL into the register file and empty the WAL."""
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def write_json_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """A backup's file (a manifest, an encrypted backup): temporary name, fsync, rename, folder fsync."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp_journal.begin(temp)
    try:
        with temp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        temp_journal.end(temp)
    _fsync_folder(path.parent)
