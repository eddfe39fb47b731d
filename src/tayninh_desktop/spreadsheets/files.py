"""Writing a workbook safely: a temporary name in the target folder, flushed and fsynced, then renamed."""

from __future__ import annotations

import os
from pathlib import Path

from tayninh_desktop.domain import output_targets, temp_journal
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_register import os_reason


def save_atomic(book, path: Path) -> Path:
    """Save an openpyxl workbook so that a crash never leaves half a file under the real name.
    A folder that cannot take the file is refused naming ``path`` (DomainError "file_write_failed"); so is
    a register, its -wal/-shm or a backup at ``path`` (``domain.output_targets``)."""
    path = Path(path)
    output_targets.check(path)
    neutralise_formulas(book)
    try:
        return _save_atomic(book, path)
    except OSError as exc:
        raise DomainError("file_write_failed", path=str(path), reason=os_reason(exc)) from exc


def neutralise_formulas(book) -> None:
    """Every text is written as text: a name such as "=HYPERLINK(…)" or "@SUM(…)" taken from a list must
    never become a live formula in the exported file (the program writes no formulas of its own)."""
    for ws in book.worksheets:
        for cell in getattr(ws, "_cells", {}).values():
            if cell.data_type == "f":
                cell.data_type = "s"


def _save_atomic(book, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = temp_journal.create(path)
    try:
        with os.fdopen(handle, "wb") as out:
            book.save(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    finally:
        temp_journal.end(Path(temp))
    return path
