"""The keyring beside an encrypted register (``<register>.khoa``): its data key, wrapped.

A JSON file with the key's public fingerprint and one wrap per administrator (their password) and one for
the recovery key; each wrap is made and opened in ``exchange/key_wrap`` (argon2id + AES-256-GCM). Nothing in
it opens the register without a password or the recovery key. It travels with the register: copy both.
On this computer a copy of the data key is also sealed in the user's key folder (``keystore``: DPAPI on
Windows), so that every account, not only an administrator, can open the register here.
"""

from __future__ import annotations

import json
from pathlib import Path

from tayninh_desktop.storage import keystore

SUFFIX = ".khoa"


def path_of(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


def read(db_path: Path | str) -> dict | None:
    """The keyring of this register, or None when there is none (or it cannot be read as one)."""
    try:
        data = json.loads(path_of(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("wraps"), list) or not data.get("key_id"):
        return None
    return data


def write(db_path: Path | str, data: dict) -> None:
    keystore.write_private(path_of(db_path), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def remove(db_path: Path | str) -> None:
    path_of(db_path).unlink(missing_ok=True)


def wrap_for(data: dict, purpose: str) -> dict | None:
    return next((w for w in data.get("wraps", []) if isinstance(w, dict) and w.get("purpose") == purpose), None)


def with_wrap(data: dict, wrap: dict) -> dict:
    wraps = [w for w in data.get("wraps", []) if w.get("purpose") != wrap["purpose"]]
    return {**data, "wraps": [*wraps, wrap]}


def without_wrap(data: dict, purpose: str) -> dict:
    return {**data, "wraps": [w for w in data.get("wraps", []) if w.get("purpose") != purpose]}
