"""Office Open XML (.xlsx) through openpyxl, with each cell's font and the merged ranges.

Read-only mode streams rows fast and still gives each cell's font; it does not give merged ranges,
so those are read from each sheet's XML directly (they sit at the end of the sheet part).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.spreadsheets.grid import GridCell, Merge, SheetGrid, Workbook

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def read_xlsx(path: Path) -> Workbook:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise DomainError("import_unreadable", file=path.name, reason=type(exc).__name__) from exc
    try:
        merges = _merges_by_sheet(path, book)
        sheets = []
        for ws in book.worksheets:
            rows = []
            fonts: dict[int, str | None] = {}  # by style id: a list uses a handful of styles
            for row in ws.iter_rows():
                out = []
                for c in row:
                    value = c.value
                    if isinstance(value, str):
                        style = getattr(c, "_style_id", None)
                        font = fonts.get(style) if style in fonts else fonts.setdefault(style, _font_name(c))
                        out.append(GridCell(value, font))
                    else:
                        out.append(GridCell(value))
                rows.append(out)
            width = max((len(r) for r in rows), default=0)
            rows = [r + [GridCell()] * (width - len(r)) for r in rows]
            sheets.append(SheetGrid(ws.title, _trim(rows), merges.get(ws.title, ())))
    finally:
        book.close()
    return Workbook("xlsx", sheets)


def _font_name(cell) -> str | None:
    try:
        return cell.font.name
    except (AttributeError, IndexError):
        return None


def _trim(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    while rows and all(c.value in (None, "") for c in rows[-1]):
        rows.pop()
    return rows


def col_index(letters: bytes | str) -> int:
    """0-based index of a column name ("A" -> 0, "AA" -> 26)."""
    value = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        value = value * 26 + ord(ch) - 64
    return value - 1


def _merges_by_sheet(path: Path, book) -> dict[str, tuple[Merge, ...]]:
    out: dict[str, tuple[Merge, ...]] = {}
    with zipfile.ZipFile(path) as archive:
        for ws in book.worksheets:
            part = getattr(ws, "_worksheet_path", None) or ""
            try:
                xml = archive.read(part.lstrip("/"))
            except KeyError:
                continue
            tail = xml[xml.rfind(b"</sheetData>"):] if b"</sheetData>" in xml else xml
            out[ws.title] = tuple(Merge(int(r0) - 1, col_index(c0), int(r1) - 1, col_index(c1))
                                  for c0, r0, c1, r1 in _MERGE.findall(tail))
    return out
