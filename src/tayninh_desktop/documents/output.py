"""Writing a finished PDF safely: a temporary file in the target folder, fsync, then rename."""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from tayninh_desktop.domain import output_targets, temp_journal
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_register import os_reason


@dataclass(frozen=True)
class RenderResult:
    """A written PDF: where, how many pages, its SHA-256 (recorded in the document register)."""

    path: Path
    pages: int
    sha256: str
    size: int


def check_target(path: Path) -> None:
    """Refuse, before anything is numbered or written, an output that cannot become a file: a folder,
    or a file in a folder that does not exist."""
    path = Path(path)
    if path.is_dir():
        raise DomainError("output_is_folder", path=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DomainError("output_folder_missing", path=str(folder))


@dataclass
class StagedFile:
    """A finished file written and fsynced under a temporary name beside its target, not yet in place.

    A numbered document is staged inside the register's transaction and published (renamed into place)
    only after the commit: a run killed before the commit leaves no file at the target, only a hidden
    temporary that the register never knew; a refused commit discards it."""

    path: Path
    temporary: Path

    def publish(self) -> None:
        try:
            os.replace(self.temporary, self.path)
            _sync_folder(self.path.parent if str(self.path.parent) else Path("."))
        except OSError as exc:
            self.discard()
            raise DomainError("file_write_failed", path=str(self.path), reason=os_reason(exc)) from exc
        temp_journal.end(self.temporary)

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temporary)
        temp_journal.end(self.temporary)


def stage(path: Path, data: bytes) -> StagedFile:
    """Write ``data`` under a temporary name in ``path``'s folder and fsync it (see ``StagedFile``); the
    temporary is noted before it exists, so the next start sweeps it if the run is killed before publishing."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = temp_journal.create(folder / path.name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            temp_journal.end(Path(tmp))
            raise
    except OSError as exc:
        raise DomainError("file_write_failed", path=str(path), reason=os_reason(exc)) from exc
    return StagedFile(path, Path(tmp))


def _sync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX only)
        dir_fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one.
    A folder that cannot take the file is refused naming ``path`` (DomainError "file_write_failed"); so is
    a register, its -wal/-shm or a backup at ``path`` (``domain.output_targets``)."""
    path = Path(path)
    output_targets.check(path)
    try:
        _write_atomic(path, data)
    except OSError as exc:
        raise DomainError("file_write_failed", path=str(path), reason=os_reason(exc)) from exc


def _write_atomic(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = temp_journal.create(folder / path.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    finally:
        temp_journal.end(Path(tmp))
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX only)
        dir_fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
