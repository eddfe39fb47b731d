"""Failed logins of a register's accounts, kept outside the register in the user's key folder.

Why outside: an encrypted register cannot be written before a login succeeds, yet a wrong password must
count. One small file per register (named by a hash of its full path, as the chain head is), readable by
its owner only; it holds each account's consecutive failures, the time before which no attempt is
checked, the lock, and a copy of the login policy (the policy itself is a setting inside the register).
Whoever deletes this file resets the counters, but could as well try passwords against a copy of the file
at full speed: the counters slow down a person at the keyboard, the argon2id hash slows down the rest.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tayninh_desktop.storage import keystore


def _path(db_path: str) -> Path:
    name = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:24]
    return keystore.keys_dir() / "dang-nhap" / f"{name}.json"


def read(db_path: str) -> dict:
    """{"policy": {...}, "accounts": {name: {...}}} (empty when nothing was recorded)."""
    try:
        data = json.loads(_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write(db_path: str, data: dict) -> None:
    payload = {**data, "path": str(Path(db_path).resolve())}
    keystore.write_private(_path(db_path), json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def account_state(db_path: str, name: str) -> dict | None:
    found = read(db_path).get("accounts", {})
    return found.get(name) if isinstance(found, dict) else None


def put_account_state(db_path: str, name: str, state: dict | None, policy: dict | None = None) -> None:
    data = read(db_path)
    accounts = data.get("accounts") if isinstance(data.get("accounts"), dict) else {}
    if state is None:
        accounts.pop(name, None)
    else:
        accounts[name] = state
    data["accounts"] = accounts
    if policy is not None:
        data["policy"] = policy
    write(db_path, data)


def put_policy(db_path: str, policy: dict) -> None:
    data = read(db_path)
    if data.get("policy") == policy:
        return
    data["policy"] = policy
    write(db_path, data)
