"""What importing needs from storage: the identities to match rows against, remembered column mappings."""

from __future__ import annotations

import hashlib

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso
from tayninh_desktop.domain.import_rules import Identity
from tayninh_desktop.storage import settings_repo

_MAPPING_PREFIX = "import_mapping:"


def identities(db: Database) -> list[Identity]:
    """Every member's identifiers (one query; the import indexes them in memory)."""
    rows = db.execute("SELECT id, full_name, birth_date, cccd, card_number FROM members").fetchall()
    return [Identity(r[0], r[1], from_iso(r[2]), r[3] or "", r[4] or "") for r in rows]


def _key(signature: str) -> str:
    return _MAPPING_PREFIX + hashlib.sha256(signature.encode("utf-8")).hexdigest()[:24]


def get_mapping(db: Database, signature: str) -> dict[int, str] | None:
    """The column mapping the user confirmed for files with these headers, if any."""
    stored = settings_repo.get(db, _key(signature))
    if not stored:
        return None
    return {int(k): v for k, v in stored.items()}


def put_mapping(db: Database, signature: str, mapping: dict[int, str]) -> None:
    settings_repo.put(db, _key(signature), {str(k): v for k, v in sorted(mapping.items())})


def last_audit_seq(db: Database) -> int:
    """The register's last audit entry (0 for none): a plan made at one mark is stale at another."""
    row = db.execute("SELECT max(seq) FROM audit_log").fetchone()
    return row[0] or 0
