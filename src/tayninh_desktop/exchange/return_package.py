"""The envelope of a return package, a receipt and a key card (docs/return-package.md).

A package is a zip of exactly three stored (uncompressed) members, in this order: ``manifest.json`` (UTF-8
JSON, no personal data), ``payload.age`` (the payload, gzip-compressed JSON, encrypted with age to the
receiver) and ``signature.ed25519`` (64 bytes: the sender's Ed25519 signature). The zip is written in one
canonical way (fixed times and attributes), so a reader rebuilds it from the three members and requires the
same bytes: a changed byte anywhere in the file — even one a zip reader would ignore — refuses the file.

Receipts and key cards are small JSON texts with their own Ed25519 signature.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.exchange import return_crypto

MANIFEST, PAYLOAD, SIGNATURE = "manifest.json", "payload.age", "signature.ed25519"
MEMBERS = (MANIFEST, PAYLOAD, SIGNATURE)
PACKAGE_CONTEXT = b"tayninh-desktop/return-package/v1\x00"
RECEIPT_CONTEXT = b"tayninh-desktop/return-receipt/v1\x00"
CARD_CONTEXT = b"tayninh-desktop/key-card/v1\x00"
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
MAX_PACKAGE = 512 * 1024 ** 2     # far above a 100,000-member snapshot; a bigger file is not a package
MAX_MANIFEST = 256 * 1024
MAX_SMALL_FILE = 256 * 1024       # a receipt, a key card
SIGNATURE_SIZE = 64


@dataclass(frozen=True)
class PackageParts:
    manifest: bytes
    ciphertext: bytes
    signature: bytes


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signed_message(manifest: bytes, ciphertext: bytes) -> bytes:
    """What the sender signs: the context, then SHA-256(manifest) and SHA-256(encrypted payload)."""
    return PACKAGE_CONTEXT + hashlib.sha256(manifest).digest() + hashlib.sha256(ciphertext).digest()


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    return info


def pack(parts: PackageParts) -> bytes:
    """The package file's bytes, in the one canonical layout."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED, allowZip64=False) as archive:
        for name, data in zip(MEMBERS, (parts.manifest, parts.ciphertext, parts.signature), strict=True):
            archive.writestr(_info(name), data)
    return buffer.getvalue()


def unpack(data: bytes, file_name: str) -> PackageParts:
    """The three parts of a package file; a file that is not exactly a package as this format writes it is
    refused as damaged (nothing is decrypted or trusted before this)."""
    if len(data) > MAX_PACKAGE:
        raise DomainError("return_too_big", file=file_name, size=len(data) // (1024 ** 2))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if [i.filename for i in infos] != list(MEMBERS) or infos[0].file_size > MAX_MANIFEST:
                raise DomainError("return_damaged", file=file_name)
            parts = PackageParts(*(archive.read(i) for i in infos))
    except DomainError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError) as exc:
        raise DomainError("return_damaged", file=file_name) from exc
    if len(parts.signature) != SIGNATURE_SIZE or pack(parts) != data:
        raise DomainError("return_damaged", file=file_name)
    return parts


def parse_json(data: bytes, file_name: str, code: str = "return_damaged") -> dict:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DomainError(code, file=file_name) from exc
    if not isinstance(value, dict):
        raise DomainError(code, file=file_name)
    return value


def canonical_json(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


# --- signed small files: receipts and key cards ----------------------------------------------------------

def seal_small(fields: dict, private_seed: bytes, context: bytes) -> bytes:
    """``fields`` and their signature as one JSON text (the signature covers the canonical JSON of ``fields``)."""
    signature = return_crypto.sign(private_seed, context + canonical_json(fields))
    text = json.dumps({"noi_dung": fields, "chu_ky": return_crypto.b64(signature)}, ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def open_small(data: bytes, file_name: str, code: str) -> tuple[dict, bytes]:
    """(the fields, their signature) of a receipt or key card; damage is refused with ``code``."""
    if len(data) > MAX_SMALL_FILE:
        raise DomainError(code, file=file_name)
    outer = parse_json(data, file_name, code)
    fields, signature = outer.get("noi_dung"), return_crypto.unb64(outer.get("chu_ky"), SIGNATURE_SIZE)
    if not isinstance(fields, dict) or signature is None or set(outer) != {"noi_dung", "chu_ky"}:
        raise DomainError(code, file=file_name)
    return fields, signature


def small_signature_ok(fields: dict, signature: bytes, public: bytes, context: bytes) -> bool:
    return return_crypto.verify(public, signature, context + canonical_json(fields))
