"""Encrypting a backup with a passphrase: age (https://age-encryption.org/v1, scrypt recipient) through
pyrage, a kept library and a reviewed format; nothing composed here from primitives.

A backup leaves the data folder (a USB stick) only encrypted: whoever finds the stick learns nothing
about any member. The same library will carry the return packages.
"""

from __future__ import annotations

from tayninh_desktop.domain.errors import DomainError

AGE_MAGIC = b"age-encryption.org/v1"
MIN_PASSPHRASE = 8


def check_passphrase(passphrase: str | None) -> str:
    """The passphrase, when it is long enough to protect the register."""
    if not passphrase or len(passphrase) < MIN_PASSPHRASE:
        raise DomainError("backup_weak_passphrase", min=MIN_PASSPHRASE)
    return passphrase


def is_encrypted(head: bytes) -> bool:
    return head.startswith(AGE_MAGIC)


def encrypt(data: bytes, passphrase: str) -> bytes:
    from pyrage import passphrase as age_passphrase

    return age_passphrase.encrypt(data, check_passphrase(passphrase))


def decrypt(data: bytes, passphrase: str | None, file_name: str) -> bytes:
    """The plaintext; a wrong passphrase and a damaged file are refused, each saying so."""
    from pyrage import DecryptError
    from pyrage import passphrase as age_passphrase

    if not passphrase:
        raise DomainError("backup_needs_passphrase", file=file_name)
    try:
        return age_passphrase.decrypt(data, passphrase)
    except DecryptError as exc:
        if "Decryption failed" in str(exc):
            raise DomainError("backup_wrong_passphrase", file=file_name) from exc
        raise DomainError("backup_unreadable", file=file_name) from exc
