"""Receiving returns at the superior: one package or a whole stick, each judged on its own.

A package is refused, with its reason and nothing recorded, when it is damaged, unknown (no key card, or
another key), not signed by its sender, addressed to another unit, or older than the revision already held. A
package that is genuine but whose figures fail the superior's check (or whose warnings are not explained) is
refused and the refusal is recorded (the board shows it; the sender's receipt says why). Otherwise it is
accepted: a newer revision replaces the older one in force, both are kept. The same package twice changes
nothing. Each accepted or refused package gets a signed receipt written back beside it on the stick.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.returns import (
    PACKAGE_SUFFIX,
    RECEIPT_FORMAT,
    VERSION,
    Manifest,
    Outcome,
    Role,
    check_payload,
    finding_keys,
    read_manifest,
    receipt_name,
)
from tayninh_desktop.domain.returns_aggregate import figures_of, recheck
from tayninh_desktop.domain.returns_records import ReceivedReturn, Rejection
from tayninh_desktop.domain.stats_forms import stat_forms
from tayninh_desktop.domain.stats_period import parse_period
from tayninh_desktop.exchange import return_crypto, return_package
from tayninh_desktop.services import organisation, returns_files, returns_keys, returns_summary, scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, returns_repo
from tayninh_desktop.storage.db import Database

MAX_PLAIN = 2 * 1024 ** 3      # a payload that unpacks beyond this is not a return (a compression bomb)
ACCEPTED, DUPLICATE, REJECTED, REFUSED = "accepted", "duplicate", "rejected", "refused"


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one file."""

    file: str
    status: str                    # accepted, duplicate, rejected (recorded), refused (nothing recorded)
    message: str
    sender_code: str = ""
    sender_name: str = ""
    period: str = ""
    revision: int = 0
    summary: tuple[str, ...] = ()
    receipt: Path | None = None
    receipt_error: str = ""
    superseded: int = 0
    changes: Changes = field(default_factory=Changes)

    def as_dict(self) -> dict:
        return {"file": self.file, "status": self.status, "message": self.message, "sender": self.sender_code,
                "sender_name": self.sender_name, "period": self.period, "revision": self.revision,
                "summary": list(self.summary), "receipt": str(self.receipt) if self.receipt else None,
                "receipt_error": self.receipt_error, "superseded": self.superseded}


@dataclass(frozen=True)
class _Opened:
    data: bytes
    sha256: str
    manifest: Manifest
    payload: dict
    sender_name: str


def package_files(path: Path) -> list[Path]:
    """The package files of a folder (or the one file named)."""
    path = Path(path)
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix == PACKAGE_SUFFIX
                       and not p.name.startswith("."))
        if not found:
            raise DomainError("return_no_packages", folder=str(path))
        return found
    if not path.exists():
        raise DomainError("return_file_missing", file=str(path))
    return [path]


def _gunzip(data: bytes, file_name: str) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, MAX_PLAIN)
        if inflater.unconsumed_tail or not inflater.eof:
            raise DomainError("return_damaged", file=file_name)
    except zlib.error as exc:
        raise DomainError("return_damaged", file=file_name) from exc
    return out


