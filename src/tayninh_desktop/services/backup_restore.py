"""Verifying a backup and restoring the register from one.

Verify: the backup file is copied alone into a private folder (never opened where it lies, never a
-wal beside it, never upgraded), the copy opened read-only, and the full check run on it; its log's
head and its counts are compared with those recorded when it was made.

Restore: shows what will change (counts and the last action, now and in the backup); refuses a
backup that fails its check; keeps the current register as a backup; replaces the content through
SQLite's backup API into the open register (so no stale WAL can merge later changes back in); brings
an older copy up to date; and records the restore in the log.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages import render
from tayninh_desktop.exchange import backup_bundle, backup_crypto
from tayninh_desktop.services.backup import create_backup
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.integrity import CheckReport, Finding, check
from tayninh_desktop.storage import audit, cipher, integrity, keystore
from tayninh_desktop.storage.backup import checkpoint, private_copy, restore_into
from tayninh_desktop.storage.db import Database, after_restore, database_errors, open_for_check


@dataclass(frozen=True)
class BackupCheck:
    """What ``backup verify`` found: the check of the copy and how it compares with its manifest."""

    file: str
    encrypted: bool
    manifest: dict | None
    report: CheckReport
    counts: dict[str, int]
    last_action: dict | None
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)   # said, but not a reason to refuse (no manifest)

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.problems

    @property
    def only_unverifiable(self) -> bool:
        """Sound, except that this computer lacks the key of its log (a plain backup from another PC)."""
        codes = {f.code for f in self.report.findings()}
        return not self.problems and codes == {"unverifiable"} and self.report.verdict != "ok"


@dataclass(frozen=True)
class RestorePreview:
    check: BackupCheck
    current: dict[str, int]
    current_last: dict | None


@dataclass(frozen=True)
class RestoreResult:
    kept: Path
    before: dict[str, int]
    after: dict[str, int]
    changes: Changes


@contextmanager
def opened_backup(path: Path | str, passphrase: str | None = None,
                  key: bytes | None = None) -> Iterator[tuple[Database, dict | None, bool]]:
    """A read-only connection to a private copy of the backup at ``path``, its manifest, and whether it
    was encrypted. The keys an encrypted backup carries are kept on this computer. A backup beside an
    encrypted register is encrypted with the register's key: ``key`` opens it."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("backup_not_found", file=str(path))
    with tempfile.TemporaryDirectory(prefix="tayninh-kiem-tra-") as scratch:
        folder = Path(scratch)
        head = path.open("rb").read(64)
        encrypted = backup_crypto.is_encrypted(head)
        if encrypted:
            files = backup_bundle.unpack(backup_crypto.decrypt(path.read_bytes(), passphrase, path.name), path.name)
            copy = folder / "ban-sao.sqlite3"
            copy.write_bytes(files[backup_bundle.REGISTER])
            info = _json(files.get(backup_bundle.MANIFEST))
            for name, data in files.items():
                if name.startswith(backup_bundle.KEYS_PREFIX):
                    _keep_key(data)
        else:
            copy = private_copy(path, folder)
            sidecar = path.with_name(path.name + ".json")
            info = _json(sidecar.read_bytes()) if sidecar.is_file() else None
        sealed = cipher.is_encrypted_file(copy)
        if sealed and key is None:
            raise DomainError("backup_encrypted_other_key", path=path.name)
        try:
            db = open_for_check(copy, allow_backup=True, key=key if sealed else None)
        except DomainError as error:
            code = "backup_encrypted_other_key" if sealed else "backup_unreadable"
            raise DomainError(code, file=path.name, path=path.name) from error
        try:
            yield db, info, encrypted
        finally:
            db.conn.close()


def is_encrypted_file(path: Path | str) -> bool:
    """Whether the file is an encrypted backup (it needs its passphrase to be opened)."""
    try:
        with Path(path).open("rb") as handle:
            return backup_crypto.is_encrypted(handle.read(64))
    except OSError:
        return False


def _json(data: bytes | None) -> dict | None:
    try:
        value = json.loads(data) if data else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _keep_key(data: bytes) -> None:
    try:
        keystore.store_key(bytes.fromhex(data.decode("ascii")))
    except (ValueError, UnicodeDecodeError):
        pass


