"""Never write over what matters: the register, its -wal/-shm, a backup, or a file the command reads.

Every writer of the program (PDF, xlsx, backups) asks ``refusal`` before it writes; a target that is
a register or a backup is recognised by its content (not its name), so a PDF named ``so.db`` is
never written over the register ``so.db``, whatever the extension.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"
AGE_MAGIC = b"age-encryption.org/"
SIDE_FILES = {"-wal": " (tệp nhật ký ghi -wal đi kèm sổ)", "-shm": " (tệp -shm đi kèm sổ)",
              "-journal": " (tệp -journal đi kèm sổ)"}
BACKUP_USER_VERSION = 0x54424B31   # storage.backup.BACKUP_MARK, in the header at offset 60
BACKUPS_FOLDER = "backups"


def _head(path: Path, size: int = 64) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def is_sqlite(path: Path) -> bool:
    return _head(path, len(SQLITE_MAGIC)) == SQLITE_MAGIC


def is_backup_file(path: Path) -> bool:
    head = _head(path)
    if head.startswith(AGE_MAGIC):
        return True
    return head.startswith(SQLITE_MAGIC) and int.from_bytes(head[60:64], "big") == BACKUP_USER_VERSION


def refusal(target: Path | str, inputs: Iterable[Path | str] = ()) -> DomainError | None:
    """Why ``target`` must not be written (a DomainError to raise), or None when it may be."""
    target = Path(target)
    for source in inputs:
        if source and target.exists() and _same(target, Path(source)):
            return DomainError("output_is_input", path=str(target))
    if target.is_file():
        if is_backup_file(target):
            return DomainError("output_is_backup", path=str(target))
        if is_sqlite(target):
            return DomainError("output_is_register", path=str(target), what="")
    for suffix, what in SIDE_FILES.items():
        if target.name.endswith(suffix) and is_sqlite(target.with_name(target.name[: -len(suffix)])):
            return DomainError("output_is_register", path=str(target), what=what)
    folder = target.parent
    if folder.name == BACKUPS_FOLDER and any(is_sqlite(f) for f in _files(folder)):
        return DomainError("output_in_backups", path=str(target))
    return None


def _files(folder: Path) -> list[Path]:
    try:
        return [f for f in folder.iterdir() if f.is_file()][:50]
    except OSError:
        return []


def check(target: Path | str, inputs: Iterable[Path | str] = ()) -> None:
    """Raise the refusal for ``target`` if there is one."""
    error = refusal(target, inputs)
    if error is not None:
        raise error
