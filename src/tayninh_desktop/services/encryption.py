"""The register encrypted at rest (SQLCipher), keyed from the accounts; a setting the administrator turns on.

The key: 32 random bytes, never stored as they are. The keyring beside the register (``storage/keyring``)
holds it wrapped by each administrator's password (argon2id → AES-256-GCM, ``exchange/key_wrap``) and by the
recovery key printed when encryption is turned on. This computer also keeps it sealed for the user
(``keystore``: DPAPI on Windows), so that the office and the cell secretaries can open the register here
with their own passwords; on another computer, only an administrator's password or the recovery key opens
it (then this computer seals it again). Administrators who become one while encryption is on get their
wrap at their next login (their password is known then, and only then).

Turning it on or off rewrites the register through SQLCipher's export into a temporary beside it, checks
the copy, and puts it in place (the chain head and the register's name stay); the backups in the backups
folder are rewritten the same way, so no plain copy of the register stays beside it. Backups to a USB stick
are already encrypted with their passphrase (age) and hold a plain copy inside, so they open anywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tayninh_desktop.domain.accounts import Account
from tayninh_desktop.domain.actors import Actor, Permission, Role
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.exchange import key_wrap, passwords
from tayninh_desktop.storage import accounts_repo, audit, cipher, keyring, keystore, presence
from tayninh_desktop.storage.backup import convert_copy
from tayninh_desktop.storage.db import Database, backups_dir, open_database

RECOVERY = "recovery"


def account_purpose(name: str) -> str:
    return f"account:{name}"


@dataclass(frozen=True)
class EncryptionStatus:
    encrypted: bool
    key_id: str
    keyring: Path
    wrapped_for: tuple[str, ...]      # administrators whose password opens the register anywhere
    recovery: bool
    sealed_here: bool                 # this computer keeps the key (every account can open it here)


@dataclass(frozen=True)
class EncryptionResult:
    db: Database                      # the register, opened again (the old connection is closed)
    recovery_key: str                 # "" when encryption was turned off
    backups: int                      # backups in the backups folder rewritten


def status(db_path: Path | str) -> EncryptionStatus:
    path = Path(db_path)
    ring = keyring.read(path) or {}
    purposes = [w.get("purpose", "") for w in ring.get("wraps", [])]
    ident = ring.get("key_id", "")
    return EncryptionStatus(cipher.is_encrypted_file(path), ident, keyring.path_of(path),
                            tuple(sorted(p.split(":", 1)[1] for p in purposes if p.startswith("account:"))),
                            RECOVERY in purposes, keystore.load_data_key(ident) is not None)


def is_encrypted(path: Path | str) -> bool:
    """An encrypted register: not a plain SQLite file, with its keyring beside it (a file that is neither is
    refused as not a register when it is opened)."""
    return cipher.is_encrypted_file(Path(path)) and keyring.path_of(path).exists()


def key_for(path: Path, name: str, password: str) -> tuple[bytes | None, bool]:
    """The data key for ``name`` logging in: (key, whether their own wrap opened it). None when the password
    does not open their wrap; the computer's sealed copy serves the accounts that have no wrap."""
    ring = keyring.read(path)
    if ring is None:
        raise DomainError("encrypted_no_keyring", path=str(path), keyring=str(keyring.path_of(path)))
    wrap = keyring.wrap_for(ring, account_purpose(name))
    if wrap is not None:
        return key_wrap.unwrap(wrap, password), True
    sealed = keystore.load_data_key(ring["key_id"])
    if sealed is None or key_wrap.fingerprint(sealed) != ring["key_id"]:
        raise DomainError("encrypted_needs_admin", path=str(path))
    return sealed, False


def after_login(path: Path, key: bytes, account: Account, password: str) -> None:
    """Seal the key on this computer, and give an administrator without a wrap theirs."""
    ring = keyring.read(path)
    if ring is None:
        return
    keystore.store_data_key(ring["key_id"], key)
    if account.role is Role.ADMIN and keyring.wrap_for(ring, account_purpose(account.name)) is None:
        keyring.write(path, keyring.with_wrap(ring, key_wrap.wrap(key, password, account_purpose(account.name))))


def follow_account(db: Database, actor: Actor, account: Account, password: str | None) -> None:
    """Keep the keyring in step with an account change: an active administrator's new password wraps the
    key; an account that is no longer an active administrator loses its wrap."""
    key = getattr(db, "cipher_key", None)
    if key is None or not db.path_text:
        return
    ring = keyring.read(db.path_text)
    if ring is None:
        return
    purpose = account_purpose(account.name)
    if account.role is Role.ADMIN and account.active:
        if password is not None:
            ring = keyring.with_wrap(ring, key_wrap.wrap(key, password, purpose))
    else:
        ring = keyring.without_wrap(ring, purpose)
    keyring.write(db.path_text, ring)


def _require_admin_password(db: Database, actor: Actor, password: str) -> Account:
    actor.require(Permission.MANAGE_KEYS)
    account = accounts_repo.by_name(db, actor.name) if actor.account_id else None
    if account is None or account.role is not Role.ADMIN:
        raise DomainError("encryption_needs_admin_account")
    if not passwords.verify_password(accounts_repo.password_hash(db, account.id), password or ""):
        raise ValidationError([FieldIssue("password", "password_wrong")])
    return account


def _require_alone(path: Path) -> None:
    who = presence.describe_others(path)
    if who:
        raise DomainError("encryption_others_open", who=who)