def last_action(db: Database) -> dict | None:
    row = db.execute("SELECT seq, at, actor, action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return {"seq": row[0], "at": row[1], "actor": row[2], "action": row[3]} if row else None


def verify_backup(path: Path | str, *, passphrase: str | None = None, key: bytes | None = None) -> BackupCheck:
    """Open a copy of the backup read-only, run the full check, compare with its manifest. Writes nothing
    (but keeps the audit keys an encrypted backup carries)."""
    path = Path(path)
    with opened_backup(path, passphrase, key) as (db, info, encrypted):
        try:
            report = check(db)
            counts = integrity.table_counts(db)
            if info is None:
                note = _finding("backup_no_manifest", file=path.name, manifest=path.name + ".json")
                return BackupCheck(path.name, encrypted, info, report, counts, last_action(db), [], [note])
            problems = _against_manifest(db, path, info, counts)
            return BackupCheck(path.name, encrypted, info, report, counts, last_action(db), problems)
        except database_errors() as exc:
            raise DomainError("backup_unreadable", file=path.name) from exc


def _finding(code: str, **data) -> Finding:
    return Finding(code, data, render(code, data))


def _against_manifest(db: Database, path: Path, info: dict, counts: dict[str, int]) -> list[Finding]:
    out = []
    recorded = info.get("head") or {}
    now = audit.head(db) or {}
    if recorded.get("seq") != now.get("seq") or recorded.get("hash") != now.get("hash"):
        out.append(_finding("backup_head_mismatch", file=path.name, seq=now.get("seq", 0),
                            recorded_seq=recorded.get("seq", 0)))
    for table, recorded_count in (info.get("counts") or {}).items():
        if counts.get(table) != recorded_count:
            out.append(_finding("backup_count_mismatch", file=path.name, table=table, count=counts.get(table, 0),
                                recorded=recorded_count))
    return out


def preview_restore(db: Database, path: Path | str, *, passphrase: str | None = None) -> RestorePreview:
    """What restoring ``path`` would change: its check, and the counts now and in the backup."""
    result = verify_backup(path, passphrase=passphrase, key=getattr(db, "cipher_key", None))
    return RestorePreview(result, integrity.table_counts(db), last_action(db))


def restore_backup(db: Database, actor: Actor, path: Path | str, *, passphrase: str | None = None,
                   now: datetime | None = None) -> RestoreResult:
    """Replace the register's content with the backup at ``path``; the current register is kept as a backup."""
    actor.require(Permission.EDIT_ORGANISATION)
    if db.read_only:
        raise DomainError("backup_restore_read_only")
    path = Path(path)
    key = getattr(db, "cipher_key", None)
    result = verify_backup(path, passphrase=passphrase, key=key)
    if not (result.ok or result.only_unverifiable):
        reason = "; ".join(f.message for f in [*result.problems, *result.report.findings()][:3]) \
            or "; ".join(result.report.integrity[:2]) or result.report.verdict
        raise DomainError("backup_restore_refused", file=path.name, reason=reason)
    before = integrity.table_counts(db)
    kept = create_backup(db, actor, kind="truoc-phuc-hoi", now=now).path
    with opened_backup(path, passphrase, key) as (source, _info, _encrypted):
        copy, source_key = Path(source.path_text), source.cipher_key
        source.conn.close()
        restore_into(db, copy, source_key)
    after_restore(db)
    audit.append(db, actor.name, "restore_backup", "register", None, None,
                 {"file": path.name, "made": (result.manifest or {}).get("made"), "kept": kept.name,
                  "restored_head": (result.manifest or {}).get("head")})
    checkpoint(db)   # the restored register whole in its file, its WAL empty
    return RestoreResult(kept, before, integrity.table_counts(db), Changes(
        organisation=True, members=True, history=True, party_life=True, documents=True, settings=True))


def damaged_register_admin(path: Path | str, name: str | None, password: str) -> tuple[Actor, bytes]:
    """Who restores over a damaged encrypted register, whose accounts cannot be read: an administrator whose
    password opens their own wrap of the register's key in the keyring beside it. (The administrator and the key
    the new register is encrypted with again.) Another account, or a wrong password: refused, nothing changed."""
    from tayninh_desktop.domain.actors import Role
    from tayninh_desktop.services import encryption

    path = Path(path)
    if not name:
        raise DomainError("login_failed")
    key, own = encryption.key_for(path, name, password)
    if key is None:
        raise DomainError("login_failed")
    if not own:   # the computer's sealed copy: not proof of an administrator
        raise DomainError("permission_denied", actor=name, permission=Permission.MANAGE_KEYS.value)
    return Actor(name, Role.ADMIN), key


def restore_over_damaged(path: Path | str, actor: Actor, backup: Path | str, *, passphrase: str | None = None,
                         now: datetime | None = None, key: bytes | None = None) -> RestoreResult:
    """The register at ``path`` cannot be opened (empty, damaged): it is set aside under a new name (kept,
    never deleted) and the backup is restored into a new register at ``path`` — encrypted with ``key`` (the
    damaged register's, from ``damaged_register_admin``) when it was encrypted, so its keyring still opens it."""
    from tayninh_desktop.storage.db import open_database

    actor.require(Permission.EDIT_ORGANISATION)
    path, backup = Path(path), Path(backup)
    result = verify_backup(backup, passphrase=passphrase, key=key)
    if not (result.ok or result.only_unverifiable):
        reason = "; ".join(f.message for f in [*result.problems, *result.report.findings()][:3]) or "?"
        raise DomainError("backup_restore_refused", file=backup.name, reason=reason)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.hong-{stamp}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.rename(Path(f"{aside}{suffix}"))
    db = open_database(path, create=True, key=key)
    try:
        with opened_backup(backup, passphrase, key) as (source, _info, _encrypted):
            copy, source_key = Path(source.path_text), source.cipher_key
            source.conn.close()
            restore_into(db, copy, source_key)
        after_restore(db)
        audit.append(db, actor.name, "restore_backup", "register", None, None,
                     {"file": backup.name, "made": (result.manifest or {}).get("made"), "kept": aside.name,
                      "restored_head": (result.manifest or {}).get("head")})
        return RestoreResult(aside, {}, integrity.table_counts(db), Changes(organisation=True, members=True))
    finally:
        db.conn.close()
