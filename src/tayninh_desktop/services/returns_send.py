"""Sending a return: checked as the superior will check it, sealed, written to the stick, read back, verified.

``export_return`` is one user action: the period's forms are counted and checked (an error blocks; every
warning needs the office's written explanation, which travels in the package), the payload is encrypted to the
superior's key and signed with this unit's, the package is written atomically to the chosen folder (a USB
stick), read back and verified; only then does the register record the package and lock the period, in the
same transaction. Reopening a period needs a reason (kept); the next export is a new revision.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.returns import FORMAT, VERSION, Kind, package_name, read_manifest
from tayninh_desktop.domain.returns_records import KeyRecord, Reopening, SentReturn
from tayninh_desktop.domain.stats_period import parse_period
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.exchange import return_crypto, return_package
from tayninh_desktop.services import organisation, returns_files, returns_keys, returns_payload, scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, returns_repo
from tayninh_desktop.storage import migrations as schema
from tayninh_desktop.storage.db import Database

MAX_REASON = 500


@dataclass(frozen=True)
class ExportResult:
    path: Path
    period: str
    revision: int
    kind: str
    receiver: str
    sha256: str
    size: int
    warnings: int
    changes: int
    snapshot_members: int
    safe_to_remove: bool = True


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tayninh-desktop")
    except PackageNotFoundError:
        return "?"


def encode_payload(payload: dict) -> bytes:
    """The payload as it is encrypted: UTF-8 JSON, gzip-compressed (no file name, no time: the same payload
    gives the same bytes)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return gzip.compress(text, compresslevel=6, mtime=0)


def seal(db: Database, secrets: returns_keys.OwnSecrets, receiver: KeyRecord, payload: dict, *, kind: Kind,
         revision: int, made: str) -> bytes:
    """The package file's bytes: manifest, payload encrypted to ``receiver``, this unit's signature."""
    home = organisation.require_home(db)
    return seal_as(home.code, home.name, secrets.key.fingerprint, secrets.sign_seed, receiver, payload, kind=kind,
                   revision=revision, made=made, schema=[m.name for m in schema.MIGRATIONS.applied(db)][-1:],
                   audit_head=audit.head(db))