def open_package(db: Database, actor: Actor, data: bytes, file_name: str) -> _Opened:
    """A package checked in order: intact, addressed here, from a known sender, signed by it, decrypted, in shape."""
    scope.require_committee(db, actor)
    parts = return_package.unpack(data, file_name)
    manifest = read_manifest(return_package.parse_json(parts.manifest, file_name), file_name)
    home = organisation.require_home(db)
    if manifest.receiver.code != home.code:
        raise DomainError("return_other_receiver", file=file_name, receiver=manifest.receiver.name,
                          unit_code=manifest.receiver.code)
    secrets = returns_keys.own_secrets(db, actor)
    if manifest.receiver.key != secrets.key.fingerprint:
        raise DomainError("return_other_receiver_key", file=file_name, unit=manifest.sender.name)
    sender = returns_repo.current_key(db, Role.SUBORDINATE, manifest.sender.code)
    if sender is None or sender.fingerprint != manifest.sender.key:
        raise DomainError("return_unknown_sender", file=file_name, unit=manifest.sender.name,
                          unit_code=manifest.sender.code)
    public = return_crypto.unb64(sender.sign_public, 32)
    if public is None or not return_crypto.verify(public, parts.signature,
                                                  return_package.signed_message(parts.manifest, parts.ciphertext)):
        raise DomainError("return_bad_signature", file=file_name, unit=sender.unit_name)
    if return_package.sha256_hex(parts.ciphertext) != manifest.payload_sha256:
        raise DomainError("return_damaged", file=file_name)
    plain = _gunzip(return_crypto.decrypt_with(secrets.identity, parts.ciphertext, file_name), file_name)
    payload = return_package.parse_json(plain, file_name)
    check_payload(payload, manifest, file_name)
    return _Opened(data, return_package.sha256_hex(data), manifest, payload, sender.unit_name)


def _content_refusal(db: Database, opened: _Opened) -> DomainError | None:
    """The superior's own check of the figures, and every warning explained."""
    m = opened.manifest
    previous = parse_period(m.period).previous().code
    held = returns_repo.received(db, period=previous, sender_code=m.sender.code)
    check = recheck(opened.payload["indicators"], stat_forms(), figures_of(held[-1].payload["indicators"])
                    if held else None)
    if check.errors:
        return DomainError("return_fails_checks", unit=opened.sender_name, period=m.period,
                           first=check.errors[0].message)
    explained = {e.get("key") for e in opened.payload.get("explanations", []) if isinstance(e, dict)
                 and str(e.get("explanation", "")).strip()}
    missing = [k for k in finding_keys(check.warnings) if k not in explained]
    if missing:
        return DomainError("return_missing_explanations", unit=opened.sender_name, period=m.period,
                           count=len(missing))
    return None


def _accept(db: Database, actor: Actor, opened: _Opened, file_name: str, now: datetime) -> tuple[int, list[str]]:
    m = opened.manifest
    with db.atomic():
        older = returns_repo.received(db, period=m.period, sender_code=m.sender.code)
        superseded = returns_repo.supersede(db, m.sender.code, m.period)
        snapshot = opened.payload.pop("snapshot", None)
        sender = returns_repo.current_key(db, Role.SUBORDINATE, m.sender.code)
        record = ReceivedReturn(new_id(), m.sender.code, sender.unit_id if sender else None, m.period, m.revision,
                                m.kind.value, opened.sha256, file_name, m.created, now, "accepted", dict(m.raw),
                                opened.payload, snapshot is not None)
        returns_repo.insert_received(db, record, json.dumps(opened.payload, ensure_ascii=False),
                                     json.dumps(snapshot, ensure_ascii=False) if snapshot is not None else None)
        audit.append(db, actor.name, "accept_return", "return", record.id,
                     {"superseded_revision": older[-1].revision} if older else None,
                     {"sender": m.sender.code, "period": m.period, "revision": m.revision, "sha256": opened.sha256})
    return superseded, returns_summary.accepted_lines(opened.payload, older[-1].payload if older else None)


def _reject(db: Database, actor: Actor, opened: _Opened, file_name: str, error: DomainError, now: datetime) -> None:
    m = opened.manifest
    with db.atomic():
        rejection = Rejection(new_id(), m.sender.code, m.period, m.revision, opened.sha256, file_name, error.code,
                              error.message, now)
        returns_repo.insert_rejection(db, rejection)
        audit.append(db, actor.name, "reject_return", "return", rejection.id, None,
                     {"sender": m.sender.code, "period": m.period, "revision": m.revision, "reason": error.code})


