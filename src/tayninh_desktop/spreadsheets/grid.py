"""A sheet as read from any spreadsheet format: cell values with their font, and the merged ranges.

Readers (``xlsx_reader``, ``xls_reader``) fill these plain values so that layout detection and the
import never see openpyxl or xlrd objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class GridCell(NamedTuple):
    """A cell's value (str, float, int, datetime or None) and the name of the font it is drawn in.

    A named tuple rather than a dataclass: a 10,000-row list has a few hundred thousand of them.
    """

    value: object = None
    font: str | None = None


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based and inclusive."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


@dataclass(frozen=True)
class SheetGrid:
    name: str
    rows: list[list[GridCell]]
    merges: tuple[Merge, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return not any(c.value not in (None, "") for row in self.rows for c in row)


@dataclass(frozen=True)
class Workbook:
    """What a reader returns: the file's kind ("xlsx"/"xls") and its sheets in order."""

    kind: str
    sheets: list[SheetGrid]
