"""Open any member list: decide the format by the file's first bytes, not its name, and refuse clearly.

An .xlsx is a zip; an .xls is an OLE2 compound file; a password-protected .xlsx is also an OLE2 file
holding an "EncryptedPackage" stream. Everything else is not a spreadsheet.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_integrity import read_failure
from tayninh_desktop.spreadsheets import limits
from tayninh_desktop.spreadsheets.grid import Workbook

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


def file_kind(path: Path) -> str:
    """ "xlsx", "xls", "encrypted" or "other", from the content."""
    with path.open("rb") as handle:
        head = handle.read(8)
        if head.startswith(ZIP_MAGIC):
            return "xlsx"
        if head == OLE_MAGIC:
            handle.seek(0)
            data = handle.read(1 << 20)
            if any(name in data for name in _ENCRYPTED_STREAMS):
                return "encrypted"
            return "xls"
    return "other"


def read_workbook(path: Path | str) -> Workbook:
    """Read every sheet of an .xlsx or .xls file; DomainError naming the file when it cannot be read
    or is over a limit (``limits``). No error of a reader escapes as anything else."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("import_missing_file", file=path.name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DomainError("import_unreadable", file=path.name, reason=read_failure("OSError")) from exc
    limits.check(path.name, "file", size, limits.MAX_FILE_BYTES)
    try:
        with warnings.catch_warnings():   # openpyxl's English warnings (a date out of range…) stay inside
            warnings.simplefilter("ignore")
            return _read(path)
    except DomainError:
        raise
    except MemoryError as exc:
        raise DomainError("import_out_of_memory", file=path.name) from exc
    except Exception as exc:   # the last line of defence of every reader: a refusal naming the file
        raise DomainError("import_unreadable", file=path.name, reason=read_failure(type(exc).__name__)) from exc


def _read(path: Path) -> Workbook:
    kind = file_kind(path)
    if kind == "encrypted":
        raise DomainError("import_encrypted", file=path.name)
    if kind == "xlsx":
        from tayninh_desktop.spreadsheets.xlsx_reader import read_xlsx

        return read_xlsx(path)
    if kind == "xls":
        from tayninh_desktop.spreadsheets.xls_reader import read_xls

        return read_xls(path)
    raise DomainError("import_not_spreadsheet", file=path.name)