def receipt_bytes(db: Database, actor: Actor, opened: _Opened, outcome: Outcome, reason: str, at: datetime) -> bytes:
    scope.require_committee(db, actor)
    secrets = returns_keys.own_secrets(db, actor)
    home = organisation.require_home(db)
    m = opened.manifest
    fields = {"format": RECEIPT_FORMAT, "version": VERSION, "outcome": outcome.value, "reason": reason,
              "received_at": at.isoformat(timespec="seconds"),
              "package": {"sha256": opened.sha256, "file": m.file_name, "sender": m.sender.code,
                          "period": m.period, "revision": m.revision},
              "receiver": {"code": home.code, "name": home.name, "key": secrets.key.fingerprint}}
    return return_package.seal_small(fields, secrets.sign_seed, return_package.RECEIPT_CONTEXT)


def _write_receipt(db: Database, actor: Actor, opened: _Opened, folder: Path, outcome: Outcome, reason: str,
                   at: datetime) -> tuple[Path | None, str]:
    m = opened.manifest
    target = folder / receipt_name(m.sender.code, m.period, m.revision)
    try:
        returns_files.write_verified(target, receipt_bytes(db, actor, opened, outcome, reason, at))
    except DomainError as error:
        return None, error.message
    return target, ""


def _already(db: Database, opened: _Opened) -> tuple[Outcome, str, datetime] | None:
    held = returns_repo.received_by_hash(db, opened.sha256)
    if held is not None:
        return Outcome.ACCEPTED, "", held.received_at
    refused = returns_repo.rejection_by_hash(db, opened.sha256)
    if refused is not None:
        return Outcome.REJECTED, refused.message, refused.at
    return None


def _revision_refusal(db: Database, opened: _Opened, file_name: str) -> DomainError | None:
    m = opened.manifest
    latest = returns_repo.latest_revision(db, m.sender.code, m.period)
    if m.revision < latest:
        return DomainError("return_older_revision", file=file_name, revision=m.revision, unit=opened.sender_name,
                           period=m.period, latest=latest)
    if m.revision == latest:
        return DomainError("return_revision_conflict", file=file_name, revision=m.revision, unit=opened.sender_name,
                           period=m.period)
    return None


def import_one(db: Database, actor: Actor, path: Path, *, write_receipt: bool = True,
               now: datetime | None = None) -> ImportOutcome:
    """Judge and take one package file (never raises for a bad file: the outcome says why)."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_committee(db, actor)
    path = Path(path)
    now = now or datetime.now().astimezone()
    try:
        data = returns_files.read_limited(path, return_package.MAX_PACKAGE, "return_too_big")
        opened = open_package(db, actor, data, path.name)
    except DomainError as error:
        if error.code in ("return_keys_missing", "not_initialised", "permission_denied"):
            raise
        return ImportOutcome(path.name, REFUSED, error.message)
    m = opened.manifest
    base = {"file": path.name, "sender_code": m.sender.code, "sender_name": opened.sender_name, "period": m.period,
            "revision": m.revision}
    held = _already(db, opened)
    if held is not None:
        receipt = _write_receipt(db, actor, opened, path.parent, held[0], held[1], held[2]) if write_receipt \
            else (None, "")
        return ImportOutcome(status=DUPLICATE, message=_duplicate_text(opened, held[0]), receipt=receipt[0],
                             receipt_error=receipt[1], **base)
    refusal = _revision_refusal(db, opened, path.name)
    if refusal is not None:
        return ImportOutcome(status=REFUSED, message=refusal.message, **base)
    content = _content_refusal(db, opened)
    if content is not None:
        _reject(db, actor, opened, path.name, content, now)
        receipt = _write_receipt(db, actor, opened, path.parent, Outcome.REJECTED, content.message, now) \
            if write_receipt else (None, "")
        return ImportOutcome(status=REJECTED, message=content.message, receipt=receipt[0], receipt_error=receipt[1],
                             changes=Changes(settings=True), **base)
    superseded, lines = _accept(db, actor, opened, path.name, now)
    receipt = _write_receipt(db, actor, opened, path.parent, Outcome.ACCEPTED, "", now) if write_receipt \
        else (None, "")
    return ImportOutcome(status=ACCEPTED, message=returns_summary.accepted_text(opened.sender_name, m, superseded),
                         summary=tuple(lines), receipt=receipt[0], receipt_error=receipt[1], superseded=superseded,
                         changes=Changes(settings=True), **base)


def _duplicate_text(opened: _Opened, outcome: Outcome) -> str:
    m = opened.manifest
    done = "đã nhận" if outcome is Outcome.ACCEPTED else "đã từ chối"
    return (f"Báo cáo lần {m.revision} của {opened.sender_name} kỳ {m.period} {done} trước đây; không thay đổi gì "
            "(giấy biên nhận được ghi lại).")


def import_returns(db: Database, actor: Actor, path: Path | str, *, write_receipts: bool = True,
                   now: datetime | None = None) -> tuple[list[ImportOutcome], Changes]:
    """Every package of a folder (a stick), or the one file named: each accepted or refused on its own."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_committee(db, actor)
    outcomes = [import_one(db, actor, p, write_receipt=write_receipts, now=now) for p in package_files(Path(path))]
    changes = Changes()
    for outcome in outcomes:
        changes = changes | outcome.changes
    return outcomes, changes


