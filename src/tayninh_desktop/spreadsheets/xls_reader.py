"""Excel 97–2003 (.xls) through xlrd, with each cell's font (where most legacy-encoded lists live)."""

from __future__ import annotations

from pathlib import Path

import xlrd

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.spreadsheets.grid import GridCell, Merge, SheetGrid, Workbook


def read_xls(path: Path) -> Workbook:
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise DomainError("import_encrypted", file=path.name) from exc
        raise DomainError("import_unreadable", file=path.name, reason=str(exc)) from exc
    except Exception as exc:  # xlrd raises many kinds for damaged files
        raise DomainError("import_unreadable", file=path.name, reason=type(exc).__name__) from exc
    fonts = [f.name for f in book.font_list]
    sheets = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        rows = []
        for r in range(sheet.nrows):
            row = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
                font = fonts[xf.font_index] if xf is not None and xf.font_index < len(fonts) else None
                row.append(GridCell(_value(cell, book.datemode), font))
            rows.append(row)
        merges = tuple(Merge(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells)
        sheets.append(SheetGrid(sheet.name, rows, merges))
    book.release_resources()
    return Workbook("xls", sheets)


def _value(cell, datemode: int):
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return None
    return cell.value
