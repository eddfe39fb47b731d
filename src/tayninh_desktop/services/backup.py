"""Backups: made with SQLite's backup API, with a manifest (counts, the log's head), rotated when automatic.

A backup in the data folder (``backups/`` beside the register) is a plain SQLite copy marked as a
backup, with ``<name>.json`` beside it. A backup anywhere else (a USB stick) is one encrypted file,
``<name>.tnbak``: age with a passphrase (``exchange``), holding the copy, its manifest and the
audit keys, so a lost stick reveals nothing and a new computer can still verify the log.

Automatic backups (``tu-dong-…``) are made when the window closes and once a day; the newest
``keep`` are kept (a setting). Verifying and restoring are in ``backup_restore``.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from tayninh_desktop.config import data_dir
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.exchange import backup_bundle, backup_crypto
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, integrity, keystore, returns_repo, settings_repo
from tayninh_desktop.storage import migrations as schema
from tayninh_desktop.storage.backup import backup_to, write_bytes_atomic, write_json_atomic
from tayninh_desktop.storage.db import Database, backups_dir

SETTINGS_KEY = "backup"
DEFAULTS = {"keep": 10, "on_exit": True, "daily": True}
KEEP_RANGE = (1, 100)
ENCRYPTED_SUFFIX = ".tnbak"
MANUAL, AUTOMATIC = "sao-luu", "tu-dong"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    encrypted: bool
    counts: dict[str, int]
    head: dict | None


@dataclass(frozen=True)
class BackupFile:
    """A backup in a folder, as the backup dialog lists it."""

    path: Path
    kind: str           # sao-luu, tu-dong, truoc-phuc-hoi, truoc-nang-cap
    made: datetime | None
    size: int
    encrypted: bool


def settings(db: Database) -> dict:
    stored = settings_repo.get(db, SETTINGS_KEY, {}) or {}
    return {**DEFAULTS, **{k: v for k, v in stored.items() if k in DEFAULTS}}


def set_settings(db: Database, actor: Actor, *, keep: int, on_exit: bool, daily: bool) -> Changes:
    """How many automatic backups to keep, and when to make them."""
    actor.require(Permission.EDIT_ORGANISATION)
    if not KEEP_RANGE[0] <= int(keep) <= KEEP_RANGE[1]:
        raise ValidationError([FieldIssue("keep", "backup_bad_keep", {"low": KEEP_RANGE[0], "high": KEEP_RANGE[1]})])
    new = {"keep": int(keep), "on_exit": bool(on_exit), "daily": bool(daily)}
    with db.atomic():
        before = settings(db)
        settings_repo.put(db, SETTINGS_KEY, new)
        audit.append(db, actor.name, "set_backup_settings", "settings", SETTINGS_KEY, before, new)
    return Changes(settings=True)


def register_path(db: Database) -> Path:
    return Path(db.path_text)


def is_inside_data_folder(db: Database, folder: Path) -> bool:
    """The register's own folder and the program's data folder are "inside"; anything else (a USB stick,
    a shared folder) takes only encrypted backups."""
    folder = folder.resolve()
    homes = [register_path(db).parent.resolve(), data_dir().resolve()]
    return any(folder == home or home in folder.parents for home in homes)


def _app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tayninh-desktop")
    except PackageNotFoundError:
        return "?"


def manifest(db: Database, kind: str, made: datetime) -> dict:
    keys = sorted({r[0] for r in db.execute("SELECT DISTINCT key_id FROM audit_log WHERE key_id <> ''")}
                  | set(returns_repo.secret_ids(db)))   # the keys that sign and open returns travel too
    return {"format": 1, "kind": kind, "made": made.isoformat(timespec="seconds"), "app_version": _app_version(),
            "migrations": [m.name for m in schema.MIGRATIONS.applied(db)], "head": audit.head(db),
            "key_ids": keys, "counts": integrity.table_counts(db)}


def create_backup(db: Database, actor: Actor, *, to: Path | str | None = None, passphrase: str | None = None,
                  kind: str = MANUAL, now: datetime | None = None) -> BackupResult:
    """Back the register up into ``to`` (default: the backups folder beside it); outside the data
    folder only encrypted with ``passphrase``. The register is not changed."""
    actor.require(Permission.READ)
    now = now or datetime.now()
    folder = Path(to) if to else backups_dir(register_path(db))
    stamp = now.strftime("%Y%m%d-%H%M%S")
    inside = is_inside_data_folder(db, folder) and not passphrase
    if not inside:   # the whole register leaves the computer: household data and every cell's members
        actor.require(Permission.HOUSEHOLD_DATA)
        scope.require_cell(db, None, actor)
    info = manifest(db, kind, now)
    if inside:
        target = _free_name(folder, f"{kind}-{stamp}", ".sqlite3")
        backup_to(db, target)
        write_json_atomic(target.with_name(target.name + ".json"), json.dumps(info, ensure_ascii=False, indent=1))
        return BackupResult(target, False, info["counts"], info["head"])
    if not passphrase:
        raise DomainError("backup_outside_needs_passphrase", folder=str(folder))
    backup_crypto.check_passphrase(passphrase)
    target = _free_name(folder, f"{kind}-{stamp}", ENCRYPTED_SUFFIX)
    with tempfile.TemporaryDirectory(prefix="tayninh-sao-luu-") as scratch:
        copy = backup_to(db, Path(scratch) / backup_bundle.REGISTER, plain=True)
        files = {backup_bundle.REGISTER: copy.read_bytes(),
                 backup_bundle.MANIFEST: json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8")}
        for ident in info["key_ids"]:
            key = keystore.load_key(ident)
            if key is not None:
                files[f"{backup_bundle.KEYS_PREFIX}{ident}"] = key.hex().encode("ascii")
        sealed = backup_crypto.encrypt(backup_bundle.pack(files), passphrase)
    _write_and_read_back(target, sealed)
    return BackupResult(target, True, info["counts"], info["head"])


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    target = folder / f"{stem}{suffix}"
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target


def _write_and_read_back(target: Path, data: bytes) -> None:
    """Write atomically, then read the file back from the medium and compare (a stick can lie)."""
    write_bytes_atomic(target, data)
    if target.read_bytes() != data:
        target.unlink(missing_ok=True)
        raise DomainError("file_write_failed", path=str(target), reason="đọc lại không khớp với dữ liệu đã ghi")


def list_backups(db: Database, folder: Path | None = None) -> list[BackupFile]:
    """The backups in ``folder`` (default: beside the register), newest first."""
    folder = folder or backups_dir(register_path(db))
    out = []
    if not folder.is_dir():
        return out
    for path in folder.iterdir():
        if path.name.startswith(".") or not path.is_file() or path.suffix not in (".sqlite3", ENCRYPTED_SUFFIX):
            continue
        kind, made = _parse_name(path.name)
        out.append(BackupFile(path, kind, made, path.stat().st_size, path.suffix == ENCRYPTED_SUFFIX))
    return sorted(out, key=lambda b: (b.made or datetime.min, b.path.name), reverse=True)


def _parse_name(name: str) -> tuple[str, datetime | None]:
    stem = name.split(".")[0]
    for kind in (AUTOMATIC, MANUAL, "truoc-phuc-hoi", "truoc-nang-cap"):
        if stem.startswith(kind + "-"):
            try:
                return kind, datetime.strptime(stem[len(kind) + 1:][:15], "%Y%m%d-%H%M%S")
            except ValueError:
                return kind, None
    return "khac", None


def automatic_backup(db: Database, actor: Actor, *, now: datetime | None = None) -> BackupResult:
    """An automatic backup beside the register, then the oldest automatic ones beyond ``keep`` removed."""
    result = create_backup(db, actor, kind=AUTOMATIC, now=now)
    keep = settings(db)["keep"]
    automatic = [b for b in list_backups(db) if b.kind == AUTOMATIC]
    for old in automatic[keep:]:
        old.path.unlink(missing_ok=True)
        old.path.with_name(old.path.name + ".json").unlink(missing_ok=True)
    return result


def daily_backup_due(db: Database, now: datetime | None = None) -> bool:
    """True when daily backups are on and the newest automatic one is a day old (or there is none)."""
    now = now or datetime.now()
    if not settings(db)["daily"]:
        return False
    newest = next((b.made for b in list_backups(db) if b.kind == AUTOMATIC and b.made), None)
    return newest is None or now - newest >= timedelta(days=1)
