"""Office Open XML (.xlsx) through openpyxl's parsers, streamed, bounded, with each cell's font.

The sheet XML is parsed as a stream: only cells that hold a value are kept, each row only as wide as
its last value and the sheet only as long as its last row with a value (a stray cell at the far
corner is refused by the limits, never padded into a million rows); the merged ranges are read from
the same stream, one element at a time. Before openpyxl opens anything the zip's declared sizes are
checked (a zip bomb, a shared-string bomb), and those sizes bound what is unpacked.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.spreadsheets import limits
from tayninh_desktop.spreadsheets.grid import GridCell, Merge, SheetGrid, Workbook


def check_archive(path: Path) -> None:
    """Refuse an .xlsx whose parts would unpack beyond the limits (read from the zip's directory)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise DomainError("import_unreadable", file=path.name, reason=_reason(exc)) from exc
    total = sum(i.file_size for i in infos)
    limits.check(path.name, "unpacked", total, limits.MAX_UNPACKED_BYTES)
    for info in infos:
        limits.check(path.name, "part", info.file_size, limits.MAX_PART_BYTES)
        if info.filename.lower().endswith("sharedstrings.xml"):
            limits.check(path.name, "strings", info.file_size, limits.MAX_SHARED_STRINGS_BYTES)


def _reason(exc: BaseException) -> str:
    from tayninh_desktop.domain.messages_integrity import read_failure

    return read_failure(type(exc).__name__)


def read_xlsx(path: Path) -> Workbook:
    import openpyxl

    check_archive(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except DomainError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise DomainError("import_unreadable", file=path.name, reason=_reason(exc)) from exc
    try:
        limits.check(path.name, "sheets", len(book.worksheets), limits.MAX_SHEETS)
        counter = _Counter(path.name)
        sheets = [_read_sheet(book, ws, counter) for ws in book.worksheets]
    finally:
        book.close()
    return Workbook("xlsx", sheets)


class _Counter:
    """Cells with a value, all sheets together."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.cells = 0
        self.chars = 0

    def add(self, n: int, chars: int) -> None:
        self.cells += n
        self.chars += chars
        limits.check(self.file_name, "cells", self.cells, limits.MAX_CELLS)
        limits.check(self.file_name, "text_chars", self.chars, limits.MAX_TEXT_CHARS)


def _read_sheet(book, ws, counter: _Counter) -> SheetGrid:
    from openpyxl.worksheet._reader import MERGE_TAG, ROW_TAG, WorkSheetParser
    from openpyxl.xml.functions import iterparse

    fonts = _FontNames(book)
    rows: list[list[GridCell]] = []
    merges: list[Merge] = []
    merge_cell_tag = MERGE_TAG[:-1]   # {ns}mergeCells -> {ns}mergeCell
    file_name = counter.file_name
    with book._archive.open(ws._worksheet_path) as source:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=True, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for _event, element in iterparse(source):
            if element.tag == ROW_TAG:
                index, cells = _parse_row(parser, element, file_name)
                element.clear()
                _put_row(rows, index, cells, fonts, ws.title, file_name, counter)
            elif element.tag == merge_cell_tag:
                merges.append(_merge(element.get("ref", ""), file_name))
                limits.check(file_name, "merges", len(merges), limits.MAX_MERGES)
                element.clear()
    return SheetGrid(ws.title, _trim(rows), tuple(merges))


def _parse_row(parser, element, file_name: str) -> tuple[int, list[dict]]:
    """A row's number and its cells (openpyxl's own parse_row also keeps every row's height: not wanted)."""
    number = element.get("r")
    try:
        parser.row_counter = int(float(number)) if number is not None else parser.row_counter + 1
    except ValueError as exc:
        raise DomainError("import_unreadable", file=file_name, reason=_reason(exc)) from exc
    if parser.row_counter < 1:
        raise DomainError("import_unreadable", file=file_name, reason=_reason(ValueError()))
    parser.col_counter = 0
    return parser.row_counter, [parser.parse_cell(child) for child in element]


def _put_row(rows: list, index: int, cells: list[dict], fonts: _FontNames, sheet: str, file_name: str,
             counter: _Counter) -> None:
    present = [c for c in cells if c["value"] not in (None, "")]
    if not present:
        return
    limits.check(file_name, "rows", index, limits.MAX_ROWS)
    width = max(c["column"] for c in present)
    limits.check(file_name, "columns", width, limits.MAX_COLUMNS)
    counter.add(len(present), sum(len(c["value"]) for c in present if isinstance(c["value"], str)))
    row = [GridCell()] * width
    make = tuple.__new__   # GridCell(...) without its generated __new__: one per cell of the sheet
    for c in present:
        value = c["value"]
        if isinstance(value, str):
            if len(value) > limits.MAX_CELL_CHARS:
                from openpyxl.utils import get_column_letter

                raise DomainError("import_cell_too_long", file=file_name, sheet=sheet, length=len(value),
                                  cell=f"{get_column_letter(c['column'])}{index}", limit=limits.MAX_CELL_CHARS)
            row[c["column"] - 1] = make(GridCell, (value, fonts.name(c["style_id"])))
        elif c["data_type"] == "e":
            continue   # an error value (#N/A, a date out of range): an empty cell for the import
        else:
            row[c["column"] - 1] = make(GridCell, (value, None))
    if index - 1 < len(rows):   # rows out of order: the later one counts
        rows[index - 1] = row
        return
    rows.extend([] for _ in range(index - 1 - len(rows)))
    rows.append(row)


def _merge(ref: str, file_name: str) -> Merge:
    from openpyxl.utils.cell import range_boundaries

    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except (ValueError, TypeError) as exc:
        raise DomainError("import_unreadable", file=file_name, reason=_reason(exc)) from exc
    return Merge(min_row - 1, min_col - 1, min(max_row, limits.MAX_ROWS) - 1, min(max_col, limits.MAX_COLUMNS) - 1)


class _FontNames:
    """A cell style's font name (a list uses a handful of styles)."""

    def __init__(self, book) -> None:
        self.book = book
        self.cache: dict[int, str | None] = {}

    def name(self, style_id) -> str | None:
        style_id = int(style_id or 0)
        if style_id not in self.cache:
            try:
                font_id = self.book._cell_styles[style_id].fontId
                self.cache[style_id] = self.book._fonts[font_id].name
            except (IndexError, AttributeError, KeyError, TypeError):
                self.cache[style_id] = None
        return self.cache[style_id]


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
