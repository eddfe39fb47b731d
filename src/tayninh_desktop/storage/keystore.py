"""The secret that keys the audit chain, and the chain's head, kept outside the register.

Where: the user's key folder (``<data folder>/khoa``; ``TAYNINH_DESKTOP_DATA_DIR`` moves the data
folder, as in ``config.data_dir``, which this layer may not import). One file per key, named by
the key's id (a fingerprint, never the secret), so copies of a register on this computer verify
with the same key, and a register brought from another computer says plainly that its key is not
here.

Protection: on Windows the secret is sealed with DPAPI (``CryptProtectData``, the current user's
login key store) through ``ctypes``; elsewhere the file is readable by its owner only (0600), in a
folder only the owner can enter (0700). The Secret Service of Linux desktops is not used: an office
PC often runs no keyring daemon, and a key that cannot be reached would stop every write.

The head (the last entry's number and hash) is kept per register file (by its full path), so that
deleting the last entries of the log, or putting back an older copy under the same name, is seen.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sys
from pathlib import Path

from tayninh_desktop.domain import temp_journal

KEY_CHECK = b"tayninh-desktop audit key"
_ENV_DATA_DIR = "TAYNINH_DESKTOP_DATA_DIR"


_configured: Path | None = None


def configure(folder: Path | None) -> None:
    """Where the keys live, as the program's start-up resolved the data folder (``config.data_dir``:
    portable mode included). ``TAYNINH_DESKTOP_DATA_DIR`` still wins, as it does in ``config.data_dir``."""
    global _configured
    _configured = folder


def keys_dir() -> Path:
    override = os.environ.get(_ENV_DATA_DIR)
    if override:
        return Path(override) / "khoa"
    if _configured is not None:
        return _configured
    from platformdirs import user_data_dir

    return Path(user_data_dir("tayninh-desktop", appauthor=False)) / "khoa"


def key_id(key: bytes) -> str:
    """A public name for the key (16 hex digits of an HMAC of a fixed text)."""
    return hmac.new(key, KEY_CHECK, hashlib.sha256).hexdigest()[:16]


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` atomically to a file only its owner reads (0600 in a 0700 folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path.parent, 0o700)
    except OSError:
        pass
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp_journal.begin(temp)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        temp_journal.end(temp)


def create_key() -> tuple[str, bytes]:
    """A new secret, stored in the key folder; (its id, the secret)."""
    key = secrets.token_bytes(32)
    store_key(key)
    return key_id(key), key


def store_key(key: bytes) -> str:
    """Keep ``key`` (e.g. one brought back with an encrypted backup); returns its id."""
    ident = key_id(key)
    path = keys_dir() / f"{ident}.key"
    if not path.exists():
        write_private(path, _protect(key))
    return ident


def load_key(ident: str) -> bytes | None:
    """The secret with this id, or None when this computer does not have it."""
    if not ident or not all(c in "0123456789abcdef" for c in ident):
        return None
    path = keys_dir() / f"{ident}.key"
    try:
        key = _unprotect(path.read_bytes())
    except (OSError, ValueError):
        return None
    return key if key_id(key) == ident else None


def store_data_key(ident: str, key: bytes) -> None:
    """Seal an encrypted register's data key for this computer's user (DPAPI on Windows)."""
    write_private(keys_dir() / "so" / f"{ident}.key", _protect(key))


def load_data_key(ident: str) -> bytes | None:
    if not ident or not all(c in "0123456789abcdef" for c in ident):
        return None
    try:
        return _unprotect((keys_dir() / "so" / f"{ident}.key").read_bytes())
    except (OSError, ValueError):
        return None


def forget_data_key(ident: str) -> None:
    if ident and all(c in "0123456789abcdef" for c in ident):
        (keys_dir() / "so" / f"{ident}.key").unlink(missing_ok=True)


# --- the chain head, per register file -------------------------------------------------------

def _head_path(db_path: str) -> Path:
    name = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:24]
    return keys_dir() / "dau-chuoi" / f"{name}.json"


def read_head(db_path: str) -> dict | None:
    """The head recorded for this register file: {"seq", "hash", "conflict"?}, or None."""
    try:
        head = json.loads(_head_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return head if isinstance(head, dict) and isinstance(head.get("seq"), int) else None


def write_head(db_path: str, head: dict) -> None:
    """Record the head (atomically; a crash leaves the old head, which is only behind, never wrong)."""
    path = _head_path(db_path)
    data = json.dumps({**head, "path": str(Path(db_path).resolve())}, ensure_ascii=False).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp_journal.begin(temp)
        try:
            temp.write_bytes(data)
            os.replace(temp, path)
        finally:
            temp_journal.end(temp)
    except OSError:
        pass  # a read-only home folder: the check says the head is missing, nothing is lost


def forget_head(db_path: str) -> None:
    try:
        _head_path(db_path).unlink(missing_ok=True)
    except OSError:
        pass


# --- protection by the operating system's key store -------------------------------------------

def _protect(key: bytes) -> bytes:
    if sys.platform == "win32":
        return b"DPAPI1" + _dpapi(key, protect=True)
    return b"PLAIN1" + key.hex().encode("ascii")


def _unprotect(data: bytes) -> bytes:
    if data.startswith(b"DPAPI1"):
        return _dpapi(data[6:], protect=False)
    if data.startswith(b"PLAIN1"):
        return bytes.fromhex(data[6:].decode("ascii"))
    raise ValueError("unknown key file")


def _dpapi(data: bytes, *, protect: bool) -> bytes:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    buffer = ctypes.create_string_buffer(data, len(data))
    blob_in = Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    blob_out = Blob()
    crypt32 = ctypes.windll.crypt32
    call = crypt32.CryptProtectData if protect else crypt32.CryptUnprotectData
    ok = call(ctypes.byref(blob_in), None, None, None, None, 0x1, ctypes.byref(blob_out))  # UI_FORBIDDEN
    if not ok:
        raise ValueError("DPAPI refused")
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData)
    finally:
        ctypes.windll.kernel32.LocalFree(blob_out.pbData)