def seal_as(code: str, name: str, fingerprint: str, sign_seed: bytes, receiver: KeyRecord, payload: dict, *,
            kind: Kind, revision: int, made: str, schema: list[str], audit_head: dict | None) -> bytes:
    """A package from the sender ``code``/``name`` whose signing key is ``sign_seed`` (the demo's units use this
    directly: they have keys but no register)."""
    plain = encode_payload(payload)
    ciphertext = return_crypto.encrypt_to(receiver.receive_public, plain)
    sections = [s for s in ("indicators", "changes", "de_an_03", "support", "snapshot") if s in payload]
    snapshot = payload.get("snapshot") or {}
    manifest = {
        "format": FORMAT, "version": VERSION, "kind": kind.value,
        "sender": {"code": code, "name": name, "key": fingerprint},
        "receiver": {"code": receiver.unit_code, "name": receiver.unit_name, "key": receiver.fingerprint},
        "period": payload["period"], "period_label": payload["period_label"], "revision": revision,
        "created": made, "app_version": app_version(), "schema": schema, "sections": sections,
        "counts": {"forms": len(payload["indicators"]["forms"]), "changes": len(payload["changes"]["rows"]),
                   "explanations": len(payload["explanations"]), "snapshot_members": len(snapshot.get("members", ())),
                   "units": len(payload.get("units", ())) or 1},
        "payload": {"file": return_package.PAYLOAD, "sha256": return_package.sha256_hex(ciphertext),
                    "size": len(ciphertext), "encryption": "age X25519", "compression": "gzip"},
        "audit_head": audit_head,
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    signature = return_crypto.sign(sign_seed, return_package.signed_message(manifest_bytes, ciphertext))
    return return_package.pack(return_package.PackageParts(manifest_bytes, ciphertext, signature))


def verify_own(data: bytes, file_name: str, key: KeyRecord) -> None:
    """The package as read back: intact, signed by this unit, its payload the one announced."""
    parts = return_package.unpack(data, file_name)
    manifest = read_manifest(return_package.parse_json(parts.manifest, file_name), file_name)
    public = return_crypto.unb64(key.sign_public, 32)
    if (manifest.payload_sha256 != return_package.sha256_hex(parts.ciphertext) or public is None
            or not return_crypto.verify(public, parts.signature,
                                        return_package.signed_message(parts.manifest, parts.ciphertext))):
        raise DomainError("return_read_back_differs", path=file_name)


def check_open(db: Database, period: str) -> int:
    lock = returns_repo.period_lock(db, period)
    if lock.locked:
        raise DomainError("return_period_locked", period=period, revision=lock.revision)
    return lock.revision + 1


def write_and_record(db: Database, actor: Actor, folder: Path, data: bytes, sent: SentReturn,
                     secrets: returns_keys.OwnSecrets) -> Path:
    """Inside one transaction: lock the period, record the package, write it to the stick and verify it. A
    failure anywhere removes the file and leaves the register as it was."""
    actor.require(Permission.EDIT_REGISTER)   # a public step of the export: checked on its own too
    scope.require_committee(db, actor)
    path = Path(folder) / sent.file_name
    written = False
    try:
        with db.atomic():
            if returns_repo.period_lock(db, sent.period).locked:
                raise DomainError("return_period_locked", period=sent.period, revision=sent.revision - 1)
            returns_repo.put_period(db, sent.period, locked=True, revision=sent.revision)
            returns_repo.insert_sent(db, sent)
            audit.append(db, actor.name, "export_return", "return", sent.id, None,
                         {"period": sent.period, "revision": sent.revision, "kind": sent.kind,
                          "receiver": sent.receiver_code, "sha256": sent.package_sha256, "file": sent.file_name})
            returns_files.write_verified(path, data)
            written = True
            verify_own(returns_files.read_back(path), sent.file_name, secrets.key)
    except BaseException:
        if written:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
        raise
    return path


def export_return(db: Database, actor: Actor, period_text: str | None, folder: Path | str, *,
                  explanations: Mapping[str, str] | None = None, with_snapshot: bool = False,
                  today: date | None = None) -> tuple[ExportResult, Changes]:
    """Check, seal and write this unit's return for the period to ``folder`` (a USB stick), then lock the period."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_committee(db, actor)
    today = today or date.today()
    period = parse_period(period_text).code
    folder = Path(folder)
    if not folder.is_dir():
        raise DomainError("output_folder_missing", path=str(folder))
    secrets = returns_keys.own_secrets(db, actor)
    receiver = returns_keys.superior_key(db)
    revision = check_open(db, period)
    prepared = returns_payload.prepare(db, period, today=today)
    explained = returns_payload.checked_explanations(prepared, dict(explanations or {}))
    made = datetime.now().astimezone().isoformat(timespec="seconds")
    payload = returns_payload.build(db, actor, prepared, explained, revision=revision, made=made, today=today,
                                    with_snapshot=with_snapshot)
    data = seal(db, secrets, receiver, payload, kind=Kind.RETURN, revision=revision, made=made)
    home = organisation.require_home(db)
    sent = SentReturn(new_id(), period, revision, Kind.RETURN.value, receiver.unit_code,
                      package_name(home.code, period, revision), return_package.sha256_hex(data), made,
                      returns_payload.figures(prepared), explained, "", None, "")
    path = write_and_record(db, actor, folder, data, sent, secrets)
    snapshot = payload.get("snapshot") or {}
    return (ExportResult(path, period, revision, sent.kind, receiver.unit_name, sent.package_sha256, len(data),
                         len(explained), len(payload["changes"]["rows"]), len(snapshot.get("members", ()))),
            Changes(settings=True))


def reopen_period(db: Database, actor: Actor, period_text: str | None, reason: str) -> Changes:
    """Open a sent period again (its figures may be corrected); the reason is kept; the next export is a new
    revision."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_committee(db, actor)
    period = parse_period(period_text).code
    reason = " ".join(nfc(reason or "").split())
    if not reason:
        raise ValidationError([FieldIssue("reason", "return_reopen_needs_reason")])
    if len(reason) > MAX_REASON:
        raise ValidationError([FieldIssue("reason", "too_long", {"length": len(reason), "max": MAX_REASON})])
    with db.atomic():
        lock = returns_repo.period_lock(db, period)
        if not lock.locked:
            raise DomainError("return_period_not_locked", period=period)
        returns_repo.put_period(db, period, locked=False, revision=lock.revision)
        at = datetime.now().astimezone().isoformat(timespec="seconds")
        returns_repo.add_reopening(db, new_id(), Reopening(period, lock.revision, reason, actor.name, at))
        audit.append(db, actor.name, "reopen_return_period", "return", period, {"locked": True, "revision":
                     lock.revision}, {"locked": False, "reason": reason})
    return Changes(settings=True)


def check_period_open(db: Database, period_text: str) -> None:
    """Refuse a change to the typed figures of a period that was sent and is locked."""
    period = parse_period(period_text).code
    if returns_repo.period_lock(db, period).locked:
        raise DomainError("return_period_locked_typed", period=period)


def sent_list(db: Database) -> list[tuple[SentReturn, bool]]:
    """Every package sent, newest first, with whether its period is still locked."""
    return [(sent, returns_repo.period_lock(db, sent.period).locked)
            for sent in reversed(returns_repo.sent_returns(db))]
