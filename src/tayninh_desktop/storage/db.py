"""Opening the register: file checks, pragmas, backups and pending migrations, and its transactions.

Every open goes through ``open_database``: it refuses a file that is not SQLite, that another
program made, that a newer program has migrated, that is empty (0 bytes) or that is a backup;
copies the file to the backups folder before any pending migration; and sets WAL, foreign keys and
synchronous=FULL so that a power cut never loses a committed action. A register that cannot be
written (a write-protected stick) opens read-only and says so.

A write is ``with db.atomic():``: ``BEGIN IMMEDIATE`` takes the write lock first, so a second
writer waits (the busy timeout) instead of failing at once, and when the wait runs out the refusal
names who has the register open. At commit the audit entries of the action are sealed
(``audit.seal``) and the chain's head is written outside the database.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database as _SqliteUtilsDatabase

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import audit, cipher, keystore, presence, row_hashes, scope_guard
from tayninh_desktop.storage import migrations as schema
from tayninh_desktop.storage.backup import BACKUP_MARK, backup_to

SQLITE_MAGIC = b"SQLite format 3\x00"
DatabaseError = sqlite3.DatabaseError   # what SQLite raises for a file it cannot read
BUSY_TIMEOUT_MS = 8000
CHECK_CACHE_KIB = 64 * 1024


def database_errors() -> tuple[type[BaseException], ...]:
    """What SQLite (or SQLCipher, for an encrypted register) raises for a file it cannot read."""
    return cipher.errors()


def _check_file(path: Path, create: bool, encrypted: bool = False) -> None:
    if not path.exists():
        if not create:
            raise DomainError("db_missing", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    if path.is_dir():
        raise DomainError("db_not_sqlite", path=str(path))
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DomainError("db_unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
    if not head and not create:
        raise DomainError("db_empty", path=str(path))
    if head and head != SQLITE_MAGIC and not encrypted:
        raise DomainError("db_not_sqlite", path=str(path))


def is_busy(exc: sqlite3.Error) -> bool:
    """True when SQLite refused because another connection holds the lock."""
    return cipher.is_operational(exc) and ("locked" in str(exc) or "busy" in str(exc))


def is_read_only_error(exc: sqlite3.Error) -> bool:
    return "readonly" in str(exc) or "read-only" in str(exc)


def locked_error(path: str) -> DomainError:
    who = presence.describe_others(path) if path else ""
    if who:
        return DomainError("db_locked_by", path=path or "?", who=who)
    return DomainError("db_locked", path=path or "?")


class Database(_SqliteUtilsDatabase):
    """sqlite-utils' Database whose writes take the lock first, wait for it, and seal their audit entries."""

    path_text = ""
    read_only = False

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:   # a nested block: a savepoint of the action's transaction
            with super().atomic():
                yield self
            return
        if self.read_only:
            raise DomainError("db_read_only", path=self.path_text or "?")
        self._begin()
        self.pending_audit = []
        try:
            yield self
            scope_guard.check_writes(self)
            audit.seal(self)
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.pending_audit = []
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if is_busy(exc):
                raise locked_error(self.path_text) from exc
            raise
        self._record_head()

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except database_errors() as exc:
            if is_busy(exc):
                raise locked_error(self.path_text) from exc
            if is_read_only_error(exc):
                raise DomainError("db_read_only", path=self.path_text or "?") from exc
            raise

    def _record_head(self) -> None:
        sealed = getattr(self, "sealed_head", None)
        self.sealed_head = None
        if sealed is None or not self.path_text:
            return
        record_head(self, sealed)


def record_head(db: Database, head: dict) -> None:
    """Write the chain's head outside the database; a recorded head this log does not contain (entries
    removed, an older copy put back) is kept as evidence instead of being overwritten."""
    from tayninh_desktop.storage.audit_verify import head_mismatch

    recorded = keystore.read_head(db.path_text)
    conflict = recorded.get("conflict") if recorded else None
    if recorded is not None and conflict is None:
        problem = head_mismatch(db, recorded)
        if problem is not None:
            conflict = {"seq": recorded.get("seq"), "hash": recorded.get("hash"), "db_seq": problem["seq"],
                        "code": problem["code"], "seen": datetime.now().isoformat(timespec="seconds")}
    keystore.write_head(db.path_text, {**head, **({"conflict": conflict} if conflict else {})})


def _raw_connect(target: str, key: bytes | None, *, uri: bool = False, timeout: float = 5.0,
                 check_same_thread: bool = True):
    if key is not None:
        return cipher.connect(target, key, uri=uri, timeout=timeout, check_same_thread=check_same_thread)
    return sqlite3.connect(target, uri=uri, timeout=timeout, check_same_thread=check_same_thread)


