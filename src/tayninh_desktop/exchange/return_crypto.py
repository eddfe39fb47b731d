"""The keys of return packages: Ed25519 to sign (``cryptography``), X25519 to receive (age, through pyrage).

Nothing here is composed from primitives: the payload is encrypted in the age format (a kept, reviewed format
with its own specification, https://age-encryption.org/v1) to the receiver's X25519 recipient, and the package
is signed with Ed25519 (RFC 8032) as ``cryptography`` implements it. The message signed is fixed by
docs/return-package.md: a context string, then the SHA-256 of the manifest and of the encrypted payload.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from tayninh_desktop.domain.errors import DomainError

AGE_PREFIX = "age1"
IDENTITY_PREFIX = "AGE-SECRET-KEY-1"


@dataclass(frozen=True)
class KeyPair:
    """A new installation's keys. The private halves go to the key store at once and are never written
    anywhere else in clear."""

    sign_private: bytes      # Ed25519 private key, the 32-byte seed
    sign_public: bytes       # Ed25519 public key, 32 bytes
    receive_identity: str    # age X25519 identity, "AGE-SECRET-KEY-1…"
    receive_public: str      # age X25519 recipient, "age1…"


def new_key_pair() -> KeyPair:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )
    from pyrage import x25519

    signing = Ed25519PrivateKey.generate()
    seed = signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    identity = x25519.Identity.generate()
    return KeyPair(seed, public, str(identity), str(identity.to_public()))


def sign(private_seed: bytes, message: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(private_seed).sign(message)


def public_of(private_seed: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return Ed25519PrivateKey.from_private_bytes(private_seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    """True when ``signature`` is ``public``'s signature of ``message``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def recipient_ok(text: str) -> bool:
    """Whether ``text`` is an age X25519 recipient."""
    from pyrage import RecipientError, x25519

    if not isinstance(text, str) or not text.startswith(AGE_PREFIX):
        return False
    try:
        x25519.Recipient.from_str(text)
    except (RecipientError, ValueError):
        return False
    return True


def encrypt_to(recipient: str, data: bytes) -> bytes:
    import pyrage
    from pyrage import x25519

    return pyrage.encrypt(data, [x25519.Recipient.from_str(recipient)])


def decrypt_with(identity: str, data: bytes, file_name: str) -> bytes:
    """The plaintext; a payload this identity cannot open (another receiver, damage) is refused."""
    import pyrage
    from pyrage import x25519

    try:
        return pyrage.decrypt(data, [x25519.Identity.from_str(identity)])
    except (pyrage.DecryptError, pyrage.IdentityError, ValueError) as exc:
        raise DomainError("return_cannot_decrypt", file=file_name) from exc


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, size: int | None = None) -> bytes | None:
    """The bytes of a base64 text (None when it is not base64, or not ``size`` bytes long)."""
    if not isinstance(text, str):
        return None
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return data if size is None or len(data) == size else None
