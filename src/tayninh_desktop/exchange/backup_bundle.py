"""An encrypted backup's content: a zip holding the register copy, its manifest and the audit keys.

The keys travel inside the encryption, so that a backup restored on a new computer can still vouch
for its log. Reading refuses a bundle whose members would unpack beyond a bound (a zip bomb).
"""

from __future__ import annotations

import io
import zipfile

from tayninh_desktop.domain.errors import DomainError

REGISTER = "so-dang-vien.sqlite3"
MANIFEST = "manifest.json"
KEYS_PREFIX = "khoa/"
MAX_UNPACKED = 8 * 1024 ** 3   # 8 GB: above any register this program is built for


def pack(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def unpack(data: bytes, file_name: str) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED or REGISTER not in archive.namelist():
                raise DomainError("backup_unreadable", file=file_name)
            return {i.filename: archive.read(i) for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise DomainError("backup_unreadable", file=file_name) from exc
