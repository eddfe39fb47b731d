"""Writing a return package, a receipt or a key card to a USB stick: atomically, then read back and compared.

The file is written under a temporary name in the target folder (noted first, so a killed run's leftover is
swept), flushed and fsynced, renamed, the folder fsynced; then read back from the medium and compared byte for
byte (a stick can acknowledge a write it did not keep). Only then may the program say the stick can be removed.
A stick pulled out, full or write-protected is refused in Vietnamese naming the file, and the temporary is
removed (when the stick is still there to remove it from).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from tayninh_desktop.domain import output_targets, temp_journal
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_register import os_reason

CHUNK = 1024 * 1024
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1)}
_GONE = {errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT, getattr(errno, "ENOMEDIUM", -1),
         getattr(errno, "ESTALE", -1)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def _write_chunks(handle, data: bytes) -> None:
    """Write in pieces (one system call per MB), as a stick takes it."""
    view = memoryview(data)
    for start in range(0, len(view), CHUNK):
        handle.write(view[start:start + CHUNK])


def _refusal(exc: OSError, path: Path) -> DomainError:
    if exc.errno in _FULL:
        return DomainError("return_disk_full", path=str(path))
    if exc.errno in _GONE:
        return DomainError("return_medium_gone", path=str(path))
    if exc.errno in _READ_ONLY:
        return DomainError("return_medium_read_only", path=str(path))
    return DomainError("file_write_failed", path=str(path), reason=os_reason(exc))


def _fsync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_verified(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` (replacing a file of the same name), verified by reading it back."""
    path = Path(path)
    output_targets.check(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DomainError("output_folder_missing", path=str(folder))
    temp: Path | None = None
    try:
        fd, temp = temp_journal.create(folder / path.name)
        with os.fdopen(fd, "wb") as handle:
            _write_chunks(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        temp_journal.end(temp)
        temp = None
        _fsync_folder(folder)
        if read_back(path) != data:
            _remove(path)
            raise DomainError("return_read_back_differs", path=str(path))
    except OSError as exc:
        raise _refusal(exc, path) from exc
    finally:
        if temp is not None:
            _remove(temp)
            temp_journal.end(temp)


def read_back(path: Path) -> bytes:
    """The file as the medium gives it now (not the copy the system may still hold in memory, where it can be
    told to drop it)."""
    with path.open("rb") as handle:
        if hasattr(os, "posix_fadvise"):
            try:
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
        return handle.read()


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass   # the stick is gone: nothing to remove from


def read_limited(path: Path, limit: int, code: str) -> bytes:
    """A file's bytes, refused (``code``) when it is larger than ``limit`` or cannot be read."""
    path = Path(path)
    try:
        if not path.is_file():
            raise DomainError("return_file_missing", file=str(path))
        if path.stat().st_size > limit:
            raise DomainError(code, file=path.name)
        return path.read_bytes()
    except OSError as exc:
        raise DomainError("file_error", path=str(path), reason=os_reason(exc)) from exc