# --- at the sender: the receipt comes back -----------------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptOutcome:
    file: str
    period: str
    revision: int
    outcome: str
    reason: str
    received_at: str
    changed: bool


def import_receipt(db: Database, actor: Actor, path: Path | str) -> tuple[ReceiptOutcome, Changes]:
    """Record the superior's receipt of a package this unit sent: received (or refused, with the reason)."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_committee(db, actor)
    path = Path(path)
    data = returns_files.read_limited(path, return_package.MAX_SMALL_FILE, "receipt_unreadable")
    fields, signature = return_package.open_small(data, path.name, "receipt_unreadable")
    package, receiver = fields.get("package"), fields.get("receiver")
    if (fields.get("format") != RECEIPT_FORMAT or fields.get("version") != VERSION or not isinstance(package, dict)
            or not isinstance(receiver, dict) or fields.get("outcome") not in tuple(Outcome)):
        raise DomainError("receipt_unreadable", file=path.name)
    superior = returns_keys.superior_key(db)
    public = return_crypto.unb64(superior.sign_public, 32)
    if (receiver.get("code") != superior.unit_code or receiver.get("key") != superior.fingerprint or public is None
            or not return_package.small_signature_ok(fields, signature, public, return_package.RECEIPT_CONTEXT)):
        raise DomainError("receipt_bad_signature", file=path.name)
    home = organisation.require_home(db)
    if package.get("sender") != home.code:
        raise DomainError("receipt_other_unit", file=path.name, unit=str(package.get("sender")),
                          unit_code=str(package.get("sender")))
    sent = returns_repo.sent_by_hash(db, str(package.get("sha256")))
    if sent is None:
        raise DomainError("receipt_unknown_package", file=path.name, package=str(package.get("file")))
    outcome, reason, at = fields["outcome"], str(fields.get("reason", ""))[:1000], str(fields.get("received_at", ""))
    changed = (sent.receipt_state, sent.receipt_note) != (outcome, reason)
    if changed:
        with db.atomic():
            returns_repo.set_receipt(db, sent.id, outcome, at, reason)
            audit.append(db, actor.name, "import_return_receipt", "return", sent.id,
                         {"receipt": sent.receipt_state or None}, {"receipt": outcome, "at": at})
    return (ReceiptOutcome(path.name, sent.period, sent.revision, outcome, reason, at, changed),
            Changes(settings=True) if changed else Changes())


def receipt_files(path: Path | str) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".tnbn" and not p.name.startswith("."))
    return [path]
