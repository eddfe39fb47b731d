"""The register's data key, wrapped for the people who may open an encrypted register.

The data key is 32 random bytes (SQLCipher's raw key). It is never stored as it is: each wrap is the key
encrypted with AES-256-GCM under a key-encryption key derived from a secret by argon2id (salted, 64 MiB,
3 passes): an administrator's password, or the recovery key printed when encryption is turned on. The
wrap's associated data names what it is for (which account, the recovery key, the key's fingerprint), so
a wrap cannot be moved to another account.

The recovery key: 160 random bits written as 32 characters of Crockford's base32 in groups of four
(no I, L, O or U to misread); typing is forgiving (lower case, spaces, dashes, O for 0, I or L for 1).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KDF = {"kdf": "argon2id", "t": 3, "m": 65536, "p": 4}
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})
RECOVERY_CHARS = 32


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def fingerprint(key: bytes) -> str:
    """A public name for a data key (16 hex digits), to tell registers and their keyrings apart."""
    return hmac.new(key, b"tayninh-desktop data key", hashlib.sha256).hexdigest()[:16]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _kek(secret: str, salt: bytes, params: dict) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=int(params["t"]), memory_cost=int(params["m"]),
                           parallelism=int(params["p"]), hash_len=32, type=Type.ID)


def wrap(key: bytes, secret: str, purpose: str) -> dict:
    """The data key encrypted under ``secret`` for ``purpose`` ("account:NAME" or "recovery")."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    aad = f"{purpose}|{fingerprint(key)}".encode()
    sealed = AESGCM(_kek(secret, salt, KDF)).encrypt(nonce, key, aad)
    return {**KDF, "purpose": purpose, "key_id": fingerprint(key), "salt": _b64(salt), "nonce": _b64(nonce),
            "sealed": _b64(sealed)}


def unwrap(entry: dict, secret: str) -> bytes | None:
    """The data key, or None when the secret is wrong (or the wrap damaged)."""
    try:
        salt, nonce = base64.b64decode(entry["salt"]), base64.b64decode(entry["nonce"])
        sealed = base64.b64decode(entry["sealed"])
        aad = f"{entry['purpose']}|{entry['key_id']}".encode()
        key = AESGCM(_kek(secret, salt, entry)).decrypt(nonce, sealed, aad)
    except (KeyError, ValueError, TypeError, InvalidTag):
        return None
    return key if fingerprint(key) == entry.get("key_id") else None


def new_recovery_key() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(RECOVERY_CHARS))
    return "-".join(chars[i:i + 4] for i in range(0, RECOVERY_CHARS, 4))


def normal_recovery_key(typed: str) -> str | None:
    """The recovery key as typed, in its printed form; None when it cannot be one."""
    chars = "".join(c for c in (typed or "").upper() if c.isalnum()).translate(_TYPED)
    if len(chars) != RECOVERY_CHARS or not set(chars) <= set(_ALPHABET):
        return None
    return "-".join(chars[i:i + 4] for i in range(0, RECOVERY_CHARS, 4))
