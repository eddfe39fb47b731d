"""Bounds on what a list may be, so that no file can exhaust the computer: each is far above a real list
(a commune's register is a few thousand rows of some thirty columns; a province's 100,000 rows), and
a file beyond one is refused with the limit named."""

from __future__ import annotations

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_integrity import LIMIT_NAMES

MAX_FILE_BYTES = 64 * 1024 * 1024          # the file as it lies on disk
MAX_UNPACKED_BYTES = 320 * 1024 * 1024     # an .xlsx is a zip: everything it holds, unpacked
MAX_PART_BYTES = 200 * 1024 * 1024         # one part of it (a sheet)
MAX_SHARED_STRINGS_BYTES = 48 * 1024 * 1024
MAX_ROWS = 200_000                         # the last row that holds a value
MAX_COLUMNS = 256                          # the last column that holds a value (an .xls has 256)
MAX_CELLS = 6_000_000                      # cells holding a value, all sheets together
MAX_MERGES = 100_000
MAX_CELL_CHARS = 32_767                    # Excel's own limit for one cell
MAX_TEXT_CHARS = 120_000_000               # the text of every cell together (a repeated shared string counts each time)
MAX_SHEETS = 255


def too_big(file_name: str, what: str, value: int, limit: int) -> DomainError:
    """The refusal of a file over a limit: ``what`` names the limit (a key of LIMIT_NAMES)."""
    return DomainError("import_too_big", file=file_name, what=LIMIT_NAMES[what], value=f"{value:,}".replace(",", "."),
                       limit=f"{limit:,}".replace(",", "."))




def check(file_name: str, what: str, value: int, limit: int) -> None:
    if value > limit:
        raise too_big(file_name, what, value, limit)