def _check_owner(path: Path, uri_flags: str = "mode=ro", *, allow_backup: bool = False,
                 key: bytes | None = None) -> None:
    """Refuse a SQLite file of another program (or a backup) before anything writes to it."""
    try:
        conn = _raw_connect(f"{path.resolve().as_uri()}?{uri_flags}", key, uri=True)
    except (sqlite3.Error, *database_errors()) as exc:
        raise DomainError("db_unreadable", path=str(path), reason=str(exc)) from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return
        if schema.MIGRATIONS.migrations_table in tables and conn.execute(
                f"SELECT count(*) FROM {schema.MIGRATIONS.migrations_table} WHERE migration_set = ?",
                (schema.MIGRATIONS.name,)).fetchone()[0]:
            if not allow_backup and conn.execute("PRAGMA user_version").fetchone()[0] == BACKUP_MARK:
                raise DomainError("db_is_backup", path=str(path))
            return
        raise DomainError("db_foreign", path=str(path))
    except database_errors() as exc:
        raise DomainError("db_locked" if is_busy(exc) else "db_damaged", path=str(path)) from exc
    finally:
        conn.close()


def connect(path: Path, key: bytes | None = None) -> Database:
    """A connection with the pragmas the app relies on (no migration); ``key`` for an encrypted register."""
    conn = _raw_connect(str(path), key, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    # No sqlite-utils plugins: a register runs only this program's code, and finding plugins scans every
    # installed package's metadata (~15 ms of start-up).
    db = Database(conn, execute_plugins=False)
    db.path_text = str(path)
    db.cipher_key = key
    try:
        db.execute("PRAGMA journal_mode=WAL")
    except database_errors() as exc:
        conn.close()
        if is_busy(exc):
            raise locked_error(str(path)) from exc
        if is_read_only_error(exc):
            raise DomainError("db_read_only", path=str(path)) from exc
        raise DomainError("db_not_sqlite", path=str(path)) from exc
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return db


def connect_read_only(path: Path, *, immutable: bool = False, key: bytes | None = None) -> Database:
    """A connection that cannot write (``check``, a backup being verified, a write-protected stick)."""
    flags = "mode=ro" + ("&immutable=1" if immutable else "")
    conn = _raw_connect(f"{path.resolve().as_uri()}?{flags}", key, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                        check_same_thread=False)
    db = Database(conn)
    db.path_text = str(path)
    db.cipher_key = key
    db.read_only = True
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return db


def _immutable(path: Path) -> bool:
    """A register nobody can write (a write-protected stick) is read without locks or a -shm file, which
    SQLite could not create there; unless a WAL is lying beside it, whose frames must be read."""
    return not writable(path) and not Path(f"{path}-wal").exists()


def _ro_flags(path: Path) -> str:
    return "mode=ro&immutable=1" if _immutable(path) else "mode=ro"


def backups_dir(path: Path) -> Path:
    return path.parent / "backups"


def writable(path: Path) -> bool:
    """False when the register (or its folder, where SQLite keeps the -wal and -shm) cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def connect_like(db: Database) -> Database:
    """A second connection to the same register for the window's worker: the same key and the same person
    (their scope applies to what the worker reads)."""
    own = connect(Path(db.path_text), getattr(db, "cipher_key", None))
    actor = getattr(db, "actor", None)
    if actor is not None:
        own.actor = actor
    return own


def open_database(path: Path | str, *, create: bool = False, read_only: bool = False, migrate: bool = True,
                  user: str | None = None, key: bytes | None = None) -> Database:
    """Open (or create) the register at ``path`` and bring its schema up to date.

    ``read_only`` (or a register that cannot be written) opens without writing anything, not even
    the WAL switch; such a register lists and prints, and every write is refused saying why.
    ``migrate=False`` leaves an older register as it is (``check`` never writes).
    """
    path = Path(path)
    _check_file(path, create, encrypted=key is not None)
    had_data = path.exists() and path.stat().st_size > 0
    if had_data:
        _check_owner(path, _ro_flags(path), key=key)
    if read_only or (had_data and not writable(path)):
        return _open_read_only(path, immutable=not writable(path), key=key)
    db = connect(path, key)
    if not had_data:
        keystore.forget_head(str(path))   # a new register at this name: the old file's head is not its own
    try:
        _bring_up_to_date(db, path, had_data, migrate)
        row_hashes.install_tracking(db.conn)
        _seal_baseline(db)
        _seal_migrated_values(db)
    except database_errors() as exc:
        db.conn.close()
        raise (locked_error(str(path)) if is_busy(exc) else DomainError("db_damaged", path=str(path))) from exc
    except BaseException:
        db.conn.close()
        raise
    if user:
        presence.announce(path, user)
    return db


def _bring_up_to_date(db: Database, path: Path, had_data: bool, migrate: bool) -> None:
    applied = {m.name for m in schema.MIGRATIONS.applied(db)}
    known = {m.name for m in schema.MIGRATIONS._migrations}
    unknown = sorted(applied - known)
    if unknown:
        raise DomainError("db_newer", path=str(path), unknown=", ".join(unknown))
    pending = schema.MIGRATIONS.pending(db)
    if pending and not migrate:
        return
    if pending and had_data:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_to(db, backups_dir(path) / f"truoc-nang-cap-{stamp}.sqlite3")
    if pending:
        apply_pending(db, pending)


def apply_pending(db: Database, pending) -> None:
    """Bring the schema up to date all or nothing: every pending migration up to the first that must run outside
    a transaction (a VACUUM) in ONE transaction — a refused upgrade (a row that cannot be converted, a full disk)
    leaves the register exactly as it was —, then the rest, each in its own."""
    outside = next((m.name for m in pending if not m.transactional), None)
    schema.MIGRATIONS.ensure_migrations_table(db)
    with db.atomic():
        schema.MIGRATIONS.apply(db, stop_before=outside)
    if outside is not None:
        schema.MIGRATIONS.apply(db)


def _open_read_only(path: Path, *, immutable: bool, key: bytes | None = None) -> Database:
    try:
        db = connect_read_only(path, immutable=immutable and _immutable(path), key=key)
        applied = {m.name for m in schema.MIGRATIONS.applied(db)}
    except database_errors() as exc:
        raise DomainError("db_damaged", path=str(path)) from exc
    known = {m.name for m in schema.MIGRATIONS._migrations}
    if applied - known:
        db.conn.close()
        raise DomainError("db_newer", path=str(path), unknown=", ".join(sorted(applied - known)))
    if known - applied:
        db.conn.close()
        raise DomainError("db_read_only_old", path=str(path))
    return db


def open_for_check(path: Path, *, allow_backup: bool = False, key: bytes | None = None) -> Database:
    """A read-only connection to a register as it is (no migration, nothing written): ``check``."""
    path = Path(path)
    _check_file(path, False, encrypted=key is not None)
    _check_owner(path, _ro_flags(path), allow_backup=allow_backup, key=key)
    try:
        db = connect_read_only(path, immutable=_immutable(path), key=key)
    except database_errors() as exc:
        raise DomainError("db_damaged", path=str(path)) from exc
    db.execute(f"PRAGMA cache_size=-{CHECK_CACHE_KIB}")   # the check reads, and sorts, every row
    return db


def _seal_baseline(db: Database) -> None:
    """A register written before the chain was keyed: record the rows as they are now, once, so that
    later changes outside the program are seen (what happened before cannot be vouched for)."""
    if db.execute("SELECT 1 FROM audit_rows LIMIT 1").fetchone():
        return
    if db.execute("SELECT 1 FROM audit_log WHERE mac_version = 1 LIMIT 1").fetchone():
        return
    if not db.execute("SELECT 1 FROM units LIMIT 1").fetchone():
        return   # an empty register: nothing to vouch for yet
    with db.atomic():
        audit.mark_everything(db)
        audit.append(db, audit.SYSTEM_ACTOR, "seal_baseline", "register", None, None,
                     {"reason": "sổ được ghi trước khi nhật ký có khóa"})


def _seal_migrated_values(db: Database) -> None:
    """A migration that changed existing values (it names itself in ``db.migrated_values``): the register as it
    left it is recorded with an entry of its own, so that ``check`` vouches for the moved rows."""
    changed = getattr(db, "migrated_values", None)
    if not changed:
        return
    db.migrated_values = []
    with db.atomic():
        audit.mark_everything(db)
        audit.append(db, audit.SYSTEM_ACTOR, "migration", "register", None, None, {"migrations": list(changed)})


def open_memory() -> Database:
    """A migrated in-memory register (self-test and benchmarks of the bare baseline)."""
    import secrets

    db = Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys=ON")
    schema.MIGRATIONS.apply(db)
    row_hashes.install_tracking(db.conn)
    key = secrets.token_bytes(32)
    db.chain_secret = (keystore.key_id(key), key)
    return db


def after_restore(db: Database) -> None:
    """The register's content was just replaced (``backup.restore_into``): bring an older copy up to date,
    track writes again, sign with the restored log's key, and start its head afresh."""
    schema.MIGRATIONS.apply(db)
    row_hashes.remove_tracking(db.conn)
    row_hashes.install_tracking(db.conn)
    db.chain_secret = None
    if getattr(db, "migrated_values", None):   # the restore's own entry records the register as migrated
        db.migrated_values = []
        audit.mark_everything(db)
    if db.path_text:
        keystore.forget_head(db.path_text)


def is_plain(db: Database) -> bool:
    """True for a connection of Python's own sqlite3 to a plain SQLite file (what may be copied page by page,
    written out afresh or checked from a second connection without a key)."""
    return type(db.conn) is sqlite3.Connection