def turn_on(db: Database, actor: Actor, password: str) -> EncryptionResult:
    """Encrypt the register (and the backups beside it) with a new random key wrapped by this administrator's
    password and by a new recovery key, returned once to be printed and kept safe."""
    account = _require_admin_password(db, actor, password)
    path = Path(db.path_text)
    if getattr(db, "cipher_key", None) is not None:
        raise DomainError("encryption_already_on", path=str(path))
    _require_alone(path)
    key, recovery = key_wrap.new_data_key(), key_wrap.new_recovery_key()
    ident = key_wrap.fingerprint(key)
    audit.append(db, actor.name, "encryption_on", "register", None, None, {"key_id": ident})
    ring = {"format": 1, "key_id": ident,
            "wraps": [key_wrap.wrap(key, password, account_purpose(account.name)),
                      key_wrap.wrap(key, recovery, RECOVERY)]}
    new_db = _rewrite(db, path, None, key, ring)
    keystore.store_data_key(ident, key)
    return EncryptionResult(new_db, recovery, _rewrite_backups(path, None, key))


def turn_off(db: Database, actor: Actor, password: str) -> EncryptionResult:
    """Store the register (and the backups beside it) plain again; the keyring is removed."""
    _require_admin_password(db, actor, password)
    path = Path(db.path_text)
    key = getattr(db, "cipher_key", None)
    if key is None:
        raise DomainError("encryption_already_off", path=str(path))
    _require_alone(path)
    audit.append(db, actor.name, "encryption_off", "register", None, {"key_id": key_wrap.fingerprint(key)}, None)
    new_db = _rewrite(db, path, key, None, None)
    count = _rewrite_backups(path, key, None)
    keystore.forget_data_key(key_wrap.fingerprint(key))
    return EncryptionResult(new_db, "", count)


def _rewrite(db: Database, path: Path, old_key: bytes | None, new_key: bytes | None, ring: dict | None) -> Database:
    """Close the register, write it with ``new_key`` beside itself, check, then put it (and its keyring) in
    place; the register is opened again for the same person."""
    actor = getattr(db, "actor", None)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    temp = path.with_name(f".{path.name}.ma-hoa-{os.getpid()}")
    temp.unlink(missing_ok=True)
    try:
        convert_copy(path, old_key, temp, new_key)
        with temp.open("rb") as handle:
            os.fsync(handle.fileno())
        if ring is not None:
            keyring.write(path, ring)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if ring is None:
        keyring.remove(path)
    reopened = open_database(path, key=new_key, user=actor.name if actor else None)
    if actor is not None:
        reopened.actor = actor
    return reopened


def _rewrite_backups(path: Path, old_key: bytes | None, new_key: bytes | None) -> int:
    """The backups beside the register, rewritten with the new key (or plain); a backup that is not of this
    register's present form (another key) is left as it is."""
    folder = backups_dir(path)
    count = 0
    if not folder.is_dir():
        return 0
    for backup in sorted(folder.glob("*.sqlite3")):
        if cipher.is_encrypted_file(backup) != (old_key is not None):
            continue
        temp = backup.with_name(f".{backup.name}.ma-hoa")
        temp.unlink(missing_ok=True)
        try:
            convert_copy(backup, old_key, temp, new_key)
        except (DomainError, OSError, *cipher.errors()):
            temp.unlink(missing_ok=True)
            continue
        os.replace(temp, backup)
        count += 1
    return count


def new_recovery_key(db: Database, actor: Actor, password: str) -> str:
    """Replace the recovery key (the printed one is lost, or was seen): the old one no longer opens."""
    _require_admin_password(db, actor, password)
    key = getattr(db, "cipher_key", None)
    if key is None:
        raise DomainError("encryption_already_off", path=db.path_text)
    recovery = key_wrap.new_recovery_key()
    ring = keyring.read(db.path_text) or {"format": 1, "key_id": key_wrap.fingerprint(key), "wraps": []}
    keyring.write(db.path_text, keyring.with_wrap(ring, key_wrap.wrap(key, recovery, RECOVERY)))
    audit.append(db, actor.name, "recovery_key_new", "register", None, None, {"key_id": ring["key_id"]})
    return recovery


def key_from_recovery(path: Path, typed: str) -> bytes:
    """The data key opened with the recovery key as typed (refused with a sentence when wrong)."""
    recovery = key_wrap.normal_recovery_key(typed)
    if recovery is None:
        raise ValidationError([FieldIssue("recovery_key", "recovery_key_format", {"value": typed})])
    ring = keyring.read(path)
    if ring is None:
        raise DomainError("encrypted_no_keyring", path=str(path), keyring=str(keyring.path_of(path)))
    wrap = keyring.wrap_for(ring, RECOVERY)
    key = key_wrap.unwrap(wrap, recovery) if wrap else None
    if key is None:
        raise DomainError("recovery_key_wrong")
    return key


def print_recovery_sheet(db: Database, actor: Actor, recovery_key: str, out: Path | str) -> Path:
    """The recovery key on paper (a PDF to print at once and keep in the office's safe)."""
    from datetime import date

    from tayninh_desktop.documents import recovery_sheet
    from tayninh_desktop.domain.dates import format_vn_date
    from tayninh_desktop.domain.messages_accounts import RECOVERY_SHEET_LINES
    from tayninh_desktop.storage import units_repo

    actor.require(Permission.MANAGE_KEYS)
    home = units_repo.home(db)
    ring = keyring.read(db.path_text) or {}
    return recovery_sheet.render(Path(out), unit_name=home.name if home else "", register=Path(db.path_text).name,
                                 key_id=ring.get("key_id", ""), recovery_key=recovery_key,
                                 made=format_vn_date(date.today()), lines=RECOVERY_SHEET_LINES)
