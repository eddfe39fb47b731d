"""The register encrypted at rest: SQLCipher through ``sqlcipher3`` (its wheels ship a static SQLCipher 4).

A register is either a plain SQLite file (opened with the standard ``sqlite3``) or a SQLCipher file keyed
with the register's 32-byte data key (``PRAGMA key = "x'…'"``: the raw key, no passphrase derivation; the
key is random, wrapped by the administrators' passwords in the keyring beside the register). sqlite-utils
works unchanged on either connection. ``sqlcipher3`` is imported only when an encrypted register is used
(start-up of a plain register does not pay for it), so the errors a connection raises are
``errors()``: the standard module's and, once loaded, SQLCipher's.

What SQLCipher covers: every page of the file and of its WAL (AES-256-CBC with a per-page HMAC-SHA512);
the first 16 bytes are the salt. The file's size and the times it changes are not hidden.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"


def module():
    try:
        import sqlcipher3
    except ImportError as exc:   # pragma: no cover - an installation without the wheel
        raise DomainError("encryption_unavailable") from exc
    return sqlcipher3


def errors() -> tuple[type[BaseException], ...]:
    """The DatabaseError classes of the bindings in use (``except errors():`` is evaluated when needed)."""
    found: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)
    loaded = sys.modules.get("sqlcipher3")
    if loaded is not None:
        found += (loaded.DatabaseError,)
    return found


def is_operational(exc: BaseException) -> bool:
    return type(exc).__name__ == "OperationalError"


def is_encrypted_file(path: Path) -> bool:
    """True when ``path`` holds data that is not a plain SQLite file (a SQLCipher register looks random)."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return bool(head) and head != SQLITE_MAGIC


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(target: str, key: bytes, *, uri: bool = False, timeout: float = 5.0, check_same_thread: bool = True):
    """A SQLCipher connection keyed with ``key``; a wrong key (or a file that is not this register) is refused
    here, before anything reads or writes."""
    lib = module()
    conn = lib.connect(target, uri=uri, timeout=timeout, check_same_thread=check_same_thread)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except lib.DatabaseError as exc:
        path = _plain_path(target)
        bad, pages = _unauthenticated_pages(conn, Path(path))
        conn.close()
        if 0 < bad < pages:   # the key opens most pages: this register's key, and the file is damaged
            raise DomainError("encrypted_damaged", path=path, bad=bad, pages=pages) from exc
        raise DomainError("encrypted_wrong_key", path=path) from exc
    return conn


def _unauthenticated_pages(conn, path: Path) -> tuple[int, int]:
    """(pages whose HMAC fails with the key given, pages in the file): every page fails with another key, a few
    with the right key on a damaged file (``PRAGMA cipher_integrity_check`` reads each page, not the schema)."""
    try:
        bad = len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
        size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0] or 4096)
    except Exception:   # noqa: BLE001 - a file the check cannot read at all: nothing tells the cases apart
        return 0, 0
    pages = path.stat().st_size // size if path.is_file() else 0
    return bad, pages


def _plain_path(target: str) -> str:
    return target.removeprefix("file://").split("?", 1)[0]


def export(conn, target: Path, key: bytes | None, user_version: int | None = None) -> None:
    """Write the whole database of ``conn`` (a SQLCipher connection) into the new file ``target``: encrypted
    with ``key``, or plain when ``key`` is None (``sqlcipher_export``: the way SQLCipher changes a file's key)."""
    attach_key = f"x'{key.hex()}'" if key else ""
    conn.execute(f"ATTACH DATABASE ? AS exported KEY \"{attach_key}\"", [str(target)])
    try:
        conn.execute("SELECT sqlcipher_export('exported')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0] if user_version is None else user_version
        conn.execute(f"PRAGMA exported.user_version = {int(version)}")
    finally:
        if conn.in_transaction:
            conn.commit()
        conn.execute("DETACH DATABASE exported")
