"""The installation's keys and the key cards it exchanges with its superior and with the units reporting to it.

Each installation has an Ed25519 key to sign what it sends and an age X25519 key to open what is sent to it,
made at ``init`` (or the first time they are needed). The private halves are sealed in the key folder by
``storage/keystore`` (DPAPI on Windows, owner-only files elsewhere), the same store as the audit secret, and
named by their id in the register; an encrypted backup carries them. A key card (file, and a printed page) carries
the public halves and their fingerprint: 30 digits in 6 groups, compared aloud by telephone or on paper before a
card is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.org import UnitType, valid_unit_code
from tayninh_desktop.domain.returns import (
    CARD_FORMAT,
    VERSION,
    Role,
    card_name,
    fingerprint,
    grouped,
    same_fingerprint,
)
from tayninh_desktop.domain.returns_records import KeyRecord
from tayninh_desktop.domain.vn_text import fold, nfc
from tayninh_desktop.exchange import return_crypto, return_package
from tayninh_desktop.services import organisation, returns_files, scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, keystore, returns_repo, units_repo
from tayninh_desktop.storage.db import Database

# The type a reporting unit takes in this register's tree, by the type of the home unit.
SUBORDINATE_TYPES = {UnitType.PROVINCE_COMMITTEE: UnitType.COMMUNE_COMMITTEE,
                     UnitType.DISTRICT_COMMITTEE: UnitType.COMMUNE_COMMITTEE,
                     UnitType.COMMUNE_COMMITTEE: UnitType.PARTIAL_COMMITTEE}


@dataclass(frozen=True)
class OwnSecrets:
    key: KeyRecord
    sign_seed: bytes
    identity: str


@dataclass(frozen=True)
class KeyCard:
    """A key card as read from its file (its own signature checked)."""

    unit_code: str
    unit_name: str
    sign_public: bytes
    receive_public: str
    fingerprint: str
    created: str

    @property
    def fingerprint_text(self) -> str:
        return grouped(self.fingerprint)


def own_key(db: Database) -> KeyRecord | None:
    return returns_repo.current_key(db, Role.SELF)


def ensure_own_keys(db: Database, actor: Actor) -> tuple[KeyRecord, Changes]:
    """This installation's keys, made now if it has none (at ``init``, or on first need)."""
    actor.require(Permission.READ)
    scope.require_committee(db, actor)
    found = own_key(db)
    if found is not None:
        return found, Changes()
    actor.require(Permission.EDIT_REGISTER)
    home = organisation.require_home(db)
    pair = return_crypto.new_key_pair()
    sign_id = keystore.store_key(pair.sign_private)
    receive_id = keystore.store_key(pair.receive_identity.encode("ascii"))
    record = KeyRecord(new_id(), Role.SELF, home.code, home.name, home.id, return_crypto.b64(pair.sign_public),
                       pair.receive_public, fingerprint(pair.sign_public, pair.receive_public), sign_id, receive_id,
                       actor.name)
    with db.atomic():
        if own_key(db) is None:
            returns_repo.insert_key(db, record)
            audit.append(db, actor.name, "create_exchange_keys", "unit", home.id, None,
                         {"fingerprint": record.fingerprint})
    return own_key(db), Changes(settings=True)


def own_secrets(db: Database, actor: Actor) -> OwnSecrets:
    """The private halves of this installation's keys, unsealed from the key folder."""
    scope.require_committee(db, actor)
    key, _ = ensure_own_keys(db, actor)
    seed, identity = keystore.load_key(key.sign_secret_id), keystore.load_key(key.receive_secret_id)
    if seed is None or identity is None or return_crypto.b64(return_crypto.public_of(seed)) != key.sign_public:
        raise DomainError("return_keys_missing")
    return OwnSecrets(key, seed, identity.decode("ascii"))


# --- key cards ------------------------------------------------------------------------------------------------

def card_bytes(db: Database, actor: Actor) -> tuple[bytes, KeyRecord]:
    scope.require_committee(db, actor)
    secrets = own_secrets(db, actor)
    key = secrets.key
    home = organisation.require_home(db)
    fields = {"format": CARD_FORMAT, "version": VERSION, "unit": {"code": home.code, "name": home.name},
              "sign_public": key.sign_public, "receive_public": key.receive_public, "fingerprint": key.fingerprint,
              "created": key.created_at}
    return return_package.seal_small(fields, secrets.sign_seed, return_package.CARD_CONTEXT), key


def export_card(db: Database, actor: Actor, out: Path | str) -> KeyRecord:
    """Write this unit's key card to ``out`` (a folder takes the card's own name); nothing secret is in it."""
    scope.require_committee(db, actor)
    out = Path(out)
    if out.is_dir():
        out = out / card_name(organisation.require_home(db).code)
    data, key = card_bytes(db, actor)
    returns_files.write_verified(out, data)
    return key


def read_card(path: Path | str) -> KeyCard:
    """A key card file, checked: its shape, its keys, its fingerprint and its own signature."""
    path = Path(path)
    data = returns_files.read_limited(path, return_package.MAX_SMALL_FILE, "return_card_unreadable")
    fields, signature = return_package.open_small(data, path.name, "return_card_unreadable")
    unit = fields.get("unit") if isinstance(fields.get("unit"), dict) else {}
    code, name = unit.get("code"), unit.get("name")
    sign_public = return_crypto.unb64(fields.get("sign_public"), 32)
    receive_public = fields.get("receive_public")
    if (fields.get("format") != CARD_FORMAT or fields.get("version") != VERSION or not isinstance(code, str)
            or not isinstance(name, str) or not name.strip() or len(name) > 200 or sign_public is None
            or not return_crypto.recipient_ok(receive_public)):
        raise DomainError("return_card_unreadable", file=path.name)
    if not valid_unit_code(code):
        raise DomainError("return_not_a_unit_code", unit_code=code)
    digits = fingerprint(sign_public, receive_public)
    if fields.get("fingerprint") != digits or not return_package.small_signature_ok(
            fields, signature, sign_public, return_package.CARD_CONTEXT):
        raise DomainError("return_card_damaged", file=path.name)
    return KeyCard(code, nfc(name), sign_public, receive_public, digits, str(fields.get("created", "")))


