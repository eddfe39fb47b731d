"""Excel 97–2003 (.xls) through xlrd, with each cell's font (where most legacy-encoded lists live).

Rows are read ragged (each only as wide as its last cell) and bounded by the limits; every failure
inside xlrd, wherever it happens (a sheet is parsed when it is first asked for), is a refusal that
names the file.
"""

from __future__ import annotations

from pathlib import Path

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.spreadsheets import limits
from tayninh_desktop.spreadsheets.grid import GridCell, Merge, SheetGrid, Workbook


def _reason(exc: BaseException) -> str:
    from tayninh_desktop.domain.messages_integrity import read_failure

    return read_failure(type(exc).__name__)


class _Silent:
    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass


def read_xls(path: Path) -> Workbook:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, ragged_rows=True,
                                  logfile=_Silent())   # xlrd's English warnings never reach the user
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise DomainError("import_encrypted", file=path.name) from exc
        raise DomainError("import_unreadable", file=path.name, reason=_reason(exc)) from exc
    except MemoryError as exc:
        raise DomainError("import_out_of_memory", file=path.name) from exc
    except Exception as exc:  # xlrd raises many kinds for damaged files
        raise DomainError("import_unreadable", file=path.name, reason=_reason(exc)) from exc
    try:
        return Workbook("xls", _sheets(book, path.name))
    except DomainError:
        raise
    except MemoryError as exc:
        raise DomainError("import_out_of_memory", file=path.name) from exc
    except Exception as exc:  # a sheet damaged past the first records
        raise DomainError("import_unreadable", file=path.name, reason=_reason(exc)) from exc
    finally:
        book.release_resources()


def _sheets(book, file_name: str) -> list[SheetGrid]:
    limits.check(file_name, "sheets", book.nsheets, limits.MAX_SHEETS)
    fonts = [f.name for f in book.font_list]
    sheets, cells, chars = [], 0, 0
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        limits.check(file_name, "rows", sheet.nrows, limits.MAX_ROWS)
        rows = []
        for r in range(sheet.nrows):
            width = sheet.row_len(r)
            limits.check(file_name, "columns", width, limits.MAX_COLUMNS)
            row = [_cell(book, sheet, fonts, r, c, file_name) for c in range(width)]
            cells += sum(1 for cell in row if cell.value is not None)
            chars += sum(len(cell.value) for cell in row if isinstance(cell.value, str))
            rows.append(row)
            limits.check(file_name, "text_chars", chars, limits.MAX_TEXT_CHARS)
        limits.check(file_name, "cells", cells, limits.MAX_CELLS)
        limits.check(file_name, "merges", len(sheet.merged_cells), limits.MAX_MERGES)
        merges = tuple(Merge(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells)
        sheets.append(SheetGrid(sheet.name, rows, merges))
    return sheets


def _cell(book, sheet, fonts: list[str], r: int, c: int, file_name: str) -> GridCell:
    cell = sheet.cell(r, c)
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None and cell.xf_index < len(book.xf_list) else None
    font = fonts[xf.font_index] if xf is not None and xf.font_index < len(fonts) else None
    value = _value(cell, book.datemode)
    if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
        raise DomainError("import_cell_too_long", file=file_name, sheet=sheet.name, cell=f"{r + 1}:{c + 1}",
                          length=len(value), limit=limits.MAX_CELL_CHARS)
    return GridCell(value, font)


def _value(cell, datemode: int):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    return cell.value