def guess_role(db: Database, card: KeyCard) -> Role:
    """Superior when the card names this unit's superior in the tree (by code or name), else a reporting unit."""
    return _role_for(db, card, None)


def _role_for(db: Database, card: KeyCard, wanted: Role | None) -> Role:
    home = organisation.require_home(db)
    superior = units_repo.get(db, home.parent_id) if home.parent_id else None
    is_superior = superior is not None and (superior.code == card.unit_code
                                            or fold(superior.name) == fold(card.unit_name))
    if wanted is Role.SUBORDINATE and is_superior:
        raise DomainError("return_card_role_conflict", unit_code=card.unit_code)
    return wanted or (Role.SUPERIOR if is_superior else Role.SUBORDINATE)


def _subordinate_unit(db: Database, actor: Actor, card: KeyCard) -> str:
    """The reporting unit in this register's tree (added under the home unit when it is not there yet)."""
    found = units_repo.by_code(db, card.unit_code)
    if found is not None:
        return found.id
    home = organisation.require_home(db)
    kind = SUBORDINATE_TYPES.get(home.unit_type, UnitType.COMMUNE_COMMITTEE)
    unit_id, _ = organisation.create_unit(db, actor, code=card.unit_code, name=card.unit_name, unit_type=kind,
                                          parent_id=home.id)
    return unit_id


def attach_card_unit(db: Database, actor: Actor, key: KeyRecord) -> str:
    """A reporting unit's card not attached to a unit of the tree: attached to the unit of its code (added under the
    home unit when there is none), inside the caller's transaction."""
    scope.require_committee(db, actor)
    card = KeyCard(key.unit_code, key.unit_name, b"", key.receive_public, key.fingerprint, "")
    unit_id = _subordinate_unit(db, actor, card)
    returns_repo.set_key_unit(db, key.id, unit_id)
    return unit_id


def import_card(db: Database, actor: Actor, path: Path | str, *, confirmed: str, role: Role | None = None,
                today: date | None = None) -> tuple[KeyRecord, Changes]:
    """Accept a key card once the person has compared its fingerprint (``confirmed``: the digits as read back).
    A new card of a unit already known replaces the old one (kept, retired)."""
    actor.require(Permission.EDIT_ORGANISATION)
    card = read_card(path)
    own = own_key(db)
    home = organisation.require_home(db)
    if card.unit_code == home.code or (own is not None and own.fingerprint == card.fingerprint):
        raise DomainError("return_card_is_own", file=Path(path).name)
    if not same_fingerprint(confirmed, card.fingerprint):
        raise DomainError("return_card_not_confirmed", typed=confirmed or "—", fingerprint=card.fingerprint_text,
                          unit=card.unit_name)
    ensure_own_keys(db, actor)
    with db.atomic():
        role = _role_for(db, card, role)
        current = returns_repo.current_key(db, role, card.unit_code)
        if current is not None and current.fingerprint == card.fingerprint:
            return current, Changes()
        unit_id = _subordinate_unit(db, actor, card) if role is Role.SUBORDINATE else home.parent_id
        retired = [k for k in returns_repo.keys(db) if k.role is role
                   and (k.unit_code == card.unit_code or role is Role.SUPERIOR)]
        for old in retired:
            returns_repo.retire_key(db, old.id)
        record = KeyRecord(new_id(), role, card.unit_code, card.unit_name, unit_id,
                           return_crypto.b64(card.sign_public), card.receive_public, card.fingerprint,
                           confirmed_by=actor.name)
        returns_repo.insert_key(db, record)
        audit.append(db, actor.name, "import_key_card", "unit", unit_id,
                     {"fingerprints": [k.fingerprint for k in retired]} if retired else None,
                     {"code": card.unit_code, "role": role.value, "fingerprint": card.fingerprint})
    return returns_repo.current_key(db, role, card.unit_code), Changes(organisation=True, settings=True)


def known_keys(db: Database) -> list[KeyRecord]:
    """Every key in force: this installation's, the superior's, each reporting unit's."""
    return returns_repo.keys(db)


def superior_key(db: Database) -> KeyRecord:
    key = returns_repo.current_key(db, Role.SUPERIOR)
    if key is None:
        raise DomainError("return_no_superior_key")
    return key


def card_print_context(db: Database) -> dict:
    """The values of the printed key card (form ``the_khoa``); the keys must exist (``keys export`` makes them)."""
    key = own_key(db)
    if key is None:
        raise DomainError("return_keys_missing")
    home = organisation.require_home(db)
    groups = key.fingerprint_text.split()
    return {"unit_name": home.name, "unit_code": home.code, "fingerprint_text": key.fingerprint_text,
            "groups": [{"n": i + 1, "digits": g, "spoken": spoken_digits(g)} for i, g in enumerate(groups)],
            "sign_public": key.sign_public, "receive_public": key.receive_public,
            "created_text": _day(key.created_at), "summary": "gửi, nhận báo cáo định kỳ qua USB"}


def _day(stamp: str) -> str:
    try:
        return date.fromisoformat(stamp[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return ""


DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def spoken_digits(group: str) -> str:
    """"40517" → "bốn – không – năm – một – bảy": a group as it is read over the telephone."""
    return " – ".join(DIGIT_WORDS[int(c)] for c in group)
